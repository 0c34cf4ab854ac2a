import { createHash } from 'node:crypto'
import { canonicalHash } from '@core/text/canonical.js'
import { createTestApp, type Session, signIn, type TestApp } from '@test/support/app.js'
import { buildDossier, buildUser, type DossierWorld, sampleContent } from '@test/support/factories.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let t: TestApp
let w: DossierWorld
let editor: Session
let tajik: Session
let moldova: Session
let draftId: string

beforeAll(async () => {
  t = await createTestApp()
  w = await buildDossier(t.handle)
  editor = await signIn(t.app, (await buildUser(t.handle, w, 'secretariat_editor')).email)
  tajik = await signIn(t.app, (await buildUser(t.handle, w, 'head_of_delegation', 'TJK')).email)
  moldova = await signIn(t.app, (await buildUser(t.handle, w, 'observer_delegate', 'MDA')).email)
})
afterAll(() => t.close())

const versionUrl = (id: string) => `/api/documents/${w.document.id}/versions/${id}`

describe('GET a version with its provisions', () => {
  it('returns the provisions in document order with numbers, depth and both languages', async () => {
    const res = await tajik.get(versionUrl(w.published.id))
    expect(res.statusCode).toBe(200)
    const v = res.json().data
    expect(v.label).toEqual({ ru: 'Проект', en: 'Draft' })
    expect(v.status).toBe('published')
    expect(v.provisions.map((p: { eid: string }) => p.eid)).toEqual([
      'preamble__recital_1',
      'preamble__recital_2',
      'para_1',
      'para_2',
      'para_2__point_a',
      'para_3',
    ])
    const para3 = v.provisions.find((p: { eid: string }) => p.eid === 'para_3')
    expect(para3.num).toBe('3')
    expect(para3.text.ru[0].text).toBe('Пункт 3 на русском языке.')
    expect(para3.text.en[0].text).toBe('Paragraph 3 in English.')
    expect(res.json().policies).toEqual({ read: true, update: false, publish: false })
  })

  it('serves an observer too, since observers are heard', async () => {
    expect((await moldova.get(versionUrl(w.published.id))).statusCode).toBe(200)
  })

  it('answers If-None-Match with 304 for an immutable version', async () => {
    const first = await tajik.get(versionUrl(w.published.id))
    const etag = first.headers.etag as string
    expect(etag).toMatch(/^"[0-9a-f]{32}-\d+-\w+"$/)
    const again = await tajik.get(versionUrl(w.published.id), { 'if-none-match': etag })
    expect(again.statusCode).toBe(304)
    const stale = await tajik.get(versionUrl(w.published.id), { 'if-none-match': '"something-else"' })
    expect(stale.statusCode).toBe(200)
  })

  it('serves the canonical content whose SHA-256 is the contentHash', async () => {
    const v = (await tajik.get(versionUrl(w.published.id))).json().data
    const res = await tajik.get(`${versionUrl(w.published.id)}/content`)
    expect(createHash('sha256').update(res.body, 'utf8').digest('hex')).toBe(v.contentHash)
    expect(v.contentHash).toBe(canonicalHash(sampleContent()))
  })

  it('404s a version of another document and a malformed id', async () => {
    expect((await tajik.get(`/api/documents/${w.document.id}/versions/xyz`)).json().error.code).toBe(
      'version_not_found',
    )
    const elsewhere = await buildDossier(t.handle, { world: w })
    const res = await editor.get(versionUrl(elsewhere.published.id))
    expect(res.statusCode).toBe(404)
  })
})

describe('drafts', () => {
  it('lets the secretariat create a draft that delegates cannot see', async () => {
    const res = await editor.send('POST', `/api/documents/${w.document.id}/versions`, {
      label: { ru: 'Ред. 1', en: 'Rev.1' },
      content: sampleContent(4),
    })
    expect(res.statusCode).toBe(201)
    draftId = res.json().data.id
    expect(res.json().data.seq).toBe(2)
    expect(res.json().data.provisionCount).toBe(7)
    expect(res.json().policies).toEqual({ read: true, update: true, publish: true })
    expect((await tajik.get(versionUrl(draftId))).statusCode).toBe(404)
    const list = (await tajik.get(`/api/documents/${w.document.id}/versions`)).json().data
    expect(list.map((v: { id: string }) => v.id)).toEqual([w.published.id])
    const all = (await editor.get(`/api/documents/${w.document.id}/versions`)).json().data
    expect(all.map((v: { label: { en: string } }) => v.label.en)).toEqual(['Rev.1', 'Draft'])
  })

  it('refuses content with a duplicate eid, naming the place', async () => {
    const content = sampleContent(2)
    content.body[1]!.eid = 'para_1'
    const res = await editor.send('POST', `/api/documents/${w.document.id}/versions`, {
      label: { en: 'Bad' },
      content,
    })
    expect(res.statusCode).toBe(422)
    expect(res.json().error.details.fields[0].path).toBe('body.content.body.1.eid')
  })

  it('edits a draft with its version, then publishes it; a published version is immutable', async () => {
    const edited = await editor.send('PATCH', versionUrl(draftId), { version: 1, content: sampleContent(5) })
    expect(edited.statusCode).toBe(200)
    expect(edited.json().data.provisionCount).toBe(8)
    const published = await editor.send('POST', `${versionUrl(draftId)}/publish`, { version: 2 })
    expect(published.statusCode).toBe(200)
    expect(published.json().data.status).toBe('published')
    expect(published.json().data.publishedAt).toBeTruthy()
    const again = await editor.send('PATCH', versionUrl(draftId), { version: 3, label: { en: 'Changed' } })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('version_immutable')
    expect((await tajik.get(versionUrl(draftId))).json().data.provisions).toHaveLength(8)
  })

  it('refuses delegates any write', async () => {
    const res = await tajik.send('POST', `/api/documents/${w.document.id}/versions`, {
      label: { en: 'X' },
      content: sampleContent(),
    })
    expect(res.statusCode).toBe(403)
  })
})

describe('PATCH /api/documents/:id', () => {
  it('renames with the current version and refuses a stale one', async () => {
    const ok = await editor.send('PATCH', `/api/documents/${w.document.id}`, {
      version: 1,
      title: { ru: 'Новое', en: 'New' },
    })
    expect(ok.statusCode).toBe(200)
    expect(ok.json().data.title.en).toBe('New')
    expect(ok.json().data.versions).toHaveLength(2)
    const stale = await editor.send('PATCH', `/api/documents/${w.document.id}`, {
      version: 1,
      title: { ru: 'X' },
    })
    expect(stale.statusCode).toBe(409)
  })
})
