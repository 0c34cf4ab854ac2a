/**
 * Meetings of bodies: convening, the agenda and its outcomes, participants, attendance,
 * quorum, invitations as iCalendar, and the personal calendar feed (calendar.ts).
 */
import {
  addParticipantsRequest,
  agendaItemInput,
  cancelMeetingRequest,
  createMeetingRequest,
  icsQuery,
  type MeetingDTO,
  meetingListQuery,
  outcomeRequest,
  reorderAgendaRequest,
  respondRequest,
  updateAgendaItemRequest,
  updateMeetingRequest,
  updateParticipantRequest,
} from '@core/api/meetings.js'
import { computeQuorum } from '@core/domain/meetings.js'
import { pickText } from '@core/i18n/languages.js'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  agendaItemAdder,
  agendaItemRemover,
  agendaItemUpdater,
  agendaReorderer,
  outcomeRecorder,
} from '../../../commands/meeting-agenda.js'
import {
  invitationAnswerer,
  participantRemover,
  participantsAdder,
  participantUpdater,
} from '../../../commands/meeting-participants.js'
import {
  invitationSender,
  meetingCanceller,
  meetingConvener,
  meetingUpdater,
  organizerOf,
} from '../../../commands/meetings.js'
import { type CurrentUser, inTransaction, type Queryable } from '../../../context.js'
import { AppError, notFound } from '../../../errors.js'
import { meetingsCalendar } from '../../../exports/ics.js'
import { currentUser, requireUser } from '../../../http/request-context.js'
import { versionFrom } from '../../../http/versioning.js'
import { isId } from '../../../ids.js'
import { authorize, can, isSecretariatOf, policiesFor } from '../../../policies/index.js'
import { presentMeeting, presentMeetingSummary, presentPositions } from '../../../presenters/meetings.js'
import { consensusOf } from '../../../repositories/consensus.js'
import { dossierSubject, participantsOf } from '../../../repositories/dossiers.js'
import {
  findMeeting,
  meetingFacts,
  meetingNotFound,
  meetingSubject,
  meetingsOfDossier,
  subjectOf,
  visibleMeetings,
} from '../../../repositories/meetings.js'
import { findOrganization, organizationSubject } from '../../../repositories/organizations.js'
import type { RouteDeps } from '../../deps.js'
import { readableDossier } from '../dossiers/dossiers.js'
import calendar from './calendar.js'

export const MEETING_ACTIONS = [
  'read',
  'update',
  'cancel',
  'send_invitations',
  'manage_participants',
  'record_attendance',
  'manage_agenda',
  'record_outcome',
  'respond',
] as const

const idParams = z.object({ id: z.string().max(64) }).strict()
const participantParams = z.object({ id: z.string().max(64), participantId: z.string().max(64) }).strict()
const itemParams = z.object({ id: z.string().max(64), itemId: z.string().max(64) }).strict()
/** DELETE takes the version in If-Match or in a small body. */
const versionOnly = z.object({ version: z.number().int().positive().optional() }).strict().nullish()

/** Loads a meeting the user may read; a meeting outside the user's need-to-know is "not found". */
export async function readableMeeting(db: Queryable, id: string, user: CurrentUser) {
  const meeting = await findMeeting(db, id)
  const subject = await meetingSubject(db, meeting)
  if (!can(user, 'read', subject)) throw meetingNotFound()
  return { meeting, subject }
}

async function findBody(db: Queryable, organizationId: string, bodyId: string) {
  const body = isId(bodyId)
    ? await db
        .selectFrom('bodies')
        .selectAll()
        .where('id', '=', bodyId)
        .where('organization_id', '=', organizationId)
        .executeTakeFirst()
    : undefined
  if (!body) throw notFound('body_not_found')
  return body
}

/** The full meeting as the user may see it: participants, agenda with positions, quorum. */
export async function presentMeetingFor(db: Queryable, meetingId: string, user: CurrentUser) {
  const facts = await meetingFacts(db, meetingId)
  const subject = subjectOf(facts.meeting, facts.participants)
  const dossierIds = [...new Set(facts.agenda.flatMap((a) => (a.dossier_id ? [a.dossier_id] : [])))]
  const [dossiers, participants, names] = await Promise.all([
    dossierIds.length
      ? db.selectFrom('dossiers').selectAll().where('id', 'in', dossierIds).execute()
      : Promise.resolve([]),
    participantsOf(db, dossierIds),
    (async () => {
      const ids = [...new Set(facts.agenda.flatMap((a) => (a.outcome_by ? [a.outcome_by] : [])))]
      if (ids.length === 0) return new Map<string, string>()
      const rows = await db
        .selectFrom('users')
        .select(['id', 'display_name'])
        .where('id', 'in', ids)
        .execute()
      return new Map(rows.map((r) => [r.id, r.display_name]))
    })(),
  ])
  const agenda = new Map<
    string,
    { dossierVisible: boolean; positions: ReturnType<typeof presentPositions> | null }
  >()
  for (const item of facts.agenda) {
    const dossier = dossiers.find((d) => d.id === item.dossier_id)
    const visible = !!dossier && can(user, 'read', dossierSubject(dossier, participants))
    const positions =
      visible && item.version_id
        ? presentPositions((await consensusOf(db, dossier, item.version_id)).outcome)
        : null
    agenda.set(item.id, { dossierVisible: visible, positions })
  }
  let rule: unknown = null
  try {
    rule = JSON.parse(facts.body.decision_rule)
  } catch {
    rule = null
  }
  const quorum = computeQuorum({
    rule,
    parties: facts.parties,
    participants: facts.participants.map((p) => ({
      partyId: p.party_id,
      invitation: p.invitation,
      attendance: p.attendance,
    })),
  })
  const data: MeetingDTO = presentMeeting(facts, user, {
    quorum,
    agenda,
    names,
    showEmails: isSecretariatOf(user, facts.meeting.organization_id),
  })
  return { data, policies: policiesFor(user, subject, MEETING_ACTIONS) }
}

const meetings: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  // The personal feed is read by calendar clients without a session: its own plugin.
  await app.register(calendar, deps)
  await app.register(meetingRoutes, deps)
}

const meetingRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { handle, config }) => {
  app.addHook('preHandler', requireUser)
  const db = handle.db
  const publicUrl = config.PUBLIC_URL

  /** Loads the meeting for a write: readable (else 404), then the action allowed (else 403). */
  async function forAction(id: string, user: CurrentUser, action: (typeof MEETING_ACTIONS)[number]) {
    const loaded = await readableMeeting(db, id, user)
    authorize(user, action, loaded.subject)
    return loaded
  }

  async function summaries(rows: Awaited<ReturnType<typeof visibleMeetings>>, user: CurrentUser) {
    if (rows.length === 0) return []
    const ids = rows.map((r) => r.id)
    const [bodies, parts] = await Promise.all([
      db
        .selectFrom('bodies')
        .select(['id', 'code', 'name'])
        .where('id', 'in', [...new Set(rows.map((r) => r.body_id))])
        .execute(),
      db
        .selectFrom('meeting_participants')
        .select(['id', 'meeting_id', 'party_id', 'user_id', 'function', 'invitation'])
        .where('meeting_id', 'in', ids)
        .execute(),
    ])
    return rows
      .filter((m) =>
        can(
          user,
          'read',
          subjectOf(
            m,
            parts.filter((p) => p.meeting_id === m.id),
          ),
        ),
      )
      .map((m) =>
        presentMeetingSummary(
          m,
          bodies.find((b) => b.id === m.body_id) ?? { id: m.body_id, code: '', name: '{}' },
          parts.find((p) => p.meeting_id === m.id && p.user_id === user.id) ?? null,
        ),
      )
  }

  app.get(
    '/api/meetings',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Meetings the user may see (need-to-know), in order of time',
        querystring: meetingListQuery,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const rows = await visibleMeetings(db, user, { from: req.query.from, to: req.query.to })
      let convene = false
      if (user.secretariatOrgId) {
        const org = await findOrganization(db, user.secretariatOrgId)
        convene = can(user, 'convene_meeting', await organizationSubject(db, org))
      }
      return { data: await summaries(rows, user), policies: { convene } }
    },
  )

  app.post(
    '/api/meetings',
    { schema: { tags: ['meetings'], summary: 'Convene a meeting of a body', body: createMeetingRequest } },
    async (req, reply) => {
      const user = currentUser(req)
      const org = await findOrganization(db, req.body.organizationId)
      const orgSubject = await organizationSubject(db, org)
      if (!can(user, 'read', orgSubject)) throw notFound('organization_not_found')
      authorize(user, 'convene_meeting', orgSubject)
      const body = await findBody(db, org.id, req.body.bodyId)
      const row = await inTransaction(handle, user, req.id, (ctx) =>
        meetingConvener({ ctx, organization: org, body, input: req.body }),
      )
      return reply.status(201).send(await presentMeetingFor(db, row.id, user))
    },
  )

  app.get(
    '/api/meetings/:id',
    {
      schema: {
        tags: ['meetings'],
        summary: 'A meeting: agenda with outcomes and positions, participants, attendance, quorum',
        params: idParams,
      },
    },
    async (req) => {
      const user = currentUser(req)
      await readableMeeting(db, req.params.id, user)
      return presentMeetingFor(db, req.params.id, user)
    },
  )

  app.patch(
    '/api/meetings/:id',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Change a meeting (an update goes to those invited when time, place or link change)',
        params: idParams,
        body: updateMeetingRequest,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { meeting } = await forAction(req.params.id, user, 'update')
      const body = req.body.bodyId ? await findBody(db, meeting.organization_id, req.body.bodyId) : undefined
      const input = { ...req.body, version: versionFrom(req) }
      await inTransaction(handle, user, req.id, (ctx) =>
        meetingUpdater({ ctx, meeting, body, input, publicUrl }),
      )
      return presentMeetingFor(db, meeting.id, user)
    },
  )

  app.post(
    '/api/meetings/:id/cancel',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Cancel a meeting (METHOD:CANCEL to those invited)',
        params: idParams,
        body: cancelMeetingRequest,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { meeting } = await forAction(req.params.id, user, 'cancel')
      const version = versionFrom(req)
      await inTransaction(handle, user, req.id, (ctx) =>
        meetingCanceller({ ctx, meeting, version, note: req.body.note, publicUrl }),
      )
      return presentMeetingFor(db, meeting.id, user)
    },
  )

  app.post(
    '/api/meetings/:id/invitations',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Send the invitation (iCalendar METHOD:REQUEST) to every participant not yet sent it',
        params: idParams,
        body: z.object({}).strict().nullish(),
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { meeting, subject } = await forAction(req.params.id, user, 'send_invitations')
      const sent = await inTransaction(handle, user, req.id, (ctx) =>
        invitationSender({ ctx, meeting, publicUrl }),
      )
      return {
        data: { sent, sequence: meeting.sequence },
        policies: policiesFor(user, subject, MEETING_ACTIONS),
      }
    },
  )

  app.get(
    '/api/meetings/:id/invitation.ics',
    {
      schema: {
        tags: ['meetings'],
        summary: "The meeting as iCalendar (.ics) in the user's language",
        params: idParams,
        querystring: icsQuery,
      },
    },
    async (req, reply) => {
      const user = currentUser(req)
      const { meeting } = await readableMeeting(db, req.params.id, user)
      const facts = await meetingFacts(db, meeting.id)
      const lang = req.query.lang ?? user.locale
      const content = meetingsCalendar(
        [
          {
            meeting,
            body: facts.body,
            participants: facts.participants,
            agenda: facts.agenda,
            organizer: await organizerOf(db, meeting),
          },
        ],
        { method: meeting.status === 'cancelled' ? 'CANCEL' : 'REQUEST', lang, publicUrl },
      )
      const method = meeting.status === 'cancelled' ? 'CANCEL' : 'REQUEST'
      const name = `${pickText(JSON.parse(meeting.title), lang).slice(0, 80) || 'meeting'}.ics`
      const ascii = name
        .normalize('NFKD')
        .replace(/[^\x20-\x7e]/g, '')
        .replace(/["\\/]/g, '-')
        .trim()
      return reply
        .type(`text/calendar; charset=utf-8; method=${method}`)
        .header(
          'content-disposition',
          `attachment; filename="${ascii === '.ics' || !ascii ? 'meeting.ics' : ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .header('cache-control', 'private, no-cache')
        .send(content)
    },
  )

  app.post(
    '/api/meetings/:id/response',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Answer your own invitation: accepted, declined or tentative',
        params: idParams,
        body: respondRequest,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { meeting } = await forAction(req.params.id, user, 'respond')
      const participant = await db
        .selectFrom('meeting_participants')
        .selectAll()
        .where('meeting_id', '=', meeting.id)
        .where('user_id', '=', user.id)
        .executeTakeFirstOrThrow()
      await inTransaction(handle, user, req.id, (ctx) =>
        invitationAnswerer({ ctx, meeting, participant, answer: req.body.answer }),
      )
      return presentMeetingFor(db, meeting.id, user)
    },
  )

  // Participants and attendance ------------------------------------------------------

  async function findParticipant(meetingId: string, participantId: string) {
    const row = isId(participantId)
      ? await db
          .selectFrom('meeting_participants')
          .selectAll()
          .where('id', '=', participantId)
          .where('meeting_id', '=', meetingId)
          .executeTakeFirst()
      : undefined
    if (!row) throw new AppError(404, 'participant_not_found')
    return row
  }

  app.post(
    '/api/meetings/:id/participants',
    {
      schema: {
        tags: ['meetings'],
        summary: "Invite a party's whole delegation, one user, or a person without an account",
        params: idParams,
        body: addParticipantsRequest,
      },
    },
    async (req, reply) => {
      const user = currentUser(req)
      const { meeting } = await forAction(req.params.id, user, 'manage_participants')
      await inTransaction(handle, user, req.id, (ctx) => participantsAdder({ ctx, meeting, input: req.body }))
      return reply.status(201).send(await presentMeetingFor(db, meeting.id, user))
    },
  )

  app.patch(
    '/api/meetings/:id/participants/:participantId',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Record attendance (present / remote / absent) or correct a function',
        params: participantParams,
        body: updateParticipantRequest,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { meeting, subject } = await readableMeeting(db, req.params.id, user)
      authorize(user, req.body.function !== undefined ? 'manage_participants' : 'record_attendance', subject)
      const participant = await findParticipant(meeting.id, req.params.participantId)
      const input = { ...req.body, version: versionFrom(req) }
      await inTransaction(handle, user, req.id, (ctx) =>
        participantUpdater({ ctx, meeting, participant, input }),
      )
      return presentMeetingFor(db, meeting.id, user)
    },
  )

  app.delete(
    '/api/meetings/:id/participants/:participantId',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Take a participant off the list (a cancellation goes to them if invited)',
        params: participantParams,
        body: versionOnly,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { meeting } = await forAction(req.params.id, user, 'manage_participants')
      const participant = await findParticipant(meeting.id, req.params.participantId)
      const version = versionFrom(req)
      await inTransaction(handle, user, req.id, (ctx) =>
        participantRemover({ ctx, meeting, participant, version, publicUrl }),
      )
      return presentMeetingFor(db, meeting.id, user)
    },
  )

  // Agenda and outcomes --------------------------------------------------------------

  async function findItem(meetingId: string, itemId: string) {
    const row = isId(itemId)
      ? await db
          .selectFrom('agenda_items')
          .selectAll()
          .where('id', '=', itemId)
          .where('meeting_id', '=', meetingId)
          .executeTakeFirst()
      : undefined
    if (!row) throw new AppError(404, 'agenda_item_not_found')
    return row
  }

  app.post(
    '/api/meetings/:id/agenda',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Add an agenda item linking a dossier, a document and a version',
        params: idParams,
        body: agendaItemInput,
      },
    },
    async (req, reply) => {
      const user = currentUser(req)
      const { meeting } = await forAction(req.params.id, user, 'manage_agenda')
      await inTransaction(handle, user, req.id, (ctx) => agendaItemAdder({ ctx, meeting, input: req.body }))
      return reply.status(201).send(await presentMeetingFor(db, meeting.id, user))
    },
  )

  app.put(
    '/api/meetings/:id/agenda',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Reorder the agenda (every item id, in the new order)',
        params: idParams,
        body: reorderAgendaRequest,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { meeting } = await forAction(req.params.id, user, 'manage_agenda')
      await inTransaction(handle, user, req.id, (ctx) =>
        agendaReorderer({ ctx, meeting, itemIds: req.body.itemIds }),
      )
      return presentMeetingFor(db, meeting.id, user)
    },
  )

  app.patch(
    '/api/meetings/:id/agenda/:itemId',
    {
      schema: {
        tags: ['meetings'],
        summary: "Change an agenda item's wording or links",
        params: itemParams,
        body: updateAgendaItemRequest,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { meeting } = await forAction(req.params.id, user, 'manage_agenda')
      const item = await findItem(meeting.id, req.params.itemId)
      const input = { ...req.body, version: versionFrom(req) }
      await inTransaction(handle, user, req.id, (ctx) => agendaItemUpdater({ ctx, meeting, item, input }))
      return presentMeetingFor(db, meeting.id, user)
    },
  )

  app.delete(
    '/api/meetings/:id/agenda/:itemId',
    {
      schema: { tags: ['meetings'], summary: 'Remove an agenda item', params: itemParams, body: versionOnly },
    },
    async (req) => {
      const user = currentUser(req)
      const { meeting } = await forAction(req.params.id, user, 'manage_agenda')
      const item = await findItem(meeting.id, req.params.itemId)
      const version = versionFrom(req)
      await inTransaction(handle, user, req.id, (ctx) => agendaItemRemover({ ctx, meeting, item, version }))
      return presentMeetingFor(db, meeting.id, user)
    },
  )

  app.post(
    '/api/meetings/:id/agenda/:itemId/outcome',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Record the outcome of an agenda item, live during the meeting',
        params: itemParams,
        body: outcomeRequest,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { meeting } = await forAction(req.params.id, user, 'record_outcome')
      const item = await findItem(meeting.id, req.params.itemId)
      const input = { ...req.body, version: versionFrom(req) }
      await inTransaction(handle, user, req.id, (ctx) => outcomeRecorder({ ctx, meeting, item, input }))
      return presentMeetingFor(db, meeting.id, user)
    },
  )

  // A dossier's meetings ---------------------------------------------------------------

  app.get(
    '/api/dossiers/:id/meetings',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Meetings whose agenda links the dossier (those the user may see)',
        params: idParams,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { subject } = await readableDossier(db, req.params.id, user)
      const rows = await meetingsOfDossier(db, req.params.id)
      return {
        data: await summaries(rows, user),
        policies: {
          convene: user.secretariatOrgId === subject.organizationId && can(user, 'update', subject),
        },
      }
    },
  )
}

export default meetings
