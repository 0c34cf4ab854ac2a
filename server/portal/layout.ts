/**
 * The frame of every portal page: <head> (title, description, canonical, hreflang
 * alternates, feeds, Open Graph), a skip link, the banner with the organization and the
 * language switch, the sections, <main>, and the footer with the feeds. Landmarks and
 * headings are what a screen reader expects; the page works without JavaScript (there is none).
 */
import { t } from '@core/i18n/index.js'
import { type Lang, pickText } from '@core/i18n/languages.js'
import { html, join, type SafeHtml } from './html.js'
import type { PortalOrg, PortalRubric } from './repository.js'
import { PORTAL_CSS_PATH } from './styles.js'
import { PORTAL_LANGUAGES, portalUrls } from './urls.js'

/** Open Graph locales of the portal's languages. */
const OG_LOCALE: Record<Lang, string> = { ru: 'ru_RU', en: 'en_GB', tg: 'tg_TJ' }

export interface PageFrame {
  org: PortalOrg
  lang: Lang
  rubrics: PortalRubric[]
  /** PUBLIC_URL, without a trailing slash: absolute links for canonical, Open Graph, feeds. */
  baseUrl: string
  /** This page's address (site-relative). */
  path: string
  /** The same page in each language that has it (site-relative); the current one included. */
  alternates: Partial<Record<Lang, string>>
  /** Where the language switch leads for a language the page does not exist in. */
  fallback?: Partial<Record<Lang, string>>
  /** Which section of the navigation is current. */
  current?: 'home' | 'documents' | 'search' | 'verify' | { rubric: string }
  title: string
  description?: string
  og?: {
    type: 'website' | 'article'
    image?: { url: string; width: number; height: number; alt: string | null; type: string }
    publishedTime?: string
    modifiedTime?: string
    section?: string
    tags?: string[]
  }
  /** Feeds this page announces (the rubric's, or all news). */
  feeds?: { title: string; href: string; type: 'atom' | 'rss' }[]
  /** Pages that should not be indexed (search results, verification answers). */
  noindex?: boolean
  breadcrumbs?: { label: string; href: string }[]
}

function absolute(baseUrl: string, path: string): string {
  return /^https?:\/\//.test(path) ? path : `${baseUrl}${path}`
}

function languageSwitch(frame: PageFrame): SafeHtml {
  const items = PORTAL_LANGUAGES.map((l) => {
    const name = t(l, `portal.languageName.${l}`)
    if (l === frame.lang) return html`<li><span aria-current="true" lang="${l}">${name}</span></li>`
    const href = frame.alternates[l] ?? frame.fallback?.[l] ?? portalUrls.home(frame.org.slug, l)
    return html`<li><a href="${href}" lang="${l}" hreflang="${l}">${name}</a></li>`
  })
  return html`<nav aria-label="${t(frame.lang, 'portal.languages')}"><ul class="langs">${items}</ul></nav>`
}

function sections(frame: PageFrame): SafeHtml {
  const { org, lang, current } = frame
  const link = (href: string, label: string, isCurrent: boolean) =>
    html`<li><a href="${href}"${isCurrent ? html` aria-current="page"` : ''}>${label}</a></li>`
  const rubricLinks = frame.rubrics.map((r) =>
    link(
      portalUrls.rubric(org.slug, lang, r.slug),
      pickText(r.name, lang),
      typeof current === 'object' && current.rubric === r.slug,
    ),
  )
  return html`<nav class="sections" aria-label="${t(lang, 'portal.nav.label')}"><div class="wrap"><ul>
${link(portalUrls.home(org.slug, lang), t(lang, 'portal.nav.home'), current === 'home')}
${rubricLinks}
${link(portalUrls.documents(org.slug, lang), t(lang, 'portal.nav.documents'), current === 'documents')}
${link(portalUrls.verify(org.slug, lang), t(lang, 'portal.nav.verify'), current === 'verify')}
${link(portalUrls.search(org.slug, lang), t(lang, 'portal.nav.search'), current === 'search')}
</ul></div></nav>`
}

function openGraph(frame: PageFrame, orgName: string): SafeHtml {
  const og = frame.og ?? { type: 'website' as const }
  const image = og.image
  return html`<meta property="og:site_name" content="${orgName}">
<meta property="og:type" content="${og.type}">
<meta property="og:title" content="${frame.title}">
${frame.description ? html`<meta property="og:description" content="${frame.description}">` : ''}
<meta property="og:url" content="${absolute(frame.baseUrl, frame.path)}">
<meta property="og:locale" content="${OG_LOCALE[frame.lang]}">
${PORTAL_LANGUAGES.filter((l) => l !== frame.lang && frame.alternates[l]).map(
  (l) => html`<meta property="og:locale:alternate" content="${OG_LOCALE[l]}">`,
)}
${
  image
    ? html`<meta property="og:image" content="${absolute(frame.baseUrl, image.url)}">
<meta property="og:image:type" content="${image.type}">
<meta property="og:image:width" content="${image.width}">
<meta property="og:image:height" content="${image.height}">
${image.alt ? html`<meta property="og:image:alt" content="${image.alt}">` : ''}
<meta name="twitter:card" content="summary_large_image">`
    : ''
}
${og.publishedTime ? html`<meta property="article:published_time" content="${og.publishedTime}">` : ''}
${og.modifiedTime ? html`<meta property="article:modified_time" content="${og.modifiedTime}">` : ''}
${og.section ? html`<meta property="article:section" content="${og.section}">` : ''}
${(og.tags ?? []).map((tag) => html`<meta property="article:tag" content="${tag}">`)}`
}

function breadcrumbs(frame: PageFrame): SafeHtml | '' {
  if (!frame.breadcrumbs?.length) return ''
  const items = frame.breadcrumbs.map((b) => html`<li><a href="${b.href}">${b.label}</a></li>`)
  return html`<nav aria-label="${t(frame.lang, 'portal.breadcrumbs')}"><ol class="crumbs">${items}</ol></nav>`
}

/** A whole HTML document around `content` (the inside of <main>). */
export function renderPage(frame: PageFrame, content: SafeHtml): string {
  const { org, lang } = frame
  const orgName = pickText(org.name, lang)
  const shortName = pickText(org.shortName, lang) || orgName
  const allNews = portalUrls.feed(org.slug, lang, 'atom')
  const allNewsRss = portalUrls.feed(org.slug, lang, 'rss')
  const feeds = frame.feeds ?? [
    { title: t(lang, 'portal.feed.title', { org: shortName }), href: allNews, type: 'atom' as const },
    { title: t(lang, 'portal.feed.title', { org: shortName }), href: allNewsRss, type: 'rss' as const },
  ]
  const alternates = PORTAL_LANGUAGES.filter((l) => frame.alternates[l]).map(
    (l) =>
      html`<link rel="alternate" hreflang="${l}" href="${absolute(frame.baseUrl, frame.alternates[l]!)}">`,
  )
  const doc = html`<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title === shortName ? frame.title : `${frame.title} — ${shortName}`}</title>
${frame.description ? html`<meta name="description" content="${frame.description}">` : ''}
${frame.noindex ? html`<meta name="robots" content="noindex">` : ''}
<link rel="canonical" href="${absolute(frame.baseUrl, frame.path)}">
${alternates}
${feeds.map(
  (f) =>
    html`<link rel="alternate" type="${f.type === 'atom' ? 'application/atom+xml' : 'application/rss+xml'}" title="${f.title}" href="${f.href}">`,
)}
<link rel="stylesheet" href="${PORTAL_CSS_PATH}">
${openGraph(frame, orgName)}
</head>
<body>
<a class="skip" href="#main">${t(lang, 'portal.skip')}</a>
<header class="site"><div class="wrap masthead">
<a class="brand" href="${portalUrls.home(org.slug, lang)}">${orgName}<small>${t(lang, 'portal.siteSubtitle')}</small></a>
${languageSwitch(frame)}
</div></header>
${sections(frame)}
<div class="wrap">
${breadcrumbs(frame)}
<main id="main" tabindex="-1">
${content}
</main>
</div>
<footer class="site"><div class="wrap">
<h2>${t(lang, 'portal.feeds.title')}</h2>
<ul class="inline-list">
<li><a href="${allNews}" type="application/atom+xml">${t(lang, 'portal.feeds.atom')}: ${t(lang, 'portal.feeds.allNews')}</a></li>
<li><a href="${allNewsRss}" type="application/rss+xml">${t(lang, 'portal.feeds.rss')}: ${t(lang, 'portal.feeds.allNews')}</a></li>
${join(
  frame.rubrics.map(
    (r) =>
      html`<li><a href="${portalUrls.feed(org.slug, lang, 'atom', r.slug)}" type="application/atom+xml">${t(lang, 'portal.feeds.atom')}: ${pickText(r.name, lang)}</a></li>`,
  ),
)}
<li><a href="${portalUrls.sitemap(org.slug)}">${t(lang, 'portal.footer.sitemap')}</a></li>
</ul>
<p class="muted">${shortName} · ${t(lang, 'portal.footer.poweredBy')}</p>
</div></footer>
</body>
</html>
`
  return doc.value
}
