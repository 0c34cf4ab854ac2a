/**
 * Helpers of the negotiation screens: the texts a contribution is read against, its redline,
 * where it sits in the document, the time-zone names of deadlines, and notification texts.
 */
import type { ContributionDTO, NotificationDTO, RoundDTO } from '@core/api/contributions.js'
import { hasMessage } from '@core/i18n/index.js'
import { type Lang, type LocalizedText, pickText } from '@core/i18n/languages.js'
import { type DiffOp, diffWords } from '@core/text/diff.js'
import { type FlatProvision, runsToPlainText } from '@core/text/model.js'
import { proposedWording } from '@core/text/revise.js'
import { formatInZone } from './time.js'

type Translate = (key: string, params?: Record<string, string | number>) => string

/** A provision's plain text in a language (brackets as `[a / b]`), heading left out. */
export function plainText(provision: FlatProvision | undefined, lang: Lang): string {
  return provision ? runsToPlainText(provision.text[lang]) : ''
}

/** The provision a contribution is shown against: an insertion goes after its provision. */
export function anchorEid(c: Pick<ContributionDTO, 'kind' | 'provisionEid' | 'afterEid'>): string | null {
  return c.kind === 'insertion' ? c.afterEid : c.provisionEid
}

/** The proposal as a redline against the provision's current text (empty for comments). */
export function contributionRedline(c: ContributionDTO, current: string): DiffOp[] {
  if (c.kind === 'amendment')
    return diffWords(current, proposedWording(current, c.proposedText ?? '', c.span))
  if (c.kind === 'insertion') return c.proposedText ? [{ op: 'insert', text: c.proposedText }] : []
  if (c.kind === 'deletion') return current ? [{ op: 'delete', text: current }] : []
  return []
}

/** The full wording a contribution proposes (for the secretariat's "adopted wording"). */
export function proposedFull(c: ContributionDTO, current: string): string {
  if (c.kind === 'amendment') return proposedWording(current, c.proposedText ?? '', c.span)
  return c.proposedText ?? ''
}

/** "Минск, Europe/Minsk"; UTC is just "UTC". */
export function zoneLabel(timeZone: string, tr: Translate): string {
  if (timeZone === 'UTC') return 'UTC'
  const key = `timezone.${timeZone}`
  const city = hasMessage('ru', key) ? tr(key) : (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ')
  return `${city}, ${timeZone}`
}

/** "14 августа 2020 г., 18:00 (Минск, Europe/Minsk)". */
export function momentInZone(iso: string, timeZone: string, lang: Lang, tr: Translate): string {
  return `${formatInZone(iso, timeZone, lang)} (${zoneLabel(timeZone, tr)})`
}

/** The round to show for a version: the one asked for, else the newest on that version. */
export function pickRound(rounds: RoundDTO[], versionId: string | null, asked: string | null) {
  const onVersion = rounds.filter((r) => r.versionId === versionId)
  return onVersion.find((r) => r.id === asked) ?? onVersion[0] ?? null
}

/** A notification parameter: a text, or a localized text (as an object or as JSON). */
function localParam(value: unknown, lang: Lang): string {
  if (value && typeof value === 'object') return pickText(value as LocalizedText, lang)
  if (typeof value !== 'string') return String(value ?? '')
  if (value.startsWith('{')) {
    try {
      return pickText(JSON.parse(value) as LocalizedText, lang) || value
    } catch {
      return value
    }
  }
  return value
}

/** The text of a notification in the user's language. */
export function notificationText(n: NotificationDTO, lang: Lang, tr: Translate): string {
  const params: Record<string, string> = {}
  for (const [key, value] of Object.entries(n.params)) params[key] = localParam(value, lang)
  if (n.params.closesAt) {
    params.closesAt = n.params.timezone
      ? momentInZone(n.params.closesAt, n.params.timezone, lang, tr)
      : formatInZone(n.params.closesAt, 'UTC', lang)
  }
  if (n.params.deadline) {
    params.deadline = n.params.timezone
      ? momentInZone(n.params.deadline, n.params.timezone, lang, tr)
      : formatInZone(n.params.deadline, 'UTC', lang)
  }
  return tr(`notification.${n.kind}`, params)
}

/** "п. 5" for a numbered provision, else "Преамбула, абзац 3". */
export function provisionName(
  p: FlatProvision | undefined,
  all: readonly FlatProvision[],
  tr: Translate,
): string {
  if (!p) return ''
  if (p.num) return tr('ui.provision.numbered', { num: p.num.replace(/\.$/, '') })
  const same = all.filter(
    (x) => x.section === p.section && x.depth === p.depth && x.parentEid === p.parentEid,
  )
  const n = same.findIndex((x) => x.eid === p.eid) + 1
  return tr('ui.provision.unnumbered', { section: tr(`section.${p.section}`), n })
}
