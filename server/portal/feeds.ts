/**
 * Atom 1.0 (RFC 4287) and RSS 2.0 feeds of published news, and the sitemap (with hreflang
 * alternates between the language versions of an item). Written directly as XML: a few
 * elements, every value escaped; entry ids are `urn:uuid:<item id>` so that a subscriber
 * recognises an item even after its title (and so its address) changed.
 */
import type { Lang } from '@core/i18n/languages.js'
import { plainText, sanitizeBody } from '../press/text.js'
import { escapeXml as x } from './html.js'

export interface FeedEntry {
  id: string
  title: string
  /** Absolute URL of the news page. */
  url: string
  lead: string
  /** Sanitized HTML. */
  body: string
  publishedAt: string
  updatedAt: string
  rubric: { slug: string; name: string } | null
  tags: string[]
  author: string
  /** The item's own attribution, when it republishes another source. */
  source: { name: string; url: string | null } | null
  image: { url: string; type: string; width: number } | null
}

export interface FeedMeta {
  title: string
  /** Absolute URL of the feed itself. */
  selfUrl: string
  /** Absolute URL of the page the feed follows. */
  pageUrl: string
  lang: Lang
  /** Newest update among the entries (or now). */
  updated: string
  subtitle?: string
  author: string
}

const laterOf = (a: string, b: string) => (a > b ? a : b)

/** The updated time of a feed: its newest entry's, else the given fallback. */
export function feedUpdated(entries: FeedEntry[], fallback: string): string {
  return entries.reduce((acc, e) => laterOf(acc, laterOf(e.updatedAt, e.publishedAt)), '') || fallback
}

export function atomFeed(meta: FeedMeta, entries: FeedEntry[]): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${meta.lang}">`,
    `<id>${x(meta.selfUrl)}</id>`,
    `<title>${x(meta.title)}</title>`,
    meta.subtitle ? `<subtitle>${x(meta.subtitle)}</subtitle>` : '',
    `<updated>${x(meta.updated)}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${x(meta.selfUrl)}"/>`,
    `<link rel="alternate" type="text/html" hreflang="${meta.lang}" href="${x(meta.pageUrl)}"/>`,
    `<author><name>${x(meta.author)}</name></author>`,
    '<generator>Concord</generator>',
  ]
  for (const e of entries) {
    out.push(
      '<entry>',
      `<id>urn:uuid:${x(e.id)}</id>`,
      `<title type="text">${x(e.title)}</title>`,
      `<link rel="alternate" type="text/html" href="${x(e.url)}"/>`,
      `<published>${x(e.publishedAt)}</published>`,
      `<updated>${x(laterOf(e.updatedAt, e.publishedAt))}</updated>`,
      `<author><name>${x(e.author)}</name></author>`,
      e.rubric ? `<category term="${x(e.rubric.slug)}" label="${x(e.rubric.name)}"/>` : '',
      ...e.tags.map((tag) => `<category term="${x(tag)}"/>`),
      e.lead ? `<summary type="text">${x(e.lead)}</summary>` : '',
      `<content type="html">${x(sanitizeBody(e.body))}</content>`,
      e.source?.url
        ? `<link rel="via" type="text/html" href="${x(e.source.url)}" title="${x(e.source.name)}"/>`
        : '',
      e.image ? `<link rel="enclosure" type="${x(e.image.type)}" href="${x(e.image.url)}"/>` : '',
      '</entry>',
    )
  }
  out.push('</feed>', '')
  return out.filter(Boolean).join('\n')
}

/** RFC 822 date, as RSS 2.0 wants it. */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString()
}

export function rssFeed(meta: FeedMeta, entries: FeedEntry[]): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    `<title>${x(meta.title)}</title>`,
    `<link>${x(meta.pageUrl)}</link>`,
    `<description>${x(meta.subtitle ?? meta.title)}</description>`,
    `<language>${meta.lang}</language>`,
    `<lastBuildDate>${rfc822(meta.updated)}</lastBuildDate>`,
    `<atom:link rel="self" type="application/rss+xml" href="${x(meta.selfUrl)}"/>`,
    '<generator>Concord</generator>',
  ]
  for (const e of entries) {
    out.push(
      '<item>',
      `<title>${x(e.title)}</title>`,
      `<link>${x(e.url)}</link>`,
      `<guid isPermaLink="false">urn:uuid:${x(e.id)}</guid>`,
      `<pubDate>${rfc822(e.publishedAt)}</pubDate>`,
      `<dc:creator>${x(e.author)}</dc:creator>`,
      e.rubric ? `<category>${x(e.rubric.name)}</category>` : '',
      `<description>${x(e.lead || plainText(e.body).slice(0, 500))}</description>`,
      `<content:encoded>${x(sanitizeBody(e.body))}</content:encoded>`,
      e.source?.url ? `<source url="${x(e.source.url)}">${x(e.source.name)}</source>` : '',
      '</item>',
    )
  }
  out.push('</channel>', '</rss>', '')
  return out.filter(Boolean).join('\n')
}

export interface SitemapUrl {
  loc: string
  lastmod?: string
  /** The same page in each language (the page itself included), absolute URLs. */
  alternates?: { lang: Lang; href: string }[]
}

export function sitemapXml(urls: SitemapUrl[]): string {
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
  ]
  for (const u of urls) {
    out.push('<url>', `<loc>${x(u.loc)}</loc>`)
    if (u.lastmod) out.push(`<lastmod>${x(u.lastmod)}</lastmod>`)
    for (const a of u.alternates ?? [])
      out.push(`<xhtml:link rel="alternate" hreflang="${a.lang}" href="${x(a.href)}"/>`)
    out.push('</url>')
  }
  out.push('</urlset>', '')
  return out.join('\n')
}

export function sitemapIndexXml(sitemaps: string[]): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...sitemaps.map((s) => `<sitemap><loc>${x(s)}</loc></sitemap>`),
    '</sitemapindex>',
    '',
  ].join('\n')
}
