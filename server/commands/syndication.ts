/**
 * Commands of syndication: a newsroom subscribes to a feed (Atom or RSS, another Concord's
 * portal or any source), asks for a fetch, records what a fetch brought (new entries, unique
 * by guid per subscription), unsubscribes, and republishes an entry as a published news item
 * of its own organization — under its rubric and dateline, with the source named
 * (`source_name`) and linked (`source_url`), the body sanitized. Each writes in the caller's
 * transaction with its audit entry.
 */
import type { CreateSubscriptionRequest, RepublishRequest } from '@core/api/syndication.js'
import { isTimeZone } from '@core/domain/meetings.js'
import { isLang } from '@core/i18n/languages.js'
import { appendAudit } from '../audit/log.js'
import type { CommandContext } from '../context.js'
import type { FeedEntryRow, FeedSubscriptionRow, NewsItemRow, OrganizationRow } from '../db/types.js'
import { AppError, assertVersion } from '../errors.js'
import { isId, newId, nowIso } from '../ids.js'
import { isFetchableUrl, scheduleFeedFetch } from '../jobs/feed-fetch.js'
import { plainText, sanitizeBody, slugify, uniqueSlug } from '../press/text.js'

export const subscriptionNotFound = () => new AppError(404, 'feed_subscription_not_found')
export const entryNotFound = () => new AppError(404, 'feed_entry_not_found')
const feedUrlInvalid = () =>
  new AppError(422, 'feed_url_invalid', {}, { fields: [{ path: 'body.url', message: 'an http(s) URL' }] })
const rubricInvalid = () =>
  new AppError(
    422,
    'syndication_rubric_invalid',
    {},
    { fields: [{ path: 'body.rubricId', message: 'unknown' }] },
  )

/** An entry as a fetch found it. */
export interface FetchedEntry {
  guid: string
  title: string
  link: string
  summary: string | null
  content: string | null
  language: string | null
  publishedAt: string | null
}

/** What one fetch of a subscription gave. */
export type FetchOutcome =
  | {
      kind: 'fetched'
      title: string | null
      entries: FetchedEntry[]
      etag: string | null
      lastModified: string | null
    }
  | { kind: 'not_modified' }
  | { kind: 'failed'; error: string }

async function assertRubric(ctx: CommandContext, organizationId: string, rubricId: string): Promise<void> {
  const row = isId(rubricId)
    ? await ctx.trx
        .selectFrom('rubrics')
        .select('id')
        .where('id', '=', rubricId)
        .where('organization_id', '=', organizationId)
        .executeTakeFirst()
    : null
  if (!row) throw rubricInvalid()
}

export interface SubscriptionCreatorProps {
  ctx: CommandContext
  organization: OrganizationRow
  input: CreateSubscriptionRequest
}

/** Subscribes the organization's newsroom to a feed; its first fetch is scheduled at once. */
export async function subscriptionCreator({
  ctx,
  organization,
  input,
}: SubscriptionCreatorProps): Promise<FeedSubscriptionRow> {
  const url = input.url.trim()
  if (!isFetchableUrl(url)) throw feedUrlInvalid()
  if (input.rubricId) await assertRubric(ctx, organization.id, input.rubricId)
  const taken = await ctx.trx
    .selectFrom('feed_subscriptions')
    .select('id')
    .where('organization_id', '=', organization.id)
    .where('url', '=', url)
    .executeTakeFirst()
  if (taken) throw new AppError(409, 'feed_subscription_exists', {}, { id: taken.id })
  const row: FeedSubscriptionRow = {
    id: newId(),
    organization_id: organization.id,
    url,
    title: input.title || url,
    source_name: input.sourceName,
    rubric_id: input.rubricId ?? null,
    etag: null,
    last_modified: null,
    last_fetched_at: null,
    last_error: null,
    created_by: ctx.actor?.id ?? null,
    created_at: ctx.clock(),
    version: 1,
  }
  await ctx.trx.insertInto('feed_subscriptions').values(row).execute()
  await scheduleFeedFetch(ctx, row.id, new Date())
  await appendAudit(ctx, {
    action: 'feed_subscription.create',
    subjectType: 'feed_subscription',
    subjectId: row.id,
    organizationId: organization.id,
    change: { url, sourceName: row.source_name, rubricId: row.rubric_id },
  })
  return row
}

/** Moves the subscription's next fetch to now (the job worker runs it within seconds). */
export async function fetchRequester(
  ctx: CommandContext,
  subscription: FeedSubscriptionRow,
): Promise<string> {
  const jobId = await scheduleFeedFetch(ctx, subscription.id, new Date())
  await appendAudit(ctx, {
    action: 'feed_subscription.fetch',
    subjectType: 'feed_subscription',
    subjectId: subscription.id,
    organizationId: subscription.organization_id,
    change: { jobId },
  })
  return jobId
}

export interface SubscriptionDeleterProps {
  ctx: CommandContext
  subscription: FeedSubscriptionRow
  version: number
}

/**
 * Unsubscribes: the pending fetch is cancelled and the fetched entries deleted; news items
 * republished from them stay (they carry their source themselves).
 */
export async function subscriptionDeleter({
  ctx,
  subscription,
  version,
}: SubscriptionDeleterProps): Promise<void> {
  assertVersion(subscription.version, version)
  await ctx.trx
    .updateTable('jobs')
    .set({ status: 'cancelled', done_at: nowIso(), key: null })
    .where('key', '=', `feed.fetch:${subscription.id}`)
    .where('status', '=', 'pending')
    .execute()
  const entries = await ctx.trx
    .deleteFrom('feed_entries')
    .where('subscription_id', '=', subscription.id)
    .executeTakeFirst()
  await ctx.trx
    .deleteFrom('feed_subscriptions')
    .where('id', '=', subscription.id)
    .where('version', '=', subscription.version)
    .execute()
  await appendAudit(ctx, {
    action: 'feed_subscription.delete',
    subjectType: 'feed_subscription',
    subjectId: subscription.id,
    organizationId: subscription.organization_id,
    change: { url: subscription.url, entriesDeleted: Number(entries.numDeletedRows) },
  })
}

export interface FeedFetchRecorderProps {
  ctx: CommandContext
  subscription: FeedSubscriptionRow
  outcome: FetchOutcome
}

/**
 * Records a fetch: new entries stored (an entry whose guid is known is kept as first seen),
 * the validators for the next conditional GET, the time and the error. An audit entry is
 * written when something changed (entries stored, or the error appeared or cleared), so that
 * a fetch every half hour does not flood the trail.
 */
export async function feedFetchRecorder({
  ctx,
  subscription,
  outcome,
}: FeedFetchRecorderProps): Promise<{ stored: number }> {
  const fetchedAt = nowIso()
  let stored = 0
  if (outcome.kind === 'fetched') {
    const guids = outcome.entries.map((e) => e.guid)
    const known = new Set(
      guids.length
        ? (
            await ctx.trx
              .selectFrom('feed_entries')
              .select('guid')
              .where('subscription_id', '=', subscription.id)
              .where('guid', 'in', guids)
              .execute()
          ).map((r) => r.guid)
        : [],
    )
    // Oldest first, so that the entries' ids (time-ordered) follow the feed's order.
    for (const e of [...outcome.entries].reverse()) {
      if (known.has(e.guid)) continue
      known.add(e.guid)
      const publishedAt =
        e.publishedAt && !Number.isNaN(Date.parse(e.publishedAt))
          ? new Date(e.publishedAt).toISOString()
          : null
      await ctx.trx
        .insertInto('feed_entries')
        .values({
          id: newId(),
          subscription_id: subscription.id,
          guid: e.guid,
          title: e.title,
          link: e.link,
          summary: e.summary,
          content: e.content,
          language: e.language,
          published_at: publishedAt,
          fetched_at: fetchedAt,
          republished_item_id: null,
        })
        .onConflict((oc) => oc.columns(['subscription_id', 'guid']).doNothing())
        .execute()
      stored++
    }
  }
  const error = outcome.kind === 'failed' ? outcome.error : null
  await ctx.trx
    .updateTable('feed_subscriptions')
    .set({
      last_fetched_at: fetchedAt,
      last_error: error,
      ...(outcome.kind === 'fetched'
        ? {
            etag: outcome.etag,
            last_modified: outcome.lastModified,
            // A subscription named after its URL takes the feed's own title.
            ...(outcome.title && subscription.title === subscription.url
              ? { title: outcome.title.slice(0, 300) }
              : {}),
          }
        : {}),
    })
    .where('id', '=', subscription.id)
    .execute()
  if (stored > 0 || error !== subscription.last_error) {
    await appendAudit(ctx, {
      action: 'feed_subscription.fetched',
      subjectType: 'feed_subscription',
      subjectId: subscription.id,
      organizationId: subscription.organization_id,
      change: { outcome: outcome.kind, stored, error },
    })
  }
  return { stored }
}

export interface EntryRepublisherProps {
  ctx: CommandContext
  organization: OrganizationRow
  subscription: FeedSubscriptionRow
  entry: FeedEntryRow
  input: RepublishRequest
}

/**
 * Republishes an entry: a published news item of the subscriber's organization in the
 * chosen rubric, with its dateline (the city given, the date of publication in its zone),
 * the entry's title and lead unless overridden, its content (else summary) sanitized as the
 * body, and the attribution kept: `source_name` from the subscription, `source_url` the
 * entry's link. 409 `feed_entry_republished` when it was republished already.
 */
export async function entryRepublisher({
  ctx,
  organization,
  subscription,
  entry,
  input,
}: EntryRepublisherProps): Promise<NewsItemRow> {
  if (entry.republished_item_id) {
    throw new AppError(409, 'feed_entry_republished', {}, { itemId: entry.republished_item_id })
  }
  await assertRubric(ctx, organization.id, input.rubricId)
  const entryLanguage = entry.language?.slice(0, 2)
  const language = input.language ?? (isLang(entryLanguage) ? entryLanguage : null)
  if (!language) {
    throw new AppError(
      422,
      'syndication_language_invalid',
      {},
      {
        fields: [{ path: 'body.language', message: 'required: the entry has none of ru, en, tg' }],
      },
    )
  }
  const timezone = input.timezone ?? 'UTC'
  if (!isTimeZone(timezone)) throw new AppError(422, 'timezone_unknown', { timezone }, { timezone })
  const now = ctx.clock()
  const title = input.title ?? entry.title
  const body = sanitizeBody(entry.content ?? entry.summary ?? '')
  const lead = input.lead ?? plainText(entry.summary ?? '').slice(0, 2000)
  const row: NewsItemRow = {
    id: newId(),
    organization_id: organization.id,
    group_id: newId(),
    language,
    slug: await uniqueSlug(ctx.trx, organization.id, language, slugify(title)),
    status: 'published',
    title,
    // A lead repeating the body's opening adds nothing.
    lead: lead && plainText(body).startsWith(lead) ? '' : lead,
    body,
    rubric_id: input.rubricId,
    tags: '[]',
    photo_media_id: null,
    photo_caption: null,
    photo_alt: null,
    photo_credit: null,
    source_name: subscription.source_name,
    source_url: entry.link,
    dateline_city: input.datelineCity,
    dateline_date: new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(new Date(now)),
    timezone,
    scheduled_at: null,
    published_at: now,
    embargo_document_id: null,
    meeting_id: null,
    syndicated_entry_id: entry.id,
    created_by: ctx.actor?.id ?? null,
    updated_by: ctx.actor?.id ?? null,
    created_at: now,
    updated_at: now,
    version: 1,
  }
  await ctx.trx.insertInto('news_items').values(row).execute()
  const claimed = await ctx.trx
    .updateTable('feed_entries')
    .set({ republished_item_id: row.id })
    .where('id', '=', entry.id)
    .where('republished_item_id', 'is', null)
    .executeTakeFirst()
  if (Number(claimed.numUpdatedRows) !== 1) {
    throw new AppError(409, 'feed_entry_republished', {}, {})
  }
  await appendAudit(ctx, {
    action: 'news.republish',
    subjectType: 'news_item',
    subjectId: row.id,
    organizationId: organization.id,
    change: {
      entryId: entry.id,
      subscriptionId: subscription.id,
      sourceName: row.source_name,
      sourceUrl: row.source_url,
      language,
      slug: row.slug,
      rubricId: row.rubric_id,
      datelineCity: row.dateline_city,
    },
  })
  return row
}
