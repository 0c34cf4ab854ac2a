/**
 * Calendar words and wall clocks shared by every place that writes a date out in words
 * (exports, minutes, press drafts, the portal): month names, and the wall-clock reading of
 * an instant in a time zone. Pure; Intl only.
 */

/** Russian month names in the genitive, as dates are written: "21 августа 2020 года". */
export const RU_MONTHS_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
] as const

export const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const

export interface WallClock {
  y: number
  m: number
  d: number
  /** Two digits, 00–23. */
  hh: string
  /** Two digits. */
  mm: string
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let fmt = formatters.get(timeZone)
  if (!fmt) {
    try {
      fmt = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
    } catch {
      // An unknown zone reads as UTC rather than failing the whole page or document.
      fmt = formatterFor('UTC')
    }
    formatters.set(timeZone, fmt)
  }
  return fmt
}

/** The wall clock of an instant in a time zone; null for what is not a date. */
export function wallClock(iso: string, timeZone: string): WallClock | null {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return null
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  )
  return {
    y: Number(parts.year),
    m: Number(parts.month),
    d: Number(parts.day),
    hh: parts.hour ?? '00',
    mm: parts.minute ?? '00',
  }
}
