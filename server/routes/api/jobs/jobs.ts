/** The durable jobs, for the secretariat's administrators: pending, running, done, failed. */

import { pageQuery } from '@core/api/requests.js'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { forbidden } from '../../../errors.js'
import { currentUser, requireUser } from '../../../http/request-context.js'
import { decodeCursor, pageOf } from '../../../pagination.js'
import type { RouteDeps } from '../../deps.js'

const JOB_STATUSES = ['pending', 'running', 'done', 'failed', 'cancelled'] as const

const jobs: FastifyPluginAsyncZod<RouteDeps> = async (app, { handle }) => {
  app.addHook('preHandler', requireUser)

  app.get(
    '/api/jobs',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Durable jobs, newest first (secretariat administrators)',
        querystring: pageQuery.extend({ status: z.enum(JOB_STATUSES).optional() }).strict(),
      },
    },
    async (req) => {
      const user = currentUser(req)
      // Jobs span every organization of the deployment: only a secretariat administrator sees them.
      if (!user.secretariatOrgId || !user.roles.includes('secretariat_admin')) throw forbidden()
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
        data: items.map((j) => ({
          id: j.id,
          kind: j.kind,
          runAt: j.run_at,
          status: j.status,
          attempts: j.attempts,
          lastError: j.last_error,
          createdAt: j.created_at,
          doneAt: j.done_at,
        })),
        counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])),
        policies: {},
        page: { nextCursor },
      }
    },
  )
}

export default jobs
