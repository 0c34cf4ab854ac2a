import { canonicalJson } from '@core/text/canonical.js'
import type { DocumentContent } from '@core/text/model.js'
import { versionDrafter } from '@server/commands/documents.js'
import { inTransaction } from '@server/context.js'
import { extractPdfText } from '@server/exports/index.js'
import { createTestApp, type Session, signIn, type TestApp } from '@test/support/app.js'
import {
  buildDossier,
  buildOrganization,
  buildUser,
  type DossierWorld,
  sampleContent,
} from '@test/support/factories.js'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const flat = (s: string) => s.replace(/\s+/g, '')

let t: TestApp
let a: DossierWorld
let b: DossierWorld
let editor: Session
const heads: Record<string, Session> = {}
let observer: Session
let outsider: Session
let baseA: string
let baseB: string

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://concord.example.org' })
  a = await buildDossier(t.handle)
  // The same text in a second dossier of the organization, in which Tajikistan takes no part.
  b = await buildDossier(t.handle, { world: a, participants: ['ARM', 'RUS'] })
  editor = await signIn(t.app, (await buildUser(t.handle, a, 'secretariat_editor')).email)
  for (const code of ['ARM', 'TJK', 'RUS'])
    heads[code] = await signIn(t.app, (await buildUser(t.handle, a, 'head_of_delegation', code)).email)
  observer = await signIn(t.app, (await buildUser(t.handle, a, 'observer_delegate', 'MDA')).email)
  // A delegate of another organization altogether.
  const other = await buildOrganization(t.handle, { members: ['KAZ'], observers: [] })
  outsider = await signIn(t.app, (await buildUser(t.handle, other, 'head_of_delegation', 'KAZ')).email)
  baseA = `/api/documents/${a.document.id}/versions/${a.published.id}`
  baseB = `/api/documents/${b.document.id}/versions/${b.published.id}`
})
afterAll(() => t.close())

const post = (s: Session, url: string, body: unknown) => {
  const res = s.send('POST', url, body)
  return res.then((r) => {
    expect(r.statusCode, r.body).toBeLessThan(300)
    return r
  })
}

describe('certificate of agreement', () => {
  it('is only for a frozen version', async () => {
    const res = await heads.ARM!.get(`${baseA}/certificate.pdf`)
    expect(res.statusCode).toBe(409)
    expect(res.json().error.code).toBe('version_not_frozen')
    expect(res.json().error.message).toContain('frozen')
  })

  it('lists every party, members first, observers not counted, with the reservations', async () => {
    await post(heads.ARM!, `${baseA}/positions`, {
      kind: 'reservation',
      text: 'Армения оставляет за собой право толкования пункта 2.',
    })
    await post(heads.RUS!, `${baseA}/positions`, { kind: 'agree' })
    await post(heads.RUS!, `${baseA}/positions`, {
      kind: 'reservation',
      provisionEid: 'para_2',
      text: 'Особое мнение России к пункту 2.',
    })
    await post(heads.TJK!, `${baseA}/positions`, { kind: 'agree_ad_referendum' })
    await post(observer, `${baseA}/positions`, { kind: 'objection', text: 'Возражаем' })
    await post(editor, `${baseA}/freeze`, undefined)

    const res = await heads.TJK!.get(`${baseA}/certificate.pdf?lang=ru`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".*\.pdf"; filename\*=UTF-8''/)
    const text = extractPdfText(new Uint8Array(res.rawPayload)).pages.join('\n')
    expect(flat(text)).toContain(a.published.content_hash)
    expect(text).toContain('СВИДЕТЕЛЬСТВО О СОГЛАСОВАНИИ ТЕКСТА')
    for (const code of ['ARM', 'RUS', 'TJK', 'MDA']) expect(text).toContain(`(${code})`)
    expect(flat(text)).toContain(flat('наблюдатель — не учитывается'))
    expect(flat(text)).toContain(flat('Армения оставляет за собой право толкования пункта 2.'))
    expect(flat(text)).toContain(flat('к положению 2'))
    expect(flat(text)).toContain(flat('Особое мнение России к пункту 2.'))
    expect(flat(text)).toContain(flat('согласие ad referendum — ожидается подтверждение'))
    expect(flat(text)).toContain(flat('3 из 3 государств-участников'))
    expect(flat(text)).toContain(flat('https://concord.example.org/verify'))
    expect(text).toContain('ОРГАНИЗАЦИЯ') // the organization, in capitals
    expect(text.indexOf('(TJK)')).toBeLessThan(text.indexOf('(MDA)'))

    const en = extractPdfText(
      new Uint8Array((await editor.get(`${baseA}/certificate.pdf?lang=en`)).rawPayload),
    )
    expect(flat(en.pages.join('\n'))).toContain(flat('observer — not counted'))
  })

  it('is need-to-know: hidden from those who cannot read the version', async () => {
    expect((await outsider.get(`${baseA}/certificate.pdf`)).statusCode).toBe(404)
    expect((await heads.TJK!.get(`${baseB}/certificate.pdf`)).statusCode).toBe(404)
    expect((await t.app.inject({ method: 'GET', url: `${baseA}/certificate.pdf` })).statusCode).toBe(401)
    expect((await heads.ARM!.get(`${baseA}/certificate.pdf?lang=fr`)).statusCode).toBe(422)
  })
})

describe('version text as DOCX', () => {
  it('is there for any circulated version, in the language asked for', async () => {
    const res = await heads.RUS!.get(`${baseB}/text.docx?lang=en`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe(DOCX)
    const xml = strFromU8(unzipSync(new Uint8Array(res.rawPayload))['word/document.xml']!)
    expect(xml).toContain('Paragraph 1 in English.')
  })

  it('keeps drafts with the secretariat', async () => {
    const draft = await inTransaction(t.handle, null, 'test', (ctx) =>
      versionDrafter({
        ctx,
        dossier: a.dossier,
        document: a.document,
        label: { ru: 'Ред. 1', en: 'Rev. 1' },
        content: sampleContent(4),
      }),
    )
    const url = `/api/documents/${a.document.id}/versions/${draft.id}/text.docx`
    expect((await heads.ARM!.get(url)).statusCode).toBe(404)
    expect((await editor.get(url)).statusCode).toBe(200)
  })
})

describe('POST /api/verify', () => {
  const verify = (s: Session, body: Uint8Array | string, type: string) =>
    s.send('POST', '/api/verify', Buffer.from(body), { 'content-type': type })

  it('matches the canonical JSON of a frozen version, for those who may read it', async () => {
    const content = await heads.ARM!.get(`${baseA}/content`)
    const res = await verify(heads.TJK!, content.rawPayload, 'application/json')
    expect(res.statusCode).toBe(200)
    const data = res.json().data
    expect(data).toMatchObject({
      kind: 'json',
      hash: a.published.content_hash,
      ok: true,
      agreed: true,
      problems: [],
    })
    // Tajikistan takes no part in the second dossier: only the first is listed.
    expect(data.matches).toEqual([
      {
        documentId: a.document.id,
        versionId: a.published.id,
        title: { ru: 'Заявление', en: 'Statement' },
        label: { ru: 'Проект', en: 'Draft' },
        reference: a.dossier.reference,
        frozenAt: expect.any(String),
      },
    ])
  })

  it('lists every match the secretariat may read, and none to a party of another organization', async () => {
    await post(heads.ARM!, `${baseB}/positions`, { kind: 'agree' })
    await post(heads.RUS!, `${baseB}/positions`, { kind: 'agree' })
    await post(editor, `${baseB}/freeze`, undefined)
    const json = canonicalJson(sampleContent())
    const bySecretariat = (await verify(editor, json, 'application/octet-stream')).json().data
    expect(bySecretariat.matches.map((m: { versionId: string }) => m.versionId).sort()).toEqual(
      [a.published.id, b.published.id].sort(),
    )
    const byOutsider = (await verify(outsider, json, 'application/json')).json().data
    expect(byOutsider).toMatchObject({ hash: a.published.content_hash, ok: true, agreed: false, matches: [] })
  })

  it('matches the DOCX export of a frozen version, and not a modified one', async () => {
    const exported = await heads.TJK!.get(`${baseA}/text.docx?lang=ru`)
    expect(exported.statusCode).toBe(200)
    const bytes = new Uint8Array(exported.rawPayload)
    const ok = (await verify(heads.TJK!, bytes, DOCX)).json().data
    expect(ok).toMatchObject({ kind: 'docx', hash: a.published.content_hash, ok: true, agreed: true })
    expect(ok.matches.map((m: { versionId: string }) => m.versionId)).toEqual([a.published.id])

    const parts = Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]))
    parts['word/document.xml'] = parts['word/document.xml']!.replace(
      'Пункт 1 на русском',
      'Пункт 1 на английском',
    )
    const edited = zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])))
    const res = await verify(heads.TJK!, edited, DOCX)
    expect(res.statusCode).toBe(200)
    const data = res.json().data
    expect(data).toMatchObject({ kind: 'docx', ok: false, agreed: false })
    expect(data.problems[0]).toMatchObject({ code: 'text_mismatch' })
    expect(data.problems[0].message).toContain('paragraph')
  })

  it('finds no agreed text for changed content', async () => {
    const changed = sampleContent() as DocumentContent
    changed.body[0]!.text!.ru = [{ type: 'text', text: 'Пункт 1 изменён.' }]
    const data = (await verify(editor, JSON.stringify(changed), 'application/json')).json().data
    expect(data.ok).toBe(true)
    expect(data.hash).not.toBe(a.published.content_hash)
    expect(data.matches).toEqual([])
    expect(data.agreed).toBe(false)
  })

  it('refuses what it cannot read', async () => {
    const unknown = await verify(editor, '%PDF-1.7 not a text', 'application/octet-stream')
    expect(unknown.statusCode).toBe(422)
    expect(unknown.json().error.code).toBe('verify_unreadable')
    const broken = await verify(editor, '{"format":', 'application/json')
    expect(broken.statusCode).toBe(422)
    expect(broken.json().error.details.problems).toEqual(['invalid_json'])
    expect((await verify(editor, '', 'application/json')).statusCode).toBe(422)
    expect((await verify(editor, 'x', 'text/plain')).statusCode).toBe(415)
    const huge = await verify(editor, new Uint8Array(5 * 1024 * 1024 + 1), 'application/octet-stream')
    expect(huge.statusCode).toBe(413)
    expect(huge.json().error.code).toBe('payload_too_large')
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/verify',
      payload: '{}',
      headers: { 'content-type': 'application/json' },
    })
    expect(anonymous.statusCode).toBe(401)
  })

  it('leaves the JSON body of other routes alone', async () => {
    const res = await heads.ARM!.send('POST', `${baseB}/positions`, { kind: 'agree' })
    expect(res.json().error.code).toBe('version_frozen')
  })
})
