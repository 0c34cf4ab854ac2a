/**
 * The allowed HTML of a news body, in the browser: the preview shows what the editor holds
 * before it is saved (the server sanitizes again on save, with the same list of tags). Unknown
 * elements keep their text; scripts, styles, frames and every attribute not listed go.
 */
const ALLOWED = new Set([
  'P',
  'BR',
  'STRONG',
  'B',
  'EM',
  'I',
  'U',
  'S',
  'SUB',
  'SUP',
  'BLOCKQUOTE',
  'UL',
  'OL',
  'LI',
  'H2',
  'H3',
  'H4',
  'A',
  'FIGURE',
  'FIGCAPTION',
  'TABLE',
  'THEAD',
  'TBODY',
  'TR',
  'TH',
  'TD',
])
const DROPPED = new Set(['SCRIPT', 'STYLE', 'TEXTAREA', 'NOSCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'TEMPLATE'])
const ATTRIBUTES: Record<string, string[]> = {
  A: ['href', 'title', 'hreflang'],
  TH: ['scope'],
  TD: ['colspan', 'rowspan'],
}

function clean(node: Element): void {
  for (const child of [...node.children]) {
    if (DROPPED.has(child.tagName)) {
      child.remove()
      continue
    }
    clean(child)
    if (!ALLOWED.has(child.tagName)) {
      child.replaceWith(...child.childNodes)
      continue
    }
    const keep = ATTRIBUTES[child.tagName] ?? []
    for (const attr of [...child.attributes]) if (!keep.includes(attr.name)) child.removeAttribute(attr.name)
    const href = child.getAttribute('href')
    if (href !== null && !/^(https?:|mailto:)/i.test(href.trim())) child.removeAttribute('href')
    if (child.tagName === 'A') child.setAttribute('rel', 'noopener')
  }
}

/** The HTML with only the allowed tags and attributes. */
export function cleanHtml(html: string): string {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html')
  clean(doc.body)
  return doc.body.innerHTML
}
