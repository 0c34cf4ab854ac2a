/**
 * The language in which a document's text is shown: `?lang=` when the version has it,
 * else the UI language, else the document's working language, else its first language.
 * Kept in the address so that a link shows the same text.
 */
import { isLang, type Lang } from '@core/i18n/languages.js'
import { useCallback } from 'react'
import { useSearchParams } from 'react-router'
import { useLanguage } from '../i18n/language.js'

export function useTextLanguage(
  languages: readonly Lang[],
  workingLanguage: Lang,
): [Lang, (next: Lang) => void] {
  const { lang: uiLang } = useLanguage()
  const [search, setSearch] = useSearchParams()
  const asked = search.get('lang')
  const textLang: Lang =
    isLang(asked) && languages.includes(asked)
      ? asked
      : languages.includes(uiLang)
        ? uiLang
        : languages.includes(workingLanguage)
          ? workingLanguage
          : (languages[0] ?? workingLanguage)

  const choose = useCallback(
    (next: Lang) => {
      setSearch(
        (current) => {
          const params = new URLSearchParams(current)
          params.set('lang', next)
          return params
        },
        { replace: true, preventScrollReset: true },
      )
    },
    [setSearch],
  )
  return [textLang, choose]
}
