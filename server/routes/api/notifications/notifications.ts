/** The user's in-app inbox, and how each kind of notice reaches their mailbox. */

import type { NotificationDTO } from '@core/api/contributions.js'
import {
  NOTIFICATION_GROUPS,
  type NotificationPreferencesDTO,
  notificationKindLabel,
  updateNotificationPreferencesRequest,
} from '@core/api/notifications.js'
import { pageQuery } from '@core/api/requests.js'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { notificationPreferencesSetter } from '../../../commands/preferences.js'
import { type CurrentUser, inTransaction, type Queryable } from '../../../context.js'
import { notFound } from '../../../errors.js'
import { currentUser, requireUser } from '../../../http/request-context.js'
import { isId, nowIso } from '../../../ids.js'
import { mailable, preferencesOf } from '../../../mail/preferences.js'
import { decodeCursor, pageOf } from '../../../pagination.js'
import type { RouteDeps } from '../../deps.js'

const idParams = z.object({ id: z.string().max(64) }).strict()

/** Every kind, in the order of the settings page, with the user's mode and its label. */
async function presentPreferences(
  db: Queryable,
  user: CurrentUser,
  lang: 'ru' | 'en',
): Promise<NotificationPreferencesDTO> {
  const modes = await preferencesOf(db, user.id)
  return {
    email: mailable(user.email) ? user.email : null,
    language: user.locale,
    preferences: NOTIFICATION_GROUPS.flatMap(({ group, kinds }) =>
      kinds.map((kind) => ({ kind, group, mode: modes[kind], label: notificationKindLabel(kind, lang) })),
    ),
  }
}

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

  app.get(
    '/api/me/notification-preferences',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Every kind of notice with how it reaches the mailbox: immediate, digest or off',
        querystring: z.object({ lang: z.enum(['ru', 'en']).optional() }).strict(),
      },
    },
    async (req) => {
      const user = currentUser(req)
      return { data: await presentPreferences(db, user, req.lang), policies: { update: true } }
    },
  )

  // The user's own settings, replaced kind by kind: no version (nobody else writes them, and a
  // PUT names the modes it sets rather than patching a shared record).
  app.put(
    '/api/me/notification-preferences',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Set the mode of some kinds: { modes: { <kind>: immediate | digest | off } }',
        body: updateNotificationPreferencesRequest,
      },
    },
    async (req) => {
      const user = currentUser(req)
      await inTransaction(handle, user, req.id, (ctx) =>
        notificationPreferencesSetter({ ctx, user, modes: req.body.modes }),
      )
      return { data: await presentPreferences(db, user, req.lang), policies: { update: true } }
    },
  )
}

export default notifications
