/** Commands on a user's notification preferences (how each kind of notice reaches their mailbox). */
import type { MailMode, NotificationKind } from '@core/api/notifications.js'
import { appendAudit } from '../audit/log.js'
import type { CommandContext, CurrentUser } from '../context.js'
import { digestScheduler } from '../mail/outbox.js'
import { hasDigestKinds } from '../mail/preferences.js'

export interface NotificationPreferencesSetterProps {
  ctx: CommandContext
  /** Whose preferences: only ever the signed-in user's own. */
  user: CurrentUser
  /** The kinds to change and their new mode; kinds not named keep theirs. */
  modes: Partial<Record<NotificationKind, MailMode>>
}

/**
 * Sets the user's mode per kind, with its audit entry; a user who now has digest kinds gets
 * their daily digest scheduled (08:00 UTC).
 */
export async function notificationPreferencesSetter({
  ctx,
  user,
  modes,
}: NotificationPreferencesSetterProps): Promise<void> {
  const entries = Object.entries(modes) as [NotificationKind, MailMode][]
  for (const [kind, mode] of entries) {
    await ctx.trx
      .insertInto('notification_preferences')
      .values({ user_id: user.id, kind, mode })
      .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ mode }))
      .execute()
  }
  await appendAudit(ctx, {
    action: 'user.notification_preferences',
    subjectType: 'user',
    subjectId: user.id,
    change: { modes },
  })
  if (await hasDigestKinds(ctx.trx, user.id)) await digestScheduler(ctx, user.id)
}
