/**
 * The secretariat edits the minutes in one language: the title, and each section's heading
 * and text (paragraphs separated by an empty line). Saving sends the version read, so that
 * someone else's edit in between is reported, not overwritten.
 */
import type { MinutesText } from '@core/api/minutes.js'
import { paragraphsToText, textToParagraphs } from '@core/domain/minutes.js'
import { t } from '@core/i18n/index.js'
import type { Lang } from '@core/i18n/languages.js'
import { Button, Group, Stack, Textarea, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useT } from '../../i18n/language.js'
import { ErrorAlert } from '../ErrorAlert.js'

interface MinutesEditorProps {
  text: MinutesText
  lang: Lang
  busy: boolean
  error: unknown
  onSave: (text: MinutesText) => void
  onCancel: () => void
}

export function MinutesEditor({ text, lang, busy, error, onSave, onCancel }: MinutesEditorProps) {
  const tr = useT()
  const [title, setTitle] = useState(text.title)
  const [sections, setSections] = useState(() =>
    text.sections.map((s) => ({ key: s.key, heading: s.heading, body: paragraphsToText(s.paragraphs) })),
  )
  const change = (index: number, patch: Partial<{ heading: string; body: string }>) =>
    setSections((list) => list.map((s, i) => (i === index ? { ...s, ...patch } : s)))

  return (
    <form
      aria-labelledby="minutes-editor-title"
      data-testid="minutes-editor"
      onSubmit={(event) => {
        event.preventDefault()
        onSave({
          title: title.trim() || text.title,
          sections: sections.map((s) => ({
            key: s.key,
            heading: s.heading.trim(),
            paragraphs: textToParagraphs(s.body),
          })),
        })
      }}
    >
      <Stack gap="md">
        <Title order={2} id="minutes-editor-title">
          {tr('ui.minutes.editTitle', { language: t(lang, `lang.${lang}`) })}
        </Title>
        <TextInput
          label={tr('ui.minutes.field.title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
          lang={lang}
        />
        {sections.map((s, i) => (
          <fieldset key={s.key} className="minutes-editor__section" data-section={s.key}>
            <legend>{s.heading || tr('ui.minutes.field.heading', { n: i + 1 })}</legend>
            <Stack gap="sm">
              <TextInput
                label={tr('ui.minutes.field.heading', { n: i + 1 })}
                value={s.heading}
                onChange={(e) => change(i, { heading: e.currentTarget.value })}
                lang={lang}
              />
              <Textarea
                label={tr('ui.minutes.field.paragraphs', { n: i + 1 })}
                description={tr('ui.minutes.field.paragraphsHelp')}
                value={s.body}
                onChange={(e) => change(i, { body: e.currentTarget.value })}
                autosize
                minRows={3}
                maxRows={24}
                lang={lang}
              />
            </Stack>
          </fieldset>
        ))}
        {error ? <ErrorAlert error={error} /> : null}
        <Group gap="sm">
          <Button type="submit" loading={busy} color="navy">
            {tr('ui.minutes.save')}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={busy}>
            {tr('ui.minutes.cancelEdit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
