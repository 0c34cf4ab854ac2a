/**
 * Commands on the participants of a meeting: inviting a whole delegation, one user or a
 * person without an account; attendance; taking someone off the list (with a cancellation
 * if they had the invitation); and a participant's own answer. Each writes in the caller's
 * transaction with its audit entry.
 */

import type { AddParticipantsRequest, UpdateParticipantRequest } from '@core/api/meetings.js'
import { functionOf, type InvitationAnswer, type ParticipantFunction } from '@core/domain/meetings.js'
import type { Role } from '@core/domain/roles.js'
import { appendAudit } from '../audit/log.js'
import type { CommandContext } from '../context.js'
import type { MeetingParticipantRow, MeetingRow } from '../db/types.js'
import { AppError, assertVersion, notFound } from '../errors.js'
import { isId, newId } from '../ids.js'
import { assertNotCancelled, invitedUsers, sendCalendarNotice } from './meetings.js'
import { updateVersioned } from './optimistic.js'

const partyNotInOrganization = (party: string) =>
  new AppError(422, 'party_not_in_organization', { party }, { party })

async function membershipOf(ctx: CommandContext, organizationId: string, partyId: string) {
  return ctx.trx
    .selectFrom('memberships')
    .select('status')
    .where('organization_id', '=', organizationId)
    .where('party_id', '=', partyId)
    .executeTakeFirst()
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
