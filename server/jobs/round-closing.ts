/**
 * Tells the delegations that a round closes within a day. A durable job per round, scheduled
 * when the round opens and rescheduled (by its key) whenever its dates change, runs 24 hours
 * before the deadline (or at the opening, if that is later). The notice's dedupe key carries
 * the deadline: an extended round gets a new reminder, a repeated run none.
 */
import { notifier, recipientsOf } from '../commands/notifications.js'
import type { CommandContext } from '../context.js'
import type { CommentRoundRow } from '../db/types.js'
import { isId, nowIso } from '../ids.js'
import { participantsOf } from '../repositories/dossiers.js'
import { enqueue } from './queue.js'

/** The job kind. */
export const ROUND_CLOSING_JOB = 'round.closing'

/** How long before the deadline the reminder goes out. */
export const CLOSING_NOTICE_MS = 24 * 3600_000

/** Schedules (or reschedules) the round's reminder in the caller's transaction. */
export async function roundClosingScheduler(
  ctx: CommandContext,
  round: Pick<CommentRoundRow, 'id' | 'opens_at' | 'closes_at'>,
): Promise<void> {
  const at = Math.max(Date.parse(round.closes_at) - CLOSING_NOTICE_MS, Date.parse(round.opens_at))
  await enqueue(
    ctx,
    ROUND_CLOSING_JOB,
    new Date(at).toISOString(),
    { roundId: round.id },
    `round-closing:${round.id}`,
  )
}

/** The job: the "closing soon" notice to every delegate of the parties taking part; returns how many. */
export async function roundClosingReminder(
  ctx: CommandContext,
  payload: { roundId?: unknown },
): Promise<number> {
  const roundId = payload.roundId
  if (!isId(roundId)) return 0
  const r = await ctx.trx
    .selectFrom('comment_rounds')
    .innerJoin('documents', 'documents.id', 'comment_rounds.document_id')
    .select([
      'comment_rounds.id',
      'comment_rounds.dossier_id',
      'comment_rounds.document_id',
      'comment_rounds.closes_at',
      'comment_rounds.timezone',
      'documents.title',
    ])
    .where('comment_rounds.id', '=', roundId)
    .executeTakeFirst()
  // Already closed (e.g. a story replayed from the past, or a deadline brought forward).
  if (!r || r.closes_at <= nowIso()) return 0
  const participants = await participantsOf(ctx.trx, [r.dossier_id])
  const users = await recipientsOf(
    ctx.trx,
    participants.map((p) => p.party_id),
  )
  return notifier(ctx, users, {
    kind: 'round_closing',
    params: { document: JSON.parse(r.title), closesAt: r.closes_at, timezone: r.timezone },
    link: `/documents/${r.document_id}?round=${r.id}`,
    dedupeKey: `round_closing:${r.id}:${r.closes_at}`,
  })
}
