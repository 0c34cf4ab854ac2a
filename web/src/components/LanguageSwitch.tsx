/** Switches the UI language (ru / en); saved on the account when signed in. */
import type { MeDTO } from '@core/api/types.js'
import { t } from '@core/i18n/index.js'
import { UI_LANGUAGES, type UiLang } from '@core/i18n/languages.js'
import { SegmentedControl } from '@mantine/core'
import { useLanguage, usePersistLanguage, useT } from '../i18n/language.js'

export function LanguageSwitch({ me }: { me?: MeDTO | undefined }) {
  const { lang, setLang } = useLanguage()
  const persist = usePersistLanguage()
  const tr = useT()

  const change = (value: string) => {
    const next = value as UiLang
    if (next === lang) return
    setLang(next)
    // The switch is immediate; saving it on the account may fail without harm.
    if (me) void persist(next, me).catch(() => undefined)
  }

  return (
    <SegmentedControl
      aria-label={tr('ui.language.ui')}
      size="xs"
      radius="sm"
      value={lang}
      onChange={change}
      data={UI_LANGUAGES.map((code) => ({
        value: code,
        label: <span lang={code}>{t(code, `lang.${code}`)}</span>,
      }))}
      className="lang-switch"
    />
  )
}
