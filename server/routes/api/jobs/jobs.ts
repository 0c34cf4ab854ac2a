/**
 * The durable jobs and the mail outbox, for the secretariat's administrators: pending,
 * running, done, failed; "retry" on a failed job; the mails with their delivery status.
 * Both span every organization of the deployment, so only a secretariat administrator
 * sees them (others: 403).
 */

import { JOB_STATUSES, type JobDTO, MAIL_STATUSES, type MailDTO } from '@core/api/notifications.js'
import { pageQuery } from '@core/api/requests.js'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { jobRetrier } from '../../../commands/jobs.js'
import { type CurrentUser, inTransaction, type Queryable } from '../../../context.js'
import type { JobRow, MailOutboxRow } from '../../../db/types.js'
import { AppError, forbidden } from '../../../errors.js'
import { currentUser, requireUser } from '../../../http/request-context.js'
import { isId } from '../../../ids.js'
import { decodeCursor, pageOf } from '../../../pagination.js'
import type { RouteDeps } from '../../deps.js'

/** A secretariat administrator: the only one who sees the deployment's jobs and mails. */
function assertJobsAdmin(user: CurrentUser): void {
  if (!user.secretariatOrgId || !user.roles.includes('secretariat_admin')) throw forbidden()
}

function presentJob(j: JobRow): JobDTO {
  return {
    id: j.id,
    kind: j.kind,
    runAt: j.run_at,
    status: j.status,
    attempts: j.attempts,
    lastError: j.last_error,
    createdAt: j.created_at,
    doneAt: j.done_at,
  }
}

function presentMail(m: MailOutboxRow): MailDTO {
  let attachment: string | null = null
  if (m.attachment) {
    try {
      attachment = String((JSON.parse(m.attachment) as { filename?: unknown }).filename ?? '') || null
    } catch {
      attachment = null
    }
  }
  return {
    id: m.id,
    to: m.to_address,
    language: m.language,
    kind: m.kind,
    subject: m.subject,
    status: m.status,
    attempts: m.attempts,
    error: m.error,
    messageId: m.message_id,
    createdAt: m.created_at,
    sentAt: m.sent_at,
    attachment,
  }
}

const idParams = z.object({ id: z.string().max(64) }).strict()

/**
 * A page of jobs or mails, newest first, optionally of one status, with the count of each
 * status (both tables have time-ordered ids and a `status`).
 */
type Listed = { jobs: JobRow; mail_outbox: MailOutboxRow }

async function newestFirst<T extends keyof Listed>(
  db: Queryable,
  table: T,
  query: { status?: string | undefined; cursor?: string | undefined; limit: number },
) {
  const after = decodeCursor(query.cursor)
  // Both tables share the columns used here; Kysely cannot see that through the union.
  const q = db.selectFrom(table as 'jobs')
  const rows = (await q
    .selectAll()
    .$if(!!query.status, (b) => b.where('status', '=', query.status as JobRow['status']))
    .$if(!!after, (b) => b.where('id', '<', after!))
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute()) as unknown as Listed[T][]
  const { items, nextCursor } = pageOf(rows, query.limit)
  const counts = await q
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute()
  return { items, nextCursor, counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])) }
}

const jobs: FastifyPluginAsyncZod<RouteDeps> = async (app, { handle }) => {
  app.addHook('preHandler', requireUser)

  app.get(
    '/api/jobs',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Durable jobs, newest first, with counts per status (secretariat administrators)',
        querystring: pageQuery.extend({ status: z.enum(JOB_STATUSES).optional() }).strict(),
      },
    },
    async (req) => {
      assertJobsAdmin(currentUser(req))
      const { items, nextCursor, counts } = await newestFirst(handle.db, 'jobs', req.query)
      return {
        data: items.map(presentJob),
        counts,
        policies: { retry: true },
        page: { nextCursor },
      }
    },
  )

  app.post(
    '/api/jobs/:id/retry',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Put a failed job back in the queue, due now (secretariat administrators; audited)',
        params: idParams,
      },
    },
    async (req) => {
      const user = currentUser(req)
      assertJobsAdmin(user)
      if (!isId(req.params.id)) throw new AppError(404, 'job_not_found')
      const job = await handle.db
        .selectFrom('jobs')
        .selectAll()
        .where('id', '=', req.params.id)
        .executeTakeFirst()
      if (!job) throw new AppError(404, 'job_not_found')
      const retried = await inTransaction(handle, user, req.id, (ctx) => jobRetrier(ctx, job))
      return { data: presentJob(retried), policies: { retry: false } }
    },
  )

  app.get(
    '/api/mail-outbox',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Outgoing mails, newest first, with counts per status (secretariat administrators)',
        querystring: pageQuery.extend({ status: z.enum(MAIL_STATUSES).optional() }).strict(),
      },
    },
    async (req) => {
      assertJobsAdmin(currentUser(req))
      const { items, nextCursor, counts } = await newestFirst(handle.db, 'mail_outbox', req.query)
      return {
        data: items.map(presentMail),
        counts,
        policies: {},
        page: { nextCursor },
      }
    },
  )
}

export default jobs
