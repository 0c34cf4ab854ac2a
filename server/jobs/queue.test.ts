import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { notifier } from '@server/commands/notifications.js'
import { roundOpener } from '@server/commands/rounds.js'
import { inTransaction } from '@server/context.js'
import { type DbHandle, migrate, openDb } from '@server/db/index.js'
import { MAIL_DELIVER_JOB } from '@server/mail/outbox.js'
import { configureMail } from '@server/mail/settings.js'
import { type SmtpSink, startSmtpSink } from '@server/mail/smtp-sink.js'
import { participantsOf } from '@server/repositories/dossiers.js'
import { createTestDb, TEST_DB, TEST_PG_URL, type TestDb } from '@test/support/db.js'
import { buildDossier, buildOrganization, buildUser } from '@test/support/factories.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { JOB_HANDLERS } from './handlers.js'
import { claimDue, enqueue, runDueJobs } from './queue.js'

let sink: SmtpSink
let outboxDir: string
beforeAll(async () => {
  sink = await startSmtpSink()
  outboxDir = mkdtempSync(path.join(tmpdir(), 'concord-outbox-'))
  configureMail({
    PUBLIC_URL: 'https://concord.example.org',
    MAIL_FROM: 'Concord <no-reply@concord.example.org>',
    SMTP_URL: sink.url,
    MAIL_OUTBOX_DIR: outboxDir,
  })
})
afterAll(async () => {
  await sink.close()
  rmSync(outboxDir, { recursive: true, force: true })
})

/** Runs a node's worker until the queue has stayed empty for a few polls; returns the jobs it ran. */
async function drain(handle: DbHandle, at?: number): Promise<number> {
  let ran = 0
  let idle = 0
  while (idle < 3) {
    const n = await runDueJobs(handle, JOB_HANDLERS, at ?? Date.now())
    ran += n
    idle = n === 0 ? idle + 1 : 0
    await new Promise((r) => setTimeout(r, 5))
  }
  return ran
}

describe('durable jobs', () => {
  it('survive a restart: enqueued, and even claimed by a node that died, they run after reopening', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'concord-restart-'))
    let schema: TestDb | null = null
    const open = (): DbHandle =>
      TEST_DB === 'sqlite'
        ? openDb({ sqlitePath: path.join(dir, 'concord.sqlite') })
        : openDb({ databaseUrl: TEST_PG_URL, pgSchema: schema!.handle.schema!, poolSize: 2 })
    try {
      if (TEST_DB === 'postgres') schema = await createTestDb()
      let handle = open()
      await migrate(handle)
      const world = await buildOrganization(handle)
      const user = await buildUser(handle, world, 'head_of_delegation', 'TJK', 'ru')
      await inTransaction(handle, null, 'test', (ctx) =>
        notifier(ctx, [user.id], {
          kind: 'minutes_approved',
          params: { meeting: { ru: 'Заседание 21 августа 2020 г.', en: 'Meeting of 21 August 2020' } },
          link: '/meetings/m/minutes',
        }),
      )
      // A second job is claimed by a node that then dies (its lock is left behind).
      await inTransaction(handle, null, 'test', (ctx) =>
        enqueue(ctx, MAIL_DELIVER_JOB, new Date(Date.now() - 1000).toISOString(), {}),
      )
      const orphan = await claimDue(handle, Date.now(), 1, ['nothing-yet'])
      expect(orphan.jobs).toHaveLength(0)
      const dying = await claimDue(handle, Date.now(), 2, [MAIL_DELIVER_JOB])
      expect(dying.jobs).toHaveLength(2)
      await handle.close()

      handle = open()
      const mailsBefore = sink.received.length
      // Within the dead node's lock, nothing runs; after it, the jobs run, once.
      expect(await runDueJobs(handle, JOB_HANDLERS, Date.now() + 60_000)).toBe(0)
      expect(await drain(handle, Date.now() + 10 * 60_000)).toBe(2)
      expect(sink.received.length - mailsBefore).toBe(1)
      expect(sink.received.at(-1)!.subject).toBe(
        'Concord — Утверждён протокол заседания: «Заседание 21 августа 2020 г.»',
      )
      const jobs = await handle.db.selectFrom('jobs').select(['status', 'attempts']).execute()
      expect(jobs.every((j) => j.status === 'done')).toBe(true)
      expect(jobs.map((j) => j.attempts)).toEqual([2, 2])
      await handle.close()
    } finally {
      await schema?.destroy()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('schedules one job per key even when two transactions schedule it at the same time', async () => {
    const t = await createTestDb()
    try {
      const at = new Date(Date.now() + 3600_000).toISOString()
      const ids = await Promise.all(
        [0, 1, 2, 3].map((i) =>
          inTransaction(t.handle, null, 'test', (ctx) =>
            enqueue(ctx, 'round.closing', at, { i }, 'same-key'),
          ),
        ),
      )
      expect(new Set(ids).size).toBe(1)
      const rows = await t.handle.db
        .selectFrom('jobs')
        .select(['id', 'run_at'])
        .where('key', '=', 'same-key')
        .execute()
      expect(rows).toEqual([{ id: ids[0], run_at: at }])
    } finally {
      await t.destroy()
    }
  })
})

describe.skipIf(TEST_DB !== 'postgres')('two app nodes on one PostgreSQL database', () => {
  let t: TestDb
  let nodeA: DbHandle
  let nodeB: DbHandle
  beforeAll(async () => {
    t = await createTestDb()
    // Two pools, as two app nodes would have.
    nodeA = openDb({ databaseUrl: TEST_PG_URL, pgSchema: t.handle.schema!, poolSize: 4 })
    nodeB = openDb({ databaseUrl: TEST_PG_URL, pgSchema: t.handle.schema!, poolSize: 4 })
  })
  afterAll(async () => {
    await nodeA.close()
    await nodeB.close()
    await t.destroy()
  })

  it('produce each reminder notice and each mail exactly once when their workers run concurrently', async () => {
    const world = await buildOrganization(t.handle, { members: ['ARM', 'TJK', 'RUS'] })
    for (const code of ['ARM', 'TJK', 'RUS'])
      for (let i = 0; i < 3; i++) await buildUser(t.handle, world, 'expert', code, i % 2 ? 'en' : 'ru')
    const rounds: string[] = []
    const now = Date.now()
    for (let i = 0; i < 8; i++) {
      const w = await buildDossier(t.handle, { world, participants: ['ARM', 'TJK', 'RUS'] })
      const participants = await participantsOf(t.handle.db, [w.dossier.id])
      const round = await inTransaction(t.handle, null, 'test', (ctx) =>
        roundOpener({
          ctx,
          dossier: w.dossier,
          document: w.document,
          participants,
          input: {
            versionId: w.published.id,
            opensAt: new Date(now - 3600_000).toISOString(),
            // Closing within a day: every reminder is due now.
            closesAt: new Date(now + (3 + i) * 3600_000).toISOString(),
            timezone: 'Europe/Minsk',
          },
        }),
      )
      rounds.push(round.id)
    }
    // More deliveries than one, so that the two nodes deliver mails at the same time.
    await inTransaction(t.handle, null, 'test', async (ctx) => {
      for (let i = 0; i < 4; i++) await enqueue(ctx, MAIL_DELIVER_JOB, new Date(now).toISOString(), {})
    })
    const before = sink.received.length

    const [ranA, ranB] = await Promise.all([drain(nodeA), drain(nodeB)])
    expect(ranA + ranB).toBeGreaterThanOrEqual(8)

    const users = 9
    const reminders = await t.handle.db
      .selectFrom('notifications')
      .select(['user_id', 'link'])
      .where('kind', '=', 'round_closing')
      .execute()
    expect(reminders).toHaveLength(rounds.length * users)
    expect(new Set(reminders.map((r) => `${r.user_id} ${r.link}`)).size).toBe(rounds.length * users)

    // Every mail (the openings and the reminders) sent, and received exactly once.
    const outbox = await t.handle.db.selectFrom('mail_outbox').select(['status', 'message_id']).execute()
    expect(outbox).toHaveLength(rounds.length * users * 2)
    expect(outbox.every((m) => m.status === 'sent')).toBe(true)
    const received = sink.received.slice(before).map((m) => m.headers['message-id'])
    expect(received).toHaveLength(outbox.length)
    expect(new Set(received).size).toBe(outbox.length)
    expect(new Set(received)).toEqual(new Set(outbox.map((m) => m.message_id)))
    const stillDue = await t.handle.db
      .selectFrom('jobs')
      .select('kind')
      .where('status', 'in', ['pending', 'running', 'failed'])
      .where('run_at', '<=', new Date().toISOString())
      .execute()
    expect(stillDue).toEqual([])
  })
})
