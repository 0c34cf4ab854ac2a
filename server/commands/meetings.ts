/**
 * Commands on meetings of bodies: convening, changing and cancelling a meeting, and the
 * invitations (iCalendar) that go out through the notifier. Participants are in
 * meeting-participants.ts, the agenda and its outcomes in meeting-agenda.ts. Every command writes in the caller's
 * transaction with its audit entry.
 */

import type { CreateMeetingRequest, UpdateMeetingRequest } from '@core/api/meetings.js'
import { isHttpsUrl, isTimeZone } from '@core/domain/meetings.js'
import type { Role } from '@core/domain/roles.js'
import type { LocalizedText, UiLang } from '@core/i18n/languages.js'
import { appendAudit } from '../audit/log.js'
import type { CommandContext, Queryable } from '../context.js'
import type { BodyRow, MeetingRow, OrganizationRow } from '../db/types.js'
import { AppError, assertVersion } from '../errors.js'
import { meetingsCalendar } from '../exports/ics.js'
import { newId } from '../ids.js'
import { meetingFacts } from '../repositories/meetings.js'
import { agendaItemAdder } from './meeting-agenda.js'
import { participantsAdder } from './meeting-participants.js'
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
export function assertNotCancelled(meeting: MeetingRow): void {
  if (meeting.status === 'cancelled') throw new AppError(409, 'meeting_cancelled')
}

const iso = (value: string) => new Date(value).toISOString()
const text = (value: LocalizedText | undefined) => JSON.stringify(value ?? {})

// ---------------------------------------------------------------------------------------
// Invitations

/** Users who have been sent this meeting's invitation (and so must hear of its changes). */
export async function invitedUsers(ctx: CommandContext, meetingId: string): Promise<string[]> {
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
export async function sendCalendarNotice(
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
