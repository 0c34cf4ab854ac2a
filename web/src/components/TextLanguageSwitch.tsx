/** Chooses the language in which the document's text is shown, among the version's languages. */
import { t } from '@core/i18n/index.js'
import type { Lang } from '@core/i18n/languages.js'
import { SegmentedControl, Stack, Text } from '@mantine/core'
import { useId } from 'react'
import { useT } from '../i18n/language.js'

interface TextLanguageSwitchProps {
  languages: Lang[]
  value: Lang
  onChange: (lang: Lang) => void
}

export function TextLanguageSwitch({ languages, value, onChange }: TextLanguageSwitchProps) {
  const tr = useT()
  const labelId = useId()
  return (
    <Stack gap={4}>
      <Text id={labelId} size="sm" fw={500} component="span">
        {tr('ui.document.textLanguage')}
      </Text>
      <SegmentedControl
        aria-labelledby={labelId}
        data-testid="text-language"
        value={value}
        onChange={(next) => onChange(next as Lang)}
        data={languages.map((code) => ({
          value: code,
          label: <span lang={code}>{t(code, `lang.${code}`)}</span>,
        }))}
      />
    </Stack>
  )
}
