/**
 * The mail outbox: mails are rows written in the transaction of the change they announce
 * (so a mail exists exactly when its notice does), and a durable job delivers them.
 * Digest-mode notices wait for the user's daily digest job.
 */
import { DIGEST_HOUR_UTC } from '@core/api/notifications.js'
import type { CommandContext } from '../context.js'
import { newId, nowIso } from '../ids.js'
import { enqueue } from '../jobs/queue.js'

/** Job kinds of this module. */
export const MAIL_DELIVER_JOB = 'mail.deliver'
export const MAIL_DIGEST_JOB = 'mail.digest'

export interface NewMail {
  userId: string | null
  to: string
  language: string
  /** The notice kind, or 'digest'. */
  kind: string
  subject: string
  text: string
  html: string | null
  attachment: { filename: string; contentType: string; content: string } | null
  /** Unique: the same mail is never queued twice. */
  dedupeKey: string
}

/** Asks for a delivery run now (one pending delivery job at a time, by key). */
export async function deliverySoon(ctx: CommandContext): Promise<void> {
  await enqueue(ctx, MAIL_DELIVER_JOB, nowIso(), {}, MAIL_DELIVER_JOB)
}

/** Queues mails in the caller's transaction; returns the ids of those written. */
export async function outboxWriter(ctx: CommandContext, mails: NewMail[]): Promise<string[]> {
  if (mails.length === 0) return []
  // Real time, not the domain clock: a mail is produced now, whatever date the demo replays.
  const created = nowIso()
  const written: string[] = []
  for (let i = 0; i < mails.length; i += 100) {
    const rows = await ctx.trx
      .insertInto('mail_outbox')
      .values(
        mails.slice(i, i + 100).map((m) => ({
          id: newId(),
          user_id: m.userId,
          to_address: m.to,
          language: m.language,
          kind: m.kind,
          subject: m.subject,
          text: m.text,
          html: m.html,
          attachment: m.attachment ? JSON.stringify(m.attachment) : null,
          status: 'pending' as const,
          message_id: null,
          error: null,
          dedupe_key: m.dedupeKey,
          created_at: created,
          sent_at: null,
          attempts: 0,
          next_attempt_at: null,
        })),
      )
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .execute()
    written.push(...rows.map((r) => r.id))
  }
  if (written.length > 0) await deliverySoon(ctx)
  return written
}

/** The next digest time strictly after `afterMs`: 08:00 UTC, and its date (the job's key). */
export function nextDigestAt(afterMs: number): { runAt: string; date: string } {
  const d = new Date(afterMs)
  let at = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), DIGEST_HOUR_UTC)
  if (at <= afterMs) at += 24 * 3600_000
  const runAt = new Date(at).toISOString()
  return { runAt, date: runAt.slice(0, 10) }
}

/** Schedules the user's next daily digest (idempotent: one job per user and date). */
export async function digestScheduler(
  ctx: CommandContext,
  userId: string,
  afterMs = Date.now(),
): Promise<void> {
  const { runAt, date } = nextDigestAt(afterMs)
  await enqueue(ctx, MAIL_DIGEST_JOB, runAt, { userId, date }, `digest:${userId}:${date}`)
}
