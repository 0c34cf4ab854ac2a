/** Commands on durable jobs, for the secretariat's administrators. */
import { appendAudit } from '../audit/log.js'
import type { CommandContext } from '../context.js'
import type { JobRow } from '../db/types.js'
import { AppError } from '../errors.js'
import { nowIso } from '../ids.js'

/**
 * Puts a failed job back in the queue, due now, with its attempts reset (its last error is
 * kept until it runs again); audited. Only a failed job: 409 `job_not_failed` otherwise.
 */
export async function jobRetrier(ctx: CommandContext, job: JobRow): Promise<JobRow> {
  if (job.status !== 'failed') throw new AppError(409, 'job_not_failed', {}, { status: job.status })
  const runAt = nowIso()
  const r = await ctx.trx
    .updateTable('jobs')
    .set({
      status: 'pending',
      run_at: runAt,
      attempts: 0,
      locked_by: null,
      locked_until: null,
      done_at: null,
    })
    .where('id', '=', job.id)
    .where('status', '=', 'failed')
    .executeTakeFirst()
  if (Number(r.numUpdatedRows) !== 1) throw new AppError(409, 'job_not_failed', {}, { status: 'changed' })
  await appendAudit(ctx, {
    action: 'job.retry',
    subjectType: 'job',
    subjectId: job.id,
    change: { kind: job.kind, attempts: job.attempts, lastError: job.last_error },
  })
  return {
    ...job,
    status: 'pending',
    run_at: runAt,
    attempts: 0,
    locked_by: null,
    locked_until: null,
    done_at: null,
  }
}
