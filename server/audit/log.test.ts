import { dossierUpdater } from '@server/commands/dossiers.js'
import { inTransaction } from '@server/context.js'
import { createTestDb, type TestDb } from '@test/support/db.js'
import { buildDossier, type DossierWorld } from '@test/support/factories.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyChain } from './log.js'

let t: TestDb
let w: DossierWorld

beforeAll(async () => {
  t = await createTestDb()
  w = await buildDossier(t.handle)
})
afterAll(() => t.destroy())

describe('the audit trail', () => {
  it('chains every entry to the previous one, and verifies', async () => {
    const report = await verifyChain(t.handle.db)
    expect(report.ok).toBe(true)
    expect(report.entries).toBeGreaterThan(5)
  })

  it('rolls the entry back with the write when the command fails', async () => {
    const before = await verifyChain(t.handle.db)
    await expect(
      inTransaction(t.handle, null, 'test', async (ctx) => {
        await dossierUpdater({ ctx, dossier: w.dossier, input: { version: 1, reference: 'CHANGED' } })
        throw new Error('boom after the write')
      }),
    ).rejects.toThrow('boom')
    const row = await t.handle.db
      .selectFrom('dossiers')
      .select('reference')
      .where('id', '=', w.dossier.id)
      .executeTakeFirstOrThrow()
    expect(row.reference).toBe(w.dossier.reference)
    expect((await verifyChain(t.handle.db)).entries).toBe(before.entries)
  })

  it('detects an edited entry', async () => {
    const victim = await t.handle.db
      .selectFrom('audit_entries')
      .select(['seq', 'change'])
      .where('action', '=', 'dossier.open')
      .executeTakeFirstOrThrow()
    await t.handle.db
      .updateTable('audit_entries')
      .set({ change: '{"reference":"forged"}' })
      .where('seq', '=', victim.seq)
      .execute()
    const report = await verifyChain(t.handle.db)
    expect(report).toMatchObject({ ok: false, brokenAt: victim.seq })
    await t.handle.db
      .updateTable('audit_entries')
      .set({ change: victim.change })
      .where('seq', '=', victim.seq)
      .execute()
    expect((await verifyChain(t.handle.db)).ok).toBe(true)
  })

  it('detects a removed entry', async () => {
    await t.handle.db.deleteFrom('audit_entries').where('seq', '=', 2).execute()
    expect(await verifyChain(t.handle.db)).toMatchObject({ ok: false, brokenAt: 3 })
  })
})
