/**
 * Syndication: a newsroom subscribes to another portal's Atom or RSS feed (another Concord,
 * or any source), fetches its entries and republishes some of them under its own rubric and
 * dateline, with the source named and linked. Request schemas (zod, strict) and response
 * shapes, shared by the server and the web app.
 */
import { z } from 'zod'

const id = z.string().min(1).max(64)

/** An http(s) URL (the only schemes fetched). */
export const feedUrlSchema = z.string().trim().min(1).max(2000)

export const createSubscriptionRequest = z
  .object({
    /** Defaults to the organization whose secretariat the user belongs to. */
    organizationId: id.optional(),
    /** http:// or https:// (422 `feed_url_invalid` otherwise). */
    url: feedUrlSchema,
    /** Shown in the newsroom; defaults to the feed's own title once fetched. */
    title: z.string().trim().max(300).optional(),
    /** Named in the attribution line of republished items, e.g. "пресс-служба Исполкома СНГ". */
    sourceName: z.string().trim().min(1).max(200),
    /** Where republished entries go unless the republisher chooses another. */
    rubricId: id.nullable().optional(),
  })
  .strict()
export type CreateSubscriptionRequest = z.infer<typeof createSubscriptionRequest>

export const subscriptionListQuery = z
  .object({
    organizationId: id.optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict()

export const entryListQuery = z
  .object({
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict()

export const republishRequest = z
  .object({
    rubricId: id,
    /** The republisher's dateline city, e.g. "ДУШАНБЕ". */
    datelineCity: z.string().trim().min(1).max(80),
    /** Override the entry's title and lead (both default to the entry's). */
    title: z.string().trim().min(1).max(300).optional(),
    lead: z.string().trim().max(2000).optional(),
    /** The language of the republished item; defaults to the entry's (422 when it has none of ru, en, tg). */
    language: z.enum(['ru', 'en', 'tg']).optional(),
    /** IANA zone of the publication time; defaults to UTC. */
    timezone: z.string().trim().min(1).max(64).optional(),
  })
  .strict()
export type RepublishRequest = z.infer<typeof republishRequest>

export interface FeedSubscriptionDTO {
  id: string
  organizationId: string
  url: string
  title: string
  sourceName: string
  rubricId: string | null
  lastFetchedAt: string | null
  /** Why the last fetch failed (null when it worked). */
  lastError: string | null
  /** When the next fetch is due (a pending 'feed.fetch' job), if one is scheduled. */
  nextFetchAt: string | null
  entryCount: number
  createdAt: string
  version: number
}

export interface FeedEntryDTO {
  id: string
  subscriptionId: string
  guid: string
  title: string
  link: string
  summary: string | null
  language: string | null
  publishedAt: string | null
  fetchedAt: string
  /** The news item made from it, when republished. */
  republished: { itemId: string; language: string; slug: string; status: string; publicPath: string } | null
}

export interface RepublishedDTO {
  itemId: string
  groupId: string
  language: string
  slug: string
  publicPath: string
}
