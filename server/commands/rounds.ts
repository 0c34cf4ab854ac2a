/** Commands on comment rounds. */
import type { CreateRoundRequest, UpdateRoundRequest } from '@core/api/contribution-requests.js'
import { appendAudit } from '../audit/log.js'
import type { CommandContext } from '../context.js'
import type { CommentRoundRow, DocumentRow, DossierRow } from '../db/types.js'
import { AppError, assertVersion, notFound, versionSuperseded } from '../errors.js'
import { isId, newId } from '../ids.js'
import { roundClosingScheduler } from '../jobs/round-closing.js'
import type { ParticipantRow } from '../repositories/dossiers.js'
import { latestPublished, roundState } from '../repositories/rounds.js'
import { notifier, recipientsOf } from './notifications.js'
import { updateVersioned } from './optimistic.js'

function assertTimezone(timezone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone })
  } catch {
    throw new AppError(
      422,
      'validation_failed',
      { fields: 'body.timezone' },
      { fields: [{ path: 'body.timezone', message: 'unknown IANA time zone' }] },
    )
  }
}

function assertDates(opensAt: string, closesAt: string): void {
  if (Date.parse(closesAt) <= Date.parse(opensAt)) throw new AppError(422, 'round_dates_invalid')
}

const label = (json: string) => {
  const l = JSON.parse(json) as Record<string, string>
  return l.ru ?? l.en ?? Object.values(l)[0] ?? ''
}

export interface RoundOpenerProps {
  ctx: CommandContext
  dossier: DossierRow
  document: DocumentRow
  participants: ParticipantRow[]
  input: CreateRoundRequest
}

/**
 * Opens a round of comments and proposals on the current circulated version, and tells
 * the delegations taking part.
 */
export async function roundOpener({
  ctx,
  dossier,
  document,
  participants,
  input,
}: RoundOpenerProps): Promise<CommentRoundRow> {
  assertTimezone(input.timezone)
  assertDates(input.opensAt, input.closesAt)
  const version = isId(input.versionId)
    ? await ctx.trx
        .selectFrom('versions')
        .select(['id', 'label', 'status'])
        .where('id', '=', input.versionId)
        .where('document_id', '=', document.id)
        .executeTakeFirst()
    : undefined
  if (version?.status !== 'published') throw notFound('version_not_found')
  const current = await latestPublished(ctx.trx, document.id)
  if (current && current.id !== version.id) {
    throw versionSuperseded(label(version.label), { id: current.id, label: label(current.label) })
  }
  const now = ctx.clock()
  const row: CommentRoundRow = {
    id: newId(),
    dossier_id: dossier.id,
    document_id: document.id,
    version_id: version.id,
    opens_at: new Date(input.opensAt).toISOString(),
    closes_at: new Date(input.closesAt).toISOString(),
    timezone: input.timezone,
    dispositions_published_at: null,
    changes: 0,
    created_by: ctx.actor?.id ?? null,
    created_at: now,
    updated_at: now,
    version: 1,
  }
  await ctx.trx.insertInto('comment_rounds').values(row).execute()
  await appendAudit(ctx, {
    action: 'round.open',
    subjectType: 'round',
    subjectId: row.id,
    organizationId: dossier.organization_id,
    dossierId: dossier.id,
    change: {
      documentId: document.id,
      versionId: version.id,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      timezone: input.timezone,
    },
  })
  const users = await recipientsOf(
    ctx.trx,
    participants.map((p) => p.party_id),
  )
  await notifier(ctx, users, {
    kind: 'round_opened',
    params: { document: JSON.parse(document.title), closesAt: row.closes_at, timezone: row.timezone },
    link: `/documents/${document.id}?round=${row.id}`,
    dedupeKey: `round_opened:${row.id}`,
  })
  await roundClosingScheduler(ctx, row)
  return row
}

export interface RoundUpdaterProps {
  ctx: CommandContext
  dossier: DossierRow
  round: CommentRoundRow
  input: UpdateRoundRequest & { version: number }
}

/** Extends or reopens a round (new dates), or corrects its time zone. */
export async function roundUpdater({
  ctx,
  dossier,
  round,
  input,
}: RoundUpdaterProps): Promise<CommentRoundRow> {
  assertVersion(round.version, input.version)
  if (input.timezone) assertTimezone(input.timezone)
  const opensAt = input.opensAt ? new Date(input.opensAt).toISOString() : round.opens_at
  const closesAt = input.closesAt ? new Date(input.closesAt).toISOString() : round.closes_at
  assertDates(opensAt, closesAt)
  const set = {
    opens_at: opensAt,
    closes_at: closesAt,
    timezone: input.timezone ?? round.timezone,
    updated_at: ctx.clock(),
  }
  const version = await updateVersioned(ctx.trx, 'comment_rounds', round.id, round.version, set)
  const before = roundState(round)
  const next = { ...round, ...set, version }
  await appendAudit(ctx, {
    action: before === 'closed' && roundState(next) === 'open' ? 'round.reopen' : 'round.update',
    subjectType: 'round',
    subjectId: round.id,
    organizationId: dossier.organization_id,
    dossierId: dossier.id,
    change: {
      from: { opensAt: round.opens_at, closesAt: round.closes_at },
      to: { opensAt, closesAt, timezone: set.timezone },
    },
  })
  // The "closes within a day" reminder follows the new dates (rescheduled by its key).
  if (opensAt !== round.opens_at || closesAt !== round.closes_at) await roundClosingScheduler(ctx, next)
  return next
}

/** Makes the round's dispositions visible to the parties, and tells them. */
export async function dispositionsPublisher(
  ctx: CommandContext,
  dossier: DossierRow,
  document: DocumentRow,
  round: CommentRoundRow,
  participants: ParticipantRow[],
): Promise<CommentRoundRow> {
  const at = ctx.clock()
  const version = await updateVersioned(ctx.trx, 'comment_rounds', round.id, round.version, {
    dispositions_published_at: at,
    updated_at: at,
  })
  await roundTouched(ctx, round.id)
  await appendAudit(ctx, {
    action: 'round.publish_dispositions',
    subjectType: 'round',
    subjectId: round.id,
    organizationId: dossier.organization_id,
    dossierId: dossier.id,
    change: { at },
  })
  const users = await recipientsOf(
    ctx.trx,
    participants.map((p) => p.party_id),
  )
  await notifier(ctx, users, {
    kind: 'dispositions_published',
    params: { document: JSON.parse(document.title) },
    link: `/rounds/${round.id}/table`,
  })
  return { ...round, dispositions_published_at: at, version }
}

/** Records that the round's contributions, co-sponsors or dispositions changed (cache key). */
export async function roundTouched(ctx: CommandContext, roundId: string): Promise<void> {
  await ctx.trx
    .updateTable('comment_rounds')
    .set((eb) => ({ changes: eb('changes', '+', 1) }))
    .where('id', '=', roundId)
    .execute()
}
