/**
 * The portal's addresses, in one place: pages under /portal/<organization>/<language>/,
 * feeds next to the pages they follow, images under /portal/media/.
 */
import type { Lang } from '@core/i18n/languages.js'

export const PORTAL_LANGUAGES = ['ru', 'tg', 'en'] as const satisfies readonly Lang[]

export function isPortalLang(value: string): value is Lang {
  return (PORTAL_LANGUAGES as readonly string[]).includes(value)
}

const enc = encodeURIComponent

export const portalUrls = {
  home: (org: string, lang: Lang) => `/portal/${enc(org)}/${lang}/`,
  rubric: (org: string, lang: Lang, rubric: string, page = 1) =>
    `/portal/${enc(org)}/${lang}/rubrics/${enc(rubric)}${page > 1 ? `?page=${page}` : ''}`,
  news: (org: string, lang: Lang, slug: string) => `/portal/${enc(org)}/${lang}/news/${enc(slug)}`,
  documents: (org: string, lang: Lang) => `/portal/${enc(org)}/${lang}/documents`,
  document: (org: string, lang: Lang, versionId: string) =>
    `/portal/${enc(org)}/${lang}/documents/${enc(versionId)}`,
  documentJson: (org: string, versionId: string) => `/portal/${enc(org)}/documents/${enc(versionId)}.json`,
  verify: (org: string, lang: Lang, hash?: string) =>
    `/portal/${enc(org)}/${lang}/verify${hash ? `?hash=${enc(hash)}` : ''}`,
  search: (org: string, lang: Lang, q?: string, page = 1) =>
    `/portal/${enc(org)}/${lang}/search${q ? `?q=${enc(q)}${page > 1 ? `&page=${page}` : ''}` : ''}`,
  feed: (org: string, lang: Lang, format: 'atom' | 'rss', rubric?: string) =>
    `/portal/${enc(org)}/${lang}/${rubric ? `rubrics/${enc(rubric)}/` : ''}${format === 'atom' ? 'atom.xml' : 'rss.xml'}`,
  sitemap: (org: string) => `/portal/${enc(org)}/sitemap.xml`,
  media: (mediaId: string, rendition: string) => `/portal/media/${enc(mediaId)}/${enc(rendition)}`,
}
