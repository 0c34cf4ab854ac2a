/**
 * Case forms for generated texts (press drafts): the names of the CIS countries and their
 * neighbours in Russian cases (nominative, genitive, dative, prepositional) with their English
 * and Tajik names, the cities where bodies meet, and the heads of the names of bodies and
 * documents ("Экспертная группа по …" → "Экспертной группы по …"). Tajik and English need no
 * case in the constructions we use (Tajik joins with the izofa, which changes the head, not the
 * name). Where a name is not here, the generator falls back to a construction that needs the
 * nominative only. Pure data and lookups, no I/O.
 */
import type { Lang } from './languages.js'

/** Russian forms of a name. */
export interface RuCases {
  nom: string
  gen: string
  dat: string
  prep: string
}

export interface CountryForms {
  ru: RuCases
  en: string
  tg: string
}

/** Short names of countries by ISO 3166-1 alpha-3 code. */
export const COUNTRY_FORMS: Readonly<Record<string, CountryForms>> = {
  ARM: {
    ru: { nom: 'Армения', gen: 'Армении', dat: 'Армении', prep: 'Армении' },
    en: 'Armenia',
    tg: 'Арманистон',
  },
  AZE: {
    ru: { nom: 'Азербайджан', gen: 'Азербайджана', dat: 'Азербайджану', prep: 'Азербайджане' },
    en: 'Azerbaijan',
    tg: 'Озарбойҷон',
  },
  BLR: {
    ru: { nom: 'Беларусь', gen: 'Беларуси', dat: 'Беларуси', prep: 'Беларуси' },
    en: 'Belarus',
    tg: 'Беларус',
  },
  GEO: {
    ru: { nom: 'Грузия', gen: 'Грузии', dat: 'Грузии', prep: 'Грузии' },
    en: 'Georgia',
    tg: 'Гурҷистон',
  },
  KAZ: {
    ru: { nom: 'Казахстан', gen: 'Казахстана', dat: 'Казахстану', prep: 'Казахстане' },
    en: 'Kazakhstan',
    tg: 'Қазоқистон',
  },
  KGZ: {
    ru: { nom: 'Кыргызстан', gen: 'Кыргызстана', dat: 'Кыргызстану', prep: 'Кыргызстане' },
    en: 'Kyrgyzstan',
    tg: 'Қирғизистон',
  },
  MDA: {
    ru: { nom: 'Молдова', gen: 'Молдовы', dat: 'Молдове', prep: 'Молдове' },
    en: 'Moldova',
    tg: 'Молдова',
  },
  RUS: {
    ru: { nom: 'Россия', gen: 'России', dat: 'России', prep: 'России' },
    en: 'Russia',
    tg: 'Русия',
  },
  TJK: {
    ru: { nom: 'Таджикистан', gen: 'Таджикистана', dat: 'Таджикистану', prep: 'Таджикистане' },
    en: 'Tajikistan',
    tg: 'Тоҷикистон',
  },
  TKM: {
    ru: { nom: 'Туркменистан', gen: 'Туркменистана', dat: 'Туркменистану', prep: 'Туркменистане' },
    en: 'Turkmenistan',
    tg: 'Туркманистон',
  },
  UKR: {
    ru: { nom: 'Украина', gen: 'Украины', dat: 'Украине', prep: 'Украине' },
    en: 'Ukraine',
    tg: 'Украина',
  },
  UZB: {
    ru: { nom: 'Узбекистан', gen: 'Узбекистана', dat: 'Узбекистану', prep: 'Узбекистане' },
    en: 'Uzbekistan',
    tg: 'Ӯзбекистон',
  },
}

/** The forms of a country by its ISO code, or undefined for a party we have no forms for. */
export function countryForms(code: string): CountryForms | undefined {
  return COUNTRY_FORMS[code.toUpperCase()]
}

export interface CityForms {
  /** Nominative and prepositional ("в Минске"). */
  ru: { nom: string; prep: string }
  en: string
  tg: string
}

/** Cities where the bodies of the region meet. */
export const CITY_FORMS: readonly CityForms[] = [
  { ru: { nom: 'Минск', prep: 'Минске' }, en: 'Minsk', tg: 'Минск' },
  { ru: { nom: 'Москва', prep: 'Москве' }, en: 'Moscow', tg: 'Маскав' },
  { ru: { nom: 'Душанбе', prep: 'Душанбе' }, en: 'Dushanbe', tg: 'Душанбе' },
  { ru: { nom: 'Ереван', prep: 'Ереване' }, en: 'Yerevan', tg: 'Ереван' },
  { ru: { nom: 'Баку', prep: 'Баку' }, en: 'Baku', tg: 'Боку' },
  { ru: { nom: 'Бишкек', prep: 'Бишкеке' }, en: 'Bishkek', tg: 'Бишкек' },
  { ru: { nom: 'Астана', prep: 'Астане' }, en: 'Astana', tg: 'Остона' },
  { ru: { nom: 'Нур-Султан', prep: 'Нур-Султане' }, en: 'Nur-Sultan', tg: 'Нур-Султон' },
  { ru: { nom: 'Алматы', prep: 'Алматы' }, en: 'Almaty', tg: 'Алмаато' },
  { ru: { nom: 'Ашхабад', prep: 'Ашхабаде' }, en: 'Ashgabat', tg: 'Ашқобод' },
  { ru: { nom: 'Ташкент', prep: 'Ташкенте' }, en: 'Tashkent', tg: 'Тошканд' },
  { ru: { nom: 'Кишинёв', prep: 'Кишинёве' }, en: 'Chisinau', tg: 'Кишинёв' },
  { ru: { nom: 'Кишинев', prep: 'Кишиневе' }, en: 'Chisinau', tg: 'Кишинёв' },
  { ru: { nom: 'Санкт-Петербург', prep: 'Санкт-Петербурге' }, en: 'Saint Petersburg', tg: 'Санкт-Петербург' },
  { ru: { nom: 'Тбилиси', prep: 'Тбилиси' }, en: 'Tbilisi', tg: 'Тбилиси' },
  { ru: { nom: 'Киев', prep: 'Киеве' }, en: 'Kyiv', tg: 'Киев' },
]

/** A city by its name in any of our languages (case-insensitive), or undefined. */
export function cityForms(name: string): CityForms | undefined {
  const wanted = name.trim().toLocaleLowerCase('ru')
  return CITY_FORMS.find(
    (c) =>
      c.ru.nom.toLocaleLowerCase('ru') === wanted ||
      c.en.toLowerCase() === wanted ||
      c.tg.toLocaleLowerCase('ru') === wanted,
  )
}

/** The city's name in a language (the nominative). */
export function cityName(city: CityForms, lang: Lang): string {
  return lang === 'ru' ? city.ru.nom : city[lang]
}

/**
 * Heads of the names of bodies, secretariats and documents, whose case forms decline the
 * whole name: the words after the head are a complement that does not change
 * ("Совет министров иностранных дел СНГ" → "Совета министров иностранных дел СНГ").
 * Longest first, so that "Экспертная группа" wins over "Группа".
 */
const HEADS: readonly { nom: string; gen: string; prep: string }[] = [
  { nom: 'Исполнительный комитет', gen: 'Исполнительного комитета', prep: 'Исполнительном комитете' },
  { nom: 'Совместное заявление', gen: 'Совместного заявления', prep: 'Совместном заявлении' },
  { nom: 'Экспертная группа', gen: 'Экспертной группы', prep: 'Экспертной группе' },
  { nom: 'Рабочая группа', gen: 'Рабочей группы', prep: 'Рабочей группе' },
  { nom: 'Межгосударственный совет', gen: 'Межгосударственного совета', prep: 'Межгосударственном совете' },
  { nom: 'Экономический совет', gen: 'Экономического совета', prep: 'Экономическом совете' },
  { nom: 'Секретариат', gen: 'Секретариата', prep: 'Секретариате' },
  { nom: 'Соглашение', gen: 'Соглашения', prep: 'Соглашении' },
  { nom: 'Декларация', gen: 'Декларации', prep: 'Декларации' },
  { nom: 'Резолюция', gen: 'Резолюции', prep: 'Резолюции' },
  { nom: 'Конвенция', gen: 'Конвенции', prep: 'Конвенции' },
  { nom: 'Концепция', gen: 'Концепции', prep: 'Концепции' },
  { nom: 'Программа', gen: 'Программы', prep: 'Программе' },
  { nom: 'Заявление', gen: 'Заявления', prep: 'Заявлении' },
  { nom: 'Положение', gen: 'Положения', prep: 'Положении' },
  { nom: 'Комиссия', gen: 'Комиссии', prep: 'Комиссии' },
  { nom: 'Ассамблея', gen: 'Ассамблеи', prep: 'Ассамблее' },
  { nom: 'Протокол', gen: 'Протокола', prep: 'Протоколе' },
  { nom: 'Решение', gen: 'Решения', prep: 'Решении' },
  { nom: 'Комитет', gen: 'Комитета', prep: 'Комитете' },
  { nom: 'Договор', gen: 'Договора', prep: 'Договоре' },
  { nom: 'Группа', gen: 'Группы', prep: 'Группе' },
  { nom: 'Проект', gen: 'Проекта', prep: 'Проекте' },
  { nom: 'Совет', gen: 'Совета', prep: 'Совете' },
  { nom: 'Устав', gen: 'Устава', prep: 'Уставе' },
]

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('ru') + s.slice(1)
const upperFirst = (s: string) => s.charAt(0).toLocaleUpperCase('ru') + s.slice(1)

/**
 * A Russian name in the genitive or prepositional, declining its head ("Совет глав
 * государств СНГ" → "Совета глав государств СНГ"); the capitalisation of the first letter is
 * kept. Undefined when the head is not one we know: the caller then uses a construction
 * that needs the nominative only.
 */
export function declineName(name: string, form: 'gen' | 'prep'): string | undefined {
  const text = name.trim()
  for (const head of HEADS) {
    for (const variant of [head.nom, lowerFirst(head.nom)]) {
      if (!text.startsWith(variant)) continue
      const rest = text.slice(variant.length)
      // A whole word only: "Совет" must not match "Советский".
      if (rest && !/^[\s,(«"–—-]/.test(rest)) continue
      const declined = head[form]
      return (variant === head.nom ? upperFirst(declined) : lowerFirst(declined)) + rest
    }
  }
  return undefined
}
