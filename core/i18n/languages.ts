/** Languages Concord speaks. ru and en are complete everywhere; tg for documents and the portal. */
export const LANGUAGES = ['ru', 'en', 'tg'] as const
export type Lang = (typeof LANGUAGES)[number]
/** Languages of the workspace UI (tg follows for documents and the public portal). */
export const UI_LANGUAGES = ['ru', 'en'] as const
export type UiLang = (typeof UI_LANGUAGES)[number]

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/** Picks the best UI language from an Accept-Language header; Russian is the default. */
export function negotiateUiLang(header: string | undefined | null): UiLang {
  if (!header) return 'ru'
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 }
    })
    .sort((a, b) => b.q - a.q)
  for (const { tag } of ranked) {
    const base = tag.split('-')[0]
    if (base === 'ru' || base === 'en') return base
  }
  return 'ru'
}

/** A text in several languages; a missing language falls back (see pickText). */
export type LocalizedText = Partial<Record<Lang, string>>

/** The text in the wanted language, else Russian, else English, else any. */
export function pickText(text: LocalizedText | null | undefined, lang: Lang): string {
  if (!text) return ''
  return text[lang] ?? text.ru ?? text.en ?? Object.values(text).find((v) => !!v) ?? ''
}
