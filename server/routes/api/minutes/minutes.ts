/**
 * The minutes (протокол) of a meeting: drafted from the meeting's record, edited by the
 * secretariat per language, approved (then immutable, with a fixed SHA-256), and downloaded
 * as DOCX or PDF. Readable by whoever may read the meeting (need-to-know: 404 otherwise).
 */
import {
  approveMinutesRequest,
  draftMinutesQuery,
  MINUTES_ACTIONS,
  minutesExportQuery,
  updateMinutesRequest,
} from '@core/api/minutes.js'
import { t } from '@core/i18n/index.js'
import { type Lang, pickText } from '@core/i18n/languages.js'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  minutesApprover,
  minutesDrafter,
  minutesNotFound,
  minutesUpdater,
} from '../../../commands/minutes.js'
import { type CurrentUser, inTransaction, type Queryable } from '../../../context.js'
import type { MeetingRow, MinutesRow } from '../../../db/types.js'
import { AppError } from '../../../errors.js'
import { minutesDocx } from '../../../exports/minutes/docx.js'
import type { MinutesExportInput } from '../../../exports/minutes/model.js'
import { minutesPdf } from '../../../exports/minutes/pdf.js'
import { DOCX_TYPE, PDF_TYPE, sendDownload } from '../../../http/download.js'
import { currentUser, requireUser } from '../../../http/request-context.js'
import { versionFrom } from '../../../http/versioning.js'
import { authorize, can, policiesFor } from '../../../policies/index.js'
import { presentMinutesPage } from '../../../presenters/minutes.js'
import { userNames } from '../../../repositories/documents.js'
import { findMeeting } from '../../../repositories/meetings.js'
import { contentOf, loadMinutesSubject, parseLocalized } from '../../../repositories/minutes.js'
import type { RouteDeps } from '../../deps.js'

const idParams = z.object({ id: z.string().max(64) }).strict()

/** A file name without what file systems refuse, and not too long. */
function fileName(parts: string[], ext: string): string {
  const base = parts
    .filter(Boolean)
    .join(' - ')
    .replace(/[\p{Cc}<>:"/\\|?*]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return `${base.length > 120 ? `${base.slice(0, 119)}…` : base || 'concord'}.${ext}`
}

/** The meeting, if the user may read it (else 404 `meeting_not_found`), with its minutes' subject. */
async function readableMeeting(db: Queryable, id: string, user: CurrentUser) {
  const meeting = await findMeeting(db, id)
  const { subject, minutes } = await loadMinutesSubject(db, meeting)
  if (!can(user, 'read', subject.meeting)) throw new AppError(404, 'meeting_not_found')
  return { meeting, subject, minutes }
}

const minutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { handle }) => {
  app.addHook('preHandler', requireUser)
  const db = handle.db

  /** The page's answer: the meeting, its minutes (null before drafting) and what the user may do. */
  async function respond(meetingId: string, user: CurrentUser) {
    const { meeting, subject, minutes: row } = await readableMeeting(db, meetingId, user)
    const [body, names] = await Promise.all([
      db
        .selectFrom('bodies')
        .select(['id', 'code', 'name'])
        .where('id', '=', meeting.body_id)
        .executeTakeFirstOrThrow(),
      userNames(db, [row?.updated_by ?? null, row?.approved_by ?? null]),
    ])
    return {
      data: presentMinutesPage(meeting, body, row, names),
      policies: policiesFor(user, subject, MINUTES_ACTIONS),
    }
  }

  app.get(
    '/api/meetings/:id/minutes',
    {
      schema: {
        tags: ['minutes'],
        summary: 'The minutes of a meeting (null before they are drafted), with the meeting',
        params: idParams,
      },
    },
    async (req) => respond(req.params.id, currentUser(req)),
  )

  app.post(
    '/api/meetings/:id/minutes',
    {
      schema: {
        tags: ['minutes'],
        summary: "Draft the minutes from the meeting's record (?redraft=true: again, over a draft)",
        params: idParams,
        querystring: draftMinutesQuery,
        body: z.object({ version: z.number().int().positive().optional() }).strict().nullish(),
      },
    },
    async (req, reply) => {
      const user = currentUser(req)
      const { meeting, subject, minutes: existing } = await readableMeeting(db, req.params.id, user)
      const redraft = req.query.redraft === 'true'
      // Authorized as if nothing were drafted yet: the pen-holder then learns 409 minutes_exist.
      authorize(user, 'draft', {
        ...subject,
        exists: false,
        approved: false,
        meeting: { ...subject.meeting, status: 'held' },
      })
      const version = redraft && existing && existing.status !== 'approved' ? versionFrom(req) : undefined
      await inTransaction(handle, user, req.id, (ctx) =>
        minutesDrafter({
          ctx,
          meeting,
          redraft: redraft ? { version: version ?? existing?.version ?? 0 } : undefined,
        }),
      )
      return reply.status(redraft && existing ? 200 : 201).send(await respond(meeting.id, user))
    },
  )

  /** The minutes of a meeting the user may read; 404 `minutes_not_found` before drafting. */
  async function readableMinutes(
    id: string,
    user: CurrentUser,
  ): Promise<{
    meeting: MeetingRow
    row: MinutesRow
    subject: Awaited<ReturnType<typeof readableMeeting>>['subject']
  }> {
    const { meeting, subject, minutes: row } = await readableMeeting(db, id, user)
    if (!row) throw minutesNotFound()
    return { meeting, row, subject }
  }

  app.patch(
    '/api/meetings/:id/minutes',
    {
      schema: {
        tags: ['minutes'],
        summary: 'Edit draft minutes per language (the languages given replace the stored ones)',
        params: idParams,
        body: updateMinutesRequest,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { meeting, row, subject } = await readableMinutes(req.params.id, user)
      authorize(user, 'update', { ...subject, approved: false })
      const version = versionFrom(req)
      await inTransaction(handle, user, req.id, (ctx) =>
        minutesUpdater({ ctx, minutes: row, meeting, input: { version, texts: req.body.texts } }),
      )
      return respond(meeting.id, user)
    },
  )

  app.post(
    '/api/meetings/:id/minutes/approve',
    {
      schema: {
        tags: ['minutes'],
        summary: 'Approve the minutes: immutable from then on; the participants are notified',
        params: idParams,
        body: approveMinutesRequest,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { meeting, row, subject } = await readableMinutes(req.params.id, user)
      authorize(user, 'approve', { ...subject, approved: false })
      const version = versionFrom(req)
      await inTransaction(handle, user, req.id, (ctx) =>
        minutesApprover({ ctx, minutes: row, meeting, version }),
      )
      return respond(meeting.id, user)
    },
  )

  /** What the exports need, in the language asked for (else the user's, else the first drafted). */
  function exportInput(meeting: MeetingRow, row: MinutesRow, asked: Lang | undefined, fallback: Lang) {
    const content = contentOf(row)
    const lang: Lang =
      asked ?? (content.texts[fallback] ? fallback : ((Object.keys(content.texts)[0] as Lang) ?? 'ru'))
    const text = content.texts[lang]
    if (!text)
      throw new AppError(
        422,
        'validation_failed',
        { fields: 'lang' },
        {
          fields: [{ path: 'lang', message: 'no minutes in this language' }],
        },
      )
    const input: MinutesExportInput = {
      text,
      status: row.status,
      approvedAt: row.approved_at,
      contentHash: row.content_hash,
      timeZone: meeting.timezone,
      date: row.approved_at ?? row.updated_at,
    }
    const name = [
      t(lang, 'minutes.export.fileName'),
      pickText(parseLocalized(meeting.title), lang),
      meeting.starts_at.slice(0, 10),
    ]
    return { input, lang, name }
  }

  app.get(
    '/api/meetings/:id/minutes.docx',
    {
      schema: {
        tags: ['minutes'],
        summary: 'The minutes as DOCX, in one language',
        params: idParams,
        querystring: minutesExportQuery,
      },
    },
    async (req, reply) => {
      const user = currentUser(req)
      const { meeting, row } = await readableMinutes(req.params.id, user)
      const { input, lang, name } = exportInput(meeting, row, req.query.lang, req.lang)
      return sendDownload(reply, minutesDocx(input, lang), DOCX_TYPE, fileName(name, 'docx'))
    },
  )

  app.get(
    '/api/meetings/:id/minutes.pdf',
    {
      schema: {
        tags: ['minutes'],
        summary: 'The minutes as PDF, in one language',
        params: idParams,
        querystring: minutesExportQuery,
      },
    },
    async (req, reply) => {
      const user = currentUser(req)
      const { meeting, row } = await readableMinutes(req.params.id, user)
      const { input, lang, name } = exportInput(meeting, row, req.query.lang, req.lang)
      return sendDownload(reply, await minutesPdf(input, lang), PDF_TYPE, fileName(name, 'pdf'))
    },
  )
}

export default minutes
