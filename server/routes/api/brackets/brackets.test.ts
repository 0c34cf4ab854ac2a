import { createTestApp, type Session, signIn, type TestApp } from '@test/support/app.js'
import { buildDossier, buildUser, type DossierWorld, sampleContent } from '@test/support/factories.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let t: TestApp
let w: DossierWorld
let editor: Session
const heads: Record<string, Session> = {}

beforeAll(async () => {
  t = await createTestApp()
  w = await buildDossier(t.handle)
  editor = await signIn(t.app, (await buildUser(t.handle, w, 'secretariat_editor')).email)
  for (const code of ['ARM', 'TJK', 'RUS'])
    heads[code] = await signIn(t.app, (await buildUser(t.handle, w, 'head_of_delegation', code)).email)
})
afterAll(() => t.close())

describe('brackets', () => {
  it('are put on a draft, backed by parties, block consensus, and are resolved into the next revision', async () => {
    const doc = `/api/documents/${w.document.id}`
    const draft = (
      await editor.send('POST', `${doc}/versions`, { label: { en: 'Rev.1' }, content: sampleContent() })
    ).json().data
    // "Пункт 1 на русском языке." — bracket "русском"
    const put = await editor.send('POST', `${doc}/versions/${draft.id}/brackets`, {
      eid: 'para_1',
      language: 'ru',
      start: 11,
      end: 18,
      alternatives: [
        { text: 'русском', backers: ['RUS'] },
        { text: 'государственном', backers: ['TJK'] },
      ],
    })
    expect(put.statusCode).toBe(201)
    const bracketId = put.json().created
    expect(put.json().open).toBe(1)
    await editor.send('POST', `${doc}/versions/${draft.id}/publish`, { version: 2 })
    const base = `${doc}/versions/${draft.id}`
    for (const code of ['ARM', 'TJK', 'RUS'])
      await heads[code]!.send('POST', `${base}/positions`, { kind: 'agree' })
    let consensus = (await editor.get(`${base}/consensus`)).json().data
    expect(consensus.agreed).toBe(false)
    expect(consensus.provisions.find((p: { eid: string }) => p.eid === 'para_1').reasons).toEqual([
      { code: 'open_brackets', items: [bracketId] },
    ])
    const backed = await heads.ARM!.send('POST', `${base}/brackets/${bracketId}/back`, { alternative: 1 })
    expect(backed.json().data[0].alternatives[1].backers).toEqual(['TJK', 'ARM'])
    expect(
      (await heads.ARM!.send('POST', `${base}/brackets/${bracketId}/resolve`, { alternative: 1 })).statusCode,
    ).toBe(403)
    const resolved = await editor.send('POST', `${base}/brackets/${bracketId}/resolve`, { alternative: 1 })
    expect(resolved.json().data[0].resolved).toEqual({ text: 'государственном', agreedBy: ['TJK', 'ARM'] })
    const late = await heads.RUS!.send('POST', `${base}/brackets/${bracketId}/back`, { alternative: 0 })
    expect(late.statusCode).toBe(409)
    expect(late.json().error.code).toBe('bracket_resolved')
    consensus = (await editor.get(`${base}/consensus`)).json().data
    expect(consensus.agreed).toBe(true)
    // The next revision carries the resolution as plain text.
    const round = (
      await editor.send('POST', `${doc}/rounds`, {
        versionId: draft.id,
        opensAt: new Date(Date.now() - 3600_000).toISOString(),
        closesAt: new Date(Date.now() + 3600_000).toISOString(),
        timezone: 'Europe/Minsk',
      })
    ).json().data
    const rev = await editor.send('POST', `${doc}/revisions`, {
      fromVersionId: draft.id,
      roundId: round.id,
      label: { en: 'Rev.2' },
    })
    const text = (await editor.get(`${doc}/versions/${rev.json().data.versionId}`)).json().data.provisions[2]
      .text.ru
    expect(text).toEqual([{ type: 'text', text: 'Пункт 1 на государственном языке.' }])
  })

  it('cannot be put on a circulated version', async () => {
    const res = await editor.send(
      'POST',
      `/api/documents/${w.document.id}/versions/${w.published.id}/brackets`,
      {
        eid: 'para_1',
        language: 'ru',
        start: 0,
        end: 5,
        alternatives: [{ text: 'a' }, { text: 'b' }],
      },
    )
    expect(res.statusCode).toBe(409)
    expect(res.json().error.code).toBe('version_immutable')
  })
})
