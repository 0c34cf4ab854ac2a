import { roundOpener } from '@server/commands/rounds.js'
import { inTransaction } from '@server/context.js'
import { participantsOf } from '@server/repositories/dossiers.js'
import { createTestDb, type TestDb } from '@test/support/db.js'
import { buildDossier, buildUser } from '@test/support/factories.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sweepClosingRounds } from './round-closing.js'

let t: TestDb
beforeAll(async () => {
  t = await createTestDb()
})
afterAll(() => t.destroy())

describe('the "round closing" reminder', () => {
  it('reaches every delegate once, even when two nodes sweep at the same time', async () => {
    const w = await buildDossier(t.handle, { participants: ['TJK', 'ARM'] })
    await buildUser(t.handle, w, 'head_of_delegation', 'TJK')
    await buildUser(t.handle, w, 'head_of_delegation', 'ARM')
    await buildUser(t.handle, w, 'head_of_delegation', 'RUS')
    const participants = await participantsOf(t.handle.db, [w.dossier.id])
    const now = Date.now()
    await inTransaction(t.handle, null, 'test', (ctx) =>
      roundOpener({
        ctx,
        dossier: w.dossier,
        document: w.document,
        participants,
        input: {
          versionId: w.published.id,
          opensAt: new Date(now - 3600_000).toISOString(),
          closesAt: new Date(now + 3 * 3600_000).toISOString(),
          timezone: 'Asia/Dushanbe',
        },
      }),
    )
    expect(await sweepClosingRounds(t.handle, now - 48 * 3600_000)).toBe(0)
    const [a, b] = await Promise.all([sweepClosingRounds(t.handle, now), sweepClosingRounds(t.handle, now)])
    expect(a + b).toBe(2)
    expect(await sweepClosingRounds(t.handle, now + 60_000)).toBe(0)
    const rows = await t.handle.db
      .selectFrom('notifications')
      .select(['user_id'])
      .where('kind', '=', 'round_closing')
      .execute()
    expect(new Set(rows.map((r) => r.user_id)).size).toBe(2)
  })
})
