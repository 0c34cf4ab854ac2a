/**
 * Reminders of domestic approval on the durable job queue. When the secretariat sets a
 * party's due date, two jobs are scheduled under keys of their own (setting the date again
 * reschedules them): a reminder three days before the due date and a notice of delay the
 * day after it. Each tells the party's delegates and the secretariat — only if the party
 * has still not finished by then.
 */

import { notifier, recipientsOf } from '../commands/notifications.js'
import type { CommandContext } from '../context.js'
import { isFinished } from '../repositories/procedures.js'
import { cancelJob, enqueue, type JobHandler } from './queue.js'

export const APPROVAL_REMINDER_JOB = 'approval.reminder'
export const APPROVAL_OVERDUE_JOB = 'approval.overdue'

const DAY = 86_400_000
/** The reminder goes out this long before the start (UTC) of the due date. */
export const REMINDER_BEFORE_MS = 3 * DAY

const dueKey = (approvalId: string) => `approval-due:${approvalId}`
const overdueKey = (approvalId: string) => `approval-overdue:${approvalId}`

/**
 * Schedules (or, with no due date, cancels) the reminder and the notice of delay of one
 * approval item, in the caller's transaction. Times are UTC: the reminder at 00:00 three
 * days before the due date, the notice of delay at 00:00 the day after it.
 */
export async function approvalRemindersScheduler(
  ctx: CommandContext,
  approvalId: string,
  dueDate: string | null,
): Promise<void> {
  if (!dueDate) {
    const pending = await ctx.trx
      .selectFrom('jobs')
      .select('id')
      .where('key', 'in', [dueKey(approvalId), overdueKey(approvalId)])
      .where('status', '=', 'pending')
      .execute()
    for (const job of pending) await cancelJob(ctx, job.id)
    return
  }
  const start = Date.parse(`${dueDate}T00:00:00Z`)
  const payload = { approvalId, dueDate }
  await enqueue(
    ctx,
    APPROVAL_REMINDER_JOB,
    new Date(start - REMINDER_BEFORE_MS).toISOString(),
    payload,
    dueKey(approvalId),
  )
  await enqueue(
    ctx,
    APPROVAL_OVERDUE_JOB,
    new Date(start + DAY).toISOString(),
    payload,
    overdueKey(approvalId),
  )
}

async function remind(
  ctx: CommandContext,
  payload: Record<string, unknown>,
  kind: 'approval_due' | 'approval_overdue',
): Promise<void> {
  const approvalId = String(payload.approvalId ?? '')
  const row = await ctx.trx
    .selectFrom('domestic_approvals')
    .innerJoin('dossiers', 'dossiers.id', 'domestic_approvals.dossier_id')
    .innerJoin('parties', 'parties.id', 'domestic_approvals.party_id')
    .select([
      'domestic_approvals.status',
      'domestic_approvals.due_date',
      'domestic_approvals.party_id',
      'dossiers.id as dossier_id',
      'dossiers.organization_id',
      'dossiers.reference',
      'dossiers.title',
      'parties.code',
    ])
    .where('domestic_approvals.id', '=', approvalId)
    .executeTakeFirst()
  // Finished, or the due date moved since (its own jobs are scheduled): nothing to say.
  if (!row || isFinished(row.status) || !row.due_date || row.due_date !== payload.dueDate) return
  const users = await recipientsOf(ctx.trx, [row.party_id], row.organization_id)
  await notifier(ctx, users, {
    kind,
    params: {
      reference: row.reference,
      dossier: JSON.parse(row.title),
      party: row.code,
      dueDate: row.due_date,
    },
    link: `/dossiers/${row.dossier_id}/approvals`,
    // One notice per item, kind and due date, however often the job runs.
    dedupeKey: `${kind}:${approvalId}:${row.due_date}`,
  })
}

export const approvalReminder: JobHandler = (ctx, payload) => remind(ctx, payload, 'approval_due')
export const approvalOverdueNotice: JobHandler = (ctx, payload) => remind(ctx, payload, 'approval_overdue')
