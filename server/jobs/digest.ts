/**
 * The 'mail.digest' job: once a day at 08:00 UTC, per user who has digest kinds, one mail
 * gathering the digest-mode notices written since the previous digest (each notice goes
 * out in exactly one digest: it is marked `digested_at` in the job's transaction, and on
 * PostgreSQL claimed with FOR UPDATE SKIP LOCKED). Schedules the next day's run while the
 * user still has digest kinds.
 */
import { sql } from 'kysely'
import type { CommandContext } from '../context.js'
import type { JobRow } from '../db/types.js'
import { nowIso } from '../ids.js'
import { digestScheduler, outboxWriter } from '../mail/outbox.js'
import { hasDigestKinds, mailable } from '../mail/preferences.js'
import { renderDigestMail } from '../mail/render.js'
import { mailSettings } from '../mail/settings.js'

/** Sends the user's digest; returns how many notices it carried (0: no mail). */
export async function digestSender(
  ctx: CommandContext,
  payload: { userId?: unknown; date?: unknown },
  job?: Pick<JobRow, 'run_at'>,
): Promise<number> {
  const userId = typeof payload.userId === 'string' ? payload.userId : ''
  const date = typeof payload.date === 'string' ? payload.date : nowIso().slice(0, 10)
  const user = await ctx.trx
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'locale', 'disabled'])
    .where('id', '=', userId)
    .executeTakeFirst()
  if (!user) return 0
  let q = ctx.trx
    .selectFrom('notifications')
    .select(['id', 'kind', 'params', 'link', 'created_at'])
    .where('user_id', '=', user.id)
    .where('mail_mode', '=', 'digest')
    .where('digested_at', 'is', null)
    .orderBy('id')
    .limit(500)
  if (ctx.dialect === 'postgres') q = q.modifyEnd(sql`for update skip locked`)
  const notices = await q.execute()
  let carried = 0
  if (notices.length > 0 && !user.disabled && mailable(user.email)) {
    const rendered = renderDigestMail(
      notices.map((n) => ({
        kind: n.kind,
        params: JSON.parse(n.params),
        link: n.link,
        createdAt: n.created_at,
      })),
      { displayName: user.display_name, locale: user.locale },
      date,
      mailSettings(),
    )
    const written = await outboxWriter(ctx, [
      {
        userId: user.id,
        to: user.email,
        language: user.locale,
        kind: 'digest',
        ...rendered,
        attachment: null,
        dedupeKey: `digest:${user.id}:${date}`,
      },
    ])
    if (written.length > 0) carried = notices.length
  }
  if (notices.length > 0 && (carried > 0 || user.disabled || !mailable(user.email))) {
    await ctx.trx
      .updateTable('notifications')
      .set({ digested_at: nowIso() })
      .where(
        'id',
        'in',
        notices.map((n) => n.id),
      )
      .execute()
  }
  if (!user.disabled && (await hasDigestKinds(ctx.trx, user.id))) {
    // After this run's time (tests run the queue at chosen times) and never in the past.
    const ranAt = job ? Date.parse(job.run_at) : 0
    await digestScheduler(ctx, user.id, Math.max(ranAt, Date.now()))
  }
  return carried
}
