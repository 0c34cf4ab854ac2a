/** Reading notification preferences: per user and kind, immediate unless chosen otherwise. */
import {
  DEFAULT_MAIL_MODE,
  type MailMode,
  NOTIFICATION_KINDS,
  type NotificationKind,
} from '@core/api/notifications.js'
import type { Queryable } from '../context.js'

/** Each user's mode for one kind (users who chose nothing get the default). */
export async function mailModesOf(
  db: Queryable,
  userIds: string[],
  kind: string,
): Promise<Map<string, MailMode>> {
  const modes = new Map<string, MailMode>(userIds.map((id) => [id, DEFAULT_MAIL_MODE]))
  for (let i = 0; i < userIds.length; i += 500) {
    const rows = await db
      .selectFrom('notification_preferences')
      .select(['user_id', 'mode'])
      .where('kind', '=', kind)
      .where('user_id', 'in', userIds.slice(i, i + 500))
      .execute()
    for (const r of rows) modes.set(r.user_id, r.mode)
  }
  return modes
}

/** Every kind with the user's mode. */
export async function preferencesOf(
  db: Queryable,
  userId: string,
): Promise<Record<NotificationKind, MailMode>> {
  const rows = await db
    .selectFrom('notification_preferences')
    .select(['kind', 'mode'])
    .where('user_id', '=', userId)
    .execute()
  const chosen = new Map(rows.map((r) => [r.kind, r.mode]))
  return Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, chosen.get(k) ?? DEFAULT_MAIL_MODE])) as Record<
    NotificationKind,
    MailMode
  >
}

/** True when the user gets at least one kind in the daily digest. */
export async function hasDigestKinds(db: Queryable, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('notification_preferences')
    .select('kind')
    .where('user_id', '=', userId)
    .where('mode', '=', 'digest')
    .executeTakeFirst()
  return !!row
}

/** An address a mail can be sent to (accounts may exist without one). */
export function mailable(email: string | null | undefined): email is string {
  return !!email && /^[^\s@]+@[^\s@]+$/.test(email)
}
