/**
 * A redline: deleted text in <del> (struck through, red), inserted text in <ins> (underlined,
 * green) — never colour alone. Screen readers hear "deleted:" / "inserted:" before each
 * change (a visually hidden ::before fed from data-label).
 */
import type { Lang } from '@core/i18n/languages.js'
import type { DiffOp } from '@core/text/diff.js'
import { useT } from '../i18n/language.js'

interface RedlineProps {
  ops: readonly DiffOp[]
  lang?: Lang | undefined
  /** Which side to show: both (inline), only the old text, or only the new one. */
  side?: 'both' | 'old' | 'new'
  /** Shorten long unchanged stretches to their edges (for the narrow margin). */
  compact?: boolean
  testId?: string
}

const KEEP = 48

/** An unchanged stretch shortened to the words next to the changes, with "…" for the rest. */
function shorten(text: string, first: boolean, last: boolean): string {
  if (text.length <= KEEP * 2 + 10) return text
  const head = (s: string) => s.slice(0, s.lastIndexOf(' ', KEEP) > 0 ? s.lastIndexOf(' ', KEEP) : KEEP)
  const tail = (s: string) => {
    const cut = s.indexOf(' ', s.length - KEEP)
    return s.slice(cut > 0 ? cut + 1 : s.length - KEEP)
  }
  if (first && last) return text
  if (first) return `… ${tail(text)}`
  if (last) return `${head(text)} …`
  return `${head(text)} … ${tail(text)}`
}

export function Redline({ ops, lang, side = 'both', compact = false, testId }: RedlineProps) {
  const tr = useT()
  return (
    <span className="redline" lang={lang} data-testid={testId}>
      {ops.map((op, index) => {
        const key = `${index}-${op.op}`
        if (op.op === 'equal') {
          const text = compact ? shorten(op.text, index === 0, index === ops.length - 1) : op.text
          return <span key={key}>{text}</span>
        }
        if (op.op === 'delete') {
          if (side === 'new') return null
          return (
            <del key={key} data-label={tr('ui.redline.deleted')}>
              {op.text}
            </del>
          )
        }
        if (side === 'old') return null
        return (
          <ins key={key} data-label={tr('ui.redline.inserted')}>
            {op.text}
          </ins>
        )
      })}
    </span>
  )
}

/** The legend under a redline: what struck-through and underlined text mean. */
export function RedlineLegend() {
  const tr = useT()
  return (
    <p className="redline-legend">
      <span>
        <del className="redline-legend__sample">{tr('ui.redline.sample')}</del> —{' '}
        {tr('ui.redline.legendDeleted')}
      </span>
      <span>
        <ins className="redline-legend__sample">{tr('ui.redline.sample')}</ins> —{' '}
        {tr('ui.redline.legendInserted')}
      </span>
    </p>
  )
}
