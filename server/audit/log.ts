/**
 * The audit trail: one entry per write, appended in the same transaction as the write.
 * Entries form a hash chain (each entry's hash covers the previous one's), so that a
 * later issue can add signed checkpoints and a Merkle tree without changing the table;
 * `verifyChain` already detects an edited, removed or reordered entry.
 */

import { canonicalHash, canonicalJson } from '@core/text/canonical.js'
import { sha256Hex } from '@core/text/sha256.js'
import { sql } from 'kysely'
import type { CommandContext, Queryable } from '../context.js'
import type { AuditEntryRow } from '../db/types.js'
import { nowIso } from '../ids.js'

export const GENESIS_HASH = '0'.repeat(64)
/** Advisory lock key serialising appends on PostgreSQL (SQLite serialises writers itself). */
const AUDIT_LOCK_KEY = 727274

export interface AuditInput {
  action: string
  subjectType: string
  subjectId: string
  organizationId?: string | null
  dossierId?: string | null
  /** What changed: hashed into `digest`, kept in `change` for the reader. */
  change: Record<string, unknown>
}

function entryHash(prevHash: string, e: Omit<AuditEntryRow, 'entry_hash' | 'change' | 'prev_hash'>): string {
  const body = canonicalJson({
    seq: e.seq,
    at: e.at,
    actor_user_id: e.actor_user_id,
    actor_party_id: e.actor_party_id,
    organization_id: e.organization_id,
    dossier_id: e.dossier_id,
    action: e.action,
    subject_type: e.subject_type,
    subject_id: e.subject_id,
    digest: e.digest,
    request_id: e.request_id,
  })
  return sha256Hex(`${prevHash}\n${body}`)
}

/** Appends an audit entry in the command's transaction. */
export async function appendAudit(ctx: CommandContext, input: AuditInput): Promise<AuditEntryRow> {
  if (ctx.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(ctx.trx)
  const last = await ctx.trx
    .selectFrom('audit_entries')
    .select(['seq', 'entry_hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
  const seq = (last?.seq ?? 0) + 1
  const prevHash = last?.entry_hash ?? GENESIS_HASH
  const base = {
    seq,
    at: nowIso(),
    actor_user_id: ctx.actor?.id ?? null,
    actor_party_id: ctx.actor?.partyId ?? null,
    organization_id: input.organizationId ?? null,
    dossier_id: input.dossierId ?? null,
    action: input.action,
    subject_type: input.subjectType,
    subject_id: input.subjectId,
    digest: canonicalHash(input.change),
    request_id: ctx.requestId,
  }
  const row: AuditEntryRow = {
    ...base,
    change: canonicalJson(input.change),
    prev_hash: prevHash,
    entry_hash: entryHash(prevHash, base),
  }
  await ctx.trx.insertInto('audit_entries').values(row).execute()
  return row
}

export interface ChainReport {
  ok: boolean
  entries: number
  /** The first entry that does not verify, if any. */
  brokenAt: number | null
}

/** Walks the whole chain and checks every link and every digest. */
export async function verifyChain(db: Queryable): Promise<ChainReport> {
  const rows = await db.selectFrom('audit_entries').selectAll().orderBy('seq').execute()
  let prev = GENESIS_HASH
  let expectedSeq = 1
  for (const row of rows) {
    const digestOk = canonicalHash(JSON.parse(row.change)) === row.digest
    const linkOk = row.prev_hash === prev && row.seq === expectedSeq
    if (!digestOk || !linkOk || entryHash(prev, row) !== row.entry_hash) {
      return { ok: false, entries: rows.length, brokenAt: row.seq }
    }
    prev = row.entry_hash
    expectedSeq++
  }
  return { ok: true, entries: rows.length, brokenAt: null }
}
