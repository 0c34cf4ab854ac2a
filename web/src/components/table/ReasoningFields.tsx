import { SimpleGrid, Textarea } from '@mantine/core'
import { useT } from '../../i18n/language.js'

interface ReasoningFieldsProps {
  ru: string
  en: string
  onRu: (value: string) => void
  onEn: (value: string) => void
}

/** The secretariat's reasoning for a disposition, in Russian and English side by side. */
export function ReasoningFields({ ru, en, onRu, onEn }: ReasoningFieldsProps) {
  const tr = useT()
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Textarea
        label={tr('ui.disposition.reasoningRu')}
        value={ru}
        onChange={(event) => onRu(event.currentTarget.value)}
        autosize
        minRows={3}
        lang="ru"
      />
      <Textarea
        label={tr('ui.disposition.reasoningEn')}
        value={en}
        onChange={(event) => onEn(event.currentTarget.value)}
        autosize
        minRows={3}
        lang="en"
      />
    </SimpleGrid>
  )
}
