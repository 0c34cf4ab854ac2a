/**
 * Commands on meetings of bodies: convening, changing and cancelling a meeting, its
 * participants and their attendance, the agenda and its outcomes, and the invitations
 * (iCalendar) that go out through the notifier. Every command writes in the caller's
 * transaction with its audit entry.
 */

import type {
  AddParticipantsRequest,
  AgendaItemInput,
  CreateMeetingRequest,
  OutcomeRequest,
  UpdateAgendaItemRequest,
  UpdateMeetingRequest,
  UpdateParticipantRequest,
} from '@core/api/meetings.js'
import {
  functionOf,
  type InvitationAnswer,
  isHttpsUrl,
  isTimeZone,
  type ParticipantFunction,
} from '@core/domain/meetings.js'
import type { Role } from '@core/domain/roles.js'
import type { LocalizedText, UiLang } from '@core/i18n/languages.js'
import { appendAudit } from '../audit/log.js'
import type { CommandContext, Queryable } from '../context.js'
import type {
  AgendaItemRow,
  BodyRow,
  MeetingParticipantRow,
  MeetingRow,
  OrganizationRow,
} from '../db/types.js'
import { AppError, assertVersion, notFound } from '../errors.js'
import { meetingsCalendar } from '../exports/ics.js'
import { isId, newId } from '../ids.js'
import { meetingFacts } from '../repositories/meetings.js'
import { notifier } from './notifications.js'
import { updateVersioned } from './optimistic.js'

// ---------------------------------------------------------------------------------------
// Helpers

function assertTimezone(timezone: string): void {
  if (!isTimeZone(timezone)) throw new AppError(422, 'timezone_unknown', { timezone }, { timezone })
}
function assertTimes(startsAt: string, endsAt: string): void {
  if (Date.parse(endsAt) <= Date.parse(startsAt)) {
    throw new AppError(422, 'meeting_ends_before_start', {}, { startsAt, endsAt })
  }
}
function assertConferenceUrl(url: string | null | undefined): void {
  if (url && !isHttpsUrl(url)) throw new AppError(422, 'conference_url_invalid', {}, { url })
}
function assertNotCancelled(meeting: MeetingRow): void {
  if (meeting.status === 'cancelled') throw new AppError(409, 'meeting_cancelled')
}
const partyNotInOrganization = (party: string) =>
  new AppError(422, 'party_not_in_organization', { party }, { party })

const iso = (value: string) => new Date(value).toISOString()
const text = (value: LocalizedText | undefined) => JSON.stringify(value ?? {})

async function membershipOf(ctx: CommandContext, organizationId: string, partyId: string) {
  return ctx.trx
    .selectFrom('memberships')
    .select('status')
    .where('organization_id', '=', organizationId)
    .where('party_id', '=', partyId)
    .executeTakeFirst()
}

// ---------------------------------------------------------------------------------------
// Invitations

/** Users who have been sent this meeting's invitation (and so must hear of its changes). */
async function invitedUsers(ctx: CommandContext, meetingId: string): Promise<string[]> {
  const rows = await ctx.trx
    .selectFrom('notifications')
    .select('user_id')
    .distinct()
    .where('kind', '=', 'meeting_invited')
    .where('link', '=', `/meetings/${meetingId}`)
    .execute()
  return rows.map((r) => r.user_id)
}

/**
 * Sends one notice per recipient with the meeting's .ics in the recipient's language
 * (REQUEST for an invitation or update, CANCEL for a cancellation).
 */
async function sendCalendarNotice(
  ctx: CommandContext,
  meetingId: string,
  userIds: string[],
  kind: 'meeting_invited' | 'meeting_updated' | 'meeting_cancelled',
  publicUrl: string | undefined,
): Promise<number> {
  if (userIds.length === 0) return 0
  const facts = await meetingFacts(ctx.trx, meetingId)
  const { meeting } = facts
  const users = await ctx.trx
    .selectFrom('users')
    .select(['id', 'locale'])
    .where('id', 'in', userIds)
    .execute()
  const organizer = await organizerOf(ctx.trx, meeting)
  const method = kind === 'meeting_cancelled' ? 'CANCEL' : 'REQUEST'
  let sent = 0
  for (const lang of ['ru', 'en'] as UiLang[]) {
    const group = users.filter((u) => (u.locale === 'en' ? 'en' : 'ru') === lang).map((u) => u.id)
    if (group.length === 0) continue
    const content = meetingsCalendar(
      [{ meeting, body: facts.body, participants: facts.participants, agenda: facts.agenda, organizer }],
      { method, lang, publicUrl },
    )
    sent += await notifier(ctx, group, {
      kind,
      params: { meeting: JSON.parse(meeting.title), startsAt: meeting.starts_at, timezone: meeting.timezone },
      link: `/meetings/${meeting.id}`,
      dedupeKey:
        kind === 'meeting_cancelled' ? `${kind}:${meeting.id}` : `${kind}:${meeting.id}:${meeting.sequence}`,
      attachment: {
        filename: 'invitation.ics',
        contentType: `text/calendar; method=${method}`,
        content,
      },
    })
  }
  return sent
}

/** The ORGANIZER of the invitations: the secretariat, with the convening officer's address. */
export async function organizerOf(
  db: Queryable,
  meeting: MeetingRow,
): Promise<{ name: string; email: string } | null> {
  const org = await db
    .selectFrom('organizations')
    .select('secretariat_name')
    .where('id', '=', meeting.organization_id)
    .executeTakeFirst()
  const convener = meeting.created_by
    ? await db
        .selectFrom('users')
        .select(['email', 'display_name'])
        .where('id', '=', meeting.created_by)
        .executeTakeFirst()
    : undefined
  if (!convener) return null
  let name = convener.display_name
  try {
    const n = JSON.parse(org?.secretariat_name ?? '{}') as Record<string, string>
    name = n.ru ?? n.en ?? name
  } catch {
    // keep the officer's name
  }
  return { name, email: convener.email }
}

export interface InvitationSenderProps {
  ctx: CommandContext
  meeting: MeetingRow
  publicUrl?: string | undefined
}

/**
 * Sends the invitation (METHOD:REQUEST) to every participant with an account who has not
 * yet had this SEQUENCE of it; returns how many were sent. Idempotent per SEQUENCE.
 */
export async function invitationSender({ ctx, meeting, publicUrl }: InvitationSenderProps): Promise<number> {
  assertNotCancelled(meeting)
  const rows = await ctx.trx
    .selectFrom('meeting_participants')
    .innerJoin('users', 'users.id', 'meeting_participants.user_id')
    .select('users.id')
    .where('meeting_participants.meeting_id', '=', meeting.id)
    .where('users.disabled', '=', 0)
    .execute()
  const sent = await sendCalendarNotice(
    ctx,
    meeting.id,
    rows.map((r) => r.id),
    'meeting_invited',
    publicUrl,
  )
  await appendAudit(ctx, {
    action: 'meeting.invitations_send',
    subjectType: 'meeting',
    subjectId: meeting.id,
    organizationId: meeting.organization_id,
    change: { sequence: meeting.sequence, sent },
  })
  return sent
}

// ---------------------------------------------------------------------------------------
// The meeting

export interface MeetingConvenerProps {
  ctx: CommandContext
  organization: OrganizationRow
  body: BodyRow
  input: CreateMeetingRequest
}

/** Convenes a meeting of a body: the meeting, and optionally its agenda and delegations. */
export async function meetingConvener({
  ctx,
  organization,
  body,
  input,
}: MeetingConvenerProps): Promise<MeetingRow> {
  assertTimezone(input.timezone)
  assertTimes(input.startsAt, input.endsAt)
  const conferenceUrl = input.conferenceUrl || null
  assertConferenceUrl(conferenceUrl)
  const now = ctx.clock()
  const id = newId()
  const row: MeetingRow = {
    id,
    organization_id: organization.id,
    body_id: body.id,
    title: text(input.title),
    starts_at: iso(input.startsAt),
    ends_at: iso(input.endsAt),
    timezone: input.timezone,
    place: text(input.place),
    format: input.format,
    conference_url: conferenceUrl,
    status: 'scheduled',
    uid: `${id}@concord`,
    sequence: 0,
    created_by: ctx.actor?.id ?? null,
    created_at: now,
    updated_at: now,
    version: 1,
  }
  await ctx.trx.insertInto('meetings').values(row).execute()
  await appendAudit(ctx, {
    action: 'meeting.convene',
    subjectType: 'meeting',
    subjectId: id,
    organizationId: organization.id,
    change: {
      bodyId: body.id,
      title: input.title,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      timezone: row.timezone,
      place: input.place,
      format: row.format,
      conferenceUrl,
    },
  })
  for (const item of input.agenda ?? []) await agendaItemAdder({ ctx, meeting: row, input: item })
  for (const code of input.delegations ?? []) {
    // Convening with many delegations: a party without users yet is skipped, not an error.
    await participantsAdder({ ctx, meeting: row, input: { party: code }, skipEmptyDelegation: true })
  }
  if (input.inviteSecretariat) {
    const staff = await ctx.trx
      .selectFrom('users')
      .select(['id', 'roles'])
      .where('secretariat_org_id', '=', organization.id)
      .where('disabled', '=', 0)
      .execute()
    for (const u of staff) {
      const roles = JSON.parse(u.roles) as Role[]
      if (!roles.some((r) => r === 'secretariat_editor' || r === 'secretariat_admin')) continue
      await participantsAdder({ ctx, meeting: row, input: { userId: u.id } })
    }
  }
  return row
}

export interface MeetingUpdaterProps {
  ctx: CommandContext
  meeting: MeetingRow
  /** The new body, when it changes (loaded and checked by the route). */
  body?: BodyRow | undefined
  input: UpdateMeetingRequest & { version: number }
  publicUrl?: string | undefined
}

/**
 * Changes a meeting. A change of time, place, format or link raises the SEQUENCE and
 * sends the update (METHOD:REQUEST) to everyone who has had the invitation.
 */
export async function meetingUpdater({
  ctx,
  meeting,
  body,
  input,
  publicUrl,
}: MeetingUpdaterProps): Promise<MeetingRow> {
  assertVersion(meeting.version, input.version)
  assertNotCancelled(meeting)
  if (input.timezone !== undefined) assertTimezone(input.timezone)
  if (input.conferenceUrl !== undefined) assertConferenceUrl(input.conferenceUrl)
  const next = {
    body_id: body?.id ?? meeting.body_id,
    title: input.title ? text(input.title) : meeting.title,
    starts_at: input.startsAt ? iso(input.startsAt) : meeting.starts_at,
    ends_at: input.endsAt ? iso(input.endsAt) : meeting.ends_at,
    timezone: input.timezone ?? meeting.timezone,
    place: input.place ? text(input.place) : meeting.place,
    format: input.format ?? meeting.format,
    conference_url: input.conferenceUrl === undefined ? meeting.conference_url : input.conferenceUrl || null,
    status: input.status ?? meeting.status,
  }
  assertTimes(next.starts_at, next.ends_at)
  const significant = (
    ['starts_at', 'ends_at', 'timezone', 'place', 'format', 'conference_url'] as const
  ).filter((k) => next[k] !== meeting[k])
  const sequence = significant.length ? meeting.sequence + 1 : meeting.sequence
  const set = { ...next, sequence, updated_at: ctx.clock() }
  const version = await updateVersioned(ctx.trx, 'meetings', meeting.id, meeting.version, set)
  const changed = Object.fromEntries(
    Object.entries(next).filter(([k, v]) => v !== meeting[k as keyof MeetingRow]),
  )
  await appendAudit(ctx, {
    action: 'meeting.update',
    subjectType: 'meeting',
    subjectId: meeting.id,
    organizationId: meeting.organization_id,
    change: { ...changed, sequence },
  })
  if (significant.length) {
    const invited = await currentlyInvited(ctx, meeting.id)
    await sendCalendarNotice(ctx, meeting.id, invited, 'meeting_updated', publicUrl)
  }
  return { ...meeting, ...set, version }
}

/** Users who had the invitation and are still participants. */
async function currentlyInvited(ctx: CommandContext, meetingId: string): Promise<string[]> {
  const [sent, participants] = await Promise.all([
    invitedUsers(ctx, meetingId),
    ctx.trx
      .selectFrom('meeting_participants')
      .select('user_id')
      .where('meeting_id', '=', meetingId)
      .execute(),
  ])
  const current = new Set(participants.map((p) => p.user_id))
  return sent.filter((id) => current.has(id))
}

export interface MeetingCancellerProps {
  ctx: CommandContext
  meeting: MeetingRow
  version: number
  note?: string | undefined
  publicUrl?: string | undefined
}

/** Cancels a meeting and sends METHOD:CANCEL to everyone who had the invitation. */
export async function meetingCanceller({
  ctx,
  meeting,
  version,
  note,
  publicUrl,
}: MeetingCancellerProps): Promise<MeetingRow> {
  assertVersion(meeting.version, version)
  assertNotCancelled(meeting)
  const set = { status: 'cancelled' as const, sequence: meeting.sequence + 1, updated_at: ctx.clock() }
  const next = await updateVersioned(ctx.trx, 'meetings', meeting.id, meeting.version, set)
  await appendAudit(ctx, {
    action: 'meeting.cancel',
    subjectType: 'meeting',
    subjectId: meeting.id,
    organizationId: meeting.organization_id,
    change: { sequence: set.sequence, note: note ?? null },
  })
  await sendCalendarNotice(
    ctx,
    meeting.id,
    await currentlyInvited(ctx, meeting.id),
    'meeting_cancelled',
    publicUrl,
  )
  return { ...meeting, ...set, version: next }
}

// ---------------------------------------------------------------------------------------
// Participants

export interface ParticipantsAdderProps {
  ctx: CommandContext
  meeting: MeetingRow
  input: AddParticipantsRequest
  /** A party with no users adds nobody instead of failing with 422 delegation_empty. */
  skipEmptyDelegation?: boolean
}

/**
 * Adds participants: a party's whole delegation (users already on the list are skipped),
 * one user, or a person without an account. A party outside the organization is refused
 * (422 party_not_in_organization); an observer party's people are observer delegates.
 */
export async function participantsAdder({
  ctx,
  meeting,
  input,
  skipEmptyDelegation = false,
}: ParticipantsAdderProps): Promise<MeetingParticipantRow[]> {
  assertNotCancelled(meeting)
  const existing = await ctx.trx
    .selectFrom('meeting_participants')
    .select(['user_id', 'email'])
    .where('meeting_id', '=', meeting.id)
    .execute()
  const existingUsers = new Set(existing.map((e) => e.user_id).filter(Boolean))
  const rows: MeetingParticipantRow[] = []
  const make = (
    p: Pick<MeetingParticipantRow, 'user_id' | 'party_id' | 'name' | 'email' | 'function'>,
  ): MeetingParticipantRow => ({
    id: newId(),
    meeting_id: meeting.id,
    ...p,
    invitation: 'invited',
    responded_at: null,
    attendance: null,
    version: 1,
  })
  const functionFor = (
    fn: ParticipantFunction | undefined,
    auto: ParticipantFunction,
    status: 'member' | 'observer' | null,
  ) => {
    if (status === null) return 'secretariat'
    if (status === 'observer') return 'observer_delegate'
    return fn && fn !== 'secretariat' && fn !== 'observer_delegate' ? fn : auto
  }

  if (input.party && !input.name) {
    const party = await ctx.trx
      .selectFrom('parties')
      .select(['id', 'code'])
      .where('code', '=', input.party)
      .executeTakeFirst()
    const membership = party ? await membershipOf(ctx, meeting.organization_id, party.id) : undefined
    if (!party || !membership) throw partyNotInOrganization(input.party)
    const users = await ctx.trx
      .selectFrom('users')
      .select(['id', 'display_name', 'email', 'roles'])
      .where('party_id', '=', party.id)
      .where('disabled', '=', 0)
      .orderBy('display_name')
      .execute()
    if (users.length === 0 && !skipEmptyDelegation) {
      throw new AppError(422, 'delegation_empty', { party: party.code }, { party: party.code })
    }
    for (const u of users) {
      if (existingUsers.has(u.id)) continue
      const auto = functionOf(JSON.parse(u.roles) as Role[], membership.status)
      rows.push(
        make({
          user_id: u.id,
          party_id: party.id,
          name: u.display_name,
          email: u.email,
          function: functionFor(input.function, auto, membership.status),
        }),
      )
    }
  } else if (input.userId) {
    const user = isId(input.userId)
      ? await ctx.trx
          .selectFrom('users')
          .select(['id', 'display_name', 'email', 'roles', 'party_id', 'secretariat_org_id'])
          .where('id', '=', input.userId)
          .executeTakeFirst()
      : undefined
    if (!user) throw notFound('user_not_found')
    if (existingUsers.has(user.id)) {
      throw new AppError(409, 'participant_exists', { name: user.display_name }, { userId: user.id })
    }
    let status: 'member' | 'observer' | null = null
    if (user.secretariat_org_id !== meeting.organization_id) {
      const membership = user.party_id
        ? await membershipOf(ctx, meeting.organization_id, user.party_id)
        : undefined
      if (!membership) {
        const code = user.party_id
          ? ((
              await ctx.trx
                .selectFrom('parties')
                .select('code')
                .where('id', '=', user.party_id)
                .executeTakeFirst()
            )?.code ?? '?')
          : '—'
        throw partyNotInOrganization(code)
      }
      status = membership.status
    }
    const auto = functionOf(JSON.parse(user.roles) as Role[], status)
    rows.push(
      make({
        user_id: user.id,
        party_id: status === null ? null : user.party_id,
        name: user.display_name,
        email: user.email,
        function: functionFor(input.function, auto, status),
      }),
    )
  } else if (input.name) {
    let partyId: string | null = null
    let status: 'member' | 'observer' | null = null
    if (input.party) {
      const party = await ctx.trx
        .selectFrom('parties')
        .select('id')
        .where('code', '=', input.party)
        .executeTakeFirst()
      const membership = party ? await membershipOf(ctx, meeting.organization_id, party.id) : undefined
      if (!party || !membership) throw partyNotInOrganization(input.party)
      partyId = party.id
      status = membership.status
    }
    if (input.email && existing.some((e) => e.email === input.email)) {
      throw new AppError(409, 'participant_exists', { name: input.name }, { email: input.email })
    }
    rows.push(
      make({
        user_id: null,
        party_id: partyId,
        name: input.name,
        email: input.email ?? null,
        function: functionFor(input.function, status === null ? 'secretariat' : 'expert', status),
      }),
    )
  }
  if (rows.length) await ctx.trx.insertInto('meeting_participants').values(rows).execute()
  await appendAudit(ctx, {
    action: 'meeting.participants_add',
    subjectType: 'meeting',
    subjectId: meeting.id,
    organizationId: meeting.organization_id,
    change: {
      added: rows.map((r) => ({
        id: r.id,
        userId: r.user_id,
        partyId: r.party_id,
        name: r.name,
        function: r.function,
      })),
    },
  })
  return rows
}

export interface ParticipantUpdaterProps {
  ctx: CommandContext
  meeting: MeetingRow
  participant: MeetingParticipantRow
  input: UpdateParticipantRequest & { version: number }
}

/** The secretariat records attendance (present / remote / absent) or corrects a function. */
export async function participantUpdater({
  ctx,
  meeting,
  participant,
  input,
}: ParticipantUpdaterProps): Promise<MeetingParticipantRow> {
  assertVersion(participant.version, input.version)
  assertNotCancelled(meeting)
  const set: Partial<MeetingParticipantRow> = {}
  if (input.attendance !== undefined) set.attendance = input.attendance
  if (input.function !== undefined) {
    // The function follows the party: the secretariat's staff, observers' delegates.
    const status = participant.party_id
      ? ((await membershipOf(ctx, meeting.organization_id, participant.party_id))?.status ?? 'member')
      : null
    set.function =
      status === null
        ? 'secretariat'
        : status === 'observer'
          ? 'observer_delegate'
          : input.function === 'secretariat' || input.function === 'observer_delegate'
            ? participant.function
            : input.function
  }
  const version = await updateVersioned(
    ctx.trx,
    'meeting_participants',
    participant.id,
    participant.version,
    set,
  )
  await appendAudit(ctx, {
    action: 'meeting.participant_update',
    subjectType: 'meeting',
    subjectId: meeting.id,
    organizationId: meeting.organization_id,
    change: { participantId: participant.id, ...set },
  })
  return { ...participant, ...set, version }
}

export interface ParticipantRemoverProps {
  ctx: CommandContext
  meeting: MeetingRow
  participant: MeetingParticipantRow
  version: number
  publicUrl?: string | undefined
}

/** Takes someone off the list; if they had the invitation, they get a cancellation. */
export async function participantRemover({
  ctx,
  meeting,
  participant,
  version,
  publicUrl,
}: ParticipantRemoverProps): Promise<void> {
  assertVersion(participant.version, version)
  assertNotCancelled(meeting)
  const hadInvitation = participant.user_id
    ? (await invitedUsers(ctx, meeting.id)).includes(participant.user_id)
    : false
  await ctx.trx.deleteFrom('meeting_participants').where('id', '=', participant.id).execute()
  await appendAudit(ctx, {
    action: 'meeting.participant_remove',
    subjectType: 'meeting',
    subjectId: meeting.id,
    organizationId: meeting.organization_id,
    change: { participantId: participant.id, userId: participant.user_id, name: participant.name },
  })
  if (hadInvitation && participant.user_id) {
    // For this person the meeting is cancelled: METHOD:CANCEL removes it from their calendar.
    await sendCalendarNotice(ctx, meeting.id, [participant.user_id], 'meeting_cancelled', publicUrl)
  }
}

export interface InvitationAnswererProps {
  ctx: CommandContext
  meeting: MeetingRow
  participant: MeetingParticipantRow
  answer: InvitationAnswer
}

/** A participant answers their own invitation: accepted, declined or tentative. */
export async function invitationAnswerer({
  ctx,
  meeting,
  participant,
  answer,
}: InvitationAnswererProps): Promise<MeetingParticipantRow> {
  assertNotCancelled(meeting)
  const set = { invitation: answer, responded_at: ctx.clock() }
  // The participant's own answer: last one wins, no version to send.
  const version = await updateVersioned(
    ctx.trx,
    'meeting_participants',
    participant.id,
    participant.version,
    set,
  )
  await appendAudit(ctx, {
    action: 'meeting.respond',
    subjectType: 'meeting',
    subjectId: meeting.id,
    organizationId: meeting.organization_id,
    change: { participantId: participant.id, answer },
  })
  return { ...participant, ...set, version }
}

// ---------------------------------------------------------------------------------------
// Agenda and outcomes

const agendaLinkInvalid = (details: Record<string, unknown>) =>
  new AppError(422, 'agenda_link_invalid', {}, details)

/** Resolves an agenda item's links: dossier of the organization, document of the dossier, published version. */
async function resolveLinks(
  ctx: CommandContext,
  meeting: MeetingRow,
  input: Pick<AgendaItemInput, 'dossierId' | 'documentId' | 'versionId'>,
): Promise<{
  dossier_id: string | null
  document_id: string | null
  version_id: string | null
  fallback: string | null
}> {
  let dossierId = input.dossierId ?? null
  let documentId = input.documentId ?? null
  let versionId = input.versionId ?? null
  let fallback: string | null = null
  if (versionId && !documentId) {
    const v = isId(versionId)
      ? await ctx.trx
          .selectFrom('versions')
          .select('document_id')
          .where('id', '=', versionId)
          .executeTakeFirst()
      : undefined
    if (!v) throw agendaLinkInvalid({ versionId })
    documentId = v.document_id
  }
  if (documentId) {
    const doc = isId(documentId)
      ? await ctx.trx
          .selectFrom('documents')
          .select(['id', 'dossier_id', 'title'])
          .where('id', '=', documentId)
          .executeTakeFirst()
      : undefined
    if (!doc || (dossierId && doc.dossier_id !== dossierId)) throw agendaLinkInvalid({ documentId })
    dossierId = doc.dossier_id
    fallback = doc.title
    if (versionId) {
      const v = isId(versionId)
        ? await ctx.trx
            .selectFrom('versions')
            .select(['id', 'status'])
            .where('id', '=', versionId)
            .where('document_id', '=', doc.id)
            .executeTakeFirst()
        : undefined
      if (v?.status !== 'published') throw agendaLinkInvalid({ versionId })
    } else {
      const latest = await ctx.trx
        .selectFrom('versions')
        .select('id')
        .where('document_id', '=', doc.id)
        .where('status', '=', 'published')
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst()
      versionId = latest?.id ?? null
    }
  }
  if (dossierId) {
    const dossier = isId(dossierId)
      ? await ctx.trx
          .selectFrom('dossiers')
          .select(['id', 'organization_id', 'title'])
          .where('id', '=', dossierId)
          .executeTakeFirst()
      : undefined
    if (!dossier || dossier.organization_id !== meeting.organization_id)
      throw agendaLinkInvalid({ dossierId })
    fallback ??= dossier.title
  }
  return { dossier_id: dossierId, document_id: documentId, version_id: versionId, fallback }
}

export interface AgendaItemAdderProps {
  ctx: CommandContext
  meeting: MeetingRow
  input: AgendaItemInput
}

/** Adds an item at the end of the agenda; its title defaults to the linked document's (or dossier's). */
export async function agendaItemAdder({ ctx, meeting, input }: AgendaItemAdderProps): Promise<AgendaItemRow> {
  assertNotCancelled(meeting)
  const links = await resolveLinks(ctx, meeting, input)
  const title = input.title && Object.keys(input.title).length ? text(input.title) : links.fallback
  if (!title) {
    throw new AppError(
      422,
      'validation_failed',
      { fields: 'body.title' },
      { fields: [{ path: 'body.title', message: 'a title, or a dossier or document to take it from' }] },
    )
  }
  const last = await ctx.trx
    .selectFrom('agenda_items')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('meeting_id', '=', meeting.id)
    .executeTakeFirst()
  const row: AgendaItemRow = {
    id: newId(),
    meeting_id: meeting.id,
    position: Number(last?.max ?? 0) + 1,
    title,
    dossier_id: links.dossier_id,
    document_id: links.document_id,
    version_id: links.version_id,
    outcome: null,
    outcome_note: null,
    outcome_by: null,
    outcome_at: null,
    version: 1,
  }
  await ctx.trx.insertInto('agenda_items').values(row).execute()
  await appendAudit(ctx, {
    action: 'meeting.agenda_add',
    subjectType: 'agenda_item',
    subjectId: row.id,
    organizationId: meeting.organization_id,
    dossierId: row.dossier_id,
    change: {
      meetingId: meeting.id,
      position: row.position,
      title: JSON.parse(title),
      dossierId: row.dossier_id,
      documentId: row.document_id,
      versionId: row.version_id,
    },
  })
  return row
}

export interface AgendaItemUpdaterProps {
  ctx: CommandContext
  meeting: MeetingRow
  item: AgendaItemRow
  input: UpdateAgendaItemRequest & { version: number }
}

/** Changes an item's wording or what it links. */
export async function agendaItemUpdater({
  ctx,
  meeting,
  item,
  input,
}: AgendaItemUpdaterProps): Promise<AgendaItemRow> {
  assertVersion(item.version, input.version)
  assertNotCancelled(meeting)
  const set: Partial<AgendaItemRow> = {}
  if (input.title && Object.keys(input.title).length) set.title = text(input.title)
  if (input.dossierId !== undefined || input.documentId !== undefined || input.versionId !== undefined) {
    const links = await resolveLinks(ctx, meeting, {
      dossierId: input.dossierId === undefined ? item.dossier_id : input.dossierId,
      documentId:
        input.documentId === undefined
          ? input.dossierId === undefined
            ? item.document_id
            : null
          : input.documentId,
      versionId: input.versionId === undefined ? null : input.versionId,
    })
    set.dossier_id = links.dossier_id
    set.document_id = links.document_id
    set.version_id = links.version_id
  }
  const version = await updateVersioned(ctx.trx, 'agenda_items', item.id, item.version, set)
  await appendAudit(ctx, {
    action: 'meeting.agenda_update',
    subjectType: 'agenda_item',
    subjectId: item.id,
    organizationId: meeting.organization_id,
    dossierId: set.dossier_id ?? item.dossier_id,
    change: { meetingId: meeting.id, ...set, ...(set.title ? { title: JSON.parse(set.title) } : {}) },
  })
  return { ...item, ...set, version }
}

/** Takes an item off the agenda and closes the gap in the numbering. */
export async function agendaItemRemover({
  ctx,
  meeting,
  item,
  version,
}: {
  ctx: CommandContext
  meeting: MeetingRow
  item: AgendaItemRow
  version: number
}): Promise<void> {
  assertVersion(item.version, version)
  assertNotCancelled(meeting)
  await ctx.trx.deleteFrom('agenda_items').where('id', '=', item.id).execute()
  const rest = await ctx.trx
    .selectFrom('agenda_items')
    .select('id')
    .where('meeting_id', '=', meeting.id)
    .orderBy('position')
    .orderBy('id')
    .execute()
  for (const [i, r] of rest.entries()) {
    await ctx.trx
      .updateTable('agenda_items')
      .set({ position: i + 1 })
      .where('id', '=', r.id)
      .execute()
  }
  await appendAudit(ctx, {
    action: 'meeting.agenda_remove',
    subjectType: 'agenda_item',
    subjectId: item.id,
    organizationId: meeting.organization_id,
    dossierId: item.dossier_id,
    change: { meetingId: meeting.id, title: JSON.parse(item.title) },
  })
}

/** Puts the agenda in a new order: the list must name every item exactly once. */
export async function agendaReorderer({
  ctx,
  meeting,
  itemIds,
}: {
  ctx: CommandContext
  meeting: MeetingRow
  itemIds: string[]
}): Promise<void> {
  assertNotCancelled(meeting)
  const rows = await ctx.trx
    .selectFrom('agenda_items')
    .select('id')
    .where('meeting_id', '=', meeting.id)
    .execute()
  const current = new Set(rows.map((r) => r.id))
  if (
    itemIds.length !== current.size ||
    new Set(itemIds).size !== itemIds.length ||
    !itemIds.every((id) => current.has(id))
  ) {
    throw new AppError(422, 'agenda_order_invalid', {}, { expected: [...current] })
  }
  for (const [i, id] of itemIds.entries()) {
    await ctx.trx
      .updateTable('agenda_items')
      .set((eb) => ({ position: i + 1, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute()
  }
  await appendAudit(ctx, {
    action: 'meeting.agenda_reorder',
    subjectType: 'meeting',
    subjectId: meeting.id,
    organizationId: meeting.organization_id,
    change: { order: itemIds },
  })
}

export interface OutcomeRecorderProps {
  ctx: CommandContext
  meeting: MeetingRow
  item: AgendaItemRow
  input: OutcomeRequest & { version: number }
}

/** Records (live, during the meeting) what the meeting decided on an item, with a note. */
export async function outcomeRecorder({
  ctx,
  meeting,
  item,
  input,
}: OutcomeRecorderProps): Promise<AgendaItemRow> {
  assertVersion(item.version, input.version)
  assertNotCancelled(meeting)
  const set = {
    outcome: input.outcome,
    outcome_note: input.outcome ? (input.note ?? null) || null : null,
    outcome_by: input.outcome ? (ctx.actor?.id ?? null) : null,
    outcome_at: input.outcome ? ctx.clock() : null,
  }
  const version = await updateVersioned(ctx.trx, 'agenda_items', item.id, item.version, set)
  await appendAudit(ctx, {
    action: 'meeting.outcome',
    subjectType: 'agenda_item',
    subjectId: item.id,
    organizationId: meeting.organization_id,
    dossierId: item.dossier_id,
    change: {
      meetingId: meeting.id,
      outcome: set.outcome,
      note: set.outcome_note,
      versionId: item.version_id,
    },
  })
  return { ...item, ...set, version }
}
