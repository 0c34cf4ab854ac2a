/** Formatting helpers shared by the pages: dates, party labels, provision numbers, hashes. */
import { type Lang, type LocalizedText, pickText } from '@core/i18n/languages.js'

const LOCALES: Record<Lang, string> = { ru: 'ru-RU', en: 'en-GB', tg: 'tg-TJ' }

const dateFormats = new Map<string, Intl.DateTimeFormat>()

function formatter(lang: Lang, withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang}:${withTime}`
  let format = dateFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
    })
    dateFormats.set(key, format)
  }
  return format
}

/** A date in the UI language, e.g. "21 августа 2020 г." / "21 August 2020". */
export function formatDate(iso: string | null | undefined, lang: Lang, withTime = false): string {
  if (!iso) return ''
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : formatter(lang, withTime).format(date)
}

/** A party by name and ISO code, e.g. "Таджикистан (TJK)"; flags are never used. */
export function partyLabel(party: { code: string; name: LocalizedText }, lang: Lang): string {
  const name = pickText(party.name, lang)
  return name ? `${name} (${party.code})` : party.code
}

/** The displayed number of a provision: "3" → "3.", while "b)" or "3." stay as they are. */
export function provisionNumber(num: string | null | undefined): string {
  if (!num) return ''
  return /[\p{L}\p{N}]$/u.test(num) ? `${num}.` : num
}

/** The first characters of a SHA-256, enough to recognize a version at a glance. */
export function shortHash(hash: string, length = 12): string {
  return hash.length > length ? `${hash.slice(0, length)}…` : hash
}
