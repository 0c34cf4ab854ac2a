/**
 * The policy matrix: every route × every role, with the expected answer, on a dossier in
 * which every party but KAZ takes part. Writes that succeed run against fresh state.
 * Then every list is checked against `can()`.
 */

import type { Role } from '@core/domain/roles.js'
import { newId } from '@server/ids.js'
import { can } from '@server/policies/index.js'
import { dossierSubject, participantsOf } from '@server/repositories/dossiers.js'
import { meetingSubject } from '@server/repositories/meetings.js'
import { insertMeeting } from '@server/routes/api/minutes/meeting-fixture.js'
import { createTestApp, type Session, signIn, type TestApp } from '@test/support/app.js'
import {
  buildDossier,
  buildOrganization,
  buildUser,
  type DossierWorld,
  sampleContent,
} from '@test/support/factories.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

type Actor = Role | 'outsider' | 'anonymous'
const ACTORS: Actor[] = [
  'secretariat_admin',
  'secretariat_editor',
  'press_officer',
  'head_of_delegation',
  'expert',
  'observer_delegate',
  'outsider',
  'anonymous',
]
const PARTY_OF: Partial<Record<Actor, string>> = {
  head_of_delegation: 'TJK',
  expert: 'TJK',
  observer_delegate: 'MDA',
  outsider: 'KAZ',
}

let t: TestApp
let w: DossierWorld
const sessions = new Map<Actor, Session>()

interface Case {
  name: string
  /** Builds the request against current state. */
  request: () => Promise<{
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
    url: string
    body?: unknown
    /** Extra headers (e.g. the content type of a raw upload). */
    headers?: Record<string, string>
  }>
  expect: Record<Actor, number>
}

const all = (code: number, overrides: Partial<Record<Actor, number>> = {}): Record<Actor, number> => ({
  ...(Object.fromEntries(ACTORS.map((a) => [a, code])) as Record<Actor, number>),
  anonymous: 401,
  ...overrides,
})
/** Only the pen-holders (admin and editor) may; other readers get 403, outsiders 404. */
const penHolders = (ok: number) => all(403, { secretariat_admin: ok, secretariat_editor: ok, outsider: 404 })

async function current(table: 'dossiers' | 'documents', id: string) {
  return (
    await t.handle.db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirstOrThrow()
  ).version
}
let refs = 0
async function newDraft(): Promise<string> {
  const s = sessions.get('secretariat_editor')!
  const res = await s.send('POST', `/api/documents/${w.document.id}/versions`, {
    label: { en: `D${++refs}` },
    content: sampleContent(),
  })
  return res.json().data.id
}
let sharedDraft: string
let roundId: string
const soon = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString()
async function roundVersion() {
  return (
    await t.handle.db
      .selectFrom('comment_rounds')
      .select('version')
      .where('id', '=', roundId)
      .executeTakeFirstOrThrow()
  ).version
}
/** A fresh contribution submitted by Tajikistan's head (or another party's). */
async function submitted(party: 'TJK' | 'ARM' = 'TJK'): Promise<string> {
  const s = party === 'TJK' ? sessions.get('head_of_delegation')! : armHead
  const res = await s.send('POST', `/api/rounds/${roundId}/contributions`, {
    kind: 'comment',
    provisionEid: 'para_2',
    comment: 'c',
  })
  return res.json().data.id
}
let armHead: Session

// --- Meetings and calendars (area A): a meeting of the expert group with TJK's and MDA's delegations.
let matrixMeetingId: string | null = null
async function newMatrixMeeting(): Promise<string> {
  const body = await t.handle.db
    .selectFrom('bodies')
    .select('id')
    .where('organization_id', '=', w.org.id)
    .executeTakeFirstOrThrow()
  const res = await sessions.get('secretariat_editor')!.send('POST', '/api/meetings', {
    organizationId: w.org.id,
    bodyId: body.id,
    title: { ru: 'Заседание', en: 'Meeting' },
    startsAt: '2020-08-21T10:00:00+03:00',
    endsAt: '2020-08-21T13:00:00+03:00',
    timezone: 'Europe/Minsk',
    format: 'videoconference',
    agenda: [{ documentId: w.document.id }],
    delegations: ['TJK', 'MDA'],
  })
  return res.json().data.id
}
async function matrixMeeting(): Promise<string> {
  matrixMeetingId ??= await newMatrixMeeting()
  return matrixMeetingId
}
async function meetingRow(table: 'meetings' | 'agenda_items' | 'meeting_participants', id: string) {
  return t.handle.db
    .selectFrom(table)
    .select(['id', 'version'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
}
async function firstAgendaItem() {
  return t.handle.db
    .selectFrom('agenda_items')
    .select(['id', 'version'])
    .where('meeting_id', '=', await matrixMeeting())
    .orderBy('position')
    .executeTakeFirstOrThrow()
}
async function observerParticipant() {
  const mda = w.parties.MDA!.id
  return t.handle.db
    .selectFrom('meeting_participants')
    .select(['id', 'version'])
    .where('meeting_id', '=', await matrixMeeting())
    .where('party_id', '=', mda)
    .executeTakeFirstOrThrow()
}
/** Something for the editor to remove: a fresh guest or agenda item per request. */
async function freshGuest(): Promise<string> {
  const id = await matrixMeeting()
  const res = await sessions
    .get('secretariat_editor')!
    .send('POST', `/api/meetings/${id}/participants`, { name: 'Guest', email: `guest${++refs}@test.example` })
  return res.json().data.participants.find((p: { email: string }) => p.email === `guest${refs}@test.example`)
    .id
}
async function freshAgendaItem(): Promise<string> {
  const id = await matrixMeeting()
  const res = await sessions
    .get('secretariat_editor')!
    .send('POST', `/api/meetings/${id}/agenda`, { title: { ru: `Пункт ${++refs}` } })
  const agenda = res.json().data.agenda as { id: string }[]
  return agenda[agenda.length - 1]!.id
}
let feedUrl: string | null = null
async function feedPath(): Promise<string> {
  if (!feedUrl) {
    const res = await sessions.get('secretariat_admin')!.send('POST', '/api/me/calendar')
    feedUrl = new URL(res.json().data.url).pathname
  }
  return feedUrl
}
// --- end of meetings helpers

// --- Minutes and adoption (area B): meetings written by a fixture (TJK's and MDA's delegations),
// and a second dossier (ARM, TJK, MDA) whose text is frozen, for decisions of councils.
async function minutesMeeting(): Promise<string> {
  const body = await t.handle.db
    .selectFrom('bodies')
    .select('id')
    .where('organization_id', '=', w.org.id)
    .executeTakeFirstOrThrow()
  const m = await insertMeeting(t.handle, {
    organizationId: w.org.id,
    bodyId: body.id,
    participants: [
      { name: 'TJK head', partyId: w.parties.TJK!.id, function: 'plenipotentiary' },
      { name: 'MDA delegate', partyId: w.parties.MDA!.id, function: 'observer_delegate' },
    ],
  })
  return m.id
}
let sharedMinutes: Promise<string> | null = null
/** A meeting whose minutes are drafted (shared by the read-only cases). */
function draftedMinutes(): Promise<string> {
  sharedMinutes ??= freshDraftedMinutes()
  return sharedMinutes
}
async function freshDraftedMinutes(): Promise<string> {
  const id = await minutesMeeting()
  await sessions.get('secretariat_editor')!.send('POST', `/api/meetings/${id}/minutes`)
  return id
}
let adoptionDossier: Promise<{ dossierId: string; bodyId: string }> | null = null
function frozenDossier() {
  adoptionDossier ??= (async () => {
    const d = await buildDossier(t.handle, { world: w, participants: ['ARM', 'TJK', 'MDA'] })
    const positions = `/api/documents/${d.document.id}/versions/${d.published.id}/positions`
    await armHead.send('POST', positions, { kind: 'agree' })
    await sessions.get('head_of_delegation')!.send('POST', positions, { kind: 'agree' })
    await sessions
      .get('secretariat_editor')!
      .send('POST', `/api/documents/${d.document.id}/versions/${d.published.id}/freeze`)
    const body = await t.handle.db
      .selectFrom('bodies')
      .select('id')
      .where('organization_id', '=', w.org.id)
      .executeTakeFirstOrThrow()
    return { dossierId: d.dossier.id, bodyId: body.id }
  })()
  return adoptionDossier
}
/** A fresh decision on the frozen dossier, recorded by the editor. */
async function freshAdoption(): Promise<{ id: string; version: number }> {
  const { dossierId, bodyId } = await frozenDossier()
  const editor = sessions.get('secretariat_editor')!
  const body = { bodyId, decision: 'adopted', decidedOn: '2020-10-15' }
  const res = await editor.send('POST', `/api/dossiers/${dossierId}/adoptions`, body)
  return { id: res.json().data.id, version: res.json().data.version }
}
let sharedAdoption: Promise<{ id: string; version: number }> | null = null
function anAdoption() {
  sharedAdoption ??= freshAdoption()
  return sharedAdoption
}
// --- end of minutes and adoption helpers

// --- Procedure, timeline and domestic approval (area C): a dossier (ARM, TJK, RUS, MDA) at
// domestic approval with an item per member, and one supporting document of Tajikistan's.
let approvalWorld: Promise<{ dossierId: string; attachmentId: string }> | null = null
function approvalDossier() {
  approvalWorld ??= (async () => {
    const d = await buildDossier(t.handle, { world: w, participants: ['ARM', 'TJK', 'RUS', 'MDA'] })
    await t.handle.db
      .updateTable('dossiers')
      .set({ stage: 'domestic_approval' })
      .where('id', '=', d.dossier.id)
      .execute()
    for (const code of ['ARM', 'TJK', 'RUS'])
      await t.handle.db
        .insertInto('domestic_approvals')
        .values({
          id: newId(),
          dossier_id: d.dossier.id,
          party_id: d.parties[code]!.id,
          status: 'not_started',
          due_date: null,
          note: null,
          updated_by: null,
          updated_at: new Date().toISOString(),
          version: 1,
          ad_referendum: null,
        })
        .execute()
    const editor = sessions.get('secretariat_editor')!
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/dossiers/${d.dossier.id}/approvals/TJK/attachments?filename=note.pdf`,
      headers: {
        cookie: editor.cookie,
        'x-csrf-token': editor.csrf,
        'content-type': 'application/octet-stream',
      },
      payload: MATRIX_PDF,
    })
    return { dossierId: d.dossier.id, attachmentId: res.json().data.id }
  })()
  return approvalWorld
}
const MATRIX_PDF = Buffer.from('%PDF-1.4\n%%EOF\n')
async function approvalVersion(dossierId: string, code: string) {
  const party = await t.handle.db
    .selectFrom('parties')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirstOrThrow()
  return (
    await t.handle.db
      .selectFrom('domestic_approvals')
      .select('version')
      .where('dossier_id', '=', dossierId)
      .where('party_id', '=', party.id)
      .executeTakeFirstOrThrow()
  ).version
}
// --- end of procedure helpers

// --- Press service's newsroom (issue 6, newsroom): a fresh item per request, written by the
// press officer; meetings with a recorded outcome to draft from; an image of the newsroom.
async function freshNewsItem(): Promise<{ id: string; version: number }> {
  const res = await sessions
    .get('press_officer')!
    .send('POST', '/api/news', { language: 'ru', title: `Новость ${++refs}` })
  return { id: res.json().data.id, version: res.json().data.version }
}
let sharedNews: Promise<{ id: string; version: number }> | null = null
function aNewsItem() {
  sharedNews ??= freshNewsItem()
  return sharedNews
}
async function newsVersion(id: string) {
  return (
    await t.handle.db
      .selectFrom('news_items')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).version
}
/** A meeting (TJK's and MDA's delegations) whose agenda item has its outcome. */
async function meetingWithOutcome(): Promise<string> {
  const id = await newMatrixMeeting()
  const item = await t.handle.db
    .selectFrom('agenda_items')
    .select(['id', 'version'])
    .where('meeting_id', '=', id)
    .executeTakeFirstOrThrow()
  await sessions.get('secretariat_editor')!.send('POST', `/api/meetings/${id}/agenda/${item.id}/outcome`, {
    version: item.version,
    outcome: 'agreed',
  })
  return id
}
let matrixPng: Promise<Buffer> | null = null
function aPng(): Promise<Buffer> {
  matrixPng ??= import('sharp').then((s) =>
    s
      .default({ create: { width: 40, height: 30, channels: 3, background: '#345995' } })
      .png()
      .toBuffer(),
  )
  return matrixPng
}
let sharedMedia: Promise<string> | null = null
function aMedia(): Promise<string> {
  sharedMedia ??= (async () => {
    const press = sessions.get('press_officer')!
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/media?filename=m.png',
      headers: { cookie: press.cookie, 'x-csrf-token': press.csrf, 'content-type': 'image/png' },
      payload: await aPng(),
    })
    return res.json().data.id as string
  })()
  return sharedMedia
}
/** The newsroom: its press officers and administrators write, the secretariat reads, parties have none. */
const newsroom = (read: number, write: number) =>
  all(403, { secretariat_admin: write, press_officer: write, secretariat_editor: read })
/** An item: hidden from parties (404); the editor reads but may not write (403). */
const newsItem = (ok: number) =>
  all(404, { secretariat_admin: ok, press_officer: ok, secretariat_editor: ok === 200 ? 200 : 403 })
// --- end of newsroom helpers

// --- Syndication (issue 6, portal and syndication): subscriptions made by the press officer
// to URLs nobody fetches here, and entries written straight into feed_entries.
async function freshSubscription(): Promise<{ id: string; version: number }> {
  const res = await sessions.get('press_officer')!.send('POST', '/api/feed-subscriptions', {
    url: `https://feeds.example.org/${++refs}/atom.xml`,
    sourceName: 'пресс-служба Исполкома СНГ',
  })
  return { id: res.json().data.id, version: res.json().data.version }
}
let sharedSubscription: Promise<{ id: string; version: number }> | null = null
function aSubscription() {
  sharedSubscription ??= freshSubscription()
  return sharedSubscription
}
let syndicationRubric: Promise<string> | null = null
function aSyndicationRubric(): Promise<string> {
  syndicationRubric ??= sessions
    .get('press_officer')!
    .send('POST', '/api/rubrics', { slug: 'syndicated', name: { ru: 'Перепечатки', en: 'Republished' } })
    .then((res) => res.json().data.id as string)
  return syndicationRubric
}
async function freshEntry(): Promise<string> {
  const id = newId()
  await t.handle.db
    .insertInto('feed_entries')
    .values({
      id,
      subscription_id: (await aSubscription()).id,
      guid: `urn:entry:${id}`,
      title: `Запись ${++refs}`,
      link: `https://source.example.org/news/${id}`,
      summary: 'Кратко.',
      content: '<p>Текст.</p>',
      language: 'ru',
      published_at: '2020-08-22T09:02:00.000Z',
      fetched_at: new Date().toISOString(),
      republished_item_id: null,
    })
    .execute()
  return id
}
/** A subscription: hidden from parties (404); the editor reads but may not change it (403). */
const syndicated = (ok: number) =>
  all(404, { secretariat_admin: ok, press_officer: ok, secretariat_editor: ok === 200 ? 200 : 403 })
// --- end of syndication helpers

const CASES: Case[] = [
  { name: 'GET /api/me', request: async () => ({ method: 'GET', url: '/api/me' }), expect: all(200) },
  {
    name: 'GET /api/organizations',
    request: async () => ({ method: 'GET', url: '/api/organizations' }),
    expect: all(200),
  },
  {
    name: 'GET /api/organizations/:id',
    request: async () => ({ method: 'GET', url: `/api/organizations/${w.org.id}` }),
    expect: all(200),
  },
  {
    name: 'GET /api/organizations/:id/parties',
    request: async () => ({ method: 'GET', url: `/api/organizations/${w.org.id}/parties` }),
    expect: all(200),
  },
  {
    name: 'GET /api/organizations/:id/bodies',
    request: async () => ({ method: 'GET', url: `/api/organizations/${w.org.id}/bodies` }),
    expect: all(200),
  },
  {
    name: 'GET /api/dossiers',
    request: async () => ({ method: 'GET', url: '/api/dossiers' }),
    expect: all(200),
  },
  {
    name: 'POST /api/dossiers',
    request: async () => ({
      method: 'POST',
      url: '/api/dossiers',
      body: { organizationId: w.org.id, reference: `M-${++refs}`, title: { ru: 'x' } },
    }),
    expect: all(403, { secretariat_admin: 201, secretariat_editor: 201 }),
  },
  {
    name: 'GET /api/dossiers/:id',
    request: async () => ({ method: 'GET', url: `/api/dossiers/${w.dossier.id}` }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'PATCH /api/dossiers/:id',
    request: async () => ({
      method: 'PATCH',
      url: `/api/dossiers/${w.dossier.id}`,
      body: { version: await current('dossiers', w.dossier.id), title: { ru: 'y' } },
    }),
    expect: penHolders(200),
  },
  {
    name: 'POST /api/dossiers/:id/stage',
    request: async () => {
      const stage = (
        await t.handle.db
          .selectFrom('dossiers')
          .select('stage')
          .where('id', '=', w.dossier.id)
          .executeTakeFirstOrThrow()
      ).stage
      return {
        method: 'POST',
        url: `/api/dossiers/${w.dossier.id}/stage`,
        body: {
          version: await current('dossiers', w.dossier.id),
          to: stage === 'drafting' ? 'comments' : 'drafting',
        },
      }
    },
    expect: penHolders(200),
  },
  {
    name: 'GET /api/dossiers/:id/audit',
    request: async () => ({ method: 'GET', url: `/api/dossiers/${w.dossier.id}/audit` }),
    expect: all(403, { secretariat_admin: 200, secretariat_editor: 200, outsider: 404 }),
  },
  {
    name: 'POST /api/dossiers/:id/documents',
    request: async () => ({
      method: 'POST',
      url: `/api/dossiers/${w.dossier.id}/documents`,
      body: { kind: 'decision', title: { ru: 'x' } },
    }),
    expect: penHolders(201),
  },
  {
    name: 'GET /api/documents/:id',
    request: async () => ({ method: 'GET', url: `/api/documents/${w.document.id}` }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'PATCH /api/documents/:id',
    request: async () => ({
      method: 'PATCH',
      url: `/api/documents/${w.document.id}`,
      body: { version: await current('documents', w.document.id), title: { ru: 'z' } },
    }),
    expect: penHolders(200),
  },
  {
    name: 'GET /api/documents/:id/versions',
    request: async () => ({ method: 'GET', url: `/api/documents/${w.document.id}/versions` }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'POST /api/documents/:id/versions',
    request: async () => ({
      method: 'POST',
      url: `/api/documents/${w.document.id}/versions`,
      body: { label: { en: 'X' }, content: sampleContent() },
    }),
    expect: penHolders(201),
  },
  {
    name: 'GET circulated version',
    request: async () => ({
      method: 'GET',
      url: `/api/documents/${w.document.id}/versions/${w.published.id}`,
    }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'GET circulated version content',
    request: async () => ({
      method: 'GET',
      url: `/api/documents/${w.document.id}/versions/${w.published.id}/content`,
    }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'GET working draft (secretariat only)',
    request: async () => ({ method: 'GET', url: `/api/documents/${w.document.id}/versions/${sharedDraft}` }),
    expect: all(404, { secretariat_admin: 200, secretariat_editor: 200, press_officer: 200 }),
  },
  {
    name: 'GET /api/notifications',
    request: async () => ({ method: 'GET', url: '/api/notifications' }),
    expect: all(200),
  },
  {
    name: 'GET /api/documents/:id/rounds',
    request: async () => ({ method: 'GET', url: `/api/documents/${w.document.id}/rounds` }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'POST /api/documents/:id/rounds',
    request: async () => ({
      method: 'POST',
      url: `/api/documents/${w.document.id}/rounds`,
      body: { versionId: w.published.id, opensAt: soon(-1), closesAt: soon(48), timezone: 'Europe/Minsk' },
    }),
    expect: penHolders(201),
  },
  {
    name: 'GET /api/rounds/:id',
    request: async () => ({ method: 'GET', url: `/api/rounds/${roundId}` }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'PATCH /api/rounds/:id',
    request: async () => ({
      method: 'PATCH',
      url: `/api/rounds/${roundId}`,
      body: { version: await roundVersion(), closesAt: soon(24 + ++refs) },
    }),
    expect: penHolders(200),
  },
  {
    name: 'GET /api/rounds/:id/contributions',
    request: async () => ({ method: 'GET', url: `/api/rounds/${roundId}/contributions` }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'POST /api/rounds/:id/contributions',
    request: async () => ({
      method: 'POST',
      url: `/api/rounds/${roundId}/contributions`,
      body: { kind: 'comment', provisionEid: 'para_1', comment: 'x' },
    }),
    expect: all(403, { head_of_delegation: 201, expert: 201, observer_delegate: 201, outsider: 404 }),
  },
  {
    name: 'GET /api/rounds/:id/table',
    request: async () => ({ method: 'GET', url: `/api/rounds/${roundId}/table` }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'PUT /api/contributions/:id/disposition',
    request: async () => ({
      method: 'PUT',
      url: `/api/contributions/${await submitted()}/disposition`,
      body: { decision: 'accepted', reasoning: { ru: 'x' } },
    }),
    expect: penHolders(200),
  },
  {
    name: 'POST /api/contributions/:id/withdraw',
    request: async () => ({
      method: 'POST',
      url: `/api/contributions/${await submitted()}/withdraw`,
      body: { version: 1 },
    }),
    expect: all(403, { outsider: 404, head_of_delegation: 200 }),
  },
  {
    name: 'POST /api/contributions/:id/cosponsors',
    request: async () => ({ method: 'POST', url: `/api/contributions/${await submitted('ARM')}/cosponsors` }),
    expect: all(403, { outsider: 404, head_of_delegation: 200 }),
  },
  {
    name: 'POST /api/rounds/:id/publish-dispositions',
    request: async () => ({
      method: 'POST',
      url: `/api/rounds/${roundId}/publish-dispositions`,
      body: { version: await roundVersion() },
    }),
    expect: penHolders(200),
  },
  {
    name: 'GET /api/documents/:id/compare',
    request: async () => ({
      method: 'GET',
      url: `/api/documents/${w.document.id}/compare?from=${w.published.id}&to=${w.published.id}`,
    }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'GET consensus of a circulated version',
    request: async () => ({
      method: 'GET',
      url: `/api/documents/${w.document.id}/versions/${w.published.id}/consensus`,
    }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'POST a position on a circulated version',
    request: async () => ({
      method: 'POST',
      url: `/api/documents/${w.document.id}/versions/${w.published.id}/positions`,
      body: { kind: 'agree' },
    }),
    expect: all(403, { head_of_delegation: 201, observer_delegate: 201, outsider: 404 }),
  },
  {
    name: 'POST freeze (refused while not agreed)',
    request: async () => ({
      method: 'POST',
      url: `/api/documents/${w.document.id}/versions/${w.published.id}/freeze`,
    }),
    expect: all(403, { secretariat_admin: 409, secretariat_editor: 409, outsider: 404 }),
  },
  {
    name: 'GET brackets of a circulated version',
    request: async () => ({
      method: 'GET',
      url: `/api/documents/${w.document.id}/versions/${w.published.id}/brackets`,
    }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'GET silence procedures of a circulated version',
    request: async () => ({
      method: 'GET',
      url: `/api/documents/${w.document.id}/versions/${w.published.id}/silence`,
    }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'GET the text of a circulated version as DOCX',
    request: async () => ({
      method: 'GET',
      url: `/api/documents/${w.document.id}/versions/${w.published.id}/text.docx`,
    }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'GET the certificate of a version not frozen',
    request: async () => ({
      method: 'GET',
      url: `/api/documents/${w.document.id}/versions/${w.published.id}/certificate.pdf`,
    }),
    expect: all(409, { outsider: 404 }),
  },
  {
    name: 'PATCH working draft',
    request: async () => {
      const id = await newDraft()
      return {
        method: 'PATCH',
        url: `/api/documents/${w.document.id}/versions/${id}`,
        body: { version: 1, label: { en: 'L' } },
      }
    },
    expect: all(404, { secretariat_admin: 200, secretariat_editor: 200, press_officer: 403 }),
  },
  {
    name: 'POST publish working draft',
    request: async () => {
      const id = await newDraft()
      return {
        method: 'POST',
        url: `/api/documents/${w.document.id}/versions/${id}/publish`,
        body: { version: 1 },
      }
    },
    expect: all(404, { secretariat_admin: 200, secretariat_editor: 200, press_officer: 403 }),
  },
  {
    name: 'PATCH circulated version (immutable)',
    request: async () => ({
      method: 'PATCH',
      url: `/api/documents/${w.document.id}/versions/${w.published.id}`,
      body: { version: 2, label: { en: 'L' } },
    }),
    expect: all(403, { secretariat_admin: 409, secretariat_editor: 409, outsider: 404 }),
  },
  // --- Meetings and calendars (area A) ---
  {
    name: 'GET /api/meetings',
    request: async () => ({ method: 'GET', url: '/api/meetings' }),
    expect: all(200),
  },
  {
    name: 'POST /api/meetings',
    request: async () => {
      const body = await t.handle.db
        .selectFrom('bodies')
        .select('id')
        .where('organization_id', '=', w.org.id)
        .executeTakeFirstOrThrow()
      return {
        method: 'POST',
        url: '/api/meetings',
        body: {
          organizationId: w.org.id,
          bodyId: body.id,
          title: { ru: 'x' },
          startsAt: '2020-09-01T10:00:00+03:00',
          endsAt: '2020-09-01T11:00:00+03:00',
          timezone: 'Europe/Minsk',
          format: 'in_person',
        },
      }
    },
    expect: all(403, { secretariat_admin: 201, secretariat_editor: 201 }),
  },
  {
    name: 'GET /api/meetings/:id',
    request: async () => ({ method: 'GET', url: `/api/meetings/${await matrixMeeting()}` }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'PATCH /api/meetings/:id',
    request: async () => {
      const m = await meetingRow('meetings', await matrixMeeting())
      return {
        method: 'PATCH',
        url: `/api/meetings/${m.id}`,
        body: { version: m.version, title: { ru: 'y' } },
      }
    },
    expect: penHolders(200),
  },
  {
    name: 'POST /api/meetings/:id/cancel',
    request: async () => {
      const id = await newMatrixMeeting()
      return { method: 'POST', url: `/api/meetings/${id}/cancel`, body: { version: 1 } }
    },
    // A fresh meeting with TJK's and MDA's delegations: KAZ's head does not see it.
    expect: penHolders(200),
  },
  {
    name: 'POST /api/meetings/:id/invitations',
    request: async () => ({ method: 'POST', url: `/api/meetings/${await matrixMeeting()}/invitations` }),
    expect: penHolders(200),
  },
  {
    name: 'GET /api/meetings/:id/invitation.ics',
    request: async () => ({ method: 'GET', url: `/api/meetings/${await matrixMeeting()}/invitation.ics` }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'POST /api/meetings/:id/response (only those invited in person)',
    request: async () => ({
      method: 'POST',
      url: `/api/meetings/${await matrixMeeting()}/response`,
      body: { answer: 'accepted' },
    }),
    expect: all(403, { head_of_delegation: 200, expert: 200, observer_delegate: 200, outsider: 404 }),
  },
  {
    name: 'POST /api/meetings/:id/participants',
    request: async () => ({
      method: 'POST',
      url: `/api/meetings/${await matrixMeeting()}/participants`,
      body: { name: 'Guest', email: `guest${++refs}@test.example` },
    }),
    expect: penHolders(201),
  },
  {
    name: 'PATCH /api/meetings/:id/participants/:pid (attendance)',
    request: async () => {
      const p = await observerParticipant()
      return {
        method: 'PATCH',
        url: `/api/meetings/${await matrixMeeting()}/participants/${p.id}`,
        body: { version: p.version, attendance: 'present' },
      }
    },
    expect: penHolders(200),
  },
  {
    name: 'DELETE /api/meetings/:id/participants/:pid',
    request: async () => ({
      method: 'DELETE',
      url: `/api/meetings/${await matrixMeeting()}/participants/${await freshGuest()}`,
      body: { version: 1 },
    }),
    expect: penHolders(200),
  },
  {
    name: 'POST /api/meetings/:id/agenda',
    request: async () => ({
      method: 'POST',
      url: `/api/meetings/${await matrixMeeting()}/agenda`,
      body: { title: { ru: 'Разное' } },
    }),
    expect: penHolders(201),
  },
  {
    name: 'PUT /api/meetings/:id/agenda (reorder)',
    request: async () => {
      const id = await matrixMeeting()
      const items = await t.handle.db
        .selectFrom('agenda_items')
        .select('id')
        .where('meeting_id', '=', id)
        .orderBy('position', 'desc')
        .execute()
      return { method: 'PUT', url: `/api/meetings/${id}/agenda`, body: { itemIds: items.map((i) => i.id) } }
    },
    expect: penHolders(200),
  },
  {
    name: 'PATCH /api/meetings/:id/agenda/:itemId',
    request: async () => {
      const item = await firstAgendaItem()
      return {
        method: 'PATCH',
        url: `/api/meetings/${await matrixMeeting()}/agenda/${item.id}`,
        body: { version: item.version, title: { ru: 'Пункт' } },
      }
    },
    expect: penHolders(200),
  },
  {
    name: 'DELETE /api/meetings/:id/agenda/:itemId',
    request: async () => ({
      method: 'DELETE',
      url: `/api/meetings/${await matrixMeeting()}/agenda/${await freshAgendaItem()}`,
      body: { version: 1 },
    }),
    expect: penHolders(200),
  },
  {
    name: 'POST /api/meetings/:id/agenda/:itemId/outcome',
    request: async () => {
      const item = await firstAgendaItem()
      return {
        method: 'POST',
        url: `/api/meetings/${await matrixMeeting()}/agenda/${item.id}/outcome`,
        body: { version: item.version, outcome: 'agreed' },
      }
    },
    expect: penHolders(200),
  },
  {
    name: 'GET /api/dossiers/:id/meetings',
    request: async () => ({ method: 'GET', url: `/api/dossiers/${w.dossier.id}/meetings` }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'GET /api/me/calendar',
    request: async () => ({ method: 'GET', url: '/api/me/calendar' }),
    expect: all(200),
  },
  {
    name: 'POST /api/me/calendar',
    request: async () => ({ method: 'POST', url: '/api/me/calendar' }),
    expect: all(200),
  },
  {
    name: 'GET /api/calendar/:token.ics (the token is the secret, no session)',
    request: async () => ({ method: 'GET', url: await feedPath() }),
    expect: all(200, { anonymous: 200 }),
  },
  // --- end of meetings cases
  // --- Minutes and adoption (area B) ---
  {
    name: 'GET /api/meetings/:id/minutes',
    request: async () => ({ method: 'GET', url: `/api/meetings/${await draftedMinutes()}/minutes` }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'POST /api/meetings/:id/minutes (draft from the record)',
    request: async () => ({ method: 'POST', url: `/api/meetings/${await minutesMeeting()}/minutes` }),
    expect: penHolders(201),
  },
  {
    name: 'PATCH /api/meetings/:id/minutes',
    request: async () => {
      const id = await freshDraftedMinutes()
      const m = (await sessions.get('secretariat_editor')!.get(`/api/meetings/${id}/minutes`)).json().data
        .minutes
      return {
        method: 'PATCH',
        url: `/api/meetings/${id}/minutes`,
        body: { version: m.version, texts: { ru: m.texts.ru } },
      }
    },
    expect: penHolders(200),
  },
  {
    name: 'POST /api/meetings/:id/minutes/approve',
    request: async () => ({
      method: 'POST',
      url: `/api/meetings/${await freshDraftedMinutes()}/minutes/approve`,
      body: { version: 1 },
    }),
    expect: penHolders(200),
  },
  {
    name: 'GET /api/meetings/:id/minutes.docx',
    request: async () => ({
      method: 'GET',
      url: `/api/meetings/${await draftedMinutes()}/minutes.docx?lang=ru`,
    }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'GET /api/meetings/:id/minutes.pdf',
    request: async () => ({
      method: 'GET',
      url: `/api/meetings/${await draftedMinutes()}/minutes.pdf?lang=en`,
    }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'GET /api/dossiers/:id/adoptions',
    request: async () => ({ method: 'GET', url: `/api/dossiers/${w.dossier.id}/adoptions` }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'POST /api/dossiers/:id/adoptions (refused while the texts are not frozen)',
    request: async () => ({
      method: 'POST',
      url: `/api/dossiers/${w.dossier.id}/adoptions`,
      body: { bodyId: (await frozenDossier()).bodyId, decision: 'adopted', decidedOn: '2020-10-15' },
    }),
    expect: penHolders(409),
  },
  {
    name: 'POST /api/dossiers/:id/adoptions (frozen texts)',
    request: async () => {
      const { dossierId, bodyId } = await frozenDossier()
      return {
        method: 'POST',
        url: `/api/dossiers/${dossierId}/adoptions`,
        body: { bodyId, decision: 'recommended', decidedOn: '2020-10-09' },
      }
    },
    expect: penHolders(201),
  },
  {
    name: 'GET /api/adoptions/:id',
    request: async () => ({ method: 'GET', url: `/api/adoptions/${(await anAdoption()).id}` }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'PATCH /api/adoptions/:id (date of signature)',
    request: async () => {
      const a = await freshAdoption()
      return {
        method: 'PATCH',
        url: `/api/adoptions/${a.id}`,
        body: { version: a.version, signedOn: '2020-10-16' },
      }
    },
    expect: penHolders(200),
  },
  {
    name: 'POST /api/adoptions/:id/special-opinions (for TJK)',
    request: async () => ({
      method: 'POST',
      url: `/api/adoptions/${(await freshAdoption()).id}/special-opinions`,
      body: { party: 'TJK', text: { ru: 'Особое мнение.' } },
    }),
    expect: all(403, {
      secretariat_admin: 201,
      secretariat_editor: 201,
      head_of_delegation: 201,
      outsider: 404,
    }),
  },
  {
    name: 'GET /api/adoptions/:id/depositary.pdf',
    request: async () => ({ method: 'GET', url: `/api/adoptions/${(await anAdoption()).id}/depositary.pdf` }),
    expect: all(200, { outsider: 404 }),
  },
  // --- end of minutes and adoption cases
  // --- notifications by e-mail, preferences, jobs and the mail outbox (issue 5, items 6 and 7)
  {
    name: 'GET /api/me/notification-preferences',
    request: async () => ({ method: 'GET', url: '/api/me/notification-preferences' }),
    expect: all(200),
  },
  {
    name: 'PUT /api/me/notification-preferences',
    request: async () => ({
      method: 'PUT',
      url: '/api/me/notification-preferences',
      body: { modes: { adopted: 'digest', round_opened: 'immediate' } },
    }),
    expect: all(200),
  },
  {
    name: 'GET /api/jobs (the whole deployment: secretariat administrators only)',
    request: async () => ({ method: 'GET', url: '/api/jobs' }),
    expect: all(403, { secretariat_admin: 200 }),
  },
  {
    name: 'POST /api/jobs/:id/retry (a failed job)',
    request: async () => {
      const { randomUUID } = await import('node:crypto')
      const id = randomUUID()
      const at = new Date().toISOString()
      await t.handle.db
        .insertInto('jobs')
        .values({
          id,
          kind: 'mail.deliver',
          run_at: at,
          payload: '{}',
          status: 'failed',
          attempts: 5,
          locked_by: null,
          locked_until: null,
          last_error: 'Error: refused',
          created_at: at,
          done_at: null,
          key: null,
        })
        .execute()
      return { method: 'POST', url: `/api/jobs/${id}/retry` }
    },
    expect: all(403, { secretariat_admin: 200 }),
  },
  {
    name: 'GET /api/mail-outbox (secretariat administrators only)',
    request: async () => ({ method: 'GET', url: '/api/mail-outbox' }),
    expect: all(403, { secretariat_admin: 200 }),
  },
  // --- end of notification cases
  // --- Procedure, timeline and domestic approval (area C) ---
  {
    name: 'GET /api/dossiers/:id/timeline',
    request: async () => ({ method: 'GET', url: `/api/dossiers/${w.dossier.id}/timeline` }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'GET /api/dossiers/:id/approvals',
    request: async () => ({
      method: 'GET',
      url: `/api/dossiers/${(await approvalDossier()).dossierId}/approvals`,
    }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: "PATCH /api/dossiers/:id/approvals/:party (Tajikistan's item)",
    request: async () => {
      const { dossierId } = await approvalDossier()
      return {
        method: 'PATCH',
        url: `/api/dossiers/${dossierId}/approvals/TJK`,
        body: { version: await approvalVersion(dossierId, 'TJK'), status: 'in_progress' },
      }
    },
    expect: all(403, {
      secretariat_admin: 200,
      secretariat_editor: 200,
      head_of_delegation: 200,
      outsider: 404,
    }),
  },
  {
    name: 'POST /api/dossiers/:id/approvals/due-date',
    request: async () => ({
      method: 'POST',
      url: `/api/dossiers/${(await approvalDossier()).dossierId}/approvals/due-date`,
      body: { dueDate: '2099-12-31' },
    }),
    expect: penHolders(200),
  },
  {
    name: "POST /api/dossiers/:id/approvals/:party/attachments (Tajikistan's note verbale)",
    request: async () => ({
      method: 'POST',
      url: `/api/dossiers/${(await approvalDossier()).dossierId}/approvals/TJK/attachments?filename=n.pdf`,
      body: MATRIX_PDF,
      headers: { 'content-type': 'application/octet-stream' },
    }),
    expect: all(403, {
      secretariat_admin: 201,
      secretariat_editor: 201,
      head_of_delegation: 201,
      outsider: 404,
    }),
  },
  {
    name: 'GET /api/attachments/:id',
    request: async () => ({
      method: 'GET',
      url: `/api/attachments/${(await approvalDossier()).attachmentId}`,
    }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'GET /api/organizations/:id/procedures',
    request: async () => ({ method: 'GET', url: `/api/organizations/${w.org.id}/procedures` }),
    expect: all(200),
  },
  {
    name: 'GET /api/organizations/:id/procedures/:code',
    request: async () => ({ method: 'GET', url: `/api/organizations/${w.org.id}/procedures/cis` }),
    expect: all(200),
  },
  {
    name: 'PUT /api/organizations/:id/procedures/:code (secretariat administrators only)',
    request: async () => {
      const current = (
        await sessions.get('secretariat_admin')!.get(`/api/organizations/${w.org.id}/procedures/cis`)
      ).json().data
      return {
        method: 'PUT',
        url: `/api/organizations/${w.org.id}/procedures/cis`,
        body: { version: current.version, definition: current.definition },
      }
    },
    expect: all(403, { secretariat_admin: 200 }),
  },
  {
    name: 'POST /api/organizations/:id/procedures (secretariat administrators only)',
    request: async () => ({
      method: 'POST',
      url: `/api/organizations/${w.org.id}/procedures`,
      body: { code: `copy_${++refs}`, name: { ru: 'Копия', en: 'Copy' }, copyOf: 'cis' },
    }),
    expect: all(403, { secretariat_admin: 201 }),
  },
  // --- end of procedure cases
  // --- Press service's newsroom (issue 6, newsroom) ---
  {
    name: 'GET /api/news',
    request: async () => ({ method: 'GET', url: '/api/news' }),
    expect: newsroom(200, 200),
  },
  {
    name: 'POST /api/news',
    request: async () => ({
      method: 'POST',
      url: '/api/news',
      body: { language: 'ru', title: `Н ${++refs}` },
    }),
    expect: newsroom(403, 201),
  },
  {
    name: 'GET /api/news/documents',
    request: async () => ({ method: 'GET', url: '/api/news/documents' }),
    expect: newsroom(200, 200),
  },
  {
    name: 'GET /api/news/:id',
    request: async () => ({ method: 'GET', url: `/api/news/${(await aNewsItem()).id}` }),
    expect: newsItem(200),
  },
  {
    name: 'PATCH /api/news/:id',
    request: async () => {
      const { id } = await aNewsItem()
      return {
        method: 'PATCH',
        url: `/api/news/${id}`,
        body: { version: await newsVersion(id), lead: `L ${++refs}` },
      }
    },
    expect: { ...newsItem(200), secretariat_editor: 403 },
  },
  {
    name: 'POST /api/news/:id/status (a fresh draft to review)',
    request: async () => {
      const item = await freshNewsItem()
      return {
        method: 'POST',
        url: `/api/news/${item.id}/status`,
        body: { version: item.version, status: 'in_review' },
      }
    },
    expect: { ...newsItem(200), secretariat_editor: 403 },
  },
  {
    name: 'POST /api/news/:id/translations (a fresh item)',
    request: async () => ({
      method: 'POST',
      url: `/api/news/${(await freshNewsItem()).id}/translations`,
      body: { language: 'en' },
    }),
    expect: newsItem(201),
  },
  {
    name: 'GET /api/rubrics',
    request: async () => ({ method: 'GET', url: '/api/rubrics' }),
    expect: newsroom(200, 200),
  },
  {
    name: 'POST /api/rubrics',
    request: async () => ({
      method: 'POST',
      url: '/api/rubrics',
      body: { slug: `rubric-${++refs}`, name: { ru: 'Рубрика' } },
    }),
    expect: newsroom(403, 201),
  },
  {
    name: 'GET /api/meetings/:id/press-draft',
    request: async () => ({ method: 'GET', url: `/api/meetings/${await matrixMeeting()}/press-draft` }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'POST /api/meetings/:id/press-draft (a fresh meeting with its outcome)',
    request: async () => ({ method: 'POST', url: `/api/meetings/${await meetingWithOutcome()}/press-draft` }),
    expect: all(403, { secretariat_admin: 201, press_officer: 201, outsider: 404 }),
  },
  {
    name: 'POST /api/media (an image)',
    request: async () => ({
      method: 'POST',
      url: '/api/media?filename=p.png',
      body: await aPng(),
      headers: { 'content-type': 'image/png' },
    }),
    expect: newsroom(403, 201),
  },
  {
    name: 'GET /api/media/:id',
    request: async () => ({ method: 'GET', url: `/api/media/${await aMedia()}` }),
    expect: all(404, { secretariat_admin: 200, secretariat_editor: 200, press_officer: 200 }),
  },
  {
    name: 'GET /api/media/:id/:rendition (not shown by a published item: the newsroom only)',
    request: async () => ({ method: 'GET', url: `/api/media/${await aMedia()}/w320` }),
    expect: all(404, { secretariat_admin: 200, secretariat_editor: 200, press_officer: 200, anonymous: 404 }),
  },
  // --- end of newsroom cases
  // --- Syndication (issue 6, portal and syndication) ---
  {
    name: 'GET /api/feed-subscriptions',
    request: async () => ({ method: 'GET', url: '/api/feed-subscriptions' }),
    expect: newsroom(200, 200),
  },
  {
    name: 'POST /api/feed-subscriptions',
    request: async () => ({
      method: 'POST',
      url: '/api/feed-subscriptions',
      body: { url: `https://feeds.example.org/m${++refs}.xml`, sourceName: 'источник' },
    }),
    expect: newsroom(403, 201),
  },
  {
    name: 'GET /api/feed-subscriptions/:id',
    request: async () => ({ method: 'GET', url: `/api/feed-subscriptions/${(await aSubscription()).id}` }),
    expect: syndicated(200),
  },
  {
    name: 'GET /api/feed-subscriptions/:id/entries',
    request: async () => ({
      method: 'GET',
      url: `/api/feed-subscriptions/${(await aSubscription()).id}/entries`,
    }),
    expect: syndicated(200),
  },
  {
    name: 'POST /api/feed-subscriptions/:id/fetch',
    request: async () => ({
      method: 'POST',
      url: `/api/feed-subscriptions/${(await aSubscription()).id}/fetch`,
    }),
    expect: syndicated(202),
  },
  {
    name: 'DELETE /api/feed-subscriptions/:id',
    request: async () => {
      const s = await freshSubscription()
      return { method: 'DELETE', url: `/api/feed-subscriptions/${s.id}`, body: { version: s.version } }
    },
    expect: syndicated(204),
  },
  {
    name: 'POST /api/feed-entries/:id/republish',
    request: async () => ({
      method: 'POST',
      url: `/api/feed-entries/${await freshEntry()}/republish`,
      body: { rubricId: await aSyndicationRubric(), datelineCity: 'ДУШАНБЕ' },
    }),
    expect: syndicated(201),
  },
  // --- end of syndication cases
]

beforeAll(async () => {
  t = await createTestApp()
  const world = await buildOrganization(t.handle, {
    members: ['ARM', 'TJK', 'RUS', 'KAZ'],
    observers: ['MDA'],
  })
  w = await buildDossier(t.handle, { world, participants: ['ARM', 'TJK', 'RUS', 'MDA'] })
  for (const actor of ACTORS) {
    if (actor === 'anonymous') continue
    const role: Role = actor === 'outsider' ? 'head_of_delegation' : actor
    const user = await buildUser(t.handle, world, role, PARTY_OF[actor])
    sessions.set(actor, await signIn(t.app, user.email))
  }
  sharedDraft = await newDraft()
  armHead = await signIn(t.app, (await buildUser(t.handle, world, 'head_of_delegation', 'ARM')).email)
  const round = await sessions
    .get('secretariat_editor')!
    .send('POST', `/api/documents/${w.document.id}/rounds`, {
      versionId: w.published.id,
      opensAt: soon(-1),
      closesAt: soon(24),
      timezone: 'Europe/Minsk',
    })
  roundId = round.json().data.id
})
afterAll(() => t.close())

describe('policy matrix: every route × every role', () => {
  for (const c of CASES) {
    it(`${c.name}`, async () => {
      const got: Record<string, number> = {}
      for (const actor of ACTORS) {
        const { method, url, body, headers = {} } = await c.request()
        const s = sessions.get(actor)
        const res =
          actor === 'anonymous'
            ? await t.app.inject({ method, url, headers, ...(body ? { payload: body as object } : {}) })
            : method === 'GET'
              ? await s!.get(url)
              : await s!.send(method, url, body, headers)
        got[actor] = res.statusCode
      }
      expect(got).toEqual(c.expect)
    })
  }
})

describe('every list agrees with can()', () => {
  it('lists exactly the dossiers each user may read', async () => {
    const extra = await buildDossier(t.handle, { world: w, participants: ['KAZ'] })
    const rows = await t.handle.db.selectFrom('dossiers').selectAll().execute()
    const participants = await participantsOf(
      t.handle.db,
      rows.map((r) => r.id),
    )
    for (const actor of ACTORS) {
      if (actor === 'anonymous') continue
      const s = sessions.get(actor)!
      const me = (await s.get('/api/me')).json().data
      const user = { ...me, partyId: me.party?.id ?? null, secretariatOrgId: me.secretariatOf?.id ?? null }
      const listed = new Set(
        (await s.get('/api/dossiers?limit=200')).json().data.map((d: { id: string }) => d.id),
      )
      const allowed = new Set(
        rows.filter((r) => can(user, 'read', dossierSubject(r, participants))).map((r) => r.id),
      )
      expect([...listed].sort(), actor).toEqual([...allowed].sort())
    }
    expect(extra.dossier.id).toBeTruthy()
  })

  it('lists exactly the contributions each user may read (drafts stay within their party)', async () => {
    await sessions.get('expert')!.send('POST', `/api/rounds/${roundId}/contributions`, {
      kind: 'comment',
      provisionEid: 'para_3',
      comment: 'draft',
    })
    const rows = await t.handle.db
      .selectFrom('contributions')
      .select(['id', 'status', 'party_id'])
      .where('round_id', '=', roundId)
      .execute()
    expect(rows.some((r) => r.status === 'draft')).toBe(true)
    for (const actor of ACTORS) {
      if (actor === 'anonymous') continue
      const s = sessions.get(actor)!
      const me = (await s.get('/api/me')).json().data
      const listed = (await s.get(`/api/rounds/${roundId}/contributions?limit=200`)).json().data ?? []
      const expected =
        actor === 'outsider'
          ? []
          : rows.filter((r) => r.status !== 'draft' || r.party_id === me.party?.id).map((r) => r.id)
      expect(listed.map((c: { id: string }) => c.id).sort(), actor).toEqual(expected.sort())
    }
  })

  it('lists exactly the versions each user may read', async () => {
    for (const actor of ACTORS) {
      if (actor === 'anonymous' || actor === 'outsider') continue
      const s = sessions.get(actor)!
      const listed = (await s.get(`/api/documents/${w.document.id}/versions?limit=200`)).json().data as {
        id: string
        status: string
      }[]
      const isSecretariat = ['secretariat_admin', 'secretariat_editor', 'press_officer'].includes(actor)
      const rows = await t.handle.db
        .selectFrom('versions')
        .select(['id', 'status'])
        .where('document_id', '=', w.document.id)
        .execute()
      const expected = rows.filter((r) => isSecretariat || r.status === 'published').map((r) => r.id)
      expect(listed.map((v) => v.id).sort(), actor).toEqual(expected.sort())
    }
  })
})

// Meetings and calendars (area A): the list of meetings agrees with can().
describe('the list of meetings agrees with can()', () => {
  it('lists exactly the meetings each user may read', async () => {
    await matrixMeeting()
    const rows = await t.handle.db.selectFrom('meetings').selectAll().execute()
    for (const actor of ACTORS) {
      if (actor === 'anonymous') continue
      const s = sessions.get(actor)!
      const me = (await s.get('/api/me')).json().data
      const user = { ...me, partyId: me.party?.id ?? null, secretariatOrgId: me.secretariatOf?.id ?? null }
      const listed = (await s.get('/api/meetings')).json().data.map((m: { id: string }) => m.id)
      const allowed = []
      for (const r of rows) if (can(user, 'read', await meetingSubject(t.handle.db, r))) allowed.push(r.id)
      expect(listed.sort(), actor).toEqual(allowed.sort())
      if (actor === 'outsider') expect(listed).toEqual([])
    }
  })
})
