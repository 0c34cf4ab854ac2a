/**
 * The insides of the portal's pages (what goes in <main>): pure functions of what the
 * routes read, returning escaped HTML. News bodies are sanitized again here (they were on
 * write), so whatever reached the table, only the allowed markup reaches a reader.
 */
import { t } from '@core/i18n/index.js'
import { type Lang, pickText } from '@core/i18n/languages.js'
import { type DocumentContent, flattenProvisions, runsToPlainText } from '@core/text/model.js'
import type { NewsItemRow } from '../db/types.js'
import { sanitizeBody } from '../press/text.js'
import { dateline, formatDateTime, formatDay, sourceAfterCiting } from './format.js'
import { html, type SafeHtml, safeHref, trusted } from './html.js'
import type { AdoptedText, ItemSummary, PortalOrg, PortalRubric, Rendition } from './repository.js'
import { PORTAL_LANGUAGES, portalUrls } from './urls.js'

/** The rendition a page shows by default (the one nearest 800 px wide), with a srcset of all. */
export function pickRendition(renditions: Rendition[] | undefined, wanted = 800): Rendition | null {
  if (!renditions?.length) return null
  return [...renditions].sort((a, b) => Math.abs(a.width - wanted) - Math.abs(b.width - wanted))[0]!
}

function image(
  mediaId: string,
  renditions: Rendition[] | undefined,
  alt: string | null,
  opts: { sizes: string; wanted?: number; lazy?: boolean },
): SafeHtml | '' {
  const main = pickRendition(renditions, opts.wanted)
  if (!main || !renditions) return ''
  const srcset = renditions.map((r) => `${portalUrls.media(mediaId, r.name)} ${r.width}w`).join(', ')
  return html`<img src="${portalUrls.media(mediaId, main.name)}" srcset="${srcset}" sizes="${opts.sizes}" width="${main.width}" height="${main.height}" alt="${alt ?? ''}"${opts.lazy ? html` loading="lazy"` : ''}>`
}

function itemMeta(item: ItemSummary, lang: Lang): SafeHtml {
  const line = dateline(item, lang)
  return html`<p class="meta"><time datetime="${item.published_at}">${line ?? formatDateTime(item.published_at, lang, item.timezone)}</time></p>`
}

/** A list of news items (title, dateline, lead). */
export function itemList(
  org: PortalOrg,
  lang: Lang,
  items: ItemSummary[],
  headingLevel: 2 | 3 = 3,
): SafeHtml {
  const rows = items.map((item) => {
    const link = html`<a class="item-title" href="${portalUrls.news(org.slug, lang, item.slug)}">${item.title}</a>`
    return html`<li>${headingLevel === 2 ? html`<h2>${link}</h2>` : html`<h3>${link}</h3>`}
${itemMeta(item, lang)}
${item.lead ? html`<p>${item.lead}</p>` : ''}</li>`
  })
  return html`<ul class="items">${rows}</ul>`
}

export interface HomeData {
  org: PortalOrg
  lang: Lang
  latest: ItemSummary[]
  byRubric: { rubric: PortalRubric; items: ItemSummary[] }[]
  renditions: Map<string, Rendition[]>
}

export function homeContent(d: HomeData): SafeHtml {
  const { org, lang } = d
  const title = html`<h1>${t(lang, 'portal.home.title')}</h1>`
  if (d.latest.length === 0) return html`${title}<p>${t(lang, 'portal.home.empty')}</p>`
  const [top, ...rest] = d.latest
  // Items without a rubric appear under the lead story; the others in their rubric's section.
  const unfiled = rest.filter((i) => !i.rubric_id)
  const topPhoto = top!.photo_media_id
    ? image(top!.photo_media_id, d.renditions.get(top!.photo_media_id), top!.photo_alt, {
        sizes: '(min-width: 48rem) 24rem, 100vw',
        wanted: 800,
      })
    : ''
  const sections = d.byRubric
    .filter((s) => s.items.length > 0)
    .map(
      (s) => html`<section aria-labelledby="rubric-${s.rubric.slug}">
<h2 id="rubric-${s.rubric.slug}">${pickText(s.rubric.name, lang)}</h2>
${itemList(org, lang, s.items)}
<p><a href="${portalUrls.rubric(org.slug, lang, s.rubric.slug)}">${t(lang, 'portal.rubric.all', { rubric: pickText(s.rubric.name, lang) })}</a></p>
</section>`,
    )
  return html`${title}
<section aria-labelledby="latest">
<h2 id="latest" class="visually-hidden">${t(lang, 'portal.home.latest')}</h2>
<article class="lead-story${topPhoto ? ' has-photo' : ''}">
<div>
<h2><a href="${portalUrls.news(org.slug, lang, top!.slug)}">${top!.title}</a></h2>
${itemMeta(top!, lang)}
${top!.lead ? html`<p class="lead">${top!.lead}</p>` : ''}
</div>
${topPhoto ? html`<div>${topPhoto}</div>` : ''}
</article>
${unfiled.length ? itemList(org, lang, unfiled) : ''}
</section>
<div class="rubric-sections">${sections}</div>`
}

export interface Pagination {
  page: number
  pages: number
  href: (page: number) => string
}

export function paginationNav(lang: Lang, p: Pagination): SafeHtml | '' {
  if (p.pages <= 1) return ''
  return html`<nav class="pagination" aria-label="${t(lang, 'portal.pagination.label')}">
${p.page > 1 ? html`<a href="${p.href(p.page - 1)}" rel="prev">${t(lang, 'portal.pagination.previous')}</a>` : html`<span></span>`}
<span>${t(lang, 'portal.pagination.page', { page: p.page, pages: p.pages })}</span>
${p.page < p.pages ? html`<a href="${p.href(p.page + 1)}" rel="next">${t(lang, 'portal.pagination.next')}</a>` : html`<span></span>`}
</nav>`
}

export function rubricContent(
  org: PortalOrg,
  lang: Lang,
  rubric: PortalRubric,
  items: ItemSummary[],
  pagination: Pagination,
): SafeHtml {
  return html`<h1>${pickText(rubric.name, lang)}</h1>
${items.length ? itemList(org, lang, items, 2) : html`<p>${t(lang, 'portal.rubric.empty')}</p>`}
${paginationNav(lang, pagination)}`
}

export interface NewsData {
  org: PortalOrg
  lang: Lang
  item: NewsItemRow
  rubric: PortalRubric | null
  renditions: Rendition[] | undefined
  translations: { language: Lang; slug: string; title: string }[]
  related: ItemSummary[]
  /** The page's absolute address (printed under the article). */
  url: string
}

function photoCredit(credit: string, lang: Lang): string {
  // A credit typed with its own "ФОТО:" / "PHOTO:" / "АКС:" keeps it.
  if (/^\s*(фото|photo|акс|сурат)\s*:/i.test(credit)) return credit.trim()
  return t(lang, 'portal.news.photoCredit', { credit: credit.trim() })
}

/** "Со ссылкой на <a>пресс-службу Исполкома СНГ</a>": the translated sentence around the link. */
export function attribution(
  item: Pick<NewsItemRow, 'source_name' | 'source_url'>,
  lang: Lang,
): SafeHtml | '' {
  if (!item.source_name) return ''
  const name = sourceAfterCiting(item.source_name, lang)
  const href = safeHref(item.source_url)
  const link = href ? html`<a href="${href}" rel="noopener">${name}</a>` : html`${name}`
  const [before = '', after = ''] = t(lang, 'portal.news.source', { source: '\u0000' }).split('\u0000')
  return html`<p class="source">${before}${link}${after}</p>`
}

export function newsContent(d: NewsData): SafeHtml {
  const { org, lang, item } = d
  const tags = JSON.parse(item.tags) as string[]
  const line = dateline(item, lang)
  const published = item.published_at ? formatDateTime(item.published_at, lang, item.timezone) : null
  const photo =
    item.photo_media_id && d.renditions?.length
      ? html`<figure>
${image(item.photo_media_id, d.renditions, item.photo_alt, { sizes: '(min-width: 48rem) 44rem, 100vw', wanted: 1600 })}
${
  item.photo_caption || item.photo_credit
    ? html`<figcaption>${item.photo_caption ?? ''}${item.photo_credit ? html`<span class="credit">${photoCredit(item.photo_credit, lang)}</span>` : ''}</figcaption>`
    : ''
}
</figure>`
      : ''
  const others = d.translations.filter((tr) => tr.language !== lang)
  const rubricLabel = d.rubric ? pickText(d.rubric.name, lang) : null
  return html`<article lang="${lang}">
<h1>${item.title}</h1>
<p class="meta">${line ? html`<span class="dateline">${line}</span>` : ''}${
    published && item.published_at
      ? html`${line ? ' · ' : ''}<span>${t(lang, 'portal.news.published')}: <time datetime="${item.published_at}">${published}</time></span>`
      : ''
  }${
    rubricLabel && d.rubric
      ? html` · <span>${t(lang, 'portal.news.rubric')}: <a href="${portalUrls.rubric(org.slug, lang, d.rubric.slug)}">${rubricLabel}</a></span>`
      : ''
  }</p>
${attribution(item, lang)}
${item.lead ? html`<p class="lead">${item.lead}</p>` : ''}
${photo}
<div class="body">${trusted(sanitizeBody(item.body))}</div>
<p class="print-url">${d.url}</p>
${
  tags.length
    ? html`<h2 class="visually-hidden">${t(lang, 'portal.news.tags')}</h2><ul class="tags" aria-label="${t(lang, 'portal.news.tags')}">${tags.map(
        (tag) => html`<li><a href="${portalUrls.search(org.slug, lang, tag)}">${tag}</a></li>`,
      )}</ul>`
    : ''
}
</article>
${
  others.length
    ? html`<section class="translations" aria-labelledby="translations"><h2 id="translations">${t(lang, 'portal.news.translations')}</h2>
<ul class="inline-list">${PORTAL_LANGUAGES.flatMap((l) => others.filter((o) => o.language === l)).map(
        (o) =>
          html`<li><a href="${portalUrls.news(org.slug, o.language, o.slug)}" hreflang="${o.language}" lang="${o.language}">${t(o.language, `portal.languageName.${o.language}`)}: ${o.title}</a></li>`,
      )}</ul></section>`
    : ''
}
${
  d.related.length && d.rubric
    ? html`<aside class="related" aria-labelledby="related"><h2 id="related">${t(lang, 'portal.news.related')}</h2>
${itemList(org, lang, d.related)}
<p><a href="${portalUrls.rubric(org.slug, lang, d.rubric.slug)}">${t(lang, 'portal.rubric.all', { rubric: rubricLabel ?? '' })}</a></p></aside>`
    : ''
}`
}

function hashBlock(lang: Lang, hash: string): SafeHtml {
  return html`<p><strong>${t(lang, 'portal.documents.hash')}:</strong><br><code class="hash">${hash}</code></p>`
}

export function documentsContent(org: PortalOrg, lang: Lang, texts: AdoptedText[]): SafeHtml {
  const orgName = pickText(org.name, lang)
  const rows = texts.map(
    (d) => html`<li>
<h2><a href="${portalUrls.document(org.slug, lang, d.versionId)}">${pickText(d.title, lang)}</a></h2>
<p class="meta">${t(lang, 'portal.documents.adopted', { body: pickText(d.body, lang), date: formatDay(d.decidedOn, lang) })} · ${t(lang, 'portal.documents.reference', { reference: d.reference })}</p>
${hashBlock(lang, d.contentHash)}
<ul class="inline-list">
<li><a href="${portalUrls.document(org.slug, lang, d.versionId)}">${t(lang, 'portal.documents.open')}</a></li>
<li><a href="${portalUrls.documentJson(org.slug, d.versionId)}" type="application/json">${t(lang, 'portal.documents.download')}</a></li>
<li><a href="${portalUrls.verify(org.slug, lang, d.contentHash)}">${t(lang, 'portal.documents.verify')}</a></li>
</ul>
</li>`,
  )
  return html`<h1>${t(lang, 'portal.documents.title')}</h1>
<p>${t(lang, 'portal.documents.intro', { org: orgName })}</p>
${texts.length ? html`<ul class="items">${rows}</ul>` : html`<p>${t(lang, 'portal.documents.empty')}</p>`}`
}

/** The language the text is shown in: the page's when the version has it, else its working language. */
export function textLanguage(content: DocumentContent, lang: Lang, working: string): Lang {
  const has = (l: string) => flattenProvisions(content).some((p) => !!p.text[l as Lang]?.length)
  if (content.languages.includes(lang) && has(lang)) return lang
  if (content.languages.includes(working as Lang)) return working as Lang
  return content.languages[0] ?? lang
}

export function documentContent(
  org: PortalOrg,
  lang: Lang,
  text: AdoptedText,
  content: DocumentContent,
): SafeHtml {
  const shown = textLanguage(content, lang, text.workingLanguage)
  const flat = flattenProvisions(content)
  // "3" is written "3."; "b)" or "3." stay as they are.
  const numbered = (num: string) => (/[\p{L}\p{N}]$/u.test(num) ? `${num}.` : num)
  const provisions = flat.map((p) => {
    const heading = p.heading ? pickText(p.heading, shown) : ''
    const body = runsToPlainText(p.text[shown])
    return html`${heading ? html`<h3>${p.num ? `${numbered(p.num)} ` : ''}${heading}</h3>` : ''}${
      body
        ? html`<p class="provision depth-${Math.min(p.depth, 3)}" id="${p.eid}">${p.num && !heading ? html`<span class="num">${numbered(p.num)}</span>` : ''}${body}</p>`
        : ''
    }`
  })
  const title = pickText(content.title, shown) || pickText(text.title, lang)
  return html`<h1>${pickText(text.title, lang)}</h1>
<p class="meta">${t(lang, 'portal.documents.adopted', { body: pickText(text.body, lang), date: formatDay(text.decidedOn, lang) })} · ${t(lang, 'portal.documents.reference', { reference: text.reference })}</p>
${hashBlock(lang, text.contentHash)}
<p class="muted">${t(lang, 'portal.documents.hashExplain')}</p>
<ul class="inline-list no-print">
<li><a href="${portalUrls.documentJson(org.slug, text.versionId)}" type="application/json">${t(lang, 'portal.documents.download')}</a></li>
<li><a href="${portalUrls.verify(org.slug, lang, text.contentHash)}">${t(lang, 'portal.documents.verify')}</a></li>
</ul>
<h2>${t(lang, 'portal.documents.text')}</h2>
${shown !== lang ? html`<p class="notice">${t(lang, 'portal.documents.otherLanguage', { language: t(lang, `portal.languageIn.${shown}`) })}</p>` : ''}
<div class="doc-text" lang="${shown}">
<p><strong>${title}</strong></p>
${provisions}
</div>`
}

export type VerifyOutcome =
  | { kind: 'none' }
  | { kind: 'invalid_hash'; hash: string }
  | { kind: 'no_file' }
  | { kind: 'too_large'; limitMb: number }
  | { kind: 'unreadable' }
  | {
      kind: 'checked'
      hash: string
      /** From a file: the problems found (an edited DOCX); none for a hash or clean file. */
      problems: string[]
      fromFile: boolean
      matches: AdoptedText[]
    }

export function verifyContent(org: PortalOrg, lang: Lang, outcome: VerifyOutcome, hash: string): SafeHtml {
  const orgName = pickText(org.name, lang)
  let result: SafeHtml | '' = ''
  const box = (ok: boolean, inner: SafeHtml) =>
    html`<section class="notice ${ok ? 'ok' : 'bad'}" aria-labelledby="result" role="status"><h2 id="result">${t(lang, 'portal.verify.result')}</h2>${inner}</section>`
  switch (outcome.kind) {
    case 'invalid_hash':
      result = box(false, html`<p><strong>${t(lang, 'portal.verify.invalidHash')}</strong></p>`)
      break
    case 'no_file':
      result = box(false, html`<p><strong>${t(lang, 'portal.verify.noFile')}</strong></p>`)
      break
    case 'too_large':
      result = box(
        false,
        html`<p><strong>${t(lang, 'portal.verify.tooLarge', { limit: outcome.limitMb })}</strong></p>`,
      )
      break
    case 'unreadable':
      result = box(false, html`<p><strong>${t(lang, 'portal.verify.unreadable')}</strong></p>`)
      break
    case 'checked': {
      const ok = outcome.matches.length > 0 && outcome.problems.length === 0
      result = box(
        ok,
        html`${outcome.fromFile ? html`<p>${t(lang, 'portal.verify.computed')}:<br><code class="hash">${outcome.hash}</code></p>` : ''}
${
  outcome.problems.length
    ? html`<p><strong>${t(lang, 'portal.verify.changed')}</strong></p><ul>${outcome.problems.map((p) => html`<li>${p}</li>`)}</ul>`
    : ''
}
${
  outcome.matches.length
    ? html`<p><strong>${t(lang, 'portal.verify.match')}</strong></p><ul>${outcome.matches.map(
        (m) =>
          html`<li><a href="${portalUrls.document(org.slug, lang, m.versionId)}">${pickText(m.title, lang)}</a> — ${t(lang, 'portal.documents.adopted', { body: pickText(m.body, lang), date: formatDay(m.decidedOn, lang) })}</li>`,
      )}</ul>`
    : html`<p><strong>${t(lang, 'portal.verify.noMatch')}</strong></p>`
}`,
      )
      break
    }
  }
  return html`<h1>${t(lang, 'portal.verify.title')}</h1>
<p>${t(lang, 'portal.verify.intro', { org: orgName })}</p>
${result}
<form method="get" action="${portalUrls.verify(org.slug, lang)}">
<fieldset><legend>${t(lang, 'portal.verify.hashLegend')}</legend>
<label for="hash">${t(lang, 'portal.verify.hashLabel')}</label>
<input type="text" id="hash" name="hash" value="${hash}" spellcheck="false" autocomplete="off" inputmode="text" pattern="[0-9a-fA-F]{64}">
<button type="submit">${t(lang, 'portal.verify.hashSubmit')}</button>
</fieldset>
</form>
<form method="post" action="${portalUrls.verify(org.slug, lang)}" enctype="multipart/form-data">
<fieldset><legend>${t(lang, 'portal.verify.fileLegend')}</legend>
<label for="file">${t(lang, 'portal.verify.fileLabel')}</label>
<input type="file" id="file" name="file" accept=".json,.docx,application/json,application/vnd.openxmlformats-officedocument.wordprocessingml.document">
<button type="submit">${t(lang, 'portal.verify.fileSubmit')}</button>
</fieldset>
</form>`
}

export function searchContent(
  org: PortalOrg,
  lang: Lang,
  query: string,
  results: { total: number; items: ItemSummary[] } | null,
  pagination: Pagination | null,
): SafeHtml {
  const form = html`<form class="search-form" role="search" method="get" action="${portalUrls.search(org.slug, lang)}">
<label for="q">${t(lang, 'portal.search.label')}</label>
<input type="search" id="q" name="q" value="${query}" maxlength="200">
<button type="submit">${t(lang, 'portal.search.submit')}</button>
</form>
<p class="muted">${t(lang, 'portal.search.hint')}</p>`
  let body: SafeHtml | '' = ''
  if (results) {
    body =
      results.total === 0
        ? html`<p role="status">${t(lang, 'portal.search.none', { query })}</p>`
        : html`<div role="status"><h2>${t(lang, 'portal.search.results', { count: results.total })}</h2></div>
${itemList(org, lang, results.items)}
${pagination ? paginationNav(lang, pagination) : ''}`
  }
  return html`<h1>${t(lang, 'portal.search.title')}</h1>${form}${body}`
}

export function notFoundContent(org: PortalOrg | null, lang: Lang): SafeHtml {
  return html`<h1>${t(lang, 'portal.notFound.title')}</h1>
<p>${t(lang, 'portal.notFound.text')}</p>
${org ? html`<p><a href="${portalUrls.home(org.slug, lang)}">${t(lang, 'portal.notFound.home')}</a></p>` : ''}`
}
