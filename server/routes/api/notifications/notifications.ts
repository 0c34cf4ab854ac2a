/** The user's in-app inbox. */

import type { NotificationDTO } from '@core/api/contributions.js'
import { pageQuery } from '@core/api/requests.js'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { notFound } from '../../../errors.js'
import { currentUser, requireUser } from '../../../http/request-context.js'
import { isId, nowIso } from '../../../ids.js'
import { decodeCursor, pageOf } from '../../../pagination.js'
import type { RouteDeps } from '../../deps.js'

const idParams = z.object({ id: z.string().max(64) }).strict()

const notifications: FastifyPluginAsyncZod<RouteDeps> = async (app, { handle }) => {
  app.addHook('preHandler', requireUser)
  const db = handle.db

  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: "The user's notifications, newest first",
        querystring: pageQuery,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const after = decodeCursor(req.query.cursor)
      const rows = await db
        .selectFrom('notifications')
        .selectAll()
        .where('user_id', '=', user.id)
        .$if(!!after, (q) => q.where('id', '<', after!))
        .orderBy('id', 'desc')
        .limit(req.query.limit + 1)
        .execute()
      const { items, nextCursor } = pageOf(rows, req.query.limit)
      const unread = await db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', user.id)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow()
      const data: NotificationDTO[] = items.map((n) => ({
        id: n.id,
        kind: n.kind as NotificationDTO['kind'],
        params: JSON.parse(n.params),
        link: n.link,
        readAt: n.read_at,
        createdAt: n.created_at,
      }))
      return { data, policies: {}, page: { nextCursor }, unread: Number(unread.n) }
    },
  )

  // Marking read is the user's own bookkeeping, not a change to the record: no audit entry.
  app.post(
    '/api/notifications/:id/read',
    { schema: { tags: ['notifications'], summary: 'Mark a notification read', params: idParams } },
    async (req, reply) => {
      const user = currentUser(req)
      if (!isId(req.params.id)) throw notFound('notification_not_found')
      const r = await db
        .updateTable('notifications')
        .set({ read_at: nowIso() })
        .where('id', '=', req.params.id)
        .where('user_id', '=', user.id)
        .executeTakeFirst()
      if (Number(r.numUpdatedRows) !== 1) throw notFound('notification_not_found')
      return reply.status(204).send()
    },
  )

  app.post(
    '/api/notifications/read-all',
    { schema: { tags: ['notifications'], summary: 'Mark every notification read' } },
    async (req, reply) => {
      const user = currentUser(req)
      await db
        .updateTable('notifications')
        .set({ read_at: nowIso() })
        .where('user_id', '=', user.id)
        .where('read_at', 'is', null)
        .execute()
      return reply.status(204).send()
    },
  )
}

export default notifications
