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
import { type CurrentUser, inTransaction } from '../../../context.js'
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
      const after = decodeCursor(req.query.cursor)
      const rows = await handle.db
        .selectFrom('jobs')
        .selectAll()
        .$if(!!req.query.status, (q) => q.where('status', '=', req.query.status!))
        .$if(!!after, (q) => q.where('id', '<', after!))
        .orderBy('id', 'desc')
        .limit(req.query.limit + 1)
        .execute()
      const { items, nextCursor } = pageOf(rows, req.query.limit)
      const counts = await handle.db
        .selectFrom('jobs')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('status')
        .execute()
      return {
        data: items.map(presentJob),
        counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])),
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
      const after = decodeCursor(req.query.cursor)
      const rows = await handle.db
        .selectFrom('mail_outbox')
        .selectAll()
        .$if(!!req.query.status, (q) => q.where('status', '=', req.query.status!))
        .$if(!!after, (q) => q.where('id', '<', after!))
        .orderBy('id', 'desc')
        .limit(req.query.limit + 1)
        .execute()
      const { items, nextCursor } = pageOf(rows, req.query.limit)
      const counts = await handle.db
        .selectFrom('mail_outbox')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('status')
        .execute()
      return {
        data: items.map(presentMail),
        counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])),
        policies: {},
        page: { nextCursor },
      }
    },
  )
}

export default jobs
