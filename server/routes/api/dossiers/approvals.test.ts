import { createHash } from 'node:crypto'
import { createTestApp, type Session, signIn, type TestApp } from '@test/support/app.js'
import {
  buildDossier,
  buildOrganization,
  buildUser,
  type DossierWorld,
  type World,
} from '@test/support/factories.js'
import { strToU8, zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let t: TestApp
let world: World
let editor: Session
let h: Record<string, Session>
let expert: Session
let outsider: Session

const MIB = 1024 * 1024
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
])
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46])
const DOCX = Buffer.from(
  zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'word/document.xml': strToU8('<w:document/>'),
  }),
)
const ODT = Buffer.from(
  zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
    'content.xml': strToU8('<office:document-content/>'),
  }),
)
const PLAIN_ZIP = Buffer.from(zipSync({ 'notes.txt': strToU8('hello') }))
const EXE = Buffer.from('MZ\x90\x00\x03\x00\x00\x00 This program cannot be run in DOS mode', 'latin1')

beforeAll(async () => {
  t = await createTestApp()
  world = await buildOrganization(t.handle, { members: ['ARM', 'TJK', 'RUS', 'KAZ'], observers: ['MDA'] })
  editor = await signIn(t.app, (await buildUser(t.handle, world, 'secretariat_editor')).email)
  h = {}
  for (const code of ['ARM', 'TJK', 'RUS', 'KAZ'])
    h[code] = await signIn(t.app, (await buildUser(t.handle, world, 'head_of_delegation', code)).email)
  expert = await signIn(t.app, (await buildUser(t.handle, world, 'expert', 'TJK')).email)
  const other = await buildOrganization(t.handle, { members: ['UZB'], observers: [] })
  outsider = await signIn(t.app, (await buildUser(t.handle, other, 'head_of_delegation', 'UZB')).email)
})
afterAll(() => t.close())

/**
 * A dossier (KAZ not taking part) whose text is agreed — TJK (and `adReferendum`) ad
 * referendum — frozen, and moved to domestic approval.
 */
async function atDomesticApproval(adReferendum: string[] = ['TJK']): Promise<DossierWorld> {
  const w = await buildDossier(t.handle, { world, participants: ['ARM', 'TJK', 'RUS', 'MDA'] })
  const base = `/api/documents/${w.document.id}/versions/${w.published.id}`
  for (const code of ['ARM', 'TJK', 'RUS'])
    await h[code]!.send('POST', `${base}/positions`, {
      kind: adReferendum.includes(code) ? 'agree_ad_referendum' : 'agree',
    })
  expect((await editor.send('POST', `${base}/freeze`)).statusCode).toBe(200)
  for (const to of ['comments', 'expert_group', 'domestic_approval']) {
    const version = (await editor.get(`/api/dossiers/${w.dossier.id}`)).json().data.version
    expect(
      (await editor.send('POST', `/api/dossiers/${w.dossier.id}/stage`, { version, to })).statusCode,
    ).toBe(200)
  }
  return w
}

const item = async (s: Session, dossierId: string, party: string) =>
  (await s.get(`/api/dossiers/${dossierId}/approvals`))
    .json()
    .data.find((a: { party: string }) => a.party === party)

function upload(s: Session, dossierId: string, party: string, bytes: Buffer, filename?: string) {
  const q = filename === undefined ? '' : `?filename=${encodeURIComponent(filename)}`
  return t.app.inject({
    method: 'POST',
    url: `/api/dossiers/${dossierId}/approvals/${party}/attachments${q}`,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/octet-stream' },
    payload: bytes,
  })
}

describe('the domestic approval tracker', () => {
  it('opens an item per participating member (observers and non-participants have none), all not started', async () => {
    const w = await atDomesticApproval()
    const res = await h.TJK!.get(`/api/dossiers/${w.dossier.id}/approvals`)
    expect(res.statusCode).toBe(200)
    expect(res.json().data.map((a: { party: string; status: string }) => [a.party, a.status])).toEqual([
      ['ARM', 'not_started'],
      ['RUS', 'not_started'],
      ['TJK', 'not_started'],
    ])
    expect(res.json().summary).toEqual({ members: 3, finished: 0, approved: 0, declined: 0, late: 0 })
    const tjk = res.json().data[2]
    expect(tjk).toMatchObject({ adReferendumPending: true, adReferendum: null, attachments: [] })
    expect(tjk.policies).toEqual({ record: true, set_due_date: false, upload: true })
    expect(res.json().data[0].policies.record).toBe(false)
    expect((await outsider.get(`/api/dossiers/${w.dossier.id}/approvals`)).statusCode).toBe(404)
  })

  it("refuses a head of delegation recording another party's approval or setting a due date (403)", async () => {
    const w = await atDomesticApproval()
    const url = `/api/dossiers/${w.dossier.id}/approvals`
    expect((await h.ARM!.send('PATCH', `${url}/RUS`, { version: 1, status: 'approved' })).statusCode).toBe(
      403,
    )
    expect((await h.ARM!.send('PATCH', `${url}/ARM`, { version: 1, dueDate: '2020-09-30' })).statusCode).toBe(
      403,
    )
    expect((await expert.send('PATCH', `${url}/TJK`, { version: 1, status: 'approved' })).statusCode).toBe(
      403,
    )
    expect((await h.ARM!.send('POST', `${url}/due-date`, { dueDate: '2020-09-30' })).statusCode).toBe(403)
    expect((await h.KAZ!.send('PATCH', `${url}/KAZ`, { version: 1, status: 'approved' })).statusCode).toBe(
      404,
    )
    expect(
      (await editor.send('PATCH', `${url}/KAZ`, { version: 1, status: 'approved' })).json().error.code,
    ).toBe('approval_not_found')
    expect((await h.ARM!.send('PATCH', `${url}/ARM`, { version: 1 })).statusCode).toBe(422)
    const stale = await h.ARM!.send('PATCH', `${url}/ARM`, { version: 1, status: 'in_progress' })
    expect(stale.statusCode).toBe(200)
    expect(
      (await h.ARM!.send('PATCH', `${url}/ARM`, { version: 1, status: 'approved' })).json().error.code,
    ).toBe('version_changed')
  })

  it('records the status with who and when, and tells the secretariat', async () => {
    const w = await atDomesticApproval()
    const res = await h.RUS!.send('PATCH', `/api/dossiers/${w.dossier.id}/approvals/RUS`, {
      version: 1,
      status: 'approved_with_reservations',
      note: 'Нота МИД России № 123',
    })
    expect(res.statusCode).toBe(200)
    expect(res.json().data).toMatchObject({
      party: 'RUS',
      status: 'approved_with_reservations',
      note: 'Нота МИД России № 123',
      version: 2,
      updatedBy: { displayName: 'head_of_delegation RUS' },
    })
    const inbox = (await editor.get('/api/notifications')).json().data
    expect(inbox[0]).toMatchObject({
      kind: 'approval_recorded',
      params: { reference: w.dossier.reference, party: 'RUS', status: 'approved_with_reservations' },
      link: `/dossiers/${w.dossier.id}/approvals`,
    })
  })

  it('sets one due date for every party still at work, and shows who is late and by how many days', async () => {
    const w = await atDomesticApproval()
    const url = `/api/dossiers/${w.dossier.id}/approvals`
    await h.ARM!.send('PATCH', `${url}/ARM`, { version: 1, status: 'approved' })
    const res = await editor.send('POST', `${url}/due-date`, { dueDate: '2020-09-30' })
    expect(res.statusCode).toBe(200)
    expect(res.json().changed).toBe(2)
    const days = Math.round(
      (Date.parse(new Date().toISOString().slice(0, 10)) - Date.parse('2020-09-30')) / 86_400_000,
    )
    expect(
      res
        .json()
        .data.map((a: { party: string; dueDate: string | null; late: boolean; daysLate: number }) => [
          a.party,
          a.dueDate,
          a.late,
          a.daysLate,
        ]),
    ).toEqual([
      ['ARM', null, false, 0],
      ['RUS', '2020-09-30', true, days],
      ['TJK', '2020-09-30', true, days],
    ])
    expect(res.json().summary).toMatchObject({ finished: 1, approved: 1, late: 2 })
    const one = await editor.send('PATCH', `${url}/TJK`, { version: 2, dueDate: '2099-01-31' })
    expect(one.json().data).toMatchObject({ dueDate: '2099-01-31', late: false })
    const unknown = await editor.send('POST', `${url}/due-date`, { dueDate: '2099-01-01', parties: ['KAZ'] })
    expect(unknown.statusCode).toBe(422)
    expect(unknown.json().error.code).toBe('party_not_found')
  })
})

describe('ad referendum and domestic approval', () => {
  it("confirms a party's agreement ad referendum when it approves, so the consensus shows a full agreement", async () => {
    const w = await atDomesticApproval(['TJK'])
    const consensus = `/api/documents/${w.document.id}/versions/${w.published.id}/consensus`
    expect((await editor.get(consensus)).json().data).toMatchObject({
      pendingConfirmation: true,
      adReferendum: ['TJK'],
    })
    await h.TJK!.send('PATCH', `/api/dossiers/${w.dossier.id}/approvals/TJK`, {
      version: 1,
      status: 'in_progress',
    })
    expect((await editor.get(consensus)).json().data.adReferendum).toEqual(['TJK'])
    const res = await h.TJK!.send('PATCH', `/api/dossiers/${w.dossier.id}/approvals/TJK`, {
      version: 2,
      status: 'approved',
    })
    expect(res.json().data).toMatchObject({ adReferendum: 'confirmed', adReferendumPending: false })
    const after = (await editor.get(consensus)).json().data
    expect(after).toMatchObject({ agreed: true, pendingConfirmation: false, adReferendum: [] })
    expect(after.signatories).toContain('TJK')
    const history = (
      await editor.get(`/api/documents/${w.document.id}/versions/${w.published.id}/positions`)
    ).json().data
    expect(history.at(-1)).toMatchObject({
      party: 'TJK',
      kind: 'agree',
      text: 'Согласие ad referendum подтверждено по итогам внутригосударственного согласования / Agreement ad referendum confirmed by domestic approval',
    })
  })

  it('withdraws it when the party declines: its objection appears in the consensus', async () => {
    const w = await atDomesticApproval(['ARM'])
    const res = await h.ARM!.send('PATCH', `/api/dossiers/${w.dossier.id}/approvals/ARM`, {
      version: 1,
      status: 'declined',
      note: 'Парламент не одобрил',
    })
    expect(res.json().data.adReferendum).toBe('withdrawn')
    const consensus = (
      await editor.get(`/api/documents/${w.document.id}/versions/${w.published.id}/consensus`)
    ).json().data
    expect(consensus.agreed).toBe(false)
    expect(consensus.objections.map((o: { party: string }) => o.party)).toEqual(['ARM'])
  })

  it('leaves a party that agreed outright untouched', async () => {
    const w = await atDomesticApproval(['TJK'])
    const res = await h.RUS!.send('PATCH', `/api/dossiers/${w.dossier.id}/approvals/RUS`, {
      version: 1,
      status: 'approved',
    })
    expect(res.json().data.adReferendum).toBeNull()
    const history = (
      await editor.get(`/api/documents/${w.document.id}/versions/${w.published.id}/positions`)
    ).json().data
    expect(history.filter((e: { party: string }) => e.party === 'RUS')).toHaveLength(1)
  })
})

describe('supporting documents', () => {
  let w: DossierWorld
  beforeAll(async () => {
    w = await atDomesticApproval()
  })

  it('takes a note verbale from the head of delegation, keeps its SHA-256 and offers it for download', async () => {
    const res = await upload(h.TJK!, w.dossier.id, 'TJK', PDF, 'Нота МИД Таджикистана.pdf')
    expect(res.statusCode).toBe(201)
    const a = res.json().data
    expect(a).toMatchObject({
      filename: 'Нота МИД Таджикистана.pdf',
      mediaType: 'application/pdf',
      size: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
      uploadedBy: { displayName: 'head_of_delegation TJK' },
      href: `/api/attachments/${a.id}`,
    })
    expect((await item(editor, w.dossier.id, 'TJK')).attachments.map((x: { id: string }) => x.id)).toEqual([
      a.id,
    ])

    const download = await h.ARM!.get(a.href)
    expect(download.statusCode).toBe(200)
    expect(download.headers['content-type']).toBe('application/pdf')
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''%D0%9D%D0%BE%D1%82%D0%B0")
    expect(download.headers['content-disposition']).toMatch(/^attachment;/)
    expect(Buffer.compare(download.rawPayload, PDF)).toBe(0)
    expect((await outsider.get(a.href)).statusCode).toBe(404)
    expect((await outsider.get(a.href)).json().error.code).toBe('attachment_not_found')
    expect((await editor.get('/api/attachments/not-an-id')).statusCode).toBe(404)
  })

  it('detects the type from the bytes: PDF, DOCX, ODT, PNG and JPEG, whatever the name says', async () => {
    const cases: [Buffer, string, string][] = [
      [DOCX, 'decree.pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      [ODT, 'note', 'application/vnd.oasis.opendocument.text'],
      [PNG, 'scan.jpeg', 'image/png'],
      [JPEG, 'photo.png', 'image/jpeg'],
    ]
    const names = []
    for (const [bytes, name, type] of cases) {
      const res = await upload(editor, w.dossier.id, 'RUS', bytes, name)
      expect(res.statusCode, name).toBe(201)
      expect(res.json().data.mediaType).toBe(type)
      names.push(res.json().data.filename)
    }
    expect(names).toEqual(['decree.docx', 'note.odt', 'scan.png', 'photo.jpg'])
  })

  it('refuses anything else with 415, whatever its name or declared type', async () => {
    for (const [bytes, name] of [
      [EXE, 'note.pdf'],
      [PLAIN_ZIP, 'note.docx'],
      [Buffer.from('just text'), 'note.txt'],
      [Buffer.alloc(0), 'empty.pdf'],
    ] as const) {
      const res = await upload(h.TJK!, w.dossier.id, 'TJK', bytes, name)
      expect(res.statusCode, name).toBe(415)
      expect(res.json().error.code).toBe('attachment_type_refused')
    }
    const json = await h.TJK!.send('POST', `/api/dossiers/${w.dossier.id}/approvals/TJK/attachments`, {
      a: 1,
    })
    expect(json.statusCode).toBe(415)
    expect(json.json().error.code).toBe('unsupported_media_type')
  })

  it('refuses a file over 10 MiB with 413 and keeps nothing', async () => {
    const big = Buffer.alloc(10 * MIB + 1, 0x20)
    PDF.copy(big)
    const res = await upload(h.TJK!, w.dossier.id, 'TJK', big, 'big.pdf')
    expect(res.statusCode).toBe(413)
    expect(res.json().error.code).toBe('payload_too_large')
    expect(res.json().error.message).toContain(String(10 * MIB))
    const exact = Buffer.alloc(10 * MIB, 0x20)
    PDF.copy(exact)
    expect((await upload(h.TJK!, w.dossier.id, 'TJK', exact, 'exact.pdf')).statusCode).toBe(201)
    const kept = await t.handle.db
      .selectFrom('attachments')
      .select('filename')
      .where('dossier_id', '=', w.dossier.id)
      .execute()
    expect(kept.map((k) => k.filename)).not.toContain('big.pdf')
  })

  it('never uses the client’s file name as a path: it is cleaned and only offered as the download name', async () => {
    const cases: [string | undefined, string][] = [
      ['../../etc/passwd', 'passwd.pdf'],
      ['..\\..\\windows\\system32\\evil.exe', 'evil.pdf'],
      ['/absolute/path/to/нота.pdf', 'нота.pdf'],
      ['...', 'document.pdf'],
      ['a\u0000b\u001fc<>:"|?*.pdf', 'abc.pdf'],
      ['invoice\u202Efdp.exe', 'invoicefdp.pdf'],
      [undefined, 'document.pdf'],
      ['x'.repeat(240), `${'x'.repeat(150)}.pdf`],
    ]
    for (const [raw, expected] of cases) {
      const res = await upload(h.TJK!, w.dossier.id, 'TJK', PDF, raw)
      expect(res.statusCode, String(raw)).toBe(201)
      expect(res.json().data.filename, String(raw)).toBe(expected)
      const download = await editor.get(res.json().data.href)
      expect(download.headers['content-disposition']).not.toContain('/')
      expect(download.headers['content-disposition']).not.toContain('..\\')
    }
  })

  it("refuses a head uploading for another party (403) and a dossier outside the user's need-to-know (404)", async () => {
    expect((await upload(h.ARM!, w.dossier.id, 'TJK', PDF, 'x.pdf')).statusCode).toBe(403)
    expect((await upload(expert, w.dossier.id, 'TJK', PDF, 'x.pdf')).statusCode).toBe(403)
    expect((await upload(outsider, w.dossier.id, 'TJK', PDF, 'x.pdf')).statusCode).toBe(404)
    expect((await upload(editor, w.dossier.id, 'KAZ', PDF, 'x.pdf')).json().error.code).toBe(
      'approval_not_found',
    )
    const trail = (await editor.get(`/api/dossiers/${w.dossier.id}/audit?limit=200`)).json().data
    expect(trail.filter((e: { action: string }) => e.action === 'attachment.upload').length).toBeGreaterThan(
      5,
    )
  })
})
