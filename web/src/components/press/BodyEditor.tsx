/**
 * The body of a news item as rich text: an editable region with a small toolbar (bold,
 * italic, subheading, paragraph, lists, quotation, link) that produces the HTML the server
 * keeps (it sanitizes again on save), and a switch to the HTML itself for what the toolbar
 * does not do. The region is a labelled multi-line textbox in the item's language.
 */
import { Button, Textarea } from '@mantine/core'
import { useEffect, useId, useRef, useState } from 'react'
import { useT } from '../../i18n/language.js'

interface BodyEditorProps {
  label: string
  value: string
  onChange: (html: string) => void
  /** The language of the text (spell-checking, screen readers). */
  lang: string
  disabled?: boolean
  compact?: boolean
  testId?: string
}

/** A toolbar button: its symbol (or a short word) is shown, its name is the accessible label. */
type Command = { key: string; symbol: string; run: () => void }

export function BodyEditor({
  label,
  value,
  onChange,
  lang,
  disabled = false,
  compact = false,
  testId,
}: BodyEditorProps) {
  const tr = useT()
  const labelId = useId()
  const ref = useRef<HTMLDivElement>(null)
  const [source, setSource] = useState(false)

  // Outside changes (loading, another save) replace the text, but never under the cursor.
  useEffect(() => {
    const el = ref.current
    if (el && !source && el.innerHTML !== value && document.activeElement !== el) el.innerHTML = value
  }, [value, source])

  const emit = () => {
    if (ref.current) onChange(ref.current.innerHTML)
  }
  const exec = (command: string, arg?: string) => {
    ref.current?.focus()
    document.execCommand(command, false, arg)
    emit()
  }
  const commands: Command[] = [
    { key: 'bold', symbol: tr('press.ui.editor.boldMark'), run: () => exec('bold') },
    { key: 'italic', symbol: tr('press.ui.editor.italicMark'), run: () => exec('italic') },
    { key: 'heading', symbol: 'H2', run: () => exec('formatBlock', 'h2') },
    { key: 'paragraph', symbol: '¶', run: () => exec('formatBlock', 'p') },
    { key: 'bullets', symbol: '•', run: () => exec('insertUnorderedList') },
    { key: 'numbers', symbol: '1.', run: () => exec('insertOrderedList') },
    { key: 'quote', symbol: '❝', run: () => exec('formatBlock', 'blockquote') },
    {
      key: 'link',
      symbol: tr('press.ui.editor.linkMark'),
      run: () => {
        const url = window.prompt(tr('press.ui.editor.linkPrompt'), 'https://')
        if (url && /^(https?:|mailto:)/i.test(url.trim())) exec('createLink', url.trim())
      },
    },
    { key: 'unlink', symbol: tr('press.ui.editor.unlinkMark'), run: () => exec('unlink') },
  ]

  return (
    <div data-testid={testId}>
      <div id={labelId} className="mantine-InputWrapper-label" style={{ fontWeight: 600, marginBottom: 4 }}>
        {label}
      </div>
      {!disabled && (
        <div className="press-toolbar" role="toolbar" aria-label={tr('press.ui.editor.toolbar')}>
          {!source &&
            commands.map((c) => (
              <Button
                key={c.key}
                size="compact-sm"
                variant="default"
                onMouseDown={(e) => e.preventDefault()}
                onClick={c.run}
                title={tr(`press.ui.editor.${c.key}`)}
              >
                {/* The symbol is seen; the name is what a screen reader says. */}
                <span aria-hidden="true">{c.symbol}</span>
                <span className="visually-hidden">{tr(`press.ui.editor.${c.key}`)}</span>
              </Button>
            ))}
          <Button
            size="compact-sm"
            variant={source ? 'filled' : 'subtle'}
            ml="auto"
            aria-pressed={source}
            onClick={() => setSource((s) => !s)}
          >
            {tr('press.ui.editor.source')}
          </Button>
        </div>
      )}
      {source ? (
        <Textarea
          aria-labelledby={labelId}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          autosize
          minRows={compact ? 6 : 12}
          classNames={{ input: 'press-source' }}
          lang={lang}
          spellCheck={false}
        />
      ) : (
        // biome-ignore lint/a11y/useSemanticElements: a rich-text region has no native element
        <div
          ref={ref}
          role="textbox"
          aria-multiline="true"
          aria-labelledby={labelId}
          aria-readonly={disabled || undefined}
          tabIndex={0}
          contentEditable={!disabled}
          suppressContentEditableWarning
          lang={lang}
          className={compact ? 'press-richtext press-richtext--compact' : 'press-richtext'}
          onInput={emit}
          onBlur={emit}
        />
      )}
    </div>
  )
}
