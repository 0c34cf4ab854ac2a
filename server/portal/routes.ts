/**
 * The public portal: server-rendered HTML under /portal/<organization>/<language>/ (ru, tg,
 * en) that works without JavaScript — home, rubrics, news pages, adopted documents with
 * their SHA-256 and a verification page, search — and Atom/RSS feeds, the sitemap, the
 * stylesheet and the photos of published items. No session is read here: everything shown
 * is public, and every query filters on status = 'published' (or decision = 'adopted').
 *
 * Rendered pages are cached per node in a byte-bounded LRU under keys that carry the row
 * versions they show (see cache.ts), and sent with an ETag (304) and a short public
 * Cache-Control with stale-while-revalidate.
 */
import { t } from '@core/i18n/index.js'
import { type Lang, pickText } from '@core/i18n/languages.js'
import type { DocumentContent } from '@core/text/model.js'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { isId } from '../ids.js'
import { plainText } from '../press/text.js'
import type { RouteDeps } from '../routes/deps.js'
import { canonicalHashOf } from '../verify/index.js'
import { etagOf, PageCache, PUBLIC_CACHE_CONTROL, sendCached } from './cache.js'
import { feedXml } from './feed-source.js'
import { type SitemapUrl, sitemapIndexXml, sitemapXml } from './feeds.js'
import { type PageFrame, renderPage } from './layout.js'
import { boundaryOf, parseMultipart } from './multipart.js'
import {
  adoptedTexts,
  allOrgs,
  firstOrg,
  type ItemSummary,
  itemStamp,
  orgBySlug,
  type PortalOrg,
  type PortalRubric,
  publicRendition,
  publishedItem,
  publishedItems,
  publishedStamp,
  publishedTranslations,
  renditionsOf,
  rubricsOf,
  versionContentOf,
} from './repository.js'
import { bringIndexUpToDate, searchNews } from './search/index.js'
import { PORTAL_CSS_BYTES, PORTAL_CSS_HASH } from './styles.js'
import { isPortalLang, PORTAL_LANGUAGES, portalUrls } from './urls.js'
import {
  documentContent,
  documentsContent,
  homeContent,
  newsContent,
  notFoundContent,
  pickRendition,
  rubricContent,
  searchContent,
  type VerifyOutcome,
  verifyContent,
} from './views.js'

const HTML = 'text/html; charset=utf-8'
const ATOM = 'application/atom+xml; charset=utf-8'
const RSS = 'application/rss+xml; charset=utf-8'
const XML = 'application/xml; charset=utf-8'
/** Items on a rubric page and on a page of search results. */
export const PAGE_SIZE = 10
const HOME_LATEST = 5
const HOME_PER_RUBRIC = 4
const RELATED = 5
const ORG_TTL_MS = 60_000
const HASH = /^[0-9a-f]{64}$/

/** Thrown while building a page whose subject disappeared meanwhile: answered 404. */
class Gone extends Error {}

type Params = Record<string, string>
type Query = Record<string, string | string[] | undefined>

function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? ''
}

/** A page number from the query: 1 when absent; null when not a positive integer. */
function pageNumber(query: Query): number | null {
  const raw = one(query.page)
  if (raw === '') return 1
  if (!/^\d{1,6}$/.test(raw)) return null
  const n = Number(raw)
  return n >= 1 ? n : null
}

const portal = async (app: FastifyInstance, { handle, config }: RouteDeps): Promise<void> => {
  const db = handle.db
  const baseUrl = config.PUBLIC_URL.replace(/\/+$/, '')
  const abs = (path: string) => `${baseUrl}${path}`
  const cache = new PageCache()
  const orgs = new Map<string, { org: PortalOrg | null; expires: number }>()

  /** The organization of a slug (kept a minute: names and slugs rarely change). */
  async function findOrg(slug: string): Promise<PortalOrg | null> {
    const hit = orgs.get(slug)
    if (hit && hit.expires > Date.now()) return hit.org
    const org = slug.length <= 100 ? await orgBySlug(db, slug) : null
    if (orgs.size > 1000) orgs.clear()
    orgs.set(slug, { org, expires: Date.now() + ORG_TTL_MS })
    return org
  }

  function frame(
    org: PortalOrg,
    lang: Lang,
    rubrics: PortalRubric[],
    path: string,
    title: string,
    extra: Partial<PageFrame> & { samePageIn?: (l: Lang) => string } = {},
  ): PageFrame {
    const { samePageIn, ...rest } = extra
    const alternates: Partial<Record<Lang, string>> = {}
    if (samePageIn) for (const l of PORTAL_LANGUAGES) alternates[l] = samePageIn(l)
    return { org, lang, rubrics, baseUrl, path, title, alternates, ...rest }
  }

  async function sendNotFound(reply: FastifyReply, org: PortalOrg | null, lang: Lang): Promise<FastifyReply> {
    const rubrics = org ? await rubricsOf(db, org.id) : []
    const body = org
      ? renderPage(
          frame(org, lang, rubrics, portalUrls.home(org.slug, lang), t(lang, 'portal.notFound.title'), {
            noindex: true,
          }),
          notFoundContent(org, lang),
        )
      : `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>${t(lang, 'portal.notFound.title')}</title></head><body><main><h1>${t(lang, 'portal.notFound.title')}</h1><p>${t(lang, 'portal.notFound.text')}</p></main></body></html>`
    return reply.status(404).type(HTML).header('cache-control', 'no-cache').send(body)
  }

  /** The organization and language of a request, or a 404 page already sent. */
  async function context(
    req: FastifyRequest,
    reply: FastifyReply,
  ): Promise<{ org: PortalOrg; lang: Lang } | null> {
    const params = req.params as Params
    const lang = params.lang && isPortalLang(params.lang) ? params.lang : null
    const org = await findOrg(params.org ?? '')
    if (!org || !lang) {
      await sendNotFound(reply, org, lang ?? 'ru')
      return null
    }
    return { org, lang }
  }

  // Errors of the portal's own routes are pages too (a 5xx hides its cause, as in the API).
  app.setErrorHandler(async (error: { statusCode?: number; code?: string }, req, reply) => {
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500
    if (status >= 500) req.log.error({ err: error, requestId: req.id }, 'portal error')
    const lang = (req.params as Params | undefined)?.lang
    const l: Lang = lang && isPortalLang(lang) ? lang : 'ru'
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const org = await findOrg((req.params as Params).org ?? '').catch(() => null)
      if (org) {
        const rubrics = await rubricsOf(db, org.id)
        const body = renderPage(
          frame(org, l, rubrics, portalUrls.verify(org.slug, l), t(l, 'portal.verify.title'), {
            noindex: true,
          }),
          verifyContent(org, l, { kind: 'too_large', limitMb: Math.floor(config.BODY_LIMIT / 2 ** 20) }, ''),
        )
        return reply.status(413).type(HTML).header('cache-control', 'no-store').send(body)
      }
    }
    return reply
      .status(status)
      .type(HTML)
      .header('cache-control', 'no-store')
      .send(
        `<!DOCTYPE html><html lang="${l}"><head><meta charset="utf-8"><title>${status}</title></head><body><main><h1>${status}</h1><p>${req.id}</p></main></body></html>`,
      )
  })

  const hide = { schema: { hide: true } }

  // ---------------------------------------------------------------------------------------
  // Entry points, assets and images

  app.get('/portal', hide, async (_req, reply) => {
    const org = await firstOrg(db)
    if (!org) return sendNotFound(reply, null, 'ru')
    return reply.header('cache-control', 'no-cache').redirect(portalUrls.home(org.slug, 'ru'), 302)
  })

  app.get('/portal/:org', hide, async (req, reply) => {
    const org = await findOrg((req.params as Params).org ?? '')
    if (!org) return sendNotFound(reply, null, 'ru')
    return reply.header('cache-control', 'no-cache').redirect(portalUrls.home(org.slug, 'ru'), 302)
  })

  app.get('/portal/assets/:file', hide, async (req, reply) => {
    if ((req.params as Params).file !== `portal.${PORTAL_CSS_HASH}.css`)
      return sendNotFound(reply, null, 'ru')
    return reply
      .type('text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(PORTAL_CSS_BYTES)
  })

  app.get('/portal/media/:id/:rendition', hide, async (req, reply) => {
    const { id = '', rendition = '' } = req.params as Params
    const found =
      isId(id) && /^[a-z0-9_-]{1,40}$/.test(rendition) ? await publicRendition(db, id, rendition) : null
    if (!found)
      return reply.status(404).header('cache-control', 'no-cache').type('text/plain').send('Not found')
    const etag = `"${id}-${rendition}-${found.size}"`
    return sendCached(
      req,
      reply,
      { body: found.content, etag, type: found.media_type },
      'public, max-age=3600',
    )
  })

  app.get('/portal/sitemap.xml', hide, async (req, reply) => {
    const all = await allOrgs(db)
    const body = Buffer.from(sitemapIndexXml(all.map((o) => abs(portalUrls.sitemap(o.slug)))))
    return sendCached(req, reply, { body, etag: etagOf(body), type: XML })
  })

  // ---------------------------------------------------------------------------------------
  // Home, rubrics, news

  app.get('/portal/:org/:lang', hide, async (req, reply) => {
    const c = await context(req, reply)
    if (!c) return reply
    const { org, lang } = c
    const stamp = await publishedStamp(db, org.id, lang)
    const entry = await cache.getOrBuild(
      `home:${org.id}:${lang}:${stamp.count}:${stamp.latest}`,
      HTML,
      async () => {
        const rubrics = await rubricsOf(db, org.id)
        const latest = await publishedItems(db, org.id, lang, { limit: HOME_LATEST })
        // The newest item leads; then each rubric's latest (the lead story not repeated).
        const topId = latest[0]?.id
        const byRubric = await Promise.all(
          rubrics.map(async (rubric) => ({
            rubric,
            items: (
              await publishedItems(db, org.id, lang, { rubricId: rubric.id, limit: HOME_PER_RUBRIC + 1 })
            )
              .filter((i) => i.id !== topId)
              .slice(0, HOME_PER_RUBRIC),
          })),
        )
        const photoIds = latest[0]?.photo_media_id ? [latest[0].photo_media_id] : []
        const renditions = await renditionsOf(db, photoIds)
        const orgName = pickText(org.name, lang)
        const top = latest[0]
        const topImage = top?.photo_media_id ? pickRendition(renditions.get(top.photo_media_id), 1600) : null
        return renderPage(
          frame(org, lang, rubrics, portalUrls.home(org.slug, lang), orgName, {
            current: 'home',
            description: t(lang, 'portal.home.description', { org: orgName }),
            samePageIn: (l) => portalUrls.home(org.slug, l),
            og: {
              type: 'website',
              ...(top && topImage
                ? {
                    image: {
                      url: portalUrls.media(top.photo_media_id!, topImage.name),
                      width: topImage.width,
                      height: topImage.height,
                      alt: top.photo_alt,
                      type: topImage.media_type,
                    },
                  }
                : {}),
            },
          }),
          homeContent({ org, lang, latest, byRubric, renditions }),
        )
      },
    )
    return sendCached(req, reply, entry)
  })

  app.get('/portal/:org/:lang/rubrics/:rubric', hide, async (req, reply) => {
    const c = await context(req, reply)
    if (!c) return reply
    const { org, lang } = c
    const rubrics = await rubricsOf(db, org.id)
    const rubric = rubrics.find((r) => r.slug === (req.params as Params).rubric)
    const page = pageNumber(req.query as Query)
    if (!rubric || page === null) return sendNotFound(reply, org, lang)
    const stamp = await publishedStamp(db, org.id, lang, rubric.id)
    const pages = Math.max(1, Math.ceil(stamp.count / PAGE_SIZE))
    if (page > pages) return sendNotFound(reply, org, lang)
    const key = `rubric:${org.id}:${lang}:${rubric.id}:${page}:${stamp.count}:${stamp.latest}`
    const entry = await cache.getOrBuild(key, HTML, async () => {
      const items = await publishedItems(db, org.id, lang, {
        rubricId: rubric.id,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      })
      const name = pickText(rubric.name, lang)
      const shortName = pickText(org.shortName, lang)
      return renderPage(
        frame(org, lang, rubrics, portalUrls.rubric(org.slug, lang, rubric.slug, page), name, {
          current: { rubric: rubric.slug },
          description: t(lang, 'portal.rubric.description', { org: pickText(org.name, lang), rubric: name }),
          samePageIn: (l) => portalUrls.rubric(org.slug, l, rubric.slug),
          feeds: [
            {
              title: t(lang, 'portal.feed.rubricTitle', { org: shortName, rubric: name }),
              href: portalUrls.feed(org.slug, lang, 'atom', rubric.slug),
              type: 'atom',
            },
            {
              title: t(lang, 'portal.feed.rubricTitle', { org: shortName, rubric: name }),
              href: portalUrls.feed(org.slug, lang, 'rss', rubric.slug),
              type: 'rss',
            },
          ],
          breadcrumbs: [{ label: t(lang, 'portal.nav.home'), href: portalUrls.home(org.slug, lang) }],
        }),
        rubricContent(org, lang, rubric, items, {
          page,
          pages,
          href: (p) => portalUrls.rubric(org.slug, lang, rubric.slug, p),
        }),
      )
    })
    return sendCached(req, reply, entry)
  })

  /** The news page, built from the database (on a cache miss). */
  async function renderNews(org: PortalOrg, lang: Lang, id: string): Promise<string> {
    const item = await publishedItem(db, id)
    if (!item) throw new Gone()
    const [rubrics, translations, renditions] = await Promise.all([
      rubricsOf(db, org.id),
      publishedTranslations(db, item.group_id),
      renditionsOf(db, item.photo_media_id ? [item.photo_media_id] : []),
    ])
    const rubric = rubrics.find((r) => r.id === item.rubric_id) ?? null
    const related = rubric
      ? await publishedItems(db, org.id, lang, { rubricId: rubric.id, limit: RELATED, exceptId: item.id })
      : []
    const photo = item.photo_media_id ? renditions.get(item.photo_media_id) : undefined
    const ogImage = pickRendition(photo, 1600)
    const alternates: Partial<Record<Lang, string>> = {}
    for (const tr of translations) alternates[tr.language] = portalUrls.news(org.slug, tr.language, tr.slug)
    const fallback: Partial<Record<Lang, string>> = {}
    for (const l of PORTAL_LANGUAGES)
      fallback[l] = rubric ? portalUrls.rubric(org.slug, l, rubric.slug) : portalUrls.home(org.slug, l)
    const tags = JSON.parse(item.tags) as string[]
    return renderPage(
      {
        ...frame(org, lang, rubrics, portalUrls.news(org.slug, lang, item.slug), item.title, {
          current: rubric ? { rubric: rubric.slug } : 'home',
          description: item.lead || plainText(item.body).slice(0, 300),
          fallback,
          breadcrumbs: [
            { label: t(lang, 'portal.nav.home'), href: portalUrls.home(org.slug, lang) },
            ...(rubric
              ? [{ label: pickText(rubric.name, lang), href: portalUrls.rubric(org.slug, lang, rubric.slug) }]
              : []),
          ],
          og: {
            type: 'article',
            ...(ogImage && item.photo_media_id
              ? {
                  image: {
                    url: portalUrls.media(item.photo_media_id, ogImage.name),
                    width: ogImage.width,
                    height: ogImage.height,
                    alt: item.photo_alt,
                    type: ogImage.media_type,
                  },
                }
              : {}),
            ...(item.published_at ? { publishedTime: item.published_at } : {}),
            modifiedTime: item.updated_at,
            ...(rubric ? { section: pickText(rubric.name, lang) } : {}),
            tags,
          },
        }),
        alternates,
      },
      newsContent({
        org,
        lang,
        item,
        rubric,
        renditions: photo,
        translations,
        related,
        url: abs(portalUrls.news(org.slug, lang, item.slug)),
      }),
    )
  }

  app.get('/portal/:org/:lang/news/:slug', hide, async (req, reply) => {
    const c = await context(req, reply)
    if (!c) return reply
    const { org, lang } = c
    const slug = (req.params as Params).slug ?? ''
    const stamp = slug.length <= 200 ? await itemStamp(db, org.id, lang, slug) : null
    if (!stamp) return sendNotFound(reply, org, lang)
    try {
      const entry = await cache.getOrBuild(`news:${stamp.id}:${stamp.version}:${lang}`, HTML, () =>
        renderNews(org, lang, stamp.id),
      )
      return sendCached(req, reply, entry)
    } catch (err) {
      if (err instanceof Gone) return sendNotFound(reply, org, lang)
      throw err
    }
  })

  // ---------------------------------------------------------------------------------------
  // Feeds and sitemap

  async function sendFeed(
    req: FastifyRequest,
    reply: FastifyReply,
    format: 'atom' | 'rss',
    withRubric: boolean,
  ) {
    const c = await context(req, reply)
    if (!c) return reply
    const { org, lang } = c
    const rubrics = await rubricsOf(db, org.id)
    const rubric = withRubric ? rubrics.find((r) => r.slug === (req.params as Params).rubric) : undefined
    if (withRubric && !rubric) return sendNotFound(reply, org, lang)
    const stamp = await publishedStamp(db, org.id, lang, rubric?.id)
    const key = `feed:${format}:${org.id}:${lang}:${rubric?.id ?? ''}:${stamp.count}:${stamp.latest}`
    const entry = await cache.getOrBuild(key, format === 'atom' ? ATOM : RSS, () =>
      feedXml(db, baseUrl, org, lang, rubrics, rubric, format),
    )
    return sendCached(req, reply, entry)
  }

  app.get('/portal/:org/:lang/atom.xml', hide, (req, reply) => sendFeed(req, reply, 'atom', false))
  app.get('/portal/:org/:lang/rss.xml', hide, (req, reply) => sendFeed(req, reply, 'rss', false))
  app.get('/portal/:org/:lang/rubrics/:rubric/atom.xml', hide, (req, reply) =>
    sendFeed(req, reply, 'atom', true),
  )
  app.get('/portal/:org/:lang/rubrics/:rubric/rss.xml', hide, (req, reply) =>
    sendFeed(req, reply, 'rss', true),
  )

  app.get('/portal/:org/sitemap.xml', hide, async (req, reply) => {
    const org = await findOrg((req.params as Params).org ?? '')
    if (!org) return sendNotFound(reply, null, 'ru')
    const stamp = await publishedStamp(db, org.id, null)
    const entry = await cache.getOrBuild(
      `sitemap:${org.id}:${stamp.count}:${stamp.latest}`,
      XML,
      async () => {
        const rubrics = await rubricsOf(db, org.id)
        const every = (path: (l: Lang) => string) =>
          PORTAL_LANGUAGES.map((l) => ({ lang: l, href: abs(path(l)) }))
        const urls: SitemapUrl[] = []
        const samePage = (path: (l: Lang) => string, lastmod?: string) => {
          const alternates = every(path)
          for (const a of alternates) urls.push({ loc: a.href, alternates, ...(lastmod ? { lastmod } : {}) })
        }
        samePage((l) => portalUrls.home(org.slug, l), stamp.latest ?? undefined)
        for (const r of rubrics) samePage((l) => portalUrls.rubric(org.slug, l, r.slug))
        samePage((l) => portalUrls.documents(org.slug, l))
        for (const d of await adoptedTexts(db, org.id))
          samePage((l) => portalUrls.document(org.slug, l, d.versionId))
        const items = await db
          .selectFrom('news_items')
          .select(['id', 'group_id', 'language', 'slug', 'updated_at'])
          .where('organization_id', '=', org.id)
          .where('status', '=', 'published')
          .orderBy('published_at', 'desc')
          .limit(45_000)
          .execute()
        const groups = new Map<string, typeof items>()
        for (const i of items) groups.set(i.group_id, [...(groups.get(i.group_id) ?? []), i])
        for (const i of items) {
          if (!isPortalLang(i.language)) continue
          const alternates = (groups.get(i.group_id) ?? [])
            .filter((g) => isPortalLang(g.language))
            .map((g) => ({
              lang: g.language as Lang,
              href: abs(portalUrls.news(org.slug, g.language as Lang, g.slug)),
            }))
          urls.push({
            loc: abs(portalUrls.news(org.slug, i.language, i.slug)),
            lastmod: i.updated_at,
            ...(alternates.length > 1 ? { alternates } : {}),
          })
        }
        return sitemapXml(urls)
      },
    )
    return sendCached(req, reply, entry)
  })

  // ---------------------------------------------------------------------------------------
  // Adopted documents and their verification

  app.get('/portal/:org/:lang/documents', hide, async (req, reply) => {
    const c = await context(req, reply)
    if (!c) return reply
    const { org, lang } = c
    const entry = await cache.getOrBuild(`documents:${org.id}:${lang}`, HTML, async () => {
      const [rubrics, texts] = await Promise.all([rubricsOf(db, org.id), adoptedTexts(db, org.id)])
      return renderPage(
        frame(org, lang, rubrics, portalUrls.documents(org.slug, lang), t(lang, 'portal.documents.title'), {
          current: 'documents',
          description: t(lang, 'portal.documents.intro', { org: pickText(org.name, lang) }),
          samePageIn: (l) => portalUrls.documents(org.slug, l),
        }),
        documentsContent(org, lang, texts),
      )
    })
    return sendCached(req, reply, entry)
  })

  app.get('/portal/:org/:lang/documents/:versionId', hide, async (req, reply) => {
    const c = await context(req, reply)
    if (!c) return reply
    const { org, lang } = c
    const versionId = (req.params as Params).versionId ?? ''
    if (!isId(versionId)) return sendNotFound(reply, org, lang)
    try {
      const entry = await cache.getOrBuild(`document:${org.id}:${versionId}:${lang}`, HTML, async () => {
        const [rubrics, texts] = await Promise.all([rubricsOf(db, org.id), adoptedTexts(db, org.id)])
        const text = texts.find((d) => d.versionId === versionId)
        const version = text ? await versionContentOf(db, versionId) : null
        if (!text || !version) throw new Gone()
        const content = JSON.parse(version.content) as DocumentContent
        return renderPage(
          frame(
            org,
            lang,
            rubrics,
            portalUrls.document(org.slug, lang, versionId),
            pickText(text.title, lang),
            {
              current: 'documents',
              description: `${t(lang, 'portal.documents.hash')}: ${text.contentHash}`,
              samePageIn: (l) => portalUrls.document(org.slug, l, versionId),
              breadcrumbs: [
                { label: t(lang, 'portal.nav.home'), href: portalUrls.home(org.slug, lang) },
                { label: t(lang, 'portal.documents.title'), href: portalUrls.documents(org.slug, lang) },
              ],
            },
          ),
          documentContent(org, lang, text, content),
        )
      })
      return sendCached(req, reply, entry)
    } catch (err) {
      if (err instanceof Gone) return sendNotFound(reply, org, lang)
      throw err
    }
  })

  app.get('/portal/:org/documents/:file', hide, async (req, reply) => {
    const { org: slug = '', file = '' } = req.params as Params
    const org = await findOrg(slug)
    const versionId = file.replace(/\.json$/, '')
    if (!org || !file.endsWith('.json') || !isId(versionId)) return sendNotFound(reply, org, 'ru')
    const adopted = (await adoptedTexts(db, org.id)).find((d) => d.versionId === versionId)
    const version = adopted ? await versionContentOf(db, versionId) : null
    if (!version) return sendNotFound(reply, org, 'ru')
    reply.header('x-content-sha256', version.content_hash)
    return sendCached(
      req,
      reply,
      {
        body: Buffer.from(version.content, 'utf8'),
        etag: `"${version.content_hash}"`,
        type: 'application/json; charset=utf-8',
      },
      'public, max-age=86400',
    )
  })

  async function verifyPage(
    reply: FastifyReply,
    org: PortalOrg,
    lang: Lang,
    outcome: VerifyOutcome,
    hash: string,
    status = 200,
  ) {
    const rubrics = await rubricsOf(db, org.id)
    const body = renderPage(
      frame(org, lang, rubrics, portalUrls.verify(org.slug, lang), t(lang, 'portal.verify.title'), {
        current: 'verify',
        description: t(lang, 'portal.verify.intro', { org: pickText(org.name, lang) }),
        samePageIn: (l) => portalUrls.verify(org.slug, l),
        ...(outcome.kind === 'none' ? {} : { noindex: true }),
      }),
      verifyContent(org, lang, outcome, hash),
    )
    return reply
      .status(status)
      .type(HTML)
      .header('cache-control', outcome.kind === 'none' ? PUBLIC_CACHE_CONTROL : 'no-store')
      .send(body)
  }

  app.get('/portal/:org/:lang/verify', hide, async (req, reply) => {
    const c = await context(req, reply)
    if (!c) return reply
    const { org, lang } = c
    const raw = one((req.query as Query).hash)
      .trim()
      .toLowerCase()
      .slice(0, 200)
    if (!raw) return verifyPage(reply, org, lang, { kind: 'none' }, '')
    if (!HASH.test(raw)) return verifyPage(reply, org, lang, { kind: 'invalid_hash', hash: raw }, raw, 422)
    const matches = (await adoptedTexts(db, org.id)).filter((d) => d.contentHash === raw)
    return verifyPage(
      reply,
      org,
      lang,
      { kind: 'checked', hash: raw, problems: [], fromFile: false, matches },
      raw,
    )
  })

  // The file comes as multipart/form-data (a form without JavaScript), read into memory
  // within BODY_LIMIT, hashed and forgotten.
  app.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer', bodyLimit: config.BODY_LIMIT },
    (_req, body, done) => done(null, body),
  )

  app.post('/portal/:org/:lang/verify', hide, async (req, reply) => {
    const c = await context(req, reply)
    if (!c) return reply
    const { org, lang } = c
    const boundary = boundaryOf(req.headers['content-type'])
    let file: Buffer | null = null
    if (boundary && Buffer.isBuffer(req.body)) {
      try {
        const part = parseMultipart(req.body, boundary).find((p) => p.name === 'file')
        file = part && part.data.length > 0 ? part.data : null
      } catch {
        file = null
      }
    }
    if (!file) return verifyPage(reply, org, lang, { kind: 'no_file' }, '', 422)
    const result = canonicalHashOf(new Uint8Array(file.buffer, file.byteOffset, file.byteLength))
    if (result.kind === 'unknown' || result.hash === null)
      return verifyPage(reply, org, lang, { kind: 'unreadable' }, '', 422)
    const matches = (await adoptedTexts(db, org.id)).filter((d) => d.contentHash === result.hash)
    const problems = result.problems.map((p) => t(lang, `verify.problem.${p.code}`, p.params))
    return verifyPage(
      reply,
      org,
      lang,
      { kind: 'checked', hash: result.hash, problems, fromFile: true, matches },
      result.hash,
    )
  })

  // ---------------------------------------------------------------------------------------
  // Search

  app.get('/portal/:org/:lang/search', hide, async (req, reply) => {
    const c = await context(req, reply)
    if (!c) return reply
    const { org, lang } = c
    const query = one((req.query as Query).q)
      .trim()
      .slice(0, 200)
    const page = pageNumber(req.query as Query)
    if (page === null) return sendNotFound(reply, org, lang)
    const rubrics = await rubricsOf(db, org.id)
    let results: { total: number; items: ItemSummary[] } | null = null
    if (query) {
      await bringIndexUpToDate(db, org.id, lang)
      results = await searchNews(db, org.id, lang, query, {
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      })
    }
    const pages = results ? Math.max(1, Math.ceil(results.total / PAGE_SIZE)) : 1
    const body = Buffer.from(
      renderPage(
        frame(
          org,
          lang,
          rubrics,
          portalUrls.search(org.slug, lang, query || undefined, page),
          t(lang, 'portal.search.title'),
          {
            current: 'search',
            samePageIn: (l) => portalUrls.search(org.slug, l, query || undefined),
            ...(query ? { noindex: true } : {}),
          },
        ),
        searchContent(org, lang, query, results, {
          page,
          pages,
          href: (p) => portalUrls.search(org.slug, lang, query, p),
        }),
      ),
    )
    return sendCached(req, reply, { body, etag: etagOf(body), type: HTML }, 'public, max-age=60')
  })

  // Anything else under /portal is the portal's 404, not the web app's.
  app.get('/portal/*', hide, async (req, reply) => {
    const [, , slug = '', lang = 'ru'] = req.url.split('?')[0]!.split('/')
    let org: PortalOrg | null = null
    try {
      org = await findOrg(decodeURIComponent(slug))
    } catch {
      org = null
    }
    return sendNotFound(reply, org, isPortalLang(lang) ? lang : 'ru')
  })
}

export default portal
