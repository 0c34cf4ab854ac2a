/** When a meeting takes place, in its own zone and in the reader's. */
import type { Lang } from '@core/i18n/languages.js'
import { formatInZone, wallTimeInZone } from '../../lib/time.js'

const LOCALES: Record<Lang, string> = { ru: 'ru-RU', en: 'en-GB', tg: 'tg-TJ' }

function timeOnly(iso: string, timeZone: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(iso))
}

/** "21 августа 2020 г., 10:00–13:00" in the zone (the end's date only when another day). */
export function meetingSpan(startsAt: string, endsAt: string, timeZone: string, lang: Lang): string {
  const sameDay =
    wallTimeInZone(startsAt, timeZone).slice(0, 10) === wallTimeInZone(endsAt, timeZone).slice(0, 10)
  const end = sameDay ? timeOnly(endsAt, timeZone, lang) : formatInZone(endsAt, timeZone, lang)
  return `${formatInZone(startsAt, timeZone, lang)}–${end}`
}

/** "2020-08" of the meeting's start in its zone, to group a calendar by month. */
export function monthOf(startsAt: string, timeZone: string): string {
  return wallTimeInZone(startsAt, timeZone).slice(0, 7)
}

/** "Август 2020" / "August 2020". */
export function monthLabel(month: string, lang: Lang): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const text = new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(y, m - 1, 15)))
    .replace(/\s*г\.$/, '')
  return text.charAt(0).toUpperCase() + text.slice(1)
}
