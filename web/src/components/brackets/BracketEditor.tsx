/**
 * "Put in brackets" on a working draft: the provision's plain text in a read-only text
 * area where the span is selected with the mouse (or the fragment typed and found), then
 * two or more alternatives — the first is the selected text — each with its backers.
 */
import type { DossierParticipantDTO } from '@core/api/types.js'
import type { Lang } from '@core/i18n/languages.js'
import type { FlatProvision } from '@core/text/model.js'
import { Button, Checkbox, Group, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useState } from 'react'
import { usePutBracket } from '../../api/silence-brackets.js'
import { useLanguage, useT } from '../../i18n/language.js'
import { partyLabel } from '../../lib/format.js'
import { Dialog } from '../Dialog.js'
import { ErrorAlert } from '../ErrorAlert.js'
import { plainText } from './plain.js'

export interface BracketTarget {
  provision: FlatProvision
  name: string
  language: Lang
}

interface BracketEditorProps {
  target: BracketTarget | null
  documentId: string
  versionId: string
  parties: DossierParticipantDTO[]
  onClose: () => void
}

export function BracketEditor({ target, onClose, ...rest }: BracketEditorProps) {
  const tr = useT()
  return (
    <Dialog
      opened={!!target}
      onClose={onClose}
      title={target ? tr('ui.brackets.putTitle', { provision: target.name }) : ''}
      size="xl"
    >
      {target && <EditorBody key={target.provision.eid} target={target} onClose={onClose} {...rest} />}
    </Dialog>
  )
}

interface Alternative {
  text: string
  backers: string[]
}

function EditorBody({
  target,
  documentId,
  versionId,
  parties,
  onClose,
}: BracketEditorProps & { target: BracketTarget }) {
  const tr = useT()
  const { lang } = useLanguage()
  const text = plainText(target.provision, target.language)
  const [span, setSpan] = useState<{ start: number; end: number } | null>(null)
  const [fragment, setFragment] = useState('')
  const [alternatives, setAlternatives] = useState<Alternative[]>([
    { text: '', backers: [] },
    { text: '', backers: [] },
  ])
  const [problem, setProblem] = useState<string | null>(null)
  const put = usePutBracket(documentId, versionId)

  const choose = (start: number, end: number) => {
    if (end <= start) return
    const chosen = text.slice(start, end)
    setSpan({ start, end })
    setFragment(chosen)
    setProblem(null)
    // The first alternative follows the selection until it is edited.
    setAlternatives((list) =>
      list.map((alt, i) =>
        i === 0 && (alt.text === '' || alt.text === fragment) ? { ...alt, text: chosen } : alt,
      ),
    )
  }
  const readSelection = (event: React.SyntheticEvent<HTMLTextAreaElement>) =>
    choose(event.currentTarget.selectionStart, event.currentTarget.selectionEnd)
  const typeFragment = (value: string) => {
    setFragment(value)
    const at = value ? text.indexOf(value) : -1
    setSpan(at >= 0 ? { start: at, end: at + value.length } : null)
    setProblem(value && at < 0 ? tr('ui.brackets.notFound') : null)
    if (at >= 0)
      setAlternatives((list) =>
        list.map((alt, i) => (i === 0 && alt.text === fragment ? { ...alt, text: value } : alt)),
      )
  }
  const update = (index: number, change: Partial<Alternative>) =>
    setAlternatives((list) => list.map((alt, i) => (i === index ? { ...alt, ...change } : alt)))

  const submit = () => {
    if (!span) return setProblem(fragment ? tr('ui.brackets.notFound') : tr('ui.brackets.chooseSpan'))
    const filled = alternatives.filter((alt) => alt.text.trim())
    if (filled.length < 2) return setProblem(tr('ui.brackets.twoNeeded'))
    setProblem(null)
    put.mutate(
      { eid: target.provision.eid, language: target.language, ...span, alternatives: filled },
      { onSuccess: onClose },
    )
  }

  return (
    <form
      noValidate
      data-testid="bracket-editor"
      onSubmit={(event) => {
        event.preventDefault()
        submit()
      }}
    >
      <Stack gap="md">
        <Text size="sm">{tr('ui.brackets.selectHint')}</Text>
        <Textarea
          className="bracket-editor__text"
          label={tr('ui.brackets.plainText')}
          value={text}
          readOnly
          autosize
          minRows={3}
          lang={target.language}
          onSelect={readSelection}
          onMouseUp={readSelection}
          onKeyUp={readSelection}
          data-testid="bracket-source"
        />
        <TextInput
          label={tr('ui.brackets.fragment')}
          description={tr('ui.brackets.fragmentHint')}
          value={fragment}
          onChange={(event) => typeFragment(event.currentTarget.value)}
          lang={target.language}
          data-testid="bracket-fragment"
        />
        {alternatives.map((alt, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: alternatives are identified by their position
          <fieldset key={index} className="bracket-alt" data-testid="bracket-alternative">
            <Stack gap="xs">
              <TextInput
                label={tr('ui.brackets.alternative', { n: index + 1 })}
                value={alt.text}
                onChange={(event) => update(index, { text: event.currentTarget.value })}
                lang={target.language}
              />
              <Checkbox.Group
                label={tr('ui.brackets.backers', { n: index + 1 })}
                value={alt.backers}
                onChange={(backers) => update(index, { backers })}
              >
                <Group gap="md" mt={4} wrap="wrap">
                  {parties.map((p) => (
                    <Checkbox key={p.code} value={p.code} label={p.code} title={partyLabel(p, lang)} />
                  ))}
                </Group>
              </Checkbox.Group>
              {alternatives.length > 2 && (
                <Group justify="flex-end">
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    onClick={() => setAlternatives((list) => list.filter((_, i) => i !== index))}
                  >
                    {tr('ui.brackets.removeAlternative', { n: index + 1 })}
                  </Button>
                </Group>
              )}
            </Stack>
          </fieldset>
        ))}
        <Group>
          <Button
            variant="default"
            size="compact-sm"
            onClick={() => setAlternatives((list) => [...list, { text: '', backers: [] }])}
          >
            {tr('ui.brackets.addAlternative')}
          </Button>
        </Group>
        {problem && (
          <Text c="red.9" role="alert" data-testid="bracket-problem">
            {problem}
          </Text>
        )}
        {put.error ? <ErrorAlert error={put.error} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={put.isPending}>
            {tr('ui.action.cancel')}
          </Button>
          <Button type="submit" loading={put.isPending}>
            {tr('ui.brackets.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
