/**
 * Optimistic concurrency: every mutable row has `version`; an update names the version it
 * read, and loses (409 version_changed with the current version) if someone wrote first.
 */
import type { Transaction } from 'kysely'
import type { Database } from '../db/types.js'
import { versionChanged } from '../errors.js'

type Versioned =
  | 'dossiers'
  | 'documents'
  | 'versions'
  | 'users'
  | 'organizations'
  | 'comment_rounds'
  | 'contributions'
  | 'domestic_approvals'
  | 'procedure_templates'
  | 'meetings'
  | 'meeting_participants'
  | 'agenda_items'
  | 'minutes'
  | 'adoptions'
  | 'news_items'
  | 'feed_subscriptions'

/** Updates one row if its version is still `expected`; bumps the version; throws 409 otherwise. */
export async function updateVersioned(
  trx: Transaction<Database>,
  table: Versioned,
  id: string,
  expected: number,
  set: Record<string, unknown>,
): Promise<number> {
  const next = expected + 1
  const result = await (trx as Transaction<any>)
    .updateTable(table)
    .set({ ...set, version: next })
    .where('id', '=', id)
    .where('version', '=', expected)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) {
    const current = await (trx as Transaction<any>)
      .selectFrom(table)
      .select('version')
      .where('id', '=', id)
      .executeTakeFirst()
    throw versionChanged(Number(current?.version ?? 0))
  }
  return next
}
