/**
 * Moments in a named time zone: a deadline is always stated in the round's zone (the one
 * the secretariat chose) and, beside it, in the reader's own. Also the conversion of a
 * wall-clock time typed for a zone into ISO 8601 with the zone's offset at that moment.
 */
import type { Lang } from '@core/i18n/languages.js'

/** Zones offered when opening a round: the CIS capitals, then UTC. */
export const ROUND_TIMEZONES = [
  'Europe/Minsk',
  'Europe/Moscow',
  'Asia/Dushanbe',
  'Asia/Almaty',
  'Asia/Tashkent',
  'Asia/Bishkek',
  'Asia/Yerevan',
  'Asia/Ashgabat',
  'Europe/Chisinau',
  'UTC',
] as const

export const DEFAULT_TIMEZONE = 'Europe/Minsk'

const LOCALES: Record<Lang, string> = { ru: 'ru-RU', en: 'en-GB', tg: 'tg-TJ' }

/** The reader's zone, as the browser knows it. */
export function userTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
  } catch {
    return 'UTC'
  }
}

function safeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone })
    return timeZone
  } catch {
    return 'UTC'
  }
}

/** "14 августа 2020 г., 18:00" / "14 August 2020, 18:00", in the given zone. */
export function formatInZone(iso: string, timeZone: string, lang: Lang): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const zone = safeZone(timeZone)
  const day = new Intl.DateTimeFormat(LOCALES[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: zone,
  }).format(date)
  const time = new Intl.DateTimeFormat(LOCALES[lang], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zone,
  }).format(date)
  return `${day}, ${time}`
}

/** The zone's offset from UTC in minutes at a moment (e.g. 180 for Minsk). */
export function offsetMinutes(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: safeZone(timeZone),
    timeZoneName: 'longOffset',
  }).formatToParts(at)
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT'
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name)
  if (!match) return 0
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0)
  return match[1] === '-' ? -minutes : minutes
}

const pad = (n: number) => String(n).padStart(2, '0')

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

/** The wall-clock time of a moment in a zone, as a datetime-local value "2020-08-14T18:00". */
export function wallTimeInZone(iso: string | Date, timeZone: string): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso
  const shifted = new Date(date.getTime() + offsetMinutes(timeZone, date) * 60_000)
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}T${pad(
    shifted.getUTCHours(),
  )}:${pad(shifted.getUTCMinutes())}`
}

/**
 * A datetime-local value read as a wall-clock time in `timeZone` → ISO 8601 with that
 * zone's offset at that moment, e.g. "2020-08-14T18:00:00+03:00". Null when malformed.
 */
export function zonedWallToIso(wall: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(wall)
  if (!match) return null
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number]
  const asUtc = Date.UTC(y, mo - 1, d, h, mi)
  // The offset at the guessed instant, then once more at the corrected one (DST edges).
  let offset = offsetMinutes(timeZone, new Date(asUtc))
  offset = offsetMinutes(timeZone, new Date(asUtc - offset * 60_000))
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:00${offsetText(offset)}`
}

/** True when two zones show the same wall-clock time at a moment. */
export function sameOffset(a: string, b: string, at: Date): boolean {
  return offsetMinutes(a, at) === offsetMinutes(b, at)
}
