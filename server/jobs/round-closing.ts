/**
 * Tells the delegations that a round closes within a day. Runs every minute on every node;
 * the notifications' unique dedupe key makes each notice go out exactly once, however many
 * nodes sweep at the same time. (Durable job scheduling comes with the meetings work.)
 */
import { notifier, recipientsOf } from '../commands/notifications.js'
import { inTransaction } from '../context.js'
import type { DbHandle } from '../db/index.js'
import { participantsOf } from '../repositories/dossiers.js'

/** How long before the deadline the reminder goes out. */
export const CLOSING_NOTICE_MS = 24 * 3600_000

/** Sends the "closing soon" notices due at `now`; returns how many were written. */
export async function sweepClosingRounds(handle: DbHandle, now = Date.now()): Promise<number> {
  const from = new Date(now).toISOString()
  const to = new Date(now + CLOSING_NOTICE_MS).toISOString()
  const rounds = await handle.db
    .selectFrom('comment_rounds')
    .innerJoin('documents', 'documents.id', 'comment_rounds.document_id')
    .select([
      'comment_rounds.id',
      'comment_rounds.dossier_id',
      'comment_rounds.document_id',
      'comment_rounds.opens_at',
      'comment_rounds.closes_at',
      'comment_rounds.timezone',
      'documents.title',
    ])
    .where('comment_rounds.closes_at', '>', from)
    .where('comment_rounds.closes_at', '<=', to)
    .where('comment_rounds.opens_at', '<=', from)
    .execute()
  let written = 0
  for (const r of rounds) {
    const participants = await participantsOf(handle.db, [r.dossier_id])
    const users = await recipientsOf(
      handle.db,
      participants.map((p) => p.party_id),
    )
    written += await inTransaction(handle, null, 'job:round-closing', (ctx) =>
      notifier(ctx, users, {
        kind: 'round_closing',
        params: { document: JSON.parse(r.title), closesAt: r.closes_at, timezone: r.timezone },
        link: `/documents/${r.document_id}?round=${r.id}`,
        // Keyed by the deadline too: an extended round gets a new reminder.
        dedupeKey: `round_closing:${r.id}:${r.closes_at}`,
      }),
    )
  }
  return written
}

/** Starts the sweep every minute; returns a function that stops it. */
export function startRoundClosingSweep(
  handle: DbHandle,
  log: { error: (obj: object, msg: string) => void },
): () => void {
  const tick = () =>
    sweepClosingRounds(handle).catch((err) => log.error({ err }, 'round-closing sweep failed'))
  const timer = setInterval(tick, 60_000)
  timer.unref()
  void tick()
  return () => clearInterval(timer)
}
