import { roundOpener, roundUpdater } from '@server/commands/rounds.js'
import { inTransaction } from '@server/context.js'
import type { CommentRoundRow } from '@server/db/types.js'
import { participantsOf } from '@server/repositories/dossiers.js'
import { createTestDb, type TestDb } from '@test/support/db.js'
import { buildDossier, buildUser, type DossierWorld } from '@test/support/factories.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type JobHandler, runDueJobs } from './queue.js'
import { CLOSING_NOTICE_MS, ROUND_CLOSING_JOB, roundClosingReminder } from './round-closing.js'

let t: TestDb
beforeAll(async () => {
  t = await createTestDb()
})
afterAll(() => t.destroy())

/** Only the reminder: the mails the notices produce are another test's business. */
const REMINDERS: Record<string, JobHandler> = {
  [ROUND_CLOSING_JOB]: async (ctx, payload) => void (await roundClosingReminder(ctx, payload)),
}
const HOUR = 3600_000

async function openRound(w: DossierWorld, opensAt: number, closesAt: number): Promise<CommentRoundRow> {
  const participants = await participantsOf(t.handle.db, [w.dossier.id])
  return inTransaction(t.handle, null, 'test', (ctx) =>
    roundOpener({
      ctx,
      dossier: w.dossier,
      document: w.document,
      participants,
      input: {
        versionId: w.published.id,
        opensAt: new Date(opensAt).toISOString(),
        closesAt: new Date(closesAt).toISOString(),
        timezone: 'Asia/Dushanbe',
      },
    }),
  )
}

const reminderJob = (roundId: string) =>
  t.handle.db
    .selectFrom('jobs')
    .select(['id', 'run_at', 'status'])
    .where('key', '=', `round-closing:${roundId}`)
    .executeTakeFirstOrThrow()

/** Parties are shared across organizations: every user of the party is a delegate. */
const delegatesOf = async (w: DossierWorld, code: string) =>
  (await t.handle.db.selectFrom('users').select('id').where('party_id', '=', w.parties[code]!.id).execute())
    .length

const reminders = (roundId: string) =>
  t.handle.db
    .selectFrom('notifications')
    .select(['user_id', 'dedupe_key'])
    .where('kind', '=', 'round_closing')
    .where('link', 'like', `%round=${roundId}`)
    .execute()

describe('the "round closing" reminder, a durable job', () => {
  it('is scheduled when the round opens, runs 24 hours before the deadline and reaches every delegate once', async () => {
    const w = await buildDossier(t.handle, { participants: ['TJK', 'ARM'] })
    const tjk = await buildUser(t.handle, w, 'head_of_delegation', 'TJK')
    const arm = await buildUser(t.handle, w, 'expert', 'ARM')
    await buildUser(t.handle, w, 'head_of_delegation', 'RUS') // not taking part
    const now = Date.now()
    const closesAt = now + 3 * 24 * HOUR
    const round = await openRound(w, now - HOUR, closesAt)
    const job = await reminderJob(round.id)
    expect(job).toMatchObject({
      status: 'pending',
      run_at: new Date(closesAt - CLOSING_NOTICE_MS).toISOString(),
    })

    expect(await runDueJobs(t.handle, REMINDERS, now)).toBe(0)
    expect(await reminders(round.id)).toHaveLength(0)

    // Two workers at the due time: the job runs once, each delegate gets one notice.
    const due = closesAt - CLOSING_NOTICE_MS + 60_000
    const [a, b] = await Promise.all([
      runDueJobs(t.handle, REMINDERS, due),
      runDueJobs(t.handle, REMINDERS, due),
    ])
    expect(a + b).toBe(1)
    const sent = await reminders(round.id)
    const users = sent.map((n) => n.user_id)
    expect(users).toContain(tjk.id)
    expect(users).toContain(arm.id)
    expect(new Set(users).size).toBe(users.length)
    expect(users).toHaveLength((await delegatesOf(w, 'TJK')) + (await delegatesOf(w, 'ARM')))
    expect((await reminderJob(round.id)).status).toBe('done')
  })

  it('follows the deadline when the round is extended, and reminds again for the new deadline', async () => {
    const w = await buildDossier(t.handle, { participants: ['TJK'] })
    await buildUser(t.handle, w, 'head_of_delegation', 'TJK')
    const now = Date.now()
    let round = await openRound(w, now - HOUR, now + 2 * 24 * HOUR)
    const first = await reminderJob(round.id)

    // Extended while the reminder is pending: the same job moves.
    const later = now + 4 * 24 * HOUR
    round = await inTransaction(t.handle, null, 'test', (ctx) =>
      roundUpdater({
        ctx,
        dossier: w.dossier,
        round,
        input: { version: round.version, closesAt: new Date(later).toISOString() },
      }),
    )
    const moved = await reminderJob(round.id)
    expect(moved.id).toBe(first.id)
    expect(moved.run_at).toBe(new Date(later - CLOSING_NOTICE_MS).toISOString())
    // Nothing at the old time.
    expect(await runDueJobs(t.handle, REMINDERS, now + 24 * HOUR + 60_000)).toBe(0)
    await runDueJobs(t.handle, REMINDERS, later - CLOSING_NOTICE_MS + 60_000)
    const delegates = await delegatesOf(w, 'TJK')
    expect(await reminders(round.id)).toHaveLength(delegates)

    // Extended again after the reminder went out: a new reminder for the new deadline.
    const latest = later + 2 * 24 * HOUR
    round = await inTransaction(t.handle, null, 'test', (ctx) =>
      roundUpdater({
        ctx,
        dossier: w.dossier,
        round,
        input: { version: round.version, closesAt: new Date(latest).toISOString() },
      }),
    )
    const again = await reminderJob(round.id)
    expect(again.id).not.toBe(first.id)
    await runDueJobs(t.handle, REMINDERS, latest - CLOSING_NOTICE_MS + 60_000)
    const all = await reminders(round.id)
    expect(all).toHaveLength(2 * delegates)
    expect(new Set(all.map((n) => n.dedupe_key)).size).toBe(2 * delegates)
  })

  it('goes out at the opening when a round is shorter than a day, and never for a round already closed', async () => {
    const w = await buildDossier(t.handle, { participants: ['ARM'] })
    await buildUser(t.handle, w, 'head_of_delegation', 'ARM')
    const now = Date.now()
    const short = await openRound(w, now + 2 * HOUR, now + 10 * HOUR)
    expect((await reminderJob(short.id)).run_at).toBe(new Date(now + 2 * HOUR).toISOString())

    const past = await openRound(w, now - 5 * 24 * HOUR, now - 3 * 24 * HOUR)
    await runDueJobs(t.handle, REMINDERS, now)
    expect((await reminderJob(past.id)).status).toBe('done')
    expect(await reminders(past.id)).toHaveLength(0)
  })
})
