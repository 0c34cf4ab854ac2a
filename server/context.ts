/**
 * What every command receives: the transaction to write in, the dialect (for the few
 * places where SQL differs), who acts, and the request it serves (for the audit trail).
 */

import type { Role } from '@core/domain/roles.js'
import type { Transaction } from 'kysely'
import type { Db, DbHandle, DialectName } from './db/index.js'
import type { Database } from './db/types.js'
import { nowIso } from './ids.js'

/** The signed-in user as policies and commands see them. */
export interface CurrentUser {
  id: string
  email: string
  displayName: string
  locale: 'ru' | 'en'
  partyId: string | null
  secretariatOrgId: string | null
  roles: Role[]
  version: number
}

export interface CommandContext {
  trx: Transaction<Database>
  dialect: DialectName
  /** Null when the system acts (CLI, demo loader, jobs). */
  actor: CurrentUser | null
  requestId: string | null
  /**
   * The time the change takes effect in the domain (created_at, published_at...). Real
   * time, except where the demo replays the 2020 story; audit entries always record real time.
   */
  clock: () => string
}

/**
 * Runs `fn` in one transaction: every write of a command and its audit entry commit
 * together or not at all.
 */
export async function inTransaction<T>(
  handle: DbHandle,
  actor: CurrentUser | null,
  requestId: string | null,
  fn: (ctx: CommandContext) => Promise<T>,
  clock: () => string = nowIso,
): Promise<T> {
  return handle.db
    .transaction()
    .execute((trx) => fn({ trx, dialect: handle.dialect, actor, requestId, clock }))
}

export type Queryable = Db | Transaction<Database>
