import type { AdoptionDTO } from '@core/api/minutes.js'
import { adoptionHash } from '@core/domain/minutes.js'
import { documentCreator, versionDrafter, versionPublisher } from '@server/commands/documents.js'
import { bodyCreator } from '@server/commands/organizations.js'
import { inTransaction } from '@server/context.js'
import type { BodyRow, DocumentRow, MeetingRow, VersionRow } from '@server/db/types.js'
import { extractPdfText } from '@server/exports/index.js'
import { createTestApp, type Session, signIn, type TestApp } from '@test/support/app.js'
import {
  buildDossier,
  buildOrganization,
  buildUser,
  type DossierWorld,
  sampleContent,
} from '@test/support/factories.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertMeeting } from '../minutes/meeting-fixture.js'

const flat = (s: string) => s.replace(/\s+/g, '')

let t: TestApp
let w: DossierWorld
let cfm: BodyRow
let chs: BodyRow
let foreignBody: BodyRow
let doc2: DocumentRow
let v2: VersionRow
let cfmMeeting: MeetingRow
let editor: Session
let admin: Session
let press: Session
const heads: Record<string, Session> = {}
const headIds: Record<string, string> = {}
let observer: Session
let observerId: string
let outsider: Session
let url: string
let adoption: AdoptionDTO

const ok = async <R extends { statusCode: number; body: string }>(
  p: Promise<R>,
  status = 200,
): Promise<R> => {
  const res = await p
  expect(res.statusCode, res.body).toBe(status)
  return res
}
const positions = (documentId: string, versionId: string) =>
  `/api/documents/${documentId}/versions/${versionId}/positions`
const freeze = (documentId: string, versionId: string) =>
  ok(editor.send('POST', `/api/documents/${documentId}/versions/${versionId}/freeze`))

beforeAll(async () => {
  t = await createTestApp()
  const world = await buildOrganization(t.handle, {
    members: ['ARM', 'TJK', 'RUS', 'KAZ'],
    observers: ['MDA'],
  })
  w = await buildDossier(t.handle, {
    world,
    participants: ['ARM', 'TJK', 'RUS', 'MDA'],
    title: { ru: 'Пакет по МИБ', en: 'IIS package' },
  })
  const other = await buildOrganization(t.handle, { members: ['BLR'], observers: [] })
  await inTransaction(t.handle, null, 'test', async (ctx) => {
    cfm = await bodyCreator(ctx, world.org, {
      code: 'CFM',
      kind: 'council',
      name: { ru: 'Совет министров иностранных дел', en: 'Council of Foreign Ministers' },
      decisionRule: { kind: 'consensus' },
    })
    chs = await bodyCreator(ctx, world.org, {
      code: 'CHS',
      kind: 'council',
      name: { ru: 'Совет глав государств', en: 'Council of Heads of State' },
      decisionRule: { kind: 'consensus' },
    })
    foreignBody = await bodyCreator(ctx, other.org, {
      code: 'X',
      kind: 'council',
      name: { ru: 'Чужой совет', en: 'Foreign council' },
      decisionRule: { kind: 'consensus' },
    })
    doc2 = await documentCreator({
      ctx,
      dossier: w.dossier,
      input: {
        kind: 'decision',
        title: { ru: 'Решение СМИД', en: 'Decision of the CFM' },
        workingLanguage: 'ru',
      },
    })
    const draft = await versionDrafter({
      ctx,
      dossier: w.dossier,
      document: doc2,
      label: { ru: 'Проект', en: 'Draft' },
      content: sampleContent(2),
    })
    v2 = {
      ...draft,
      ...(await versionPublisher({ ctx, dossier: w.dossier, version: draft, expectedVersion: 1 })),
    }
  })
  // A party with a real name, to see name and code side by side.
  await t.handle.db
    .updateTable('parties')
    .set({ name: JSON.stringify({ ru: 'Армения', en: 'Armenia' }) })
    .where('id', '=', world.parties.ARM!.id)
    .execute()
  editor = await signIn(t.app, (await buildUser(t.handle, world, 'secretariat_editor')).email)
  admin = await signIn(t.app, (await buildUser(t.handle, world, 'secretariat_admin')).email)
  press = await signIn(t.app, (await buildUser(t.handle, world, 'press_officer')).email)
  for (const code of ['ARM', 'TJK', 'RUS', 'KAZ']) {
    const user = await buildUser(t.handle, world, 'head_of_delegation', code, 'ru')
    headIds[code] = user.id
    heads[code] = await signIn(t.app, user.email)
  }
  outsider = heads.KAZ!
  const mda = await buildUser(t.handle, world, 'observer_delegate', 'MDA')
  observerId = mda.id
  observer = await signIn(t.app, mda.email)

  // The statement: agreed with a reservation of Armenia on the whole text and one of Russia on
  // paragraph 2; Moldova, an observer, agrees (never counted). Frozen as agreed.
  const p1 = positions(w.document.id, w.published.id)
  await ok(
    heads.ARM!.send('POST', p1, {
      kind: 'reservation',
      text: 'Армения оставляет за собой право толкования.',
    }),
    201,
  )
  await ok(heads.RUS!.send('POST', p1, { kind: 'agree' }), 201)
  await ok(
    heads.RUS!.send('POST', p1, {
      kind: 'reservation',
      provisionEid: 'para_2',
      text: 'Особое мнение России к пункту 2.',
    }),
    201,
  )
  await ok(heads.TJK!.send('POST', p1, { kind: 'agree' }), 201)
  await ok(observer.send('POST', p1, { kind: 'agree' }), 201)
  await freeze(w.document.id, w.published.id)
  // The draft decision: every member agrees; frozen later in the tests.
  for (const code of ['ARM', 'TJK', 'RUS'])
    await ok(heads[code]!.send('POST', positions(doc2.id, v2.id), { kind: 'agree' }), 201)

  cfmMeeting = await insertMeeting(t.handle, {
    organizationId: world.org.id,
    bodyId: cfm.id,
    title: {
      ru: 'Заседание Совета министров иностранных дел',
      en: 'Meeting of the Council of Foreign Ministers',
    },
    startsAt: '2020-10-09T07:00:00.000Z',
    endsAt: '2020-10-09T10:00:00.000Z',
  })
  url = `/api/dossiers/${w.dossier.id}/adoptions`
})
afterAll(() => t.close())

const valid = () => ({ bodyId: cfm.id, decision: 'recommended', decidedOn: '2020-10-09' })

describe('recording a decision', () => {
  it('is for the secretariat editor and administrator; others get 403, outsiders 404', async () => {
    for (const s of [heads.ARM!, observer, press])
      expect((await s.send('POST', url, valid())).statusCode).toBe(403)
    expect((await outsider.send('POST', url, valid())).statusCode).toBe(404)
    expect((await t.app.inject({ method: 'POST', url, payload: valid() })).statusCode).toBe(401)
  })

  it('refuses bad input with 422 and a stable code', async () => {
    const code = async (body: unknown) => {
      const res = await editor.send('POST', url, body)
      expect(res.statusCode, res.body).toBe(422)
      return res.json().error.code as string
    }
    expect(await code({ ...valid(), bodyId: '0190d2c0-0000-7000-8000-000000000000' })).toBe(
      'adoption_body_invalid',
    )
    expect(await code({ ...valid(), bodyId: 'not-an-id' })).toBe('adoption_body_invalid')
    expect(await code({ ...valid(), bodyId: foreignBody.id })).toBe('adoption_body_invalid')
    expect(await code({ ...valid(), decision: 'vetoed' })).toBe('validation_failed')
    expect(await code({ ...valid(), decidedOn: '09.10.2020' })).toBe('validation_failed')
    expect(await code({ ...valid(), signedOn: '2020-10-08' })).toBe('signed_before_decision')
    expect(await code({ ...valid(), signatories: ['ARM', 'MDA'] })).toBe('party_not_participating')
    expect(await code({ ...valid(), signatories: ['KAZ'] })).toBe('party_not_participating')
    expect(await code({ ...valid(), bodyId: chs.id, meetingId: cfmMeeting.id })).toBe(
      'adoption_meeting_invalid',
    )
    expect(await code({ ...valid(), extra: 1 })).toBe('validation_failed')
    const res = await editor.send('POST', url, { ...valid(), signatories: ['MDA'] })
    expect(res.json().error.details.codes).toEqual(['MDA'])
  })

  it('needs every text of the dossier frozen, naming those that are not', async () => {
    const res = await editor.send('POST', url, valid())
    expect(res.statusCode).toBe(409)
    expect(res.json().error.code).toBe('texts_not_frozen')
    expect(res.json().error.details.documents).toEqual([doc2.id])
    expect(res.json().error.message).toContain('«Decision of the CFM»')
  })

  it('records the decision with the frozen texts, the signatories and the special opinions from the reservations', async () => {
    await freeze(doc2.id, v2.id)
    const res = await ok(editor.send('POST', url, { ...valid(), meetingId: cfmMeeting.id }), 201)
    adoption = res.json().data
    expect(adoption.decision).toBe('recommended')
    expect(adoption.decidedOn).toBe('2020-10-09')
    expect(adoption.signedOn).toBeNull()
    expect(adoption.body.code).toBe('CFM')
    expect(adoption.meeting?.id).toBe(cfmMeeting.id)
    // Participating members sign; the observer never does, nor does a member outside the dossier.
    expect(adoption.signatories.map((p) => p.code)).toEqual(['ARM', 'RUS', 'TJK'])
    expect(adoption.texts.map((x) => [x.documentId, x.versionId, x.contentHash])).toEqual([
      [w.document.id, w.published.id, w.published.content_hash],
      [doc2.id, v2.id, v2.content_hash],
    ])
    expect(adoption.texts.every((x) => !!x.frozenAt)).toBe(true)
    const opinions = Object.fromEntries(adoption.specialOpinions.map((o) => [o.party.code, o.text]))
    expect(Object.keys(opinions).sort()).toEqual(['ARM', 'RUS'])
    expect(opinions.ARM!.ru).toBe('«Заявление» (Проект): Армения оставляет за собой право толкования.')
    expect(opinions.RUS!.ru).toBe('«Заявление» (Проект), положение 2: Особое мнение России к пункту 2.')
    expect(opinions.RUS!.en).toBe('“Statement” (Draft), provision 2: Особое мнение России к пункту 2.')
    expect(res.json().policies).toEqual({ read: true, update: true, add_special_opinion: true })
  })

  it('hashes the record canonically: anyone can recompute it from what the API shows', async () => {
    const dossier = await t.handle.db
      .selectFrom('dossiers')
      .select('reference')
      .where('id', '=', w.dossier.id)
      .executeTakeFirstOrThrow()
    const recomputed = adoptionHash({
      dossier: { id: w.dossier.id, reference: dossier.reference },
      body: { id: adoption.body.id, code: adoption.body.code },
      decision: adoption.decision,
      decidedOn: adoption.decidedOn,
      signedOn: adoption.signedOn,
      meetingId: adoption.meeting?.id ?? null,
      texts: adoption.texts,
      signatories: adoption.signatories.map((p) => p.code),
      specialOpinions: adoption.specialOpinions.map((o) => ({ party: o.party.code, text: o.text })),
    })
    expect(adoption.contentHash).toMatch(/^[0-9a-f]{64}$/)
    expect(adoption.contentHash).toBe(recomputed)
  })

  it('notifies the parties taking part and the secretariat', async () => {
    const rows = await t.handle.db
      .selectFrom('notifications')
      .select(['user_id', 'params', 'link'])
      .where('kind', '=', 'adopted')
      .execute()
    const to = new Set(rows.map((r) => r.user_id))
    for (const code of ['ARM', 'TJK', 'RUS']) expect(to.has(headIds[code]!), code).toBe(true)
    expect(to.has(observerId)).toBe(true)
    expect(to.has(headIds.KAZ!)).toBe(false)
    const params = JSON.parse(rows[0]!.params)
    expect(params).toMatchObject({ decision: 'recommended', body: { en: 'Council of Foreign Ministers' } })
    expect(rows[0]!.link).toBe(`/dossiers/${w.dossier.id}`)
  })

  it('records the signatories given, when the secretariat names them', async () => {
    const res = await ok(
      admin.send('POST', url, {
        bodyId: chs.id,
        decision: 'adopted',
        decidedOn: '2020-10-15',
        signedOn: '2020-10-15',
        signatories: ['TJK', 'ARM', 'ARM'],
      }),
      201,
    )
    expect(res.json().data.signatories.map((p: { code: string }) => p.code)).toEqual(['ARM', 'TJK'])
    expect(res.json().data.signedOn).toBe('2020-10-15')
  })
})

describe('reading decisions', () => {
  it('lists them for everyone who may read the dossier, with their policies', async () => {
    for (const s of [heads.ARM!, observer, press, editor]) {
      const res = await ok(s.get(url))
      expect(res.json().data.map((a: AdoptionDTO) => a.body.code)).toEqual(['CFM', 'CHS'])
    }
    expect((await ok(editor.get(url))).json().policies).toEqual({ record: true })
    expect((await ok(heads.ARM!.get(url))).json().policies).toEqual({ record: false })
    expect((await ok(heads.ARM!.get(url))).json().data[0].policies).toEqual({
      read: true,
      update: false,
      add_special_opinion: true,
    })
    expect((await ok(observer.get(url))).json().data[0].policies.add_special_opinion).toBe(false)
    expect((await outsider.get(url)).statusCode).toBe(404)
  })

  it('shows one decision to readers only', async () => {
    expect((await ok(observer.get(`/api/adoptions/${adoption.id}`))).json().data.id).toBe(adoption.id)
    expect((await outsider.get(`/api/adoptions/${adoption.id}`)).statusCode).toBe(404)
    expect((await outsider.get(`/api/adoptions/${adoption.id}`)).json().error.code).toBe('adoption_not_found')
    expect((await editor.get('/api/adoptions/nonsense')).statusCode).toBe(404)
    expect((await t.app.inject({ method: 'GET', url: `/api/adoptions/${adoption.id}` })).statusCode).toBe(401)
  })
})

describe('the date of signature', () => {
  it('is recorded later by the secretariat, never before the decision, with optimistic concurrency', async () => {
    const u = `/api/adoptions/${adoption.id}`
    expect(
      (await heads.ARM!.send('PATCH', u, { version: adoption.version, signedOn: '2020-10-10' })).statusCode,
    ).toBe(403)
    expect(
      (await outsider.send('PATCH', u, { version: adoption.version, signedOn: '2020-10-10' })).statusCode,
    ).toBe(404)
    const before = await editor.send('PATCH', u, { version: adoption.version, signedOn: '2020-10-01' })
    expect(before.statusCode).toBe(422)
    expect(before.json().error.code).toBe('signed_before_decision')
    expect(
      (await editor.send('PATCH', u, { version: adoption.version + 3, signedOn: '2020-10-10' })).statusCode,
    ).toBe(409)
    expect((await editor.send('PATCH', u, { signedOn: '2020-10-10' })).statusCode).toBe(422)
    const res = await ok(editor.send('PATCH', u, { version: adoption.version, signedOn: '2020-10-10' }))
    const next: AdoptionDTO = res.json().data
    expect(next.signedOn).toBe('2020-10-10')
    expect(next.version).toBe(adoption.version + 1)
    expect(next.contentHash).not.toBe(adoption.contentHash)
    adoption = next
  })
})

describe('special opinions', () => {
  const u = () => `/api/adoptions/${adoption.id}/special-opinions`
  it("are added by a member's head of delegation for their own State, once", async () => {
    const text = { ru: 'Таджикистан заявляет особое мнение.', en: 'Tajikistan states a special opinion.' }
    expect((await heads.TJK!.send('POST', u(), { party: 'ARM', text })).statusCode).toBe(403)
    expect((await observer.send('POST', u(), { party: 'MDA', text })).statusCode).toBe(403)
    expect((await outsider.send('POST', u(), { party: 'KAZ', text })).statusCode).toBe(404)
    expect((await heads.TJK!.send('POST', u(), { party: 'TJK', text: {} })).statusCode).toBe(422)
    const res = await ok(heads.TJK!.send('POST', u(), { party: 'TJK', text }), 201)
    const next: AdoptionDTO = res.json().data
    expect(next.specialOpinions.map((o) => o.party.code)).toEqual(['ARM', 'RUS', 'TJK'])
    expect(next.specialOpinions.find((o) => o.party.code === 'TJK')!.createdBy?.displayName).toContain(
      'head_of_delegation',
    )
    expect(next.contentHash).not.toBe(adoption.contentHash)
    expect(next.version).toBe(adoption.version + 1)
    const again = await heads.TJK!.send('POST', u(), { party: 'TJK', text })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('special_opinion_exists')
    adoption = next
  })

  it('are added by the secretariat for a participating member only', async () => {
    const text = { ru: 'Текст.' }
    const kaz = await editor.send('POST', u(), { party: 'KAZ', text })
    expect(kaz.statusCode).toBe(422)
    expect(kaz.json().error.code).toBe('party_not_participating')
    expect((await editor.send('POST', u(), { party: 'MDA', text })).json().error.code).toBe(
      'party_not_participating',
    )
    expect((await editor.send('POST', u(), { party: 'ARM', text })).json().error.code).toBe(
      'special_opinion_exists',
    )
    expect((await editor.send('POST', u(), { party: 'TJK', text, version: 1 })).json().error.code).toBe(
      'version_changed',
    )
  })

  it('leave an audit entry for every write on the record', async () => {
    const actions = (
      await t.handle.db
        .selectFrom('audit_entries')
        .select('action')
        .where('subject_type', '=', 'adoption')
        .where('subject_id', '=', adoption.id)
        .orderBy('seq')
        .execute()
    ).map((r) => r.action)
    expect(actions).toEqual(['adoption.record', 'adoption.update', 'adoption.special_opinion'])
  })
})

describe('the depositary copy', () => {
  it('carries the decision, the signatories, the special opinions and the texts in full, with the hashes on every page', async () => {
    const res = await ok(heads.RUS!.get(`/api/adoptions/${adoption.id}/depositary.pdf?lang=ru`))
    expect(res.headers['content-type']).toBe('application/pdf')
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".*\.pdf"; filename\*=UTF-8''/)
    const pdf = extractPdfText(new Uint8Array(res.rawPayload))
    const text = pdf.pages.join('\n')
    expect(text).toContain('ЗАВЕРЕННАЯ КОПИЯ')
    expect(flat(text)).toContain(flat('рекомендовано к принятию'))
    expect(flat(text)).toContain(flat('Совет министров иностранных дел'))
    expect(flat(text)).toContain('09.10.2020')
    expect(flat(text)).toContain('10.10.2020')
    expect(text).toContain('1. Армения (ARM)')
    expect(text).toContain('2. RUS')
    expect(text).toContain('3. TJK')
    expect(flat(text)).toContain(flat('Армения оставляет за собой право толкования.'))
    expect(flat(text)).toContain(flat('Таджикистан заявляет особое мнение.'))
    // The texts in full.
    expect(flat(text)).toContain(flat('Пункт 3 на русском языке.'))
    expect(flat(text)).toContain(flat('Признавая важность сотрудничества,'))
    // Every page names the record; the pages of a text name that text too.
    expect(pdf.pages.length).toBeGreaterThanOrEqual(3)
    for (const page of pdf.pages) expect(flat(page)).toContain(adoption.contentHash)
    expect(flat(pdf.pages.at(-1)!)).toContain(v2.content_hash)
    expect(
      pdf.pages.some((p) => flat(p).includes(flat(`Текст 1: SHA-256 ${w.published.content_hash}`))),
    ).toBe(true)

    const en = extractPdfText(
      new Uint8Array((await observer.get(`/api/adoptions/${adoption.id}/depositary.pdf?lang=en`)).rawPayload),
    ).pages.join('\n')
    expect(en).toContain('CERTIFIED COPY')
    expect(flat(en)).toContain(flat('Paragraph 1 in English.'))
    expect(flat(en)).toContain(flat('recommended for adoption'))
  })

  it('is need-to-know', async () => {
    expect((await outsider.get(`/api/adoptions/${adoption.id}/depositary.pdf`)).statusCode).toBe(404)
    expect((await editor.get(`/api/adoptions/${adoption.id}/depositary.pdf?lang=de`)).statusCode).toBe(422)
  })
})
