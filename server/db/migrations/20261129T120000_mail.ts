/**
 * Mail delivery and digests (issue 5, notifications by e-mail). Frozen once landed.
 *
 * - `mail_outbox.attempts` / `next_attempt_at`: a mail the server refused is tried again
 *   later (backoff), and marked failed after the last attempt.
 * - `notifications.mail_mode`: how the notice reached (or will reach) the recipient's
 *   mailbox, decided when it was written from their preference: immediate, digest, off —
 *   null when the recipient has no e-mail address.
 * - `notifications.digested_at`: when a digest-mode notice went out in a daily digest, so
 *   that each such notice is in exactly one digest.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('mail_outbox')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.alterTable('mail_outbox').addColumn('next_attempt_at', 'text').execute()
  await db.schema.alterTable('notifications').addColumn('mail_mode', 'text').execute()
  await db.schema.alterTable('notifications').addColumn('digested_at', 'text').execute()
  await db.schema
    .createIndex('notifications_digest')
    .on('notifications')
    .columns(['user_id', 'mail_mode', 'digested_at'])
    .execute()
}
