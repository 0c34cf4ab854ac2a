/**
 * The plain text of a provision in one language, as the API counts it for bracket offsets:
 * text runs as they are, a bracket as its agreed text or its first alternative, footnote
 * references as nothing.
 */
import type { Lang } from '@core/i18n/languages.js'
import type { FlatProvision } from '@core/text/model.js'

export function plainText(provision: FlatProvision, lang: Lang): string {
  let out = ''
  for (const run of provision.text[lang] ?? []) {
    if (run.type === 'text') out += run.text
    else if (run.type === 'bracket') out += run.resolved?.text ?? run.alternatives[0]?.text ?? ''
  }
  return out
}

/** The language a provision's text is in: the wanted one, else the first it has. */
export function textLanguage(provision: FlatProvision, lang: Lang, order: readonly Lang[]): Lang | null {
  for (const candidate of [lang, ...order]) if (provision.text[candidate]?.length) return candidate
  return null
}
