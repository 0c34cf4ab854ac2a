/**
 * A tiny HTML template tag: every interpolated value is escaped unless it is already
 * `SafeHtml` (the result of another `html` template, or `trusted()` for HTML that was
 * sanitized on purpose). No template engine: the portal's pages are functions returning
 * `SafeHtml`, so forgetting to escape takes an explicit `trusted()` call to be visible in review.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
const NEEDS_ESCAPE = /[&<>"']/
const ESCAPE_ALL = /[&<>"']/g

/** Text (or an attribute value) with the five HTML-significant characters escaped. */
export function escapeHtml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text
  return text.replace(ESCAPE_ALL, (ch) => ESCAPES[ch]!)
}

/** HTML that is safe to emit as it is. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

/** Marks HTML as safe: only for markup that was sanitized (a news body) or written here. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup)
}

/** A value a template may interpolate: escaped text, safe HTML, lists of either, or nothing. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[]

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false || value === true) return ''
  if (value instanceof SafeHtml) return value.value
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') return escapeHtml(value)
  let out = ''
  for (const v of value) out += render(v)
  return out
}

/**
 * The template tag: `html\`<a href="${url}">${title}</a>\`` escapes `url` and `title`.
 * Booleans and nullish values render as nothing, so `${cond && html\`...\`}` works.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!
  return new SafeHtml(out)
}

/** Joins rendered parts with a separator (itself escaped unless safe). */
export function join(parts: readonly HtmlValue[], separator: HtmlValue = ''): SafeHtml {
  const sep = render(separator)
  return new SafeHtml(parts.map(render).join(sep))
}

/**
 * A URL that may go into an href: only http(s) (and site-relative paths); anything else
 * (javascript:, data:, protocol-relative) gives null.
 */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null
  if (url.startsWith('/') && !url.startsWith('//')) return url
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null
  } catch {
    return null
  }
}

/** Text escaped for XML 1.0 (feeds, sitemaps): the HTML escapes, without characters XML forbids. */
export function escapeXml(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing the control characters XML 1.0 forbids
  return escapeHtml(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''))
}
