/**
 * The personal calendar feed: a secret URL a calendar client subscribes to without a
 * session. POST /api/me/calendar issues (or rotates) the token; GET /api/calendar/<token>.ics
 * lists the meetings the token's user is invited to in person. An unknown token is 404.
 */
import { randomBytes } from 'node:crypto'
import type { CalendarFeedDTO } from '@core/api/meetings.js'
import { t } from '@core/i18n/index.js'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { appendAudit } from '../../../audit/log.js'
import { organizerOf } from '../../../commands/meetings.js'
import { type CommandContext, inTransaction } from '../../../context.js'
import { AppError } from '../../../errors.js'
import { meetingsCalendar } from '../../../exports/ics.js'
import { currentUser, requireUser } from '../../../http/request-context.js'
import { meetingFacts, meetingsOfUser } from '../../../repositories/meetings.js'
import type { RouteDeps } from '../../deps.js'

const TOKEN = /^[A-Za-z0-9_-]{43}$/
const calendarNotFound = () => new AppError(404, 'calendar_not_found')

/** Issues a new feed token for the user; the previous one stops working. */
export async function calendarTokenIssuer(ctx: CommandContext, userId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await ctx.trx
    .updateTable('users')
    .set({ calendar_token: token, updated_at: ctx.clock() })
    .where('id', '=', userId)
    .execute()
  // The token is a secret: the audit trail records that it changed, never its value.
  await appendAudit(ctx, {
    action: 'user.calendar_token',
    subjectType: 'user',
    subjectId: userId,
    change: { rotated: true },
  })
  return token
}

const calendar: FastifyPluginAsyncZod<RouteDeps> = async (app, { handle, config }) => {
  const db = handle.db
  const feedUrl = (token: string) => `${config.PUBLIC_URL.replace(/\/$/, '')}/api/calendar/${token}.ics`

  app.get(
    '/api/me/calendar',
    {
      preHandler: requireUser,
      schema: { tags: ['meetings'], summary: 'The personal calendar feed URL, if one was issued' },
    },
    async (req) => {
      const user = currentUser(req)
      const row = await db
        .selectFrom('users')
        .select('calendar_token')
        .where('id', '=', user.id)
        .executeTakeFirst()
      const data: CalendarFeedDTO = { url: row?.calendar_token ? feedUrl(row.calendar_token) : null }
      return { data, policies: { rotate: true } }
    },
  )

  app.post(
    '/api/me/calendar',
    {
      preHandler: requireUser,
      schema: {
        tags: ['meetings'],
        summary: 'Issue (or rotate) the personal calendar feed URL',
        body: z.object({}).strict().nullish(),
      },
    },
    async (req) => {
      const user = currentUser(req)
      const token = await inTransaction(handle, user, req.id, (ctx) => calendarTokenIssuer(ctx, user.id))
      const data: CalendarFeedDTO = { url: feedUrl(token) }
      return { data, policies: { rotate: true } }
    },
  )

  app.get(
    '/api/calendar/:file',
    {
      schema: {
        tags: ['meetings'],
        summary: 'A personal calendar feed (iCalendar); the token in the URL is the secret, no session',
        params: z.object({ file: z.string().max(100) }).strict(),
      },
    },
    async (req, reply) => {
      const token = req.params.file.endsWith('.ics') ? req.params.file.slice(0, -4) : ''
      if (!TOKEN.test(token)) throw calendarNotFound()
      const user = await db
        .selectFrom('users')
        .select(['id', 'locale', 'disabled'])
        .where('calendar_token', '=', token)
        .executeTakeFirst()
      if (!user || user.disabled) throw calendarNotFound()
      const lang = user.locale === 'en' ? 'en' : 'ru'
      const rows = await meetingsOfUser(db, user.id)
      const items = []
      for (const meeting of rows) {
        const facts = await meetingFacts(db, meeting.id)
        items.push({
          meeting,
          body: facts.body,
          participants: facts.participants,
          agenda: facts.agenda,
          organizer: await organizerOf(db, meeting),
        })
      }
      const content = meetingsCalendar(items, {
        method: 'PUBLISH',
        lang,
        publicUrl: config.PUBLIC_URL,
        name: t(lang, 'meetings.ics.feedName'),
      })
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-cache')
        .header('x-robots-tag', 'noindex')
        .send(content)
    },
  )
}

export default calendar
