/**
 * The press service's newsroom: news items (list by state with counts, create, read, edit,
 * translate, move between states, schedule), rubrics, the documents an item may wait for
 * (embargo), and the drafts made from a meeting's outcome. For the organization's
 * secretariat; its press officers and administrators write. The public reads on the portal.
 */
import {
  createNewsRequest,
  createRubricRequest,
  type NewsItemDTO,
  type NewsListResponse,
  newsListQuery,
  newsStatusRequest,
  organizationQuery,
  translateNewsRequest,
  updateNewsRequest,
} from '@core/api/news.js'
import { draftPressItems } from '@core/domain/press-draft.js'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  newsItemCreator,
  newsItemUpdater,
  newsStatusChanger,
  newsTranslationCreator,
  pressDraftCreator,
} from '../../../commands/news.js'
import { rubricCreator } from '../../../commands/rubrics.js'
import { type CurrentUser, inTransaction, type Queryable } from '../../../context.js'
import type { NewsItemRow } from '../../../db/types.js'
import { AppError, forbidden, notFound } from '../../../errors.js'
import { currentUser, requireUser } from '../../../http/request-context.js'
import { versionFrom } from '../../../http/versioning.js'
import { decodeCursor, encodeCursor } from '../../../pagination.js'
import { authorize, can, isSecretariatOf, policiesFor } from '../../../policies/index.js'
import {
  presentNewsItem,
  presentNewsSummary,
  presentRubric,
  presentTranslation,
} from '../../../presenters/news.js'
import { userNames } from '../../../repositories/documents.js'
import { findMeeting, meetingNotFound, meetingSubject } from '../../../repositories/meetings.js'
import {
  documentsOfOrganization,
  embargoFacts,
  embargoOf,
  findMedia,
  findNewsItem,
  groupOf,
  listNews,
  newsNotFound,
  newsSubject,
  pressDraftFacts,
  pressDraftOf,
  rubricFact,
  rubricsOf,
  translationsOf,
} from '../../../repositories/news.js'
import { findOrganization, organizationSubject } from '../../../repositories/organizations.js'
import type { RouteDeps } from '../../deps.js'

/** The abilities on an item that the `policies` of a response carry. */
export const NEWS_ACTIONS = ['update', 'translate', 'submit', 'return', 'publish', 'archive'] as const

const idParams = z.object({ id: z.string().max(64) }).strict()

/** The organization whose newsroom is meant: the one asked, else the user's secretariat's. */
async function newsroomOf(db: Queryable, user: CurrentUser, organizationId: string | undefined) {
  const id = organizationId ?? user.secretariatOrgId
  // A delegate has no newsroom of their own: they may not use this one.
  if (!id) throw forbidden()
  const org = await findOrganization(db, id)
  const subject = await organizationSubject(db, org)
  if (!can(user, 'read', subject)) throw notFound('organization_not_found')
  return { org, subject }
}

/** Loads an item the user may read; anything outside their newsroom is "not found". */
export async function readableNews(db: Queryable, id: string, user: CurrentUser) {
  const item = await findNewsItem(db, id)
  const subject = newsSubject(item)
  if (!can(user, 'read', subject)) throw newsNotFound()
  return { item, subject }
}

/** The full item as the newsroom shows it, with its translations and embargo. */
export async function presentNewsFor(db: Queryable, item: NewsItemRow, user: CurrentUser) {
  const [org, group, rubric, media, embargo, names] = await Promise.all([
    db
      .selectFrom('organizations')
      .select('slug')
      .where('id', '=', item.organization_id)
      .executeTakeFirstOrThrow(),
    groupOf(db, item.group_id),
    item.rubric_id
      ? db.selectFrom('rubrics').selectAll().where('id', '=', item.rubric_id).executeTakeFirst()
      : Promise.resolve(undefined),
    item.photo_media_id ? findMedia(db, item.photo_media_id).catch(() => null) : Promise.resolve(null),
    embargoOf(db, item.embargo_document_id),
    userNames(db, [item.created_by, item.updated_by]),
  ])
  const data: NewsItemDTO = presentNewsItem(item, {
    orgSlug: org.slug,
    rubric: rubric ? rubricFact(rubric) : null,
    media,
    embargo,
    translations: group.map(presentTranslation),
    names,
    lang: user.locale,
  })
  return { data, policies: policiesFor(user, newsSubject(item), NEWS_ACTIONS) }
}

const news: FastifyPluginAsyncZod<RouteDeps> = async (app, { handle }) => {
  app.addHook('preHandler', requireUser)
  const db = handle.db

  /** Loads an item for a write: readable (else 404), a writer (else 403). */
  async function forWrite(id: string, user: CurrentUser) {
    const loaded = await readableNews(db, id, user)
    authorize(user, 'write', loaded.subject)
    return loaded
  }

  app.get(
    '/api/news',
    {
      schema: {
        tags: ['news'],
        summary:
          'The newsroom: items by state, language, rubric or words, newest first, with counts per state',
        querystring: newsListQuery,
      },
    },
    async (req): Promise<NewsListResponse> => {
      const user = currentUser(req)
      const { org, subject } = await newsroomOf(db, user, req.query.organizationId)
      authorize(user, 'read_news', subject)
      const { rows, counts, nextId } = await listNews(db, org.id, {
        status: req.query.status,
        language: req.query.language,
        rubricId: req.query.rubricId,
        q: req.query.q,
        after: decodeCursor(req.query.cursor),
        limit: req.query.limit,
      })
      const [rubrics, embargoes, translations] = await Promise.all([
        rubricsOf(db, org.id),
        embargoFacts(
          db,
          rows.flatMap((r) => (r.embargo_document_id ? [r.embargo_document_id] : [])),
        ),
        translationsOf(
          db,
          rows.map((r) => r.group_id),
        ),
      ])
      return {
        data: rows.map((r) =>
          presentNewsSummary(r, {
            rubric: rubrics.find((x) => x.id === r.rubric_id) ?? null,
            embargoed: !!r.embargo_document_id && embargoes.get(r.embargo_document_id)?.state === 'pending',
            translations: translations.filter((x) => x.group_id === r.group_id),
          }),
        ),
        counts,
        page: { nextCursor: nextId ? encodeCursor(nextId) : null },
        policies: { create: can(user, 'write_news', subject) },
      }
    },
  )

  app.post(
    '/api/news',
    { schema: { tags: ['news'], summary: 'Create a news item (a draft)', body: createNewsRequest } },
    async (req, reply) => {
      const user = currentUser(req)
      const { org, subject } = await newsroomOf(db, user, req.body.organizationId)
      authorize(user, 'write_news', subject)
      const row = await inTransaction(handle, user, req.id, (ctx) =>
        newsItemCreator({ ctx, organization: org, input: req.body }),
      )
      return reply.status(201).send(await presentNewsFor(db, row, user))
    },
  )

  app.get(
    '/api/news/documents',
    {
      schema: {
        tags: ['news'],
        summary:
          "Documents of the organization's dossiers an item may wait for (embargo), with where each stands",
        querystring: organizationQuery,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { org, subject } = await newsroomOf(db, user, req.query.organizationId)
      authorize(user, 'read_news', subject)
      const docs = await documentsOfOrganization(db, org.id)
      const states = await embargoFacts(
        db,
        docs.map((d) => d.id),
      )
      return {
        data: docs.map((d) => ({ ...d, state: states.get(d.id)?.state ?? 'pending' })),
        policies: {},
      }
    },
  )

  app.get(
    '/api/news/:id',
    {
      schema: {
        tags: ['news'],
        summary: 'A news item with its language versions and embargo',
        params: idParams,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { item } = await readableNews(db, req.params.id, user)
      return presentNewsFor(db, item, user)
    },
  )

  app.patch(
    '/api/news/:id',
    {
      schema: {
        tags: ['news'],
        summary: 'Edit a news item (version in the body or If-Match); the body is sanitized',
        params: idParams,
        body: updateNewsRequest,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { item } = await forWrite(req.params.id, user)
      const version = versionFrom(req)
      const fresh = await inTransaction(handle, user, req.id, (ctx) =>
        newsItemUpdater({ ctx, item, input: req.body, version }),
      )
      return presentNewsFor(db, fresh, user)
    },
  )

  app.post(
    '/api/news/:id/status',
    {
      schema: {
        tags: ['news'],
        summary:
          'Move a news item: in_review, back to draft, published (now, or at `publishAt`), archived; refused while embargoed',
        params: idParams,
        body: newsStatusRequest,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { item } = await forWrite(req.params.id, user)
      const version = versionFrom(req)
      const fresh = await inTransaction(handle, user, req.id, (ctx) =>
        newsStatusChanger({ ctx, item, version, to: req.body.status, publishAt: req.body.publishAt }),
      )
      return presentNewsFor(db, fresh, user)
    },
  )

  app.post(
    '/api/news/:id/translations',
    {
      schema: {
        tags: ['news'],
        summary: 'Add a language version of a news item (a new draft in the same group)',
        params: idParams,
        body: translateNewsRequest,
      },
    },
    async (req, reply) => {
      const user = currentUser(req)
      const { item } = await forWrite(req.params.id, user)
      const row = await inTransaction(handle, user, req.id, (ctx) =>
        newsTranslationCreator({ ctx, item, input: req.body }),
      )
      return reply.status(201).send(await presentNewsFor(db, row, user))
    },
  )

  app.get(
    '/api/rubrics',
    {
      schema: { tags: ['news'], summary: "The newsroom's rubrics, in order", querystring: organizationQuery },
    },
    async (req) => {
      const user = currentUser(req)
      const { org, subject } = await newsroomOf(db, user, req.query.organizationId)
      authorize(user, 'read_news', subject)
      return {
        data: (await rubricsOf(db, org.id)).map(presentRubric),
        policies: { create: can(user, 'write_news', subject) },
      }
    },
  )

  app.post(
    '/api/rubrics',
    { schema: { tags: ['news'], summary: 'Add a rubric to the newsroom', body: createRubricRequest } },
    async (req, reply) => {
      const user = currentUser(req)
      const { org, subject } = await newsroomOf(db, user, req.body.organizationId)
      authorize(user, 'write_news', subject)
      const row = await inTransaction(handle, user, req.id, (ctx) =>
        rubricCreator({ ctx, organization: org, input: req.body }),
      )
      return reply.status(201).send({ data: presentRubric(rubricFact(row)), policies: {} })
    },
  )

  // --- Drafts from a meeting's outcome ---------------------------------------------------

  /** The meeting the user may read (else 404). */
  async function readableMeeting(id: string, user: CurrentUser) {
    const meeting = await findMeeting(db, id)
    const subject = await meetingSubject(db, meeting)
    if (!can(user, 'read', subject)) throw meetingNotFound()
    return { meeting, subject }
  }

  app.get(
    '/api/meetings/:id/press-draft',
    {
      schema: {
        tags: ['news'],
        summary: 'The news item drafted from this meeting, if any, and whether the user may draft one',
        params: idParams,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { meeting, subject } = await readableMeeting(req.params.id, user)
      const mayDraft = can(user, 'draft_news', subject)
      // Delegates may read the meeting but not the newsroom: they learn nothing of its drafts.
      const existing = isSecretariatOf(user, meeting.organization_id)
        ? await pressDraftOf(db, meeting.id)
        : null
      return { data: existing, policies: { create: mayDraft && !existing } }
    },
  )

  app.post(
    '/api/meetings/:id/press-draft',
    {
      schema: {
        tags: ['news'],
        summary:
          "Draft a news item on the meeting's outcome in Russian, Tajik and English (three linked drafts; nothing is published)",
        params: idParams,
      },
    },
    async (req, reply) => {
      const user = currentUser(req)
      const { meeting, subject } = await readableMeeting(req.params.id, user)
      authorize(user, 'draft_news', subject)
      const existing = await pressDraftOf(db, meeting.id)
      if (existing) throw new AppError(409, 'press_draft_exists', {}, { itemId: existing.itemId })
      const rows = await inTransaction(handle, user, req.id, async (ctx) => {
        const { facts, principalDocumentId, outcomes } = await pressDraftFacts(
          ctx.trx,
          meeting.id,
          ctx.clock(),
        )
        if (outcomes === 0) throw new AppError(409, 'meeting_outcome_missing')
        const organization = await findOrganization(ctx.trx, meeting.organization_id)
        return pressDraftCreator({
          ctx,
          organization,
          meeting,
          drafts: draftPressItems(facts),
          embargoDocumentId: principalDocumentId,
        })
      })
      const first = rows.find((r) => r.language === (user.locale === 'en' ? 'en' : 'ru')) ?? rows[0]!
      return reply.status(201).send(await presentNewsFor(db, first, user))
    },
  )
}

export default news
