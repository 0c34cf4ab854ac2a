/**
 * Commands on minutes: drafting them from the meeting's record, editing a draft, approving
 * (after which they are immutable and their SHA-256 is fixed). Each writes its row and its
 * audit entry in the caller's transaction.
 */

import type { MinutesTexts } from '@core/api/minutes.js'
import { draftAllMinutes, minutesContent, minutesHash } from '@core/domain/minutes.js'
import { appendAudit } from '../audit/log.js'
import type { CommandContext } from '../context.js'
import type { MeetingRow, MinutesRow } from '../db/types.js'
import { AppError, assertVersion } from '../errors.js'
import { newId } from '../ids.js'
import { contentOf, findMinutes, minutesFactsOf, parseLocalized } from '../repositories/minutes.js'
import { notifier, recipientsOf } from './notifications.js'
import { updateVersioned } from './optimistic.js'

export const minutesExist = () => new AppError(409, 'minutes_exist')
export const minutesApproved = () => new AppError(409, 'minutes_approved')
export const minutesNotFound = () => new AppError(404, 'minutes_not_found')
export const meetingCancelled = () => new AppError(409, 'minutes_meeting_cancelled')

/** Updates the minutes row if its version is still `expected`; 409 version_changed otherwise. */
async function updateMinutesRow(
  ctx: CommandContext,
  row: MinutesRow,
  expected: number,
  set: Partial<MinutesRow>,
): Promise<MinutesRow> {
  const version = await updateVersioned(ctx.trx, 'minutes', row.id, expected, set)
  return { ...row, ...set, version }
}

export interface MinutesDrafterProps {
  ctx: CommandContext
  meeting: MeetingRow
  /**
   * Draft again over an existing draft (never over approved minutes). With `version`, the
   * draft the client read: someone else's edit in between is a 409, not lost silently.
   */
  redraft?: { version: number } | undefined
}

/**
 * Drafts the minutes of a meeting from its record — participants and attendance, agenda,
 * outcomes, the positions on each version considered — in Russian and English. Refuses a
 * cancelled meeting, existing minutes (unless re-drafting a draft) and approved minutes.
 */
export async function minutesDrafter({ ctx, meeting, redraft }: MinutesDrafterProps): Promise<MinutesRow> {
  if (meeting.status === 'cancelled') throw meetingCancelled()
  const existing = await findMinutes(ctx.trx, meeting.id)
  if (existing && existing.status === 'approved') throw minutesApproved()
  if (existing && !redraft) throw minutesExist()
  if (existing && redraft) assertVersion(existing.version, redraft.version)
  const facts = await minutesFactsOf(ctx.trx, meeting.id)
  const content = minutesContent(meeting.id, draftAllMinutes(facts))
  const hash = minutesHash(content)
  const now = ctx.clock()
  let row: MinutesRow
  if (existing) {
    row = await updateMinutesRow(ctx, existing, existing.version, {
      content: JSON.stringify(content),
      content_hash: hash,
      drafted_at: now,
      updated_by: ctx.actor?.id ?? null,
      updated_at: now,
    })
  } else {
    row = {
      id: newId(),
      meeting_id: meeting.id,
      status: 'draft',
      content: JSON.stringify(content),
      content_hash: hash,
      drafted_at: now,
      updated_by: ctx.actor?.id ?? null,
      updated_at: now,
      approved_by: null,
      approved_at: null,
      version: 1,
    }
    // Two officers drafting at once: the second loses on the unique meeting, not with a 500.
    const inserted = await ctx.trx
      .insertInto('minutes')
      .values(row)
      .onConflict((oc) => oc.column('meeting_id').doNothing())
      .executeTakeFirst()
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) throw minutesExist()
  }
  await appendAudit(ctx, {
    action: existing ? 'minutes.redraft' : 'minutes.draft',
    subjectType: 'minutes',
    subjectId: row.id,
    organizationId: meeting.organization_id,
    change: { meetingId: meeting.id, contentHash: hash, languages: Object.keys(content.texts) },
  })
  return row
}

export interface MinutesUpdaterProps {
  ctx: CommandContext
  minutes: MinutesRow
  meeting: MeetingRow
  /** The languages given replace the stored ones; `version` is the one the client read. */
  input: { version: number; texts: MinutesTexts }
}

/** The secretariat edits draft minutes, per language; approved minutes are immutable. */
export async function minutesUpdater({
  ctx,
  minutes,
  meeting,
  input,
}: MinutesUpdaterProps): Promise<MinutesRow> {
  if (minutes.status === 'approved') throw minutesApproved()
  assertVersion(minutes.version, input.version)
  const before = contentOf(minutes)
  const content = minutesContent(meeting.id, { ...before.texts, ...input.texts })
  const hash = minutesHash(content)
  const now = ctx.clock()
  const row = await updateMinutesRow(ctx, minutes, minutes.version, {
    content: JSON.stringify(content),
    content_hash: hash,
    updated_by: ctx.actor?.id ?? null,
    updated_at: now,
  })
  await appendAudit(ctx, {
    action: 'minutes.update',
    subjectType: 'minutes',
    subjectId: minutes.id,
    organizationId: meeting.organization_id,
    change: {
      meetingId: meeting.id,
      languages: Object.keys(input.texts),
      from: minutes.content_hash,
      to: hash,
    },
  })
  return row
}

export interface MinutesApproverProps {
  ctx: CommandContext
  minutes: MinutesRow
  meeting: MeetingRow
  /** The version the client read. */
  version: number
}

/**
 * Approves the minutes: their SHA-256 (of the canonical JSON of the content) is fixed, they
 * become immutable, and the participants — their parties' delegates and those invited in
 * person — are notified (`minutes_approved`).
 */
export async function minutesApprover({
  ctx,
  minutes,
  meeting,
  version,
}: MinutesApproverProps): Promise<MinutesRow> {
  if (minutes.status === 'approved') throw minutesApproved()
  assertVersion(minutes.version, version)
  const content = contentOf(minutes)
  const hash = minutesHash(content)
  const now = ctx.clock()
  const row = await updateMinutesRow(ctx, minutes, minutes.version, {
    status: 'approved',
    content_hash: hash,
    approved_by: ctx.actor?.id ?? null,
    approved_at: now,
    updated_at: now,
  })
  await appendAudit(ctx, {
    action: 'minutes.approve',
    subjectType: 'minutes',
    subjectId: minutes.id,
    organizationId: meeting.organization_id,
    change: { meetingId: meeting.id, contentHash: hash, approvedAt: now },
  })
  const participants = await ctx.trx
    .selectFrom('meeting_participants')
    .select(['party_id', 'user_id'])
    .where('meeting_id', '=', meeting.id)
    .execute()
  const partyIds = [...new Set(participants.flatMap((p) => (p.party_id ? [p.party_id] : [])))]
  const users = new Set(await recipientsOf(ctx.trx, partyIds))
  for (const p of participants) if (p.user_id) users.add(p.user_id)
  if (ctx.actor) users.delete(ctx.actor.id)
  await notifier(ctx, [...users], {
    kind: 'minutes_approved',
    params: {
      meeting: parseLocalized(meeting.title),
      startsAt: meeting.starts_at,
      timezone: meeting.timezone,
    },
    link: `/meetings/${meeting.id}/minutes`,
    dedupeKey: `minutes_approved:${minutes.id}`,
  })
  return row
}
