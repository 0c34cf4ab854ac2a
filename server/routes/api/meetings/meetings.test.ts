import { membershipAdder, partyRegistrar } from '@server/commands/organizations.js'
import { inTransaction } from '@server/context.js'
import { meetingFacts } from '@server/repositories/meetings.js'
import { createTestApp, type Session, signIn, type TestApp } from '@test/support/app.js'
import {
  buildDossier,
  buildMeeting,
  buildOrganization,
  buildUser,
  type DossierWorld,
} from '@test/support/factories.js'
import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let t: TestApp
let w: DossierWorld
let bodyId: string
let editor: Session
let press: Session
let headTJK: Session
let expertTJK: Session
let headARM: Session
let headRUS: Session
let observerMDA: Session
let headKAZ: Session
let kazHeadId: string
let foreignUserId: string
let meetingId: string

const base = () => `/api/meetings/${meetingId}`
const meeting = async (s: Session = editor) => (await s.get(base())).json().data

function parseIcs(text: string) {
  const root = new ICAL.Component(ICAL.parse(text))
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz)
  return root
}

const convene = (over: Record<string, unknown> = {}) =>
  editor.send('POST', '/api/meetings', {
    organizationId: w.org.id,
    bodyId,
    title: { ru: 'Заседание экспертной группы', en: 'Meeting of the expert group' },
    startsAt: '2020-08-21T10:00:00+03:00',
    endsAt: '2020-08-21T13:00:00+03:00',
    timezone: 'Europe/Minsk',
    place: { ru: 'Исполнительный комитет СНГ, Минск', en: 'CIS Executive Committee, Minsk' },
    format: 'videoconference',
    conferenceUrl: 'https://meet.jit.si/cis-eg-2020-08-21',
    ...over,
  })

const notices = (kind: string) =>
  t.handle.db
    .selectFrom('notifications')
    .select(['user_id', 'params', 'link'])
    .where('kind', '=', kind)
    .where('link', '=', `/meetings/${meetingId}`)
    .execute()

beforeAll(async () => {
  t = await createTestApp()
  const world = await buildOrganization(t.handle, {
    members: ['ARM', 'TJK', 'RUS', 'KAZ'],
    observers: ['MDA'],
  })
  w = await buildDossier(t.handle, { world, participants: ['ARM', 'TJK', 'RUS', 'MDA'] })
  bodyId = (
    await t.handle.db
      .selectFrom('bodies')
      .select('id')
      .where('organization_id', '=', w.org.id)
      .executeTakeFirstOrThrow()
  ).id
  editor = await signIn(t.app, (await buildUser(t.handle, w, 'secretariat_editor')).email)
  press = await signIn(t.app, (await buildUser(t.handle, w, 'press_officer')).email)
  headTJK = await signIn(t.app, (await buildUser(t.handle, w, 'head_of_delegation', 'TJK', 'ru')).email)
  expertTJK = await signIn(t.app, (await buildUser(t.handle, w, 'expert', 'TJK')).email)
  headARM = await signIn(t.app, (await buildUser(t.handle, w, 'head_of_delegation', 'ARM')).email)
  headRUS = await signIn(t.app, (await buildUser(t.handle, w, 'head_of_delegation', 'RUS')).email)
  observerMDA = await signIn(t.app, (await buildUser(t.handle, w, 'observer_delegate', 'MDA')).email)
  const kaz = await buildUser(t.handle, w, 'head_of_delegation', 'KAZ')
  kazHeadId = kaz.id
  headKAZ = await signIn(t.app, kaz.email)
  const other = await buildOrganization(t.handle, { members: ['GEO'], observers: [] })
  foreignUserId = (await buildUser(t.handle, other, 'head_of_delegation', 'GEO')).id
})
afterAll(() => t.close())

describe('convening a meeting', () => {
  it('convenes the expert group with its agenda, the delegations and the secretariat', async () => {
    const res = await convene({
      agenda: [{ documentId: w.document.id }],
      delegations: ['ARM', 'TJK', 'RUS', 'MDA'],
      inviteSecretariat: true,
    })
    expect(res.statusCode).toBe(201)
    const m = res.json().data
    meetingId = m.id
    expect(m).toMatchObject({
      status: 'scheduled',
      sequence: 0,
      timezone: 'Europe/Minsk',
      startsAt: '2020-08-21T07:00:00.000Z',
      endsAt: '2020-08-21T10:00:00.000Z',
      format: 'videoconference',
      conference: { url: 'https://meet.jit.si/cis-eg-2020-08-21', provider: 'jitsi', embeddable: true },
      body: { code: 'EG' },
      minutesLink: `/meetings/${m.id}/minutes`,
    })
    expect(m.agenda).toHaveLength(1)
    expect(m.agenda[0]).toMatchObject({
      position: 1,
      title: { ru: 'Заявление', en: 'Statement' },
      dossier: { id: w.dossier.id },
      document: { id: w.document.id },
      documentVersion: { id: w.published.id, contentHash: w.published.content_hash },
      outcome: null,
    })
    const byParty = (code: string | null) =>
      m.participants.filter((p: { party: { code: string } | null }) => (p.party?.code ?? null) === code)
    expect(
      byParty('TJK')
        .map((p: { function: string }) => p.function)
        .sort(),
    ).toEqual(['expert', 'plenipotentiary'])
    expect(byParty('MDA').map((p: { function: string }) => p.function)).toEqual(['observer_delegate'])
    expect(byParty(null).map((p: { function: string }) => p.function)).toEqual(['secretariat'])
    expect(byParty('KAZ')).toEqual([])
    expect(m.participants.every((p: { invitation: string }) => p.invitation === 'invited')).toBe(true)
    expect(res.json().policies).toMatchObject({ update: true, record_outcome: true, respond: true })
    const audit = await t.handle.db
      .selectFrom('audit_entries')
      .select('action')
      .where('subject_id', '=', m.id)
      .execute()
    expect(audit.map((a) => a.action)).toContain('meeting.convene')
  })

  it('refuses bad input with stable codes and writes nothing', async () => {
    const before = (await t.handle.db.selectFrom('meetings').select('id').execute()).length
    const ends = await convene({ endsAt: '2020-08-21T09:00:00+03:00' })
    expect([ends.statusCode, ends.json().error.code]).toEqual([422, 'meeting_ends_before_start'])
    const zone = await convene({ timezone: 'Europe/Atlantis' })
    expect([zone.statusCode, zone.json().error.code]).toEqual([422, 'timezone_unknown'])
    const link = await convene({ conferenceUrl: 'http://zoom.us/j/123' })
    expect([link.statusCode, link.json().error.code]).toEqual([422, 'conference_url_invalid'])
    const party = await convene({ delegations: ['ARM', 'GEO'] })
    expect([party.statusCode, party.json().error.code]).toEqual([422, 'party_not_in_organization'])
    expect(party.json().error.details).toEqual({ party: 'GEO' })
    const shape = await convene({ format: 'séance' })
    expect([shape.statusCode, shape.json().error.code]).toEqual([422, 'validation_failed'])
    expect((await t.handle.db.selectFrom('meetings').select('id').execute()).length).toBe(before)
    const foreign = await editor.send('POST', `${base()}/participants`, { userId: foreignUserId })
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([422, 'party_not_in_organization'])
  })

  it('skips a delegation without users when convening, and refuses it when invited alone', async () => {
    await inTransaction(t.handle, null, 'test', async (ctx) => {
      const blr = await partyRegistrar(ctx, {
        code: 'BLR',
        name: { ru: 'Беларусь' },
        fullName: { ru: 'Беларусь' },
      })
      // A member only from 2021: it does not count towards the quorum of a meeting in 2020.
      await membershipAdder(ctx, w.org, blr, 'member', '2021-01-01')
    })
    const res = await convene({ delegations: ['ARM', 'BLR'] })
    expect(res.statusCode).toBe(201)
    const codes = res.json().data.participants.map((p: { party: { code: string } }) => p.party.code)
    expect([...new Set(codes)]).toEqual(['ARM'])
    const alone = await editor.send('POST', `/api/meetings/${res.json().data.id}/participants`, {
      party: 'BLR',
    })
    expect([alone.statusCode, alone.json().error.code]).toEqual([422, 'delegation_empty'])
  })

  it('lets only the secretariat pen-holders convene', async () => {
    expect((await convene()).statusCode).toBe(201)
    const asHead = await headTJK.send('POST', '/api/meetings', { organizationId: w.org.id })
    expect(asHead.statusCode).toBe(422)
    const valid = {
      organizationId: w.org.id,
      bodyId,
      title: { ru: 'x' },
      startsAt: '2020-09-01T10:00:00+03:00',
      endsAt: '2020-09-01T11:00:00+03:00',
      timezone: 'Europe/Minsk',
      format: 'in_person',
    }
    expect((await headTJK.send('POST', '/api/meetings', valid)).statusCode).toBe(403)
    expect((await press.send('POST', '/api/meetings', valid)).statusCode).toBe(403)
  })
})

describe('need-to-know', () => {
  it('shows the meeting to the secretariat and the parties taking part, and hides it from others', async () => {
    expect((await headTJK.get(base())).statusCode).toBe(200)
    expect((await expertTJK.get(base())).statusCode).toBe(200)
    expect((await observerMDA.get(base())).statusCode).toBe(200)
    expect((await press.get(base())).statusCode).toBe(200)
    const hidden = await headKAZ.get(base())
    expect([hidden.statusCode, hidden.json().error.code]).toEqual([404, 'meeting_not_found'])
    expect((await headKAZ.get('/api/meetings')).json().data.map((m: { id: string }) => m.id)).not.toContain(
      meetingId,
    )
    expect((await headTJK.get('/api/meetings')).json().data.map((m: { id: string }) => m.id)).toContain(
      meetingId,
    )
    // A malformed id is not found either, never a 500.
    expect((await editor.get('/api/meetings/not-an-id')).statusCode).toBe(404)
  })

  it('refuses changes from those who may read but do not run the meeting (403)', async () => {
    const m = await meeting()
    for (const s of [headTJK, expertTJK, press]) {
      expect((await s.send('PATCH', base(), { version: m.version, title: { ru: 'x' } })).statusCode).toBe(403)
      expect(
        (
          await s.send('POST', `${base()}/agenda/${m.agenda[0].id}/outcome`, {
            version: 1,
            outcome: 'agreed',
          })
        ).statusCode,
      ).toBe(403)
    }
    expect((await headKAZ.send('PATCH', base(), { version: m.version, title: { ru: 'x' } })).statusCode).toBe(
      404,
    )
  })

  it('shows a personally invited delegate the meeting, but not a dossier outside their need-to-know', async () => {
    const res = await editor.send('POST', `${base()}/participants`, { userId: kazHeadId })
    expect(res.statusCode).toBe(201)
    const seen = await headKAZ.get(base())
    expect(seen.statusCode).toBe(200)
    const item = seen.json().data.agenda[0]
    expect(item.title).toEqual({ ru: 'Заявление', en: 'Statement' })
    expect([item.dossier, item.document, item.documentVersion, item.positions]).toEqual([
      null,
      null,
      null,
      null,
    ])
    expect(
      seen
        .json()
        .data.participants.every(
          (p: { email: string | null; userId: string }) => p.email === null || p.userId === kazHeadId,
        ),
    ).toBe(true)
    // Adding the same person twice is a conflict.
    const again = await editor.send('POST', `${base()}/participants`, { userId: kazHeadId })
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'participant_exists'])
    // Off the list again: the meeting is hidden from them once more.
    const p = res.json().data.participants.find((x: { userId: string }) => x.userId === kazHeadId)
    expect(
      (await editor.send('DELETE', `${base()}/participants/${p.id}`, { version: p.version })).statusCode,
    ).toBe(200)
    expect((await headKAZ.get(base())).statusCode).toBe(404)
  })
})

describe('invitations and answers', () => {
  it('sends the invitation once per sequence to everyone with an account', async () => {
    const m = await meeting()
    const withAccounts = m.participants.filter((p: { userId: string | null }) => p.userId).length
    const sent = await editor.send('POST', `${base()}/invitations`)
    expect(sent.statusCode).toBe(200)
    expect(sent.json().data).toEqual({ sent: withAccounts, sequence: 0 })
    const rows = await notices('meeting_invited')
    expect(rows).toHaveLength(withAccounts)
    expect(JSON.parse(rows[0]!.params)).toMatchObject({
      meeting: { ru: 'Заседание экспертной группы' },
      startsAt: '2020-08-21T07:00:00.000Z',
      timezone: 'Europe/Minsk',
    })
    // The e-mail carries the invitation as an .ics in the recipient's language (ru for TJK's head).
    const tjkHeadId = m.participants.find(
      (p: { party: { code: string } | null; function: string }) =>
        p.party?.code === 'TJK' && p.function === 'plenipotentiary',
    ).userId
    const mail = await t.handle.db
      .selectFrom('mail_outbox')
      .select(['attachment', 'language'])
      .where('user_id', '=', tjkHeadId)
      .where('kind', '=', 'meeting_invited')
      .executeTakeFirstOrThrow()
    const attachment = JSON.parse(mail.attachment!)
    expect(attachment).toMatchObject({
      filename: 'invitation.ics',
      contentType: 'text/calendar; method=REQUEST',
    })
    const invitation = parseIcs(attachment.content)
    expect(invitation.getFirstPropertyValue('method')).toBe('REQUEST')
    const event = invitation.getFirstSubcomponent('vevent')!
    expect(event.getFirstPropertyValue('sequence')).toBe(0)
    expect(event.getFirstPropertyValue('summary')).toBe('Заседание экспертной группы')
    expect(event.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Minsk')
    expect(event.getAllProperties('attendee')).toHaveLength(withAccounts)
    expect((await editor.send('POST', `${base()}/invitations`)).json().data.sent).toBe(0)
    expect((await headTJK.send('POST', `${base()}/invitations`)).statusCode).toBe(403)
  })

  it('lets a participant answer for themselves only', async () => {
    const res = await headTJK.send('POST', `${base()}/response`, { answer: 'accepted' })
    expect(res.statusCode).toBe(200)
    const me = res.json().data.myParticipation
    expect(me).toMatchObject({ function: 'plenipotentiary', invitation: 'accepted' })
    expect((await observerMDA.send('POST', `${base()}/response`, { answer: 'tentative' })).statusCode).toBe(
      200,
    )
    expect((await headTJK.send('POST', `${base()}/response`, { answer: 'maybe' })).statusCode).toBe(422)
    // A delegate of a party taking part, not invited in person, reads but cannot answer.
    const newcomer = await signIn(t.app, (await buildUser(t.handle, w, 'expert', 'ARM')).email)
    expect((await newcomer.get(base())).statusCode).toBe(200)
    expect((await newcomer.send('POST', `${base()}/response`, { answer: 'accepted' })).statusCode).toBe(403)
    const m = await meeting()
    const tjk = m.participants.filter((p: { party: { code: string } | null }) => p.party?.code === 'TJK')
    expect(tjk.map((p: { invitation: string }) => p.invitation).sort()).toEqual(['accepted', 'invited'])
  })

  it("gives the signed-in user the meeting's .ics: METHOD:REQUEST, UID, SEQUENCE, zone, attendees", async () => {
    const m = await meeting()
    const res = await headTJK.get(`${base()}/invitation.ics`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/calendar')
    const root = parseIcs(res.body)
    expect(root.getFirstPropertyValue('method')).toBe('REQUEST')
    const ev = root.getFirstSubcomponent('vevent')!
    const uid = (
      await t.handle.db
        .selectFrom('meetings')
        .select('uid')
        .where('id', '=', meetingId)
        .executeTakeFirstOrThrow()
    ).uid
    expect(ev.getFirstPropertyValue('uid')).toBe(uid)
    expect(ev.getFirstPropertyValue('sequence')).toBe(m.sequence)
    expect(ev.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Minsk')
    expect(String(ev.getFirstPropertyValue('dtstart'))).toBe('2020-08-21T10:00:00')
    expect(new ICAL.Event(ev).startDate.toJSDate().toISOString()).toBe('2020-08-21T07:00:00.000Z')
    // The head of delegation speaks Russian: the invitation is in Russian.
    expect(ev.getFirstPropertyValue('location')).toBe('Исполнительный комитет СНГ, Минск')
    expect(ev.getFirstPropertyValue('url')).toBe('https://meet.jit.si/cis-eg-2020-08-21')
    expect(ev.getFirstPropertyValue('status')).toBe('CONFIRMED')
    const attendees = ev.getAllProperties('attendee')
    expect(attendees).toHaveLength(m.participants.length)
    const stat = (s: string) =>
      attendees.filter((a) => a.getParameter('partstat') === s).map((a) => a.getParameter('cn'))
    expect(stat('ACCEPTED')).toEqual(['head_of_delegation TJK (TJK)'])
    expect(stat('TENTATIVE')).toEqual(['observer_delegate MDA (MDA)'])
    expect(stat('NEEDS-ACTION')).toHaveLength(attendees.length - 2)
    expect((await headKAZ.get(`${base()}/invitation.ics`)).statusCode).toBe(404)
  })

  it('sends an update with a higher SEQUENCE when the time changes, and none for a new title', async () => {
    let m = await meeting()
    const stale = m.version
    const moved = await editor.send('PATCH', base(), {
      version: m.version,
      startsAt: '2020-08-21T11:00:00+03:00',
      endsAt: '2020-08-21T14:00:00+03:00',
    })
    expect(moved.statusCode).toBe(200)
    expect(moved.json().data).toMatchObject({ sequence: 1, startsAt: '2020-08-21T08:00:00.000Z' })
    const updated = await notices('meeting_updated')
    const invited = await notices('meeting_invited')
    expect(updated.map((n) => n.user_id).sort()).toEqual(invited.map((n) => n.user_id).sort())
    const ics = parseIcs((await headTJK.get(`${base()}/invitation.ics`)).body).getFirstSubcomponent('vevent')!
    expect(ics.getFirstPropertyValue('sequence')).toBe(1)
    expect(String(ics.getFirstPropertyValue('dtstart'))).toBe('2020-08-21T11:00:00')

    const conflict = await editor.send('PATCH', base(), { version: stale, title: { ru: 'y' } })
    expect([conflict.statusCode, conflict.json().error.code]).toEqual([409, 'version_changed'])
    m = await meeting()
    const renamed = await editor.send('PATCH', base(), {
      version: m.version,
      title: { ru: 'Заседание экспертной группы СНГ', en: 'Meeting of the CIS expert group' },
    })
    expect(renamed.json().data.sequence).toBe(1)
    expect((await notices('meeting_updated')).length).toBe(updated.length)
    const badLink = await editor.send('PATCH', base(), { version: m.version + 1, conferenceUrl: 'ftp://x' })
    expect(badLink.json().error.code).toBe('conference_url_invalid')
    const backwards = await editor.send('PATCH', base(), {
      version: m.version + 1,
      endsAt: '2020-08-20T10:00:00+03:00',
    })
    expect(backwards.json().error.code).toBe('meeting_ends_before_start')
  })
})

describe('attendance and quorum', () => {
  it('counts members present or remote against a majority; observers never count', async () => {
    let m = await meeting()
    expect(m.quorum).toMatchObject({ members: 4, required: 3, reached: false, recorded: false })
    expect(m.quorum.expected).toEqual(['TJK'])
    const mark = async (code: string | null, attendance: string) => {
      const current = await meeting()
      const p = current.participants.find(
        (x: { party: { code: string } | null; function: string }) =>
          (x.party?.code ?? null) === code && x.function !== 'expert',
      )
      const res = await editor.send('PATCH', `${base()}/participants/${p.id}`, {
        version: p.version,
        attendance,
      })
      expect(res.statusCode).toBe(200)
      return res.json().data
    }
    await mark('ARM', 'present')
    await mark('TJK', 'remote')
    await mark('MDA', 'present')
    m = await mark(null, 'present')
    expect(m.quorum).toMatchObject({ present: ['ARM', 'TJK'], reached: false, recorded: true })
    expect(m.quorum.missing).toEqual(['KAZ', 'RUS'])
    m = await mark('RUS', 'remote')
    expect(m.quorum).toMatchObject({ present: ['ARM', 'RUS', 'TJK'], required: 3, reached: true })
    const p = m.participants.find((x: { party: { code: string } | null }) => x.party?.code === 'ARM')
    expect(
      (
        await headARM.send('PATCH', `${base()}/participants/${p.id}`, {
          version: p.version,
          attendance: 'absent',
        })
      ).statusCode,
    ).toBe(403)
    const stale = await editor.send('PATCH', `${base()}/participants/${p.id}`, {
      version: p.version - 1,
      attendance: 'absent',
    })
    expect(stale.statusCode).toBe(409)
  })
})

describe('agenda and outcomes', () => {
  it('records an outcome with a note and shows the positions recorded on the version', async () => {
    const pos = `/api/documents/${w.document.id}/versions/${w.published.id}/positions`
    expect((await headARM.send('POST', pos, { kind: 'agree' })).statusCode).toBe(201)
    expect(
      (await headRUS.send('POST', pos, { kind: 'reservation', text: 'Особое мнение по п. 3' })).statusCode,
    ).toBe(201)
    expect((await headTJK.send('POST', pos, { kind: 'agree_ad_referendum' })).statusCode).toBe(201)
    expect((await observerMDA.send('POST', pos, { kind: 'agree' })).statusCode).toBe(201)
    const m = await meeting()
    const item = m.agenda[0]
    const res = await editor.send('POST', `${base()}/agenda/${item.id}/outcome`, {
      version: item.version,
      outcome: 'agreed_with_reservations',
      note: 'Согласовано с особым мнением Российской Федерации по п. 3',
    })
    expect(res.statusCode).toBe(200)
    const seen = (await observerMDA.get(base())).json().data.agenda[0]
    expect(seen).toMatchObject({
      outcome: 'agreed_with_reservations',
      outcomeNote: 'Согласовано с особым мнением Российской Федерации по п. 3',
      outcomeBy: { displayName: 'secretariat_editor secretariat' },
      documentVersion: { id: w.published.id },
    })
    expect(seen.positions).toMatchObject({
      agreed: ['ARM'],
      adReferendum: ['TJK'],
      reservations: [{ party: 'RUS', text: 'Особое мнение по п. 3' }],
      objections: [],
      observers: [{ party: 'MDA', position: 'agree' }],
    })
    const stale = await editor.send('POST', `${base()}/agenda/${item.id}/outcome`, {
      version: item.version,
      outcome: 'agreed',
    })
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'version_changed'])
    const wrong = await editor.send('POST', `${base()}/agenda/${item.id}/outcome`, {
      version: item.version + 1,
      outcome: 'adopted',
    })
    expect(wrong.statusCode).toBe(422)
    const outcomes = await t.handle.db
      .selectFrom('audit_entries')
      .select(['action', 'dossier_id'])
      .where('subject_id', '=', item.id)
      .where('action', '=', 'meeting.outcome')
      .execute()
    expect(outcomes).toEqual([{ action: 'meeting.outcome', dossier_id: w.dossier.id }])
  })

  it('adds, reorders and removes agenda items, refusing links outside the organization', async () => {
    const other = await buildDossier(t.handle)
    const foreign = await editor.send('POST', `${base()}/agenda`, { documentId: other.document.id })
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([422, 'agenda_link_invalid'])
    const untitled = await editor.send('POST', `${base()}/agenda`, {})
    expect([untitled.statusCode, untitled.json().error.code]).toEqual([422, 'validation_failed'])
    const added = await editor.send('POST', `${base()}/agenda`, {
      title: { ru: 'О проектах решений СМИД и СГГ', en: 'Draft decisions of the CFM and CHS' },
      dossierId: w.dossier.id,
    })
    expect(added.statusCode).toBe(201)
    const agenda = added.json().data.agenda
    expect(agenda.map((a: { position: number }) => a.position)).toEqual([1, 2])
    const ids = agenda.map((a: { id: string }) => a.id)
    const bad = await editor.send('PUT', `${base()}/agenda`, { itemIds: [ids[0]] })
    expect([bad.statusCode, bad.json().error.code]).toEqual([422, 'agenda_order_invalid'])
    const reordered = await editor.send('PUT', `${base()}/agenda`, { itemIds: [ids[1], ids[0]] })
    expect(reordered.json().data.agenda.map((a: { id: string }) => a.id)).toEqual([ids[1], ids[0]])
    const first = reordered.json().data.agenda[0]
    const removed = await editor.send('DELETE', `${base()}/agenda/${first.id}`, { version: first.version })
    expect(
      removed.json().data.agenda.map((a: { id: string; position: number }) => [a.id, a.position]),
    ).toEqual([[ids[0], 1]])
  })

  it('lists the meetings whose agenda links a dossier, to those who may read it', async () => {
    const res = await headTJK.get(`/api/dossiers/${w.dossier.id}/meetings`)
    expect(res.statusCode).toBe(200)
    expect(res.json().data.map((m: { id: string }) => m.id)).toEqual([meetingId])
    expect((await headKAZ.get(`/api/dossiers/${w.dossier.id}/meetings`)).statusCode).toBe(404)
  })

  it("convenes through the factory too (for other areas' tests), visible only to the secretariat", async () => {
    const other = await buildMeeting(t.handle, w)
    expect(other).toMatchObject({ status: 'scheduled', sequence: 0, timezone: 'Europe/Minsk' })
    expect((await editor.get(`/api/meetings/${other.id}`)).statusCode).toBe(200)
    expect((await headTJK.get(`/api/meetings/${other.id}`)).statusCode).toBe(404)
  })

  it('gives the minutes everything recorded about the meeting', async () => {
    const facts = await meetingFacts(t.handle.db, meetingId)
    expect(facts.body.code).toBe('EG')
    expect(facts.parties.map((p) => `${p.code}:${p.status}`)).toEqual([
      'ARM:member',
      'KAZ:member',
      'MDA:observer',
      'RUS:member',
      'TJK:member',
    ])
    expect(facts.agenda[0]).toMatchObject({
      outcome: 'agreed_with_reservations',
      dossier: { id: w.dossier.id },
      versionInfo: { id: w.published.id, contentHash: w.published.content_hash },
    })
    const rus = facts.participants.find((p) => p.party?.code === 'RUS')!
    expect(rus).toMatchObject({
      function: 'plenipotentiary',
      attendance: 'remote',
      party: { status: 'member' },
    })
  })
})

describe('cancelling, and the personal calendar feed', () => {
  let feed: string

  it('serves the feed by its secret token without a session, and 404 for an unknown one', async () => {
    const issued = await headTJK.send('POST', '/api/me/calendar')
    expect(issued.statusCode).toBe(200)
    feed = new URL(issued.json().data.url).pathname
    expect(feed).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/)
    expect((await headTJK.get('/api/me/calendar')).json().data.url).toBe(issued.json().data.url)
    const res = await t.app.inject({ method: 'GET', url: feed })
    expect(res.statusCode).toBe(200)
    const root = parseIcs(res.body)
    expect(root.getFirstPropertyValue('method')).toBe('PUBLISH')
    const uids = root.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid'))
    const uid = (
      await t.handle.db
        .selectFrom('meetings')
        .select('uid')
        .where('id', '=', meetingId)
        .executeTakeFirstOrThrow()
    ).uid
    expect(uids).toEqual([uid])
    expect((await t.app.inject({ method: 'GET', url: '/api/calendar/unknown.ics' })).statusCode).toBe(404)
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/calendar/${'A'.repeat(43)}.ics` })).json().error.code,
    ).toBe('calendar_not_found')
    // Rotating the address retires the old one.
    const rotated = await headTJK.send('POST', '/api/me/calendar')
    expect(new URL(rotated.json().data.url).pathname).not.toBe(feed)
    expect((await t.app.inject({ method: 'GET', url: feed })).statusCode).toBe(404)
    feed = new URL(rotated.json().data.url).pathname
    expect((await t.app.inject({ method: 'GET', url: '/api/me/calendar' })).statusCode).toBe(401)
  })

  it('cancels: METHOD:CANCEL to those invited, STATUS:CANCELLED in the feed, no more changes', async () => {
    const m = await meeting()
    expect((await headTJK.send('POST', `${base()}/cancel`, { version: m.version })).statusCode).toBe(403)
    const res = await editor.send('POST', `${base()}/cancel`, { version: m.version })
    expect(res.statusCode).toBe(200)
    expect(res.json().data).toMatchObject({ status: 'cancelled', sequence: m.sequence + 1 })
    const cancelled = await notices('meeting_cancelled')
    expect(cancelled.length).toBe((await notices('meeting_invited')).length)
    const mail = await t.handle.db
      .selectFrom('mail_outbox')
      .select('attachment')
      .where('user_id', '=', cancelled[0]!.user_id)
      .where('kind', '=', 'meeting_cancelled')
      .executeTakeFirstOrThrow()
    const attachment = JSON.parse(mail.attachment!)
    expect(attachment.contentType).toBe('text/calendar; method=CANCEL')
    const sent = parseIcs(attachment.content)
    expect(sent.getFirstPropertyValue('method')).toBe('CANCEL')
    expect(sent.getFirstSubcomponent('vevent')!.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(sent.getFirstSubcomponent('vevent')!.getFirstPropertyValue('sequence')).toBe(m.sequence + 1)
    const ics = parseIcs((await headTJK.get(`${base()}/invitation.ics`)).body)
    expect(ics.getFirstPropertyValue('method')).toBe('CANCEL')
    const ev = ics.getFirstSubcomponent('vevent')!
    expect(ev.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(ev.getFirstPropertyValue('sequence')).toBe(m.sequence + 1)
    const inFeed = parseIcs((await t.app.inject({ method: 'GET', url: feed })).body).getFirstSubcomponent(
      'vevent',
    )!
    expect(inFeed.getFirstPropertyValue('status')).toBe('CANCELLED')
    const after = await editor.send('PATCH', base(), { version: m.version + 1, title: { ru: 'z' } })
    expect([after.statusCode, after.json().error.code]).toEqual([409, 'meeting_cancelled'])
    expect((await headTJK.send('POST', `${base()}/response`, { answer: 'declined' })).statusCode).toBe(409)
  })
})
