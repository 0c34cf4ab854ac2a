/**
 * Notifications: written in the same transaction as the change they announce, in the
 * in-app inbox and — according to each recipient's preference for the kind — as a mail in
 * the outbox (immediate), kept for the daily digest (digest) or not mailed (off). A
 * `dedupeKey` makes a notice idempotent (a reminder job run on two nodes at once, or run
 * again after a crash: the unique key lets exactly one insert win, and only the winner's
 * mail is written).
 */
import type { NotificationDTO } from '@core/api/contributions.js'
import type { MailMode } from '@core/api/notifications.js'
import type { CommandContext, Queryable } from '../context.js'
import { newId } from '../ids.js'
import { digestScheduler, type NewMail, outboxWriter } from '../mail/outbox.js'
import { mailable, mailModesOf } from '../mail/preferences.js'
import { renderNoticeMail } from '../mail/render.js'
import { mailSettings } from '../mail/settings.js'

export interface Notice {
  kind: NotificationDTO['kind']
  params: NotificationDTO['params']
  link: string
  /** Per-recipient key; the recipient's id is appended. */
  dedupeKey?: string
  /** Attached to the e-mail carrying the notice (e.g. an .ics invitation). */
  attachment?: { filename: string; contentType: string; content: string }
}

/** Users of the given parties (delegates), and optionally the secretariat of an organization. */
export async function recipientsOf(
  db: Queryable,
  partyIds: string[],
  secretariatOrgId?: string,
): Promise<string[]> {
  const ids = new Set<string>()
  if (partyIds.length) {
    const rows = await db
      .selectFrom('users')
      .select('id')
      .where('party_id', 'in', partyIds)
      .where('disabled', '=', 0)
      .execute()
    for (const r of rows) ids.add(r.id)
  }
  if (secretariatOrgId) {
    const rows = await db
      .selectFrom('users')
      .select('id')
      .where('secretariat_org_id', '=', secretariatOrgId)
      .where('disabled', '=', 0)
      .execute()
    for (const r of rows) ids.add(r.id)
  }
  return [...ids]
}

interface Recipient {
  id: string
  email: string
  display_name: string
  locale: 'ru' | 'en'
  disabled: number
}

async function recipientRows(db: Queryable, userIds: string[]): Promise<Map<string, Recipient>> {
  const out = new Map<string, Recipient>()
  for (let i = 0; i < userIds.length; i += 500) {
    const rows = await db
      .selectFrom('users')
      .select(['id', 'email', 'display_name', 'locale', 'disabled'])
      .where('id', 'in', userIds.slice(i, i + 500))
      .execute()
    for (const r of rows) out.set(r.id, r)
  }
  return out
}

/**
 * Sends one notice to each user (in-app, and by mail as each prefers); returns how many
 * notices were written (duplicates are skipped, and get no mail).
 */
export async function notifier(ctx: CommandContext, userIds: string[], notice: Notice): Promise<number> {
  const unique = [...new Set(userIds)]
  if (unique.length === 0) return 0
  const now = ctx.clock()
  const users = await recipientRows(ctx.trx, unique)
  const modes = await mailModesOf(ctx.trx, unique, notice.kind)
  const modeOf = (userId: string): MailMode | null => {
    const u = users.get(userId)
    return u && !u.disabled && mailable(u.email) ? (modes.get(userId) ?? 'immediate') : null
  }
  const rows = unique.map((userId) => ({
    id: newId(),
    user_id: userId,
    kind: notice.kind,
    params: JSON.stringify(notice.params),
    link: notice.link,
    dedupe_key: notice.dedupeKey ? `${notice.dedupeKey}:${userId}` : null,
    read_at: null,
    created_at: now,
    mail_mode: modeOf(userId),
    digested_at: null,
  }))
  const written: { id: string; user_id: string; mail_mode: MailMode | null }[] = []
  for (let i = 0; i < rows.length; i += 100) {
    const inserted = await ctx.trx
      .insertInto('notifications')
      .values(rows.slice(i, i + 100))
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning(['id', 'user_id', 'mail_mode'])
      .execute()
    written.push(...inserted)
  }

  const settings = mailSettings()
  const mails: NewMail[] = []
  for (const n of written) {
    const user = users.get(n.user_id)
    if (!user) continue
    if (n.mail_mode === 'digest') await digestScheduler(ctx, user.id)
    if (n.mail_mode !== 'immediate') continue
    const rendered = renderNoticeMail(
      { kind: notice.kind, params: notice.params, link: notice.link, attachment: notice.attachment },
      { displayName: user.display_name, locale: user.locale },
      settings,
    )
    mails.push({
      userId: user.id,
      to: user.email,
      language: user.locale,
      kind: notice.kind,
      ...rendered,
      attachment: notice.attachment ?? null,
      dedupeKey: `notice:${n.id}`,
    })
  }
  await outboxWriter(ctx, mails)
  return written.length
}
