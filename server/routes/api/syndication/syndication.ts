/**
 * Syndication for the press service: subscriptions to other portals' feeds (another Concord
 * or any Atom/RSS source), their fetched entries, "fetch now" (a durable 'feed.fetch' job),
 * and republishing an entry as a published news item of the organization, under its rubric
 * and dateline, with the source named and linked. See server/jobs/feed-fetch.ts.
 */
import {
  createSubscriptionRequest,
  entryListQuery,
  type FeedEntryDTO,
  type FeedSubscriptionDTO,
  type RepublishedDTO,
  republishRequest,
  subscriptionListQuery,
} from '@core/api/syndication.js'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  entryNotFound,
  entryRepublisher,
  fetchRequester,
  subscriptionCreator,
  subscriptionDeleter,
  subscriptionNotFound,
} from '../../../commands/syndication.js'
import { type CurrentUser, inTransaction, type Queryable } from '../../../context.js'
import type { FeedEntryRow, FeedSubscriptionRow } from '../../../db/types.js'
import { forbidden, notFound } from '../../../errors.js'
import { currentUser, requireUser } from '../../../http/request-context.js'
import { versionFrom } from '../../../http/versioning.js'
import { isId } from '../../../ids.js'
import { feedFetchKey } from '../../../jobs/feed-fetch.js'
import { decodeCursor, pageOf } from '../../../pagination.js'
import { authorize, can } from '../../../policies/index.js'
import { portalUrls } from '../../../portal/urls.js'
import { findOrganization, organizationSubject } from '../../../repositories/organizations.js'
import type { RouteDeps } from '../../deps.js'
import './policy.js'

const idParams = z.object({ id: z.string().max(64) }).strict()
const ACTIONS = ['manage_syndication'] as const

/** The organization whose newsroom is meant: the one asked, else the user's secretariat's. */
async function newsroomOf(db: Queryable, user: CurrentUser, organizationId: string | undefined) {
  const id = organizationId ?? user.secretariatOrgId
  // A delegate has no newsroom of their own.
  if (!id) throw forbidden()
  const org = await findOrganization(db, id)
  const subject = await organizationSubject(db, org)
  if (!can(user, 'read', subject)) throw notFound('organization_not_found')
  return { org, subject }
}

/** A subscription the user may read (its organization's secretariat), else 404. */
async function readableSubscription(db: Queryable, id: string, user: CurrentUser) {
  const row = isId(id)
    ? await db.selectFrom('feed_subscriptions').selectAll().where('id', '=', id).executeTakeFirst()
    : undefined
  if (!row) throw subscriptionNotFound()
  const org = await findOrganization(db, row.organization_id)
  const subject = await organizationSubject(db, org)
  if (!can(user, 'read_syndication', subject)) throw subscriptionNotFound()
  return { row, org, subject }
}

async function presentSubscriptions(
  db: Queryable,
  rows: FeedSubscriptionRow[],
): Promise<FeedSubscriptionDTO[]> {
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const [counts, jobs] = await Promise.all([
    db
      .selectFrom('feed_entries')
      .select((eb) => ['subscription_id', eb.fn.countAll<number>().as('n')])
      .where('subscription_id', 'in', ids)
      .groupBy('subscription_id')
      .execute(),
    db
      .selectFrom('jobs')
      .select(['key', 'run_at'])
      .where('key', 'in', ids.map(feedFetchKey))
      .where('status', 'in', ['pending', 'running'])
      .execute(),
  ])
  const countOf = new Map(counts.map((c) => [c.subscription_id, Number(c.n)]))
  const nextOf = new Map(jobs.map((j) => [j.key, j.run_at]))
  return rows.map((r) => ({
    id: r.id,
    organizationId: r.organization_id,
    url: r.url,
    title: r.title,
    sourceName: r.source_name,
    rubricId: r.rubric_id,
    lastFetchedAt: r.last_fetched_at,
    lastError: r.last_error,
    nextFetchAt: nextOf.get(feedFetchKey(r.id)) ?? null,
    entryCount: countOf.get(r.id) ?? 0,
    createdAt: r.created_at,
    version: r.version,
  }))
}

async function presentEntries(db: Queryable, orgSlug: string, rows: FeedEntryRow[]): Promise<FeedEntryDTO[]> {
  const itemIds = rows.flatMap((r) => (r.republished_item_id ? [r.republished_item_id] : []))
  const items = itemIds.length
    ? await db
        .selectFrom('news_items')
        .select(['id', 'language', 'slug', 'status'])
        .where('id', 'in', itemIds)
        .execute()
    : []
  const byId = new Map(items.map((i) => [i.id, i]))
  return rows.map((r) => {
    const item = r.republished_item_id ? byId.get(r.republished_item_id) : undefined
    return {
      id: r.id,
      subscriptionId: r.subscription_id,
      guid: r.guid,
      title: r.title,
      link: r.link,
      summary: r.summary,
      language: r.language,
      publishedAt: r.published_at,
      fetchedAt: r.fetched_at,
      republished: item
        ? {
            itemId: item.id,
            language: item.language,
            slug: item.slug,
            status: item.status,
            publicPath: portalUrls.news(orgSlug, item.language, item.slug),
          }
        : null,
    }
  })
}

const syndication: FastifyPluginAsyncZod<RouteDeps> = async (app, { handle }) => {
  app.addHook('preHandler', requireUser)
  const db = handle.db

  app.get(
    '/api/feed-subscriptions',
    {
      schema: {
        tags: ['syndication'],
        summary: "The newsroom's feed subscriptions",
        querystring: subscriptionListQuery,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { org, subject } = await newsroomOf(db, user, req.query.organizationId)
      authorize(user, 'read_syndication', subject)
      const after = decodeCursor(req.query.cursor)
      const rows = await db
        .selectFrom('feed_subscriptions')
        .selectAll()
        .where('organization_id', '=', org.id)
        .$if(!!after, (q) => q.where('id', '>', after!))
        .orderBy('id')
        .limit(req.query.limit + 1)
        .execute()
      const { items, nextCursor } = pageOf(rows, req.query.limit)
      return {
        data: await presentSubscriptions(db, items),
        policies: { create: can(user, 'manage_syndication', subject) },
        page: { nextCursor },
      }
    },
  )

  app.post(
    '/api/feed-subscriptions',
    {
      schema: { tags: ['syndication'], summary: 'Subscribe to a feed', body: createSubscriptionRequest },
    },
    async (req, reply) => {
      const user = currentUser(req)
      const { org, subject } = await newsroomOf(db, user, req.body.organizationId)
      authorize(user, 'manage_syndication', subject)
      const row = await inTransaction(handle, user, req.id, (ctx) =>
        subscriptionCreator({ ctx, organization: org, input: req.body }),
      )
      const [data] = await presentSubscriptions(db, [row])
      return reply.status(201).send({ data, policies: { manage_syndication: true } })
    },
  )

  app.get(
    '/api/feed-subscriptions/:id',
    { schema: { tags: ['syndication'], summary: 'One subscription', params: idParams } },
    async (req) => {
      const user = currentUser(req)
      const { row, subject } = await readableSubscription(db, req.params.id, user)
      const [data] = await presentSubscriptions(db, [row])
      return { data, policies: Object.fromEntries(ACTIONS.map((a) => [a, can(user, a, subject)])) }
    },
  )

  app.delete(
    '/api/feed-subscriptions/:id',
    {
      schema: {
        tags: ['syndication'],
        summary:
          'Unsubscribe (If-Match or body `version`); fetched entries are deleted, republished items stay',
        params: idParams,
        body: z.object({ version: z.number().int().positive().optional() }).strict().nullish(),
      },
    },
    async (req, reply) => {
      const user = currentUser(req)
      const { row, subject } = await readableSubscription(db, req.params.id, user)
      authorize(user, 'manage_syndication', subject)
      const version = versionFrom(req)
      await inTransaction(handle, user, req.id, (ctx) =>
        subscriptionDeleter({ ctx, subscription: row, version }),
      )
      return reply.status(204).send()
    },
  )

  app.post(
    '/api/feed-subscriptions/:id/fetch',
    {
      schema: {
        tags: ['syndication'],
        summary: "Fetch now: moves the subscription's 'feed.fetch' job to now (202)",
        params: idParams,
      },
    },
    async (req, reply) => {
      const user = currentUser(req)
      const { row, subject } = await readableSubscription(db, req.params.id, user)
      authorize(user, 'manage_syndication', subject)
      await inTransaction(handle, user, req.id, (ctx) => fetchRequester(ctx, row))
      const [data] = await presentSubscriptions(db, [row])
      return reply.status(202).send({ data, policies: { manage_syndication: true } })
    },
  )

  app.get(
    '/api/feed-subscriptions/:id/entries',
    {
      schema: {
        tags: ['syndication'],
        summary: 'Fetched entries, newest first',
        params: idParams,
        querystring: entryListQuery,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { row, org, subject } = await readableSubscription(db, req.params.id, user)
      const before = decodeCursor(req.query.cursor)
      const rows = await db
        .selectFrom('feed_entries')
        .selectAll()
        .where('subscription_id', '=', row.id)
        .$if(!!before, (q) => q.where('id', '<', before!))
        .orderBy('id', 'desc')
        .limit(req.query.limit + 1)
        .execute()
      const { items, nextCursor } = pageOf(rows, req.query.limit)
      return {
        data: await presentEntries(db, org.slug, items),
        policies: { republish: can(user, 'manage_syndication', subject) },
        page: { nextCursor },
      }
    },
  )

  app.post(
    '/api/feed-entries/:id/republish',
    {
      schema: {
        tags: ['syndication'],
        summary: "Republish an entry as a published news item of the subscriber's organization",
        params: idParams,
        body: republishRequest,
      },
    },
    async (req, reply) => {
      const user = currentUser(req)
      const entry = isId(req.params.id)
        ? await db.selectFrom('feed_entries').selectAll().where('id', '=', req.params.id).executeTakeFirst()
        : undefined
      if (!entry) throw entryNotFound()
      const {
        row: subscription,
        org,
        subject,
      } = await readableSubscription(db, entry.subscription_id, user).catch(() => {
        throw entryNotFound()
      })
      authorize(user, 'manage_syndication', subject)
      const item = await inTransaction(handle, user, req.id, (ctx) =>
        entryRepublisher({ ctx, organization: org, subscription, entry, input: req.body }),
      )
      const data: RepublishedDTO = {
        itemId: item.id,
        groupId: item.group_id,
        language: item.language,
        slug: item.slug,
        publicPath: portalUrls.news(org.slug, item.language, item.slug),
      }
      return reply.status(201).send({ data, policies: {} })
    },
  )
}

export default syndication
