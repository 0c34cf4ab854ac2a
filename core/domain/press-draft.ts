/**
 * A press service's news item drafted from a meeting's recorded facts, in Russian, Tajik and
 * English: where and when the body met and how (in person, by videoconference), who took part
 * (the member States, then the observers, marked as such; the secretariat's staff), which
 * draft documents were agreed (ad referendum noted with the delegations), what was postponed
 * or returned, and what comes next (domestic approval, submission to the councils).
 *
 * Russian needs the names in the right case ("представители Армении, Беларуси … а также
 * Молдовы (в качестве наблюдателя)"): the forms come from core/i18n/case-forms.ts; when a name
 * is not there, the sentence switches to a construction that needs the nominative only
 * ("… следующих государств: Армения, Новария"). Pure: nothing is read or published here; a
 * press officer reviews and edits the drafts.
 */
import { EN_MONTHS, RU_MONTHS_GENITIVE, wallClock } from '../i18n/calendar.js'
import { cityForms, cityName, countryForms, declineName } from '../i18n/case-forms.js'
import { t } from '../i18n/index.js'
import { type LocalizedText, pickText } from '../i18n/languages.js'
import type { AgendaOutcome, MeetingFormat } from './meetings.js'

/** The languages a press draft is written in. */
export const PRESS_LANGUAGES = ['ru', 'tg', 'en'] as const
export type PressLang = (typeof PRESS_LANGUAGES)[number]

export interface PressDraftParty {
  /** ISO 3166-1 alpha-3. */
  code: string
  name: LocalizedText
  status: 'member' | 'observer'
}

export interface PressDraftDocument {
  title: LocalizedText
  outcome: AgendaOutcome
  /** Members that agreed this document ad referendum (codes). */
  adReferendum: string[]
}

/** What the draft is built from (server/routes/api/news gathers it from the meeting). */
export interface PressDraftFacts {
  /** The secretariat, e.g. "Исполнительный комитет СНГ". */
  secretariatName: LocalizedText
  /** The organization's short name, e.g. "СНГ" (a tag). */
  shortName: LocalizedText
  body: { name: LocalizedText }
  meeting: {
    startsAt: string
    /** IANA zone the meeting was held in. */
    timezone: string
    /** "Venue, City", e.g. "Исполнительный комитет СНГ, Минск". */
    place: LocalizedText
    format: MeetingFormat
  }
  /** Parties represented at the meeting (members and observers). */
  parties: PressDraftParty[]
  /** Staff of the secretariat took part. */
  secretariatPresent: boolean
  /** Documents considered, in agenda order, with the outcome recorded. */
  documents: PressDraftDocument[]
  /** What comes after the meeting in the dossier's procedure. */
  nextSteps: { domesticApproval: boolean; councils: LocalizedText[] }
  /** When the item is drafted: its dateline date (in the meeting's zone). */
  draftedAt: string
}

export interface PressDraft {
  language: PressLang
  title: string
  lead: string
  /** Paragraphs as HTML (the server sanitizes it again on write). */
  body: string
  datelineCity: string | null
  /** YYYY-MM-DD */
  datelineDate: string
  tags: string[]
}

const AGREED: readonly AgendaOutcome[] = ['agreed', 'agreed_ad_referendum', 'agreed_with_reservations']

const TG_MONTHS = [
  'январ',
  'феврал',
  'март',
  'апрел',
  'май',
  'июн',
  'июл',
  'август',
  'сентябр',
  'октябр',
  'ноябр',
  'декабр',
]

const msg = (lang: PressLang, key: string, params?: Record<string, string | number>) =>
  t(lang, `press.draft.${key}`, params)

/** Spaces collapsed, none before punctuation, the first letter capitalised. */
function sentence(text: string): string {
  const s = text
    .replace(/\s+/g, ' ')
    .replace(/ ([,.:;)])/g, '$1')
    .trim()
  return s.charAt(0).toLocaleUpperCase('ru') + s.slice(1)
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** "A, B и C" / "A, B and C" / "A, B ва C". */
export function joinList(items: readonly string[], lang: PressLang): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} ${msg(lang, 'and')} ${items[items.length - 1]}`
}

/** The calendar day of an instant in a zone, as numbers. */
function dayIn(iso: string, timeZone: string): { y: number; m: number; d: number } {
  const w = wallClock(iso, timeZone)
  return w ? { y: w.y, m: w.m, d: w.d } : { y: 0, m: 0, d: 0 }
}

/** "21 августа [2020 года]" / "21 August [2020]" / "21 август[и соли 2020]". */
export function pressDate(iso: string, timeZone: string, lang: PressLang, withYear: boolean): string {
  const { y, m, d } = dayIn(iso, timeZone)
  if (lang === 'ru')
    return withYear ? `${d} ${RU_MONTHS_GENITIVE[m - 1]} ${y} года` : `${d} ${RU_MONTHS_GENITIVE[m - 1]}`
  if (lang === 'en') return withYear ? `${d} ${EN_MONTHS[m - 1]} ${y}` : `${d} ${EN_MONTHS[m - 1]}`
  return withYear ? `${d} ${TG_MONTHS[m - 1]}и соли ${y}` : `${d} ${TG_MONTHS[m - 1]}`
}

/** A party's name in a language; in Russian in the case asked for (undefined if unknown). */
export function partyName(
  party: Pick<PressDraftParty, 'code' | 'name'>,
  lang: PressLang,
  form: 'nom' | 'gen' = 'nom',
): string | undefined {
  const forms = countryForms(party.code)
  if (lang === 'ru') {
    if (forms) return forms.ru[form]
    return form === 'nom' ? pickText(party.name, 'ru') || party.code : undefined
  }
  return forms?.[lang] ?? (pickText(party.name, lang) || party.code)
}

function byName(lang: PressLang) {
  const collator = new Intl.Collator(lang === 'tg' ? 'tg' : lang)
  return (a: PressDraftParty, b: PressDraftParty) =>
    collator.compare(partyName(a, lang) ?? a.code, partyName(b, lang) ?? b.code)
}

/**
 * The sentence naming who took part: members, then observers marked as such. In Russian with
 * the names in the genitive when every one of them is known; otherwise listed in the nominative.
 */
export function participantsSentence(parties: readonly PressDraftParty[], lang: PressLang): string {
  const sorted = [...parties].sort(byName(lang))
  const members = sorted.filter((p) => p.status === 'member')
  const observers = sorted.filter((p) => p.status === 'observer')
  if (sorted.length === 0) return ''
  const cased = sorted.every((p) => partyName(p, lang, 'gen') !== undefined)
  if (cased) {
    const names = (list: PressDraftParty[]) =>
      joinList(
        list.map((p) => partyName(p, lang, 'gen')!),
        lang,
      )
    const observed = observers.length
      ? observers.length === 1
        ? msg(lang, 'observer.one', { name: names(observers) })
        : msg(lang, 'observer.many', { names: names(observers) })
      : ''
    const phrase =
      members.length && observed
        ? msg(lang, 'withObservers', { members: names(members), observers: observed })
        : members.length
          ? names(members)
          : observed
    return sentence(msg(lang, 'participants', { parties: phrase }))
  }
  const nominative = (list: PressDraftParty[]) =>
    joinList(
      list.map((p) => partyName(p, lang, 'nom')!),
      lang,
    )
  const out: string[] = []
  if (members.length) out.push(sentence(msg(lang, 'participants.list', { members: nominative(members) })))
  if (observers.length)
    out.push(
      sentence(
        msg(lang, observers.length === 1 ? 'observers.list.one' : 'observers.list.many', {
          observers: nominative(observers),
        }),
      ),
    )
  return out.join(' ')
}

/** "the Expert Group …" / "Экспертной группы …" / "Гурӯҳи коршиносон …" (after "meeting of"). */
function bodyOf(name: string, lang: PressLang): string {
  if (lang === 'ru') return declineName(name, 'gen') ?? msg(lang, 'body.quoted', { name })
  if (lang === 'en') return /^the\s/i.test(name) ? name : `the ${name}`
  return name
}

/** A document as the object of "agreed" (nominative/accusative) or after a noun (genitive). */
function documentPhrase(title: string, lang: PressLang, form: 'nom' | 'gen' | 'headline'): string {
  if (lang === 'ru') {
    // A title that already says "Проект …" is not prefixed with "проект" again.
    if (/^проект\s/i.test(title)) {
      const own = form === 'gen' ? declineName(title, 'gen')! : title
      return own.charAt(0).toLocaleLowerCase('ru') + own.slice(1)
    }
    const gen = declineName(title, 'gen')
    if (gen) return msg(lang, form === 'gen' ? 'documentGen' : 'document', { title: gen })
    return msg(lang, form === 'gen' ? 'document.quotedGen' : 'document.quoted', { title })
  }
  return msg(lang, form === 'headline' ? 'document.headline' : form === 'gen' ? 'documentGen' : 'document', {
    title,
  })
}

/** Where the meeting was held: "в Исполнительном комитете СНГ в Минске" and the city alone. */
function placeOf(place: LocalizedText, lang: PressLang) {
  const text = pickText(place, lang).trim()
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
  const city = parts.length ? cityForms(parts[parts.length - 1]!) : undefined
  const venue = city ? parts.slice(0, -1).join(', ') : text
  const cityIn = city ? (lang === 'ru' ? city.ru.prep : cityName(city, lang)) : ''
  let where = ''
  if (lang === 'ru') {
    const venueIn = venue ? declineName(venue, 'prep') : undefined
    if (venueIn && city) where = msg(lang, 'where.venueCity', { venue: venueIn, city: cityIn })
    else if (city) where = msg(lang, 'where.city', { city: cityIn })
    else if (venueIn) where = msg(lang, 'where.venue', { venue: venueIn })
  } else {
    const v = lang === 'en' && venue && !/^the\s/i.test(venue) ? `the ${venue}` : venue
    if (v && city) where = msg(lang, 'where.venueCity', { venue: v, city: cityIn })
    else if (city) where = msg(lang, 'where.city', { city: cityIn })
    else if (v) where = msg(lang, 'where.venue', { venue: v })
  }
  return {
    where,
    /** "в Минске" for the headline; empty when the city is unknown. */
    headline: city ? msg(lang, 'where.title', { city: cityIn }) : '',
    datelineCity: city ? cityName(city, lang).toLocaleUpperCase(lang === 'en' ? 'en' : 'ru') : null,
    city: city ? cityName(city, lang) : null,
  }
}

/** The councils the documents go to: "Совета министров … и Совета глав …" or a list. */
function councilsOf(councils: readonly LocalizedText[], lang: PressLang): string {
  const names = councils.map((c) => pickText(c, lang)).filter(Boolean)
  if (lang === 'ru') {
    const gen = names.map((n) => declineName(n, 'gen'))
    if (gen.every((g) => g !== undefined)) return joinList(gen as string[], lang)
    return msg(lang, 'bodies.list', {
      names: joinList(
        names.map((n) => `«${n}»`),
        lang,
      ),
    })
  }
  return joinList(
    names.map((n) => (lang === 'en' && !/^the\s/i.test(n) ? `the ${n}` : n)),
    lang,
  )
}

function adReferendumSentence(
  doc: PressDraftDocument,
  parties: ReadonlyMap<string, PressDraftParty>,
  lang: PressLang,
) {
  const list = doc.adReferendum.map(
    (code) => parties.get(code) ?? { code, name: {} as LocalizedText, status: 'member' as const },
  )
  if (list.length === 0) return ''
  list.sort(byName(lang))
  const document = documentPhrase(pickText(doc.title, lang), lang, 'nom')
  const cased = list.every((p) => partyName(p, lang, 'gen') !== undefined)
  if (!cased)
    return sentence(
      msg(lang, 'adReferendum.list', {
        document,
        parties: joinList(
          list.map((p) => partyName(p, lang, 'nom')!),
          lang,
        ),
      }),
    )
  return sentence(
    msg(lang, list.length === 1 ? 'adReferendum.one' : 'adReferendum.many', {
      document,
      parties: joinList(
        list.map((p) => partyName(p, lang, 'gen')!),
        lang,
      ),
    }),
  )
}

/** Drafts the news item in one language. */
export function draftPressItem(facts: PressDraftFacts, lang: PressLang): PressDraft {
  const tz = facts.meeting.timezone
  const met = dayIn(facts.meeting.startsAt, tz)
  const drafted = dayIn(facts.draftedAt, tz)
  const withYear = met.y !== drafted.y
  const place = placeOf(facts.meeting.place, lang)
  const body = bodyOf(pickText(facts.body.name, lang), lang)
  const agreed = facts.documents.filter((d) => AGREED.includes(d.outcome))
  const partyByCode = new Map(facts.parties.map((p) => [p.code, p]))

  const title = agreed.length
    ? sentence(
        msg(lang, 'title.agreed', {
          where: place.headline,
          document: documentPhrase(pickText(agreed[0]!.title, lang), lang, 'headline'),
        }),
      )
    : sentence(msg(lang, 'title.held', { where: place.headline, body }))

  const lead = sentence(
    msg(lang, 'opening', {
      date: pressDate(facts.meeting.startsAt, tz, lang, withYear),
      where: place.where,
      format: msg(lang, `format.${facts.meeting.format}`),
      body,
    }),
  )

  const paragraphs: string[] = []
  const attended = [participantsSentence(facts.parties, lang)]
  if (facts.secretariatPresent) {
    const secretariat = pickText(facts.secretariatName, lang)
    const named =
      lang === 'ru'
        ? declineName(secretariat, 'gen')
        : secretariat
          ? lang === 'en' && !/^the\s/i.test(secretariat)
            ? `the ${secretariat}`
            : secretariat
          : undefined
    attended.push(sentence(named ? msg(lang, 'staff', { secretariat: named }) : msg(lang, 'staff.generic')))
  }
  paragraphs.push(attended.filter(Boolean).join(' '))

  if (agreed.length) {
    const documents = joinList(
      agreed.map((d) => documentPhrase(pickText(d.title, lang), lang, 'nom')),
      lang,
    )
    const agreedText = [sentence(msg(lang, 'agreed', { documents }))]
    for (const d of agreed) agreedText.push(adReferendumSentence(d, partyByCode, lang))
    paragraphs.push(agreedText.filter(Boolean).join(' '))
  }
  const other = facts.documents
    .filter((d) => d.outcome === 'postponed' || d.outcome === 'returned')
    .map((d) =>
      d.outcome === 'postponed'
        ? sentence(msg(lang, 'postponed', { document: documentPhrase(pickText(d.title, lang), lang, 'gen') }))
        : sentence(msg(lang, 'returned', { document: documentPhrase(pickText(d.title, lang), lang, 'nom') })),
    )
  if (other.length) paragraphs.push(other.join(' '))

  if (agreed.length) {
    const { domesticApproval, councils } = facts.nextSteps
    const named = councils.length ? councilsOf(councils, lang) : ''
    const next =
      domesticApproval && named
        ? msg(lang, 'next.full', { councils: named })
        : domesticApproval
          ? msg(lang, 'next.domestic')
          : named
            ? msg(lang, 'next.councils', { councils: named })
            : ''
    if (next) paragraphs.push(sentence(next))
  }

  const pad = (n: number) => String(n).padStart(2, '0')
  const tags = [pickText(facts.shortName, lang), place.city ?? ''].filter(Boolean)
  return {
    language: lang,
    title,
    lead,
    body: paragraphs
      .filter(Boolean)
      .map((p) => `<p>${escapeHtml(p)}</p>`)
      .join('\n'),
    datelineCity: place.datelineCity,
    datelineDate: `${drafted.y}-${pad(drafted.m)}-${pad(drafted.d)}`,
    tags,
  }
}

/** The drafts in Russian, Tajik and English. */
export function draftPressItems(facts: PressDraftFacts): Record<PressLang, PressDraft> {
  return {
    ru: draftPressItem(facts, 'ru'),
    tg: draftPressItem(facts, 'tg'),
    en: draftPressItem(facts, 'en'),
  }
}
