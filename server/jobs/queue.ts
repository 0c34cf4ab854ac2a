/**
 * Durable jobs: rows in the database, claimed atomically, run exactly once.
 *
 * A worker claims due jobs in one short transaction (on PostgreSQL with
 * `FOR UPDATE SKIP LOCKED`, so two nodes never claim the same row; SQLite has one writer).
 * The job then runs in its own transaction, which also marks it done — but only if the
 * claim is still ours (`locked_by`): the job's effects and its completion commit together,
 * so a crash before the commit leaves nothing behind and the job runs again after its lock
 * expires, and a node whose lock expired cannot complete it a second time.
 */
import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { type CommandContext, inTransaction } from '../context.js'
import type { DbHandle } from '../db/index.js'
import type { JobRow } from '../db/types.js'
import { newId, nowIso } from '../ids.js'

/** How long a claimed job stays ours before another node may take it over. */
const LOCK_MS = 5 * 60_000
/** A job that failed this many times is marked failed (an administrator may retry it). */
export const MAX_ATTEMPTS = 5

export type JobRun = (ctx: CommandContext, payload: Record<string, unknown>, job: JobRow) => Promise<void>

/**
 * What runs a job: a function run in the job's transaction, or a pair whose `prepare` runs
 * first, outside any transaction (network calls: a slow server must not hold a database
 * connection — on SQLite the only one), and whose `run` then writes its result in the job's
 * transaction. `prepare` may run more than once if a node dies; `run` commits once.
 */
export type JobHandler =
  | JobRun
  | {
      prepare: (db: DbHandle['db'], payload: Record<string, unknown>, job: JobRow) => Promise<unknown>
      run: (
        ctx: CommandContext,
        payload: Record<string, unknown>,
        job: JobRow,
        prepared: unknown,
      ) => Promise<void>
    }

/** Schedules a job in the caller's transaction (it exists only if the change commits). */
export async function enqueue(
  ctx: CommandContext,
  kind: string,
  runAt: string,
  payload: Record<string, unknown>,
  /** When set, unique: scheduling under a key already taken by a pending job replaces that job. */
  key?: string,
): Promise<string> {
  const runAtIso = new Date(runAt).toISOString()
  if (key) {
    // A finished job gives its key up.
    await ctx.trx
      .updateTable('jobs')
      .set({ key: null })
      .where('key', '=', key)
      .where('status', 'in', ['done', 'failed', 'cancelled'])
      .execute()
  }
  // One statement, so that two transactions scheduling the same key at once do not collide
  // on the unique index: the second waits for the first and then reschedules its job.
  const inserted = await ctx.trx
    .insertInto('jobs')
    .values({
      id: newId(),
      kind,
      run_at: runAtIso,
      payload: JSON.stringify(payload),
      status: 'pending',
      attempts: 0,
      locked_by: null,
      locked_until: null,
      last_error: null,
      created_at: nowIso(),
      done_at: null,
      key: key ?? null,
    })
    .$if(!!key, (q) =>
      q.onConflict((oc) =>
        oc
          .column('key')
          .doUpdateSet({ run_at: runAtIso, payload: JSON.stringify(payload), attempts: 0 })
          .where('jobs.status', '=', 'pending'),
      ),
    )
    .returning('id')
    .executeTakeFirst()
  if (inserted) return inserted.id
  // The key belongs to a job running right now: it stays as it is.
  const running = await ctx.trx
    .selectFrom('jobs')
    .select('id')
    .where('key', '=', key!)
    .executeTakeFirstOrThrow()
  return running.id
}

/** Cancels a pending job in the caller's transaction. */
export async function cancelJob(ctx: CommandContext, id: string): Promise<void> {
  await ctx.trx
    .updateTable('jobs')
    .set({ status: 'cancelled', done_at: nowIso() })
    .where('id', '=', id)
    .where('status', 'in', ['pending', 'running'])
    .execute()
}

/**
 * Claims up to `limit` due jobs (pending, or running with an expired lock). With `kinds`,
 * only jobs of those kinds: a worker claims only what it can run (during a rolling upgrade
 * an older node leaves a newer kind to the nodes that know it).
 */
export async function claimDue(
  handle: DbHandle,
  now = Date.now(),
  limit = 10,
  kinds?: string[],
): Promise<{ jobs: JobRow[]; token: string }> {
  const token = randomBytes(12).toString('hex')
  const nowIsoStr = new Date(now).toISOString()
  const jobs = await handle.db.transaction().execute(async (trx) => {
    let q = trx
      .selectFrom('jobs')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', nowIsoStr)]),
          eb.and([eb('status', '=', 'running'), eb('locked_until', '<', nowIsoStr)]),
        ]),
      )
      .$if(!!kinds, (q) => q.where('kind', 'in', kinds!.length ? kinds! : ['']))
      .orderBy('run_at')
      .limit(limit)
    if (handle.dialect === 'postgres') q = q.modifyEnd(sql`for update skip locked`)
    const due = await q.execute()
    if (due.length === 0) return []
    await trx
      .updateTable('jobs')
      .set((eb) => ({
        status: 'running',
        attempts: eb('attempts', '+', 1),
        locked_by: token,
        locked_until: new Date(now + LOCK_MS).toISOString(),
      }))
      .where(
        'id',
        'in',
        due.map((j) => j.id),
      )
      .execute()
    return due
  })
  return { jobs, token }
}

/** Runs the claimed jobs; returns how many completed. */
export async function runClaimed(
  handle: DbHandle,
  claimed: { jobs: JobRow[]; token: string },
  handlers: Record<string, JobHandler>,
): Promise<number> {
  let done = 0
  for (const job of claimed.jobs) {
    const handler = handlers[job.kind]
    try {
      const payload = JSON.parse(job.payload) as Record<string, unknown>
      const prepared =
        handler && typeof handler !== 'function' ? await handler.prepare(handle.db, payload, job) : undefined
      await inTransaction(handle, null, `job:${job.kind}`, async (ctx) => {
        const mine = await ctx.trx
          .updateTable('jobs')
          .set({ status: 'done', done_at: nowIso(), locked_until: null })
          .where('id', '=', job.id)
          .where('locked_by', '=', claimed.token)
          .where('status', '=', 'running')
          .executeTakeFirst()
        if (Number(mine.numUpdatedRows) !== 1) return // taken over or cancelled meanwhile
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`)
        if (typeof handler === 'function') await handler(ctx, payload, job)
        else await handler.run(ctx, payload, job, prepared)
      })
      done++
    } catch (err) {
      await handle.db
        .updateTable('jobs')
        .set({
          status: job.attempts + 1 >= MAX_ATTEMPTS ? 'failed' : 'pending',
          last_error: String(err).slice(0, 2000),
          locked_by: null,
          locked_until: null,
          // Tried again after 1, 2, 4, 8 minutes rather than at once.
          run_at: new Date(Date.now() + 60_000 * 2 ** job.attempts).toISOString(),
        })
        .where('id', '=', job.id)
        .where('locked_by', '=', claimed.token)
        .execute()
    }
  }
  return done
}

/** Claims and runs what is due now. */
export async function runDueJobs(
  handle: DbHandle,
  handlers: Record<string, JobHandler>,
  now = Date.now(),
): Promise<number> {
  return runClaimed(handle, await claimDue(handle, now, 10, Object.keys(handlers)), handlers)
}

/** Polls for due jobs every `intervalMs`; returns a function that stops it. */
export function startJobWorker(
  handle: DbHandle,
  handlers: Record<string, JobHandler>,
  log: { error: (obj: object, msg: string) => void },
  intervalMs = 2000,
): () => void {
  let running = false
  const tick = async () => {
    if (running) return
    running = true
    try {
      await runDueJobs(handle, handlers)
    } catch (err) {
      log.error({ err }, 'job worker failed')
    } finally {
      running = false
    }
  }
  const timer = setInterval(() => void tick(), intervalMs)
  timer.unref()
  void tick()
  return () => clearInterval(timer)
}
