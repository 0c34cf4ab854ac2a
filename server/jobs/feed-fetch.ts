/**
 * The 'feed.fetch' job: fetches a subscription's feed (Atom or RSS) and stores its new
 * entries (unique by guid), then schedules itself again. One pending job per subscription
 * (keyed `feed.fetch:<id>`): subscribing schedules the first fetch at once, "fetch now"
 * moves the pending one to now, each run schedules the next (every 30 minutes, or 10 after
 * a failure). A failure is recorded on the subscription (`last_error`) and does not fail
 * the job, so it never piles up retries.
 *
 * The fetch: http(s) only, at most FEED_MAX_BYTES, within FEED_TIMEOUT_MS, conditional
 * (If-None-Match / If-Modified-Since from the last answer; a 304 stores nothing), parsed
 * with rss-parser. It runs before the job's transaction (the queue's `prepare`), so a slow
 * source holds no database connection. A subscription to a feed of this very Concord (its
 * PUBLIC_URL) is read in process, without a round trip through HTTP.
 */
import type Parser from 'rss-parser'
import { type FetchedEntry, type FetchOutcome, feedFetchRecorder } from '../commands/syndication.js'
import type { CommandContext, Queryable } from '../context.js'
import type { FeedSubscriptionRow } from '../db/types.js'
import { mailSettings } from '../mail/settings.js'
import { feedXml, parseFeedPath } from '../portal/feed-source.js'
import { orgBySlug, rubricsOf } from '../portal/repository.js'
import { isPortalLang } from '../portal/urls.js'
import { enqueue, type JobHandler } from './queue.js'

export const FEED_FETCH_JOB = 'feed.fetch'
/** How often a subscription is fetched. */
export const FEED_FETCH_EVERY_MS = 30 * 60_000
/** How soon a failed fetch is tried again. */
export const FEED_RETRY_MS = 10 * 60_000
/** The whole fetch (connection, headers and body) must finish within this. */
export const FEED_TIMEOUT_MS = 10_000
/** Largest feed read. */
export const FEED_MAX_BYTES = 2 * 1024 * 1024
/** Most entries stored from one fetch. */
export const FEED_MAX_ENTRIES = 200

export const feedFetchKey = (subscriptionId: string) => `${FEED_FETCH_JOB}:${subscriptionId}`

/** Schedules (or moves) the subscription's fetch, in the caller's transaction. */
export function scheduleFeedFetch(ctx: CommandContext, subscriptionId: string, runAt: Date): Promise<string> {
  return enqueue(ctx, FEED_FETCH_JOB, runAt.toISOString(), { subscriptionId }, feedFetchKey(subscriptionId))
}

export class FeedFetchError extends Error {}

/** True for the URLs a subscription may have: absolute http(s), no credentials. */
export function isFetchableUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password
  } catch {
    return false
  }
}

/** Reads a response body, refusing more than `limit` bytes. */
async function readLimited(response: Response, limit: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > limit)
    throw new FeedFetchError(`feed larger than ${limit} bytes`)
  if (!response.body) return ''
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      throw new FeedFetchError(`feed larger than ${limit} bytes`)
    }
    chunks.push(value)
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks))
}

export interface FetchOptions {
  timeoutMs?: number
  maxBytes?: number
}

/** GETs a feed over HTTP, conditionally. */
export async function fetchFeedHttp(
  url: string,
  previous: { etag: string | null; lastModified: string | null },
  options: FetchOptions = {},
): Promise<
  | { notModified: true }
  | { notModified: false; xml: string; etag: string | null; lastModified: string | null }
> {
  if (!isFetchableUrl(url)) throw new FeedFetchError('only http and https feeds are fetched')
  const headers: Record<string, string> = {
    accept: 'application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1',
    'user-agent': 'Concord feed fetcher',
  }
  if (previous.etag) headers['if-none-match'] = previous.etag
  if (previous.lastModified) headers['if-modified-since'] = previous.lastModified
  const signal = AbortSignal.timeout(options.timeoutMs ?? FEED_TIMEOUT_MS)
  let response: Response
  try {
    response = await fetch(url, { headers, signal, redirect: 'follow' })
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } }
    if (e.name === 'TimeoutError' || e.name === 'AbortError') throw new FeedFetchError('timed out')
    throw new FeedFetchError(e.cause?.code ?? e.cause?.message ?? e.message)
  }
  if (response.url && !isFetchableUrl(response.url)) throw new FeedFetchError('redirected off http(s)')
  if (response.status === 304) {
    await response.body?.cancel()
    return { notModified: true }
  }
  if (!response.ok) {
    await response.body?.cancel()
    throw new FeedFetchError(`HTTP ${response.status}`)
  }
  let xml: string
  try {
    xml = await readLimited(response, options.maxBytes ?? FEED_MAX_BYTES)
  } catch (err) {
    if (err instanceof FeedFetchError) throw err
    const e = err as Error
    throw new FeedFetchError(e.name === 'TimeoutError' || e.name === 'AbortError' ? 'timed out' : e.message)
  }
  return {
    notModified: false,
    xml,
    etag: response.headers.get('etag'),
    lastModified: response.headers.get('last-modified'),
  }
}

let parserInstance: Promise<Parser> | undefined
/** rss-parser (with xml2js, about 12 MB) is loaded with the first feed, not at start-up. */
function feedParser(): Promise<Parser> {
  parserInstance ??= import('rss-parser').then((m) => {
    const ParserClass = ((m as unknown as { default?: typeof Parser }).default ?? m) as typeof Parser
    return new ParserClass({ timeout: FEED_TIMEOUT_MS })
  })
  return parserInstance
}

/** The language a feed declares: RSS <language>, or xml:lang on Atom's root element. */
function feedLanguage(xml: string, declared: string | undefined): string | null {
  const lang = declared ?? /<feed\b[^>]*\sxml:lang="([^"]+)"/.exec(xml)?.[1] ?? null
  return lang ? lang.trim().toLowerCase().split(/[-_]/)[0]! : null
}

/** The entries of an Atom or RSS document (at most FEED_MAX_ENTRIES), and the feed's title. */
export async function parseFeed(xml: string): Promise<{ title: string | null; entries: FetchedEntry[] }> {
  const parser = await feedParser()
  let feed: Awaited<ReturnType<Parser['parseString']>>
  try {
    feed = await parser.parseString(xml)
  } catch (err) {
    throw new FeedFetchError(`not a feed: ${(err as Error).message}`.slice(0, 300))
  }
  const language = feedLanguage(xml, (feed as { language?: string }).language)
  const entries: FetchedEntry[] = []
  for (const item of feed.items.slice(0, FEED_MAX_ENTRIES)) {
    const it = item as typeof item & { id?: string; 'content:encoded'?: string; language?: string }
    const link = it.link && isFetchableUrl(it.link) ? it.link : null
    const guid = (it.guid ?? it.id ?? link ?? '').trim()
    const title = (it.title ?? '').trim()
    if (!guid || !title || !link) continue
    const itemLanguage = it.language ? it.language.toLowerCase().split(/[-_]/)[0]! : null
    entries.push({
      guid: guid.slice(0, 500),
      title: title.slice(0, 500),
      link: link.slice(0, 2000),
      summary: it.summary ?? it.contentSnippet ?? null,
      content: it['content:encoded'] ?? it.content ?? null,
      language: itemLanguage ?? language,
      publishedAt: it.isoDate ?? null,
    })
  }
  return { title: feed.title?.trim() || null, entries }
}

/** The feed's XML when the URL is a feed of this Concord's own portal, read in process; else null. */
async function ownFeed(db: Queryable, url: string): Promise<string | null> {
  let own: URL
  let wanted: URL
  try {
    own = new URL(mailSettings().publicUrl)
    wanted = new URL(url)
  } catch {
    return null
  }
  if (own.origin !== wanted.origin) return null
  const path = parseFeedPath(wanted.pathname)
  if (!path || !isPortalLang(path.lang)) return null
  const org = await orgBySlug(db, path.org)
  if (!org) throw new FeedFetchError('HTTP 404')
  const rubrics = await rubricsOf(db, org.id)
  const rubric = path.rubric ? rubrics.find((r) => r.slug === path.rubric) : undefined
  if (path.rubric && !rubric) throw new FeedFetchError('HTTP 404')
  return feedXml(db, own.origin, org, path.lang, rubrics, rubric, path.format)
}

/** Fetches and parses a subscription's feed; failures come back as `{ error }`, never thrown. */
export async function fetchSubscription(
  db: Queryable,
  subscription: FeedSubscriptionRow,
  options: FetchOptions = {},
): Promise<FetchOutcome> {
  try {
    const local = await ownFeed(db, subscription.url)
    if (local !== null)
      return { kind: 'fetched', ...(await parseFeed(local)), etag: null, lastModified: null }
    const got = await fetchFeedHttp(
      subscription.url,
      { etag: subscription.etag, lastModified: subscription.last_modified },
      options,
    )
    if (got.notModified) return { kind: 'not_modified' }
    return { kind: 'fetched', ...(await parseFeed(got.xml)), etag: got.etag, lastModified: got.lastModified }
  } catch (err) {
    if (err instanceof FeedFetchError) return { kind: 'failed', error: err.message.slice(0, 500) }
    throw err
  }
}

/**
 * The job: the fetch happens before the job's transaction (a slow source holds no database
 * connection); then what is new is stored and the next run scheduled, in the transaction.
 */
export const feedFetchJob: JobHandler = {
  async prepare(db, payload): Promise<FetchOutcome | null> {
    const id = typeof payload.subscriptionId === 'string' ? payload.subscriptionId : ''
    const subscription = await db
      .selectFrom('feed_subscriptions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst()
    return subscription ? fetchSubscription(db, subscription) : null
  },
  async run(ctx, payload, _job, prepared) {
    const id = typeof payload.subscriptionId === 'string' ? payload.subscriptionId : ''
    const subscription = await ctx.trx
      .selectFrom('feed_subscriptions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst()
    const outcome = prepared as FetchOutcome | null
    if (!subscription || !outcome) return // unsubscribed meanwhile
    await feedFetchRecorder({ ctx, subscription, outcome })
    const next = outcome.kind === 'failed' ? FEED_RETRY_MS : FEED_FETCH_EVERY_MS
    await scheduleFeedFetch(ctx, subscription.id, new Date(Date.now() + next))
  },
}
