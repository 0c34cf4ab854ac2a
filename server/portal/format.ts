/**
 * Dates and datelines as the portal writes them: "22 августа 2020, 12:02", "22 August 2020",
 * "22.08.2020" (Tajik dates; and Russian and Tajik datelines, as news agencies write them:
 * "ДУШАНБЕ, 22.08.2020"), with the time in the item's zone;
 * and the attribution line's source in the case Russian needs after «со ссылкой на».
 */

import { wallClock } from '@core/i18n/calendar.js'
import { t } from '@core/i18n/index.js'
import type { Lang } from '@core/i18n/languages.js'

function longDate(w: { y: number; m: number; d: number }, lang: Lang): string {
  return t(lang, 'portal.date.long', {
    day: w.d,
    dd: String(w.d).padStart(2, '0'),
    month: t(lang, `portal.month.${w.m}`),
    mm: String(w.m).padStart(2, '0'),
    year: w.y,
  })
}

/** A calendar date (YYYY-MM-DD) written out: "22 августа 2020". */
export function formatDay(isoDate: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate)
  if (!m) return isoDate
  return longDate({ y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }, lang)
}

/** An instant as a date in a zone: "22 августа 2020". */
export function formatInstantDay(iso: string, lang: Lang, timeZone: string): string {
  const w = wallClock(iso, timeZone)
  return w ? longDate(w, lang) : iso
}

/** An instant with its time in a zone: "22 августа 2020, 12:02". */
export function formatDateTime(iso: string, lang: Lang, timeZone: string): string {
  const w = wallClock(iso, timeZone)
  if (!w) return iso
  return t(lang, 'portal.date.withTime', { date: longDate(w, lang), time: `${w.hh}:${w.mm}` })
}

/** A date as a dateline writes it: figures in Russian and Tajik (as news agencies write), words in English. */
function datelineDate(w: { y: number; m: number; d: number }, lang: Lang): string {
  if (lang === 'en') return longDate(w, lang)
  return `${String(w.d).padStart(2, '0')}.${String(w.m).padStart(2, '0')}.${w.y}`
}

/**
 * The dateline: "МИНСК, 22.08.2020" (the city as stored, upper-cased; the dateline's date, or
 * the day of publication in the item's zone). English: "MINSK, 22 August 2020".
 */
export function dateline(
  item: {
    dateline_city: string | null
    dateline_date: string | null
    published_at: string | null
    timezone: string
  },
  lang: Lang,
): string | null {
  let day: { y: number; m: number; d: number } | null = null
  const m = item.dateline_date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(item.dateline_date) : null
  if (m) day = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }
  else if (item.published_at) day = wallClock(item.published_at, item.timezone)
  const date = day ? datelineDate(day, lang) : null
  if (!item.dateline_city) return date
  const city = item.dateline_city.toLocaleUpperCase(lang === 'en' ? 'en' : 'ru')
  return date ? `${city}, ${date}` : city
}

const RU_ADJECTIVE_ACC: [RegExp, string][] = [
  [/ая$/, 'ую'],
  [/яя$/, 'юю'],
]
const RU_NOUN_ACC: [RegExp, string][] = [
  [/([^аеёиоуыэюя])а$/, '$1у'],
  [/([^аеёиоуыэюя])я$/, '$1ю'],
]

/**
 * The source after «со ссылкой на» (Russian puts it in the accusative): the leading
 * feminine adjectives and the head noun of a name such as "пресс-служба Исполкома СНГ" or
 * "Национальная пресс-служба" change ("пресс-службу Исполкома СНГ"); the rest of the
 * name (its genitive complement) and names in quotes or capitals stay as written.
 */
export function sourceAfterCiting(source: string, lang: Lang): string {
  if (lang !== 'ru') return source
  const tokens = source.split(/(\s+)/)
  for (let i = 0; i < tokens.length; i += 2) {
    const word = tokens[i]!
    if (!/^[А-Яа-яЁё-]+$/.test(word) || /^[А-ЯЁ-]{2,}$/.test(word)) return tokens.join('')
    const adjective = RU_ADJECTIVE_ACC.find(([re]) => re.test(word))
    if (adjective) {
      tokens[i] = word.replace(adjective[0], adjective[1])
      continue
    }
    const noun = RU_NOUN_ACC.find(([re]) => re.test(word))
    if (noun) tokens[i] = word.replace(noun[0], noun[1])
    break
  }
  return tokens.join('')
}
