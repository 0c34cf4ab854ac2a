/**
 * The 'mail.deliver' job: sends the pending mails of the outbox and marks each sent (with
 * its Message-ID) in the job's own transaction, so a mail is marked sent exactly when the
 * job completes. Rows are claimed with FOR UPDATE SKIP LOCKED on PostgreSQL: deliveries
 * running on two nodes at once never take the same mail. A mail the server refuses is
 * tried again later (1, 5, 30 minutes, 2 hours) and then marked failed with the error.
 */
import { sql } from 'kysely'
import type { CommandContext } from '../context.js'
import { inTransaction } from '../context.js'
import type { DbHandle } from '../db/index.js'
import { nowIso } from '../ids.js'
import { deliverySoon } from '../mail/outbox.js'
import { mailSettings } from '../mail/settings.js'
import { isConnectionFailure, sendOutboxMail } from '../mail/transport.js'

/** Mails sent per run; a fuller outbox schedules another run at once. */
export const DELIVERY_BATCH = 25
/** Attempts before a mail is marked failed. */
export const MAIL_MAX_ATTEMPTS = 5
const RETRY_AFTER_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000]

/** Sends what is due; returns how many mails were sent. */
export async function mailDeliverer(ctx: CommandContext): Promise<number> {
  const settings = mailSettings()
  const now = nowIso()
  let q = ctx.trx
    .selectFrom('mail_outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
    .orderBy('created_at')
    .orderBy('id')
    .limit(DELIVERY_BATCH)
  if (ctx.dialect === 'postgres') q = q.modifyEnd(sql`for update skip locked`)
  const due = await q.execute()
  let sent = 0
  for (const row of due) {
    try {
      const info = await sendOutboxMail(row, settings)
      await ctx.trx
        .updateTable('mail_outbox')
        .set({
          status: 'sent',
          message_id: info.messageId,
          sent_at: nowIso(),
          error: null,
          attempts: row.attempts + 1,
          next_attempt_at: null,
        })
        .where('id', '=', row.id)
        .execute()
      sent++
    } catch (err) {
      const attempts = row.attempts + 1
      const last = attempts >= MAIL_MAX_ATTEMPTS
      const retryAfter = RETRY_AFTER_MS[Math.min(attempts - 1, RETRY_AFTER_MS.length - 1)]!
      await ctx.trx
        .updateTable('mail_outbox')
        .set({
          status: last ? 'failed' : 'pending',
          error: String((err as Error)?.message ?? err).slice(0, 2000),
          attempts,
          next_attempt_at: last ? null : new Date(Date.now() + retryAfter).toISOString(),
        })
        .where('id', '=', row.id)
        .execute()
      // The server cannot be reached: the other mails wait for the next run.
      if (isConnectionFailure(err)) return sent
    }
  }
  if (due.length === DELIVERY_BATCH) await deliverySoon(ctx)
  return sent
}

/**
 * Every `intervalMs`, schedules a delivery when mails are waiting (those whose retry time
 * has come, or whose delivery job was missed); returns a function that stops it.
 */
export function startMailSweep(
  handle: DbHandle,
  log: { error: (obj: object, msg: string) => void },
  intervalMs = 60_000,
): () => void {
  const tick = async () => {
    try {
      const now = nowIso()
      const waiting = await handle.db
        .selectFrom('mail_outbox')
        .select('id')
        .where('status', '=', 'pending')
        .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
        .limit(1)
        .executeTakeFirst()
      if (waiting) await inTransaction(handle, null, 'mail-sweep', (ctx) => deliverySoon(ctx))
    } catch (err) {
      log.error({ err }, 'mail sweep failed')
    }
  }
  const timer = setInterval(() => void tick(), intervalMs)
  timer.unref()
  void tick()
  return () => clearInterval(timer)
}
