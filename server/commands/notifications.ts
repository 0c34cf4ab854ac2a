/**
 * In-app notifications: written in the same transaction as the change they announce.
 * A `dedupeKey` makes a notice idempotent (the "round closing" sweep may run on several
 * nodes at once: the unique key lets exactly one insert win).
 */
import type { NotificationDTO } from '@core/api/contributions.js'
import type { CommandContext, Queryable } from '../context.js'
import { newId } from '../ids.js'

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

/** Sends one notice to each user; returns how many were written (duplicates are skipped). */
export async function notifier(ctx: CommandContext, userIds: string[], notice: Notice): Promise<number> {
  if (userIds.length === 0) return 0
  const now = ctx.clock()
  const rows = userIds.map((userId) => ({
    id: newId(),
    user_id: userId,
    kind: notice.kind,
    params: JSON.stringify(notice.params),
    link: notice.link,
    dedupe_key: notice.dedupeKey ? `${notice.dedupeKey}:${userId}` : null,
    read_at: null,
    created_at: now,
  }))
  let written = 0
  for (let i = 0; i < rows.length; i += 100) {
    const result = await ctx.trx
      .insertInto('notifications')
      .values(rows.slice(i, i + 100))
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .executeTakeFirst()
    written += Number(result.numInsertedOrUpdatedRows ?? 0)
  }
  return written
}
