/**
 * Text of news items: the body's HTML is sanitized (no script, no event handlers, no
 * javascript: links, no styles) to a small set of tags a press service needs, and slugs are
 * made from titles (Russian and Tajik transliterated to Latin) and kept unique per language.
 */
import sanitizeHtml from 'sanitize-html'
import type { Queryable } from '../context.js'
import type { NewsItemRow } from '../db/types.js'

const ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'blockquote',
  'ul',
  'ol',
  'li',
  'h2',
  'h3',
  'h4',
  'a',
  'figure',
  'figcaption',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]

/** The body as safe HTML: unknown tags dropped (their text kept), scripts and handlers removed. */
export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ['href', 'title', 'hreflang', 'rel'], th: ['scope'], td: ['colspan', 'rowspan'] },
    allowedSchemes: ['https', 'http', 'mailto'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: ['script', 'style', 'textarea', 'noscript', 'iframe', 'object', 'embed', 'template'],
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener' } }),
    },
  }).trim()
}

/** Plain text of HTML (for leads, search and feeds' summaries). */
export function plainText(html: string): string {
  // Blocks end with a space, so paragraphs do not run into each other.
  const spaced = html.replace(/(<\/(?:p|li|h[1-6]|blockquote|tr|td|th|figcaption|div)>|<br\s*\/?>)/gi, '$1 ')
  return sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ').trim()
}

const LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  // Tajik letters
  ғ: 'gh',
  ӣ: 'i',
  қ: 'q',
  ӯ: 'u',
  ҳ: 'h',
  ҷ: 'j',
}

/** A URL slug from a title: lower case, transliterated, hyphens, at most `max` characters. */
export function slugify(title: string, max = 80): string {
  const latin = [...title.toLowerCase()].map((ch) => LATIN[ch] ?? ch).join('')
  const slug = latin
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  const cut = slug.length > max ? slug.slice(0, max).replace(/-[^-]*$/, '') : slug
  return cut || 'item'
}

/**
 * A slug free in the organization's items of that language: the base, else base-2, base-3...
 * `exceptId` is the item being renamed (its own slug is not a collision).
 */
export async function uniqueSlug(
  db: Queryable,
  organizationId: string,
  language: string,
  base: string,
  exceptId?: string,
): Promise<string> {
  const rows = await db
    .selectFrom('news_items')
    .select(['id', 'slug'])
    .where('organization_id', '=', organizationId)
    .where('language', '=', language as NewsItemRow['language'])
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
    .execute()
  const taken = new Set(rows.filter((r) => r.id !== exceptId).map((r) => r.slug))
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`
}
