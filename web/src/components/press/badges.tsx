/** States of news items, a planned publication and an embargo: each with a colour, a symbol and a word. */
import type { NewsStatus } from '@core/api/news.js'
import { useLanguage, useT } from '../../i18n/language.js'
import { formatInZone } from '../../lib/time.js'
import { StatusLabel, type Tone } from '../StatusBadges.js'

const STATUS_LOOK: Record<NewsStatus, { tone: Tone; symbol: string }> = {
  draft: { tone: 'amber', symbol: '✎' },
  in_review: { tone: 'navy', symbol: '◔' },
  published: { tone: 'green', symbol: '✓' },
  archived: { tone: 'grey', symbol: '▣' },
}

export const statusSymbol = (status: NewsStatus) => STATUS_LOOK[status].symbol

export function NewsStatusBadge({ status, testId }: { status: NewsStatus; testId?: string }) {
  const tr = useT()
  const look = STATUS_LOOK[status]
  return (
    <StatusLabel tone={look.tone} symbol={look.symbol} word={tr(`press.status.${status}`)} testId={testId} />
  )
}

/** "⏲ Публикация: 22 августа 2020 г., 12:02" in the item's zone. */
export function ScheduledBadge({ at, timezone }: { at: string; timezone: string }) {
  const tr = useT()
  const { lang } = useLanguage()
  return (
    <StatusLabel
      tone="navy"
      symbol="⏲"
      word={tr('press.ui.scheduledFor', { when: formatInZone(at, timezone, lang) })}
      testId="news-scheduled"
    />
  )
}

export function EmbargoBadge() {
  const tr = useT()
  return <StatusLabel tone="red" symbol="⛔" word={tr('press.ui.embargo')} testId="news-embargoed" />
}
