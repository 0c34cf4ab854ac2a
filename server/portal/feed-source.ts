/**
 * A feed of an organization's published news (all of them, or one rubric's) in one
 * language, as Atom or RSS: read from the database and written by feeds.ts. Used by the
 * portal's feed routes, and by the syndication fetcher when a newsroom subscribes to a
 * feed of its own Concord (read in process rather than over HTTP).
 */
import { t } from '@core/i18n/index.js'
import { type Lang, pickText } from '@core/i18n/languages.js'
import type { Queryable } from '../context.js'
import { atomFeed, type FeedEntry, type FeedMeta, feedUpdated, rssFeed } from './feeds.js'
import {
  type ItemSummary,
  type PortalOrg,
  type PortalRubric,
  publishedItems,
  renditionsOf,
} from './repository.js'
import { portalUrls } from './urls.js'
import { pickRendition } from './views.js'

/** Items in a feed. */
export const FEED_SIZE = 50

export type FeedFormat = 'atom' | 'rss'

async function feedEntries(
  db: Queryable,
  baseUrl: string,
  org: PortalOrg,
  lang: Lang,
  rubrics: PortalRubric[],
  items: ItemSummary[],
): Promise<FeedEntry[]> {
  if (items.length === 0) return []
  const full = await db
    .selectFrom('news_items')
    .select(['id', 'body', 'tags', 'source_name', 'source_url'])
    .where(
      'id',
      'in',
      items.map((i) => i.id),
    )
    .where('status', '=', 'published')
    .execute()
  const byId = new Map(full.map((f) => [f.id, f]))
  const renditions = await renditionsOf(
    db,
    items.flatMap((i) => (i.photo_media_id ? [i.photo_media_id] : [])),
  )
  const author = pickText(org.shortName, lang) || pickText(org.name, lang)
  return items.flatMap((item): FeedEntry[] => {
    const f = byId.get(item.id)
    if (!f) return []
    const rubric = rubrics.find((r) => r.id === item.rubric_id)
    const image = item.photo_media_id ? pickRendition(renditions.get(item.photo_media_id), 800) : null
    return [
      {
        id: item.id,
        title: item.title,
        url: `${baseUrl}${portalUrls.news(org.slug, lang, item.slug)}`,
        lead: item.lead,
        body: f.body,
        publishedAt: item.published_at,
        updatedAt: item.updated_at,
        rubric: rubric ? { slug: rubric.slug, name: pickText(rubric.name, lang) } : null,
        tags: JSON.parse(f.tags) as string[],
        author,
        source: f.source_name ? { name: f.source_name, url: f.source_url } : null,
        image:
          image && item.photo_media_id
            ? {
                url: `${baseUrl}${portalUrls.media(item.photo_media_id, image.name)}`,
                type: image.media_type,
                width: image.width,
              }
            : null,
      },
    ]
  })
}

/** The feed's XML. */
export async function feedXml(
  db: Queryable,
  baseUrl: string,
  org: PortalOrg,
  lang: Lang,
  rubrics: PortalRubric[],
  rubric: PortalRubric | undefined,
  format: FeedFormat,
): Promise<string> {
  const items = await publishedItems(db, org.id, lang, {
    limit: FEED_SIZE,
    ...(rubric ? { rubricId: rubric.id } : {}),
  })
  const entries = await feedEntries(db, baseUrl, org, lang, rubrics, items)
  const shortName = pickText(org.shortName, lang) || pickText(org.name, lang)
  const meta: FeedMeta = {
    title: rubric
      ? t(lang, 'portal.feed.rubricTitle', { org: shortName, rubric: pickText(rubric.name, lang) })
      : t(lang, 'portal.feed.title', { org: shortName }),
    selfUrl: `${baseUrl}${portalUrls.feed(org.slug, lang, format, rubric?.slug)}`,
    pageUrl: `${baseUrl}${rubric ? portalUrls.rubric(org.slug, lang, rubric.slug) : portalUrls.home(org.slug, lang)}`,
    lang,
    updated: feedUpdated(entries, new Date(0).toISOString()),
    subtitle: pickText(org.name, lang),
    author: shortName,
  }
  return format === 'atom' ? atomFeed(meta, entries) : rssFeed(meta, entries)
}

/** The parts of a portal feed address: /portal/<org>/<lang>/[rubrics/<rubric>/](atom|rss).xml */
export function parseFeedPath(
  pathname: string,
): { org: string; lang: string; rubric: string | null; format: FeedFormat } | null {
  const m = /^\/portal\/([^/]+)\/([^/]+)\/(?:rubrics\/([^/]+)\/)?(atom|rss)\.xml$/.exec(pathname)
  if (!m) return null
  try {
    return {
      org: decodeURIComponent(m[1]!),
      lang: m[2]!,
      rubric: m[3] ? decodeURIComponent(m[3]) : null,
      format: m[4] as FeedFormat,
    }
  } catch {
    return null
  }
}
