/**
 * The 'mail.deliver' job: sends the pending mails of the outbox outside any transaction
 * (each first leased with one conditional update, so deliveries running on two nodes at once
 * never take the same mail), then marks each sent (with its Message-ID) or to be tried again
 * in the job's transaction. A mail the server refuses is tried again later (1, 5, 30
 * minutes, 2 hours) and then marked failed with the error.
 */
import type { CommandContext, Queryable } from '../context.js'
import { inTransaction } from '../context.js'
import type { DbHandle } from '../db/index.js'
import type { MailOutboxRow } from '../db/types.js'
import { nowIso } from '../ids.js'
import { deliverySoon } from '../mail/outbox.js'
import { mailSettings } from '../mail/settings.js'
import { isConnectionFailure, sendOutboxMail } from '../mail/transport.js'
import type { JobHandler } from './queue.js'

/** Mails sent per run; a fuller outbox schedules another run at once. */
export const DELIVERY_BATCH = 25
/** Attempts before a mail is marked failed. */
export const MAIL_MAX_ATTEMPTS = 5
const RETRY_AFTER_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000]

/** How long a mail taken for sending is not due for anyone else (a node that dies mid-send). */
export const MAIL_LEASE_MS = 10 * 60_000

interface Attempt {
  row: MailOutboxRow
  /** Sent, with its Message-ID; or refused / unreachable, with the error. */
  outcome: { sent: true; messageId: string } | { sent: false; error: string }
}

interface Delivery {
  attempts: Attempt[]
  /** The batch was full: more mails may be waiting. */
  full: boolean
}

/**
 * Sends what is due, outside any transaction (a slow or unreachable SMTP server must not
 * hold a database connection — on SQLite the only one). Each mail is first leased with one
 * conditional update (its next attempt moved past the lease), so two nodes never send the
 * same mail; a node that dies after sending leaves the mail to be sent again, with the same
 * Message-ID, once the lease runs out.
 */
export async function mailSender(db: Queryable): Promise<Delivery> {
  const settings = mailSettings()
  const now = nowIso()
  const due = await db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
    .orderBy('created_at')
    .orderBy('id')
    .limit(DELIVERY_BATCH)
    .execute()
  const attempts: Attempt[] = []
  for (const row of due) {
    const lease = await db
      .updateTable('mail_outbox')
      .set({ next_attempt_at: new Date(Date.now() + MAIL_LEASE_MS).toISOString() })
      .where('id', '=', row.id)
      .where('status', '=', 'pending')
      .where((eb) =>
        row.next_attempt_at === null
          ? eb('next_attempt_at', 'is', null)
          : eb('next_attempt_at', '=', row.next_attempt_at),
      )
      .executeTakeFirst()
    if (Number(lease.numUpdatedRows) !== 1) continue // another node took it
    try {
      const info = await sendOutboxMail(row, settings)
      attempts.push({ row, outcome: { sent: true, messageId: info.messageId } })
    } catch (err) {
      attempts.push({ row, outcome: { sent: false, error: String((err as Error)?.message ?? err) } })
      // The server cannot be reached: the other mails wait for the next run.
      if (isConnectionFailure(err)) return { attempts, full: false }
    }
  }
  return { attempts, full: due.length === DELIVERY_BATCH }
}

/** Records what the sending did, in the job's transaction; returns how many mails were sent. */
export async function mailDeliveryRecorder(ctx: CommandContext, delivery: Delivery): Promise<number> {
  let sent = 0
  for (const { row, outcome } of delivery.attempts) {
    const attempts = row.attempts + 1
    if (outcome.sent) {
      await ctx.trx
        .updateTable('mail_outbox')
        .set({
          status: 'sent',
          message_id: outcome.messageId,
          sent_at: nowIso(),
          error: null,
          attempts,
          next_attempt_at: null,
        })
        .where('id', '=', row.id)
        .execute()
      sent++
      continue
    }
    const last = attempts >= MAIL_MAX_ATTEMPTS
    const retryAfter = RETRY_AFTER_MS[Math.min(attempts - 1, RETRY_AFTER_MS.length - 1)]!
    await ctx.trx
      .updateTable('mail_outbox')
      .set({
        status: last ? 'failed' : 'pending',
        error: outcome.error.slice(0, 2000),
        attempts,
        next_attempt_at: last ? null : new Date(Date.now() + retryAfter).toISOString(),
      })
      .where('id', '=', row.id)
      .execute()
  }
  if (delivery.full) await deliverySoon(ctx)
  return sent
}

/** The 'mail.deliver' job: send outside the transaction, record inside it. */
export const mailDeliverJob: JobHandler = {
  prepare: (db) => mailSender(db),
  run: async (ctx, _payload, _job, prepared) => void (await mailDeliveryRecorder(ctx, prepared as Delivery)),
}

/** Sends what is due and records it (tests and one-off runs); returns how many were sent. */
export async function mailDeliverer(handle: DbHandle): Promise<number> {
  const delivery = await mailSender(handle.db)
  return inTransaction(handle, null, 'mail-deliver', (ctx) => mailDeliveryRecorder(ctx, delivery))
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
