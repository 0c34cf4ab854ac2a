/**
 * Stemming for the portal's search: the Snowball Russian stemmer and the Porter English
 * stemmer (both as published at snowballstem.org / tartarus.org), and a light suffix
 * stripper for Tajik. Words are lower-cased and ё is read as е first, so "Заседании",
 * "заседания" and "заседание" all give "заседан". Pure functions, no dependencies.
 */
import type { Lang } from '@core/i18n/languages.js'

// ---------------------------------------------------------------------------------------
// Russian (Snowball)

const RU_VOWELS = new Set('аеиоуыэюя')

const RU_PERFECTIVE_GERUND_1 = ['в', 'вши', 'вшись']
const RU_PERFECTIVE_GERUND_2 = ['ив', 'ивши', 'ившись', 'ыв', 'ывши', 'ывшись']
const RU_ADJECTIVE = [
  'ее',
  'ие',
  'ые',
  'ое',
  'ими',
  'ыми',
  'ей',
  'ий',
  'ый',
  'ой',
  'ем',
  'им',
  'ым',
  'ом',
  'его',
  'ого',
  'ему',
  'ому',
  'их',
  'ых',
  'ую',
  'юю',
  'ая',
  'яя',
  'ою',
  'ею',
]
const RU_PARTICIPLE_1 = ['ем', 'нн', 'вш', 'ющ', 'щ']
const RU_PARTICIPLE_2 = ['ивш', 'ывш', 'ующ']
const RU_REFLEXIVE = ['ся', 'сь']
const RU_VERB_1 = [
  'ла',
  'на',
  'ете',
  'йте',
  'ли',
  'й',
  'л',
  'ем',
  'н',
  'ло',
  'но',
  'ет',
  'ют',
  'ны',
  'ть',
  'ешь',
  'нно',
]
const RU_VERB_2 = [
  'ила',
  'ыла',
  'ена',
  'ейте',
  'уйте',
  'ите',
  'или',
  'ыли',
  'ей',
  'уй',
  'ил',
  'ыл',
  'им',
  'ым',
  'ен',
  'ило',
  'ыло',
  'ено',
  'ят',
  'ует',
  'уют',
  'ит',
  'ыт',
  'ены',
  'ить',
  'ыть',
  'ишь',
  'ую',
  'ю',
]
const RU_NOUN = [
  'а',
  'ев',
  'ов',
  'ие',
  'ье',
  'е',
  'иями',
  'ями',
  'ами',
  'еи',
  'ии',
  'и',
  'ией',
  'ей',
  'ой',
  'ий',
  'й',
  'иям',
  'ям',
  'ием',
  'ем',
  'ам',
  'ом',
  'о',
  'у',
  'ах',
  'иях',
  'ях',
  'ы',
  'ь',
  'ию',
  'ью',
  'ю',
  'ия',
  'ья',
  'я',
]
const RU_DERIVATIONAL = ['ост', 'ость']
const RU_SUPERLATIVE = ['ейш', 'ейше']

/** The longest suffix of `word` among `lists` that starts at or after `limit`, with its list's index. */
function longest(word: string, limit: number, lists: readonly (readonly string[])[]) {
  let best: { suffix: string; group: number } | null = null
  lists.forEach((list, group) => {
    for (const suffix of list) {
      if (
        suffix.length > (best?.suffix.length ?? 0) &&
        word.length - suffix.length >= limit &&
        word.endsWith(suffix)
      ) {
        best = { suffix, group }
      }
    }
  })
  return best as { suffix: string; group: number } | null
}

/**
 * Snowball's `among` with a group whose endings must follow а or я (which stays): the
 * longest ending decides; if its condition fails, nothing is removed (no shorter retry).
 */
function removeAfterAYa(
  word: string,
  rv: number,
  afterAYa: readonly string[],
  plain: readonly string[],
): string | null {
  const hit = longest(word, rv, [afterAYa, plain])
  if (!hit) return null
  const start = word.length - hit.suffix.length
  if (hit.group === 0) {
    const before = word[start - 1]
    if (start - 1 < rv || (before !== 'а' && before !== 'я')) return null
  }
  return word.slice(0, start)
}

function removeAny(word: string, rv: number, list: readonly string[]): string | null {
  const hit = longest(word, rv, [list])
  return hit ? word.slice(0, word.length - hit.suffix.length) : null
}

/** RV (after the first vowel) and R2, as Snowball's Russian stemmer marks them. */
function ruRegions(word: string): { rv: number; r2: number } {
  const n = word.length
  const isV = (i: number) => RU_VOWELS.has(word[i]!)
  let i = 0
  while (i < n && !isV(i)) i++
  const rv = Math.min(i + 1, n)
  i = rv
  // R1: after the first non-vowel following a vowel; R2: the same again inside R1.
  while (i < n && isV(i)) i++
  const r1 = Math.min(i + 1, n)
  i = r1
  while (i < n && !isV(i)) i++
  while (i < n && isV(i)) i++
  const r2 = Math.min(i + 1, n)
  return { rv, r2 }
}

/** The Snowball stem of a Russian word (already lower-cased, ё → е). */
export function stemRussian(input: string): string {
  let word = input
  const { rv, r2 } = ruRegions(word)
  if (rv >= word.length) return word

  // Step 1
  const gerund = removeAfterAYa(word, rv, RU_PERFECTIVE_GERUND_1, RU_PERFECTIVE_GERUND_2)
  if (gerund !== null) {
    word = gerund
  } else {
    word = removeAny(word, rv, RU_REFLEXIVE) ?? word
    const adjective = removeAny(word, rv, RU_ADJECTIVE)
    if (adjective !== null) {
      word = removeAfterAYa(adjective, rv, RU_PARTICIPLE_1, RU_PARTICIPLE_2) ?? adjective
    } else {
      const verb = removeAfterAYa(word, rv, RU_VERB_1, RU_VERB_2)
      if (verb !== null) word = verb
      else word = removeAny(word, rv, RU_NOUN) ?? word
    }
  }
  // Step 2
  if (word.endsWith('и') && word.length - 1 >= rv) word = word.slice(0, -1)
  // Step 3: derivational endings in R2
  const derivational = longest(word, rv, [RU_DERIVATIONAL])
  if (derivational && word.length - derivational.suffix.length >= r2)
    word = word.slice(0, word.length - derivational.suffix.length)
  // Step 4: superlative, double н, soft sign
  const tidy = longest(word, rv, [RU_SUPERLATIVE, ['н'], ['ь']])
  if (tidy) {
    if (tidy.group === 0) {
      word = word.slice(0, word.length - tidy.suffix.length)
      if (word.endsWith('нн') && word.length - 2 >= rv) word = word.slice(0, -1)
    } else if (tidy.group === 1) {
      if (word.endsWith('нн') && word.length - 2 >= rv) word = word.slice(0, -1)
    } else {
      word = word.slice(0, -1)
    }
  }
  return word
}

// ---------------------------------------------------------------------------------------
// English (Porter, 1980)

function isConsonant(w: string, i: number): boolean {
  const c = w[i]
  if (c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u') return false
  if (c === 'y') return i === 0 ? true : !isConsonant(w, i - 1)
  return true
}

/** m(): the number of VC sequences in w[0..end). */
function measure(w: string, end: number): number {
  let n = 0
  let i = 0
  while (i < end && isConsonant(w, i)) i++
  while (i < end) {
    while (i < end && !isConsonant(w, i)) i++
    if (i >= end) break
    n++
    while (i < end && isConsonant(w, i)) i++
  }
  return n
}

function hasVowel(w: string, end: number): boolean {
  for (let i = 0; i < end; i++) if (!isConsonant(w, i)) return true
  return false
}

function endsDoubleConsonant(w: string, end: number): boolean {
  return end >= 2 && w[end - 1] === w[end - 2] && isConsonant(w, end - 1)
}

/** *o: the stem ends cvc, the last c not w, x or y. */
function endsCvc(w: string, end: number): boolean {
  if (end < 3) return false
  if (!isConsonant(w, end - 1) || isConsonant(w, end - 2) || !isConsonant(w, end - 3)) return false
  const c = w[end - 1]
  return c !== 'w' && c !== 'x' && c !== 'y'
}

/** Replaces the first matching suffix whose stem has m > `min`. */
function replaceWhen(w: string, rules: readonly [string, string][], min: number): string {
  for (const [suffix, replacement] of rules) {
    if (w.endsWith(suffix)) {
      const stem = w.length - suffix.length
      return measure(w, stem) > min ? w.slice(0, stem) + replacement : w
    }
  }
  return w
}

const STEP2: [string, string][] = [
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['izer', 'ize'],
  ['bli', 'ble'],
  ['alli', 'al'],
  ['entli', 'ent'],
  ['eli', 'e'],
  ['ousli', 'ous'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
  ['logi', 'log'],
]
const STEP3: [string, string][] = [
  ['icate', 'ic'],
  ['ative', ''],
  ['alize', 'al'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
]
const STEP4 = [
  'al',
  'ance',
  'ence',
  'er',
  'ic',
  'able',
  'ible',
  'ant',
  'ement',
  'ment',
  'ent',
  'ion',
  'ou',
  'ism',
  'ate',
  'iti',
  'ous',
  'ive',
  'ize',
]

/** The Porter stem of an English word (lower case). */
export function stemEnglish(input: string): string {
  let w = input
  if (w.length <= 2) return w
  // Step 1a
  if (w.endsWith('sses')) w = w.slice(0, -2)
  else if (w.endsWith('ies')) w = w.slice(0, -2)
  else if (w.endsWith('ss')) {
    // stays
  } else if (w.endsWith('s')) w = w.slice(0, -1)
  // Step 1b
  let extra = false
  if (w.endsWith('eed')) {
    if (measure(w, w.length - 3) > 0) w = w.slice(0, -1)
  } else if (w.endsWith('ed') && hasVowel(w, w.length - 2)) {
    w = w.slice(0, -2)
    extra = true
  } else if (w.endsWith('ing') && hasVowel(w, w.length - 3)) {
    w = w.slice(0, -3)
    extra = true
  }
  if (extra) {
    if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) w += 'e'
    else if (endsDoubleConsonant(w, w.length) && !/[lsz]$/.test(w)) w = w.slice(0, -1)
    else if (measure(w, w.length) === 1 && endsCvc(w, w.length)) w += 'e'
  }
  // Step 1c
  if (w.endsWith('y') && hasVowel(w, w.length - 1)) w = `${w.slice(0, -1)}i`
  // Steps 2 and 3
  w = replaceWhen(w, STEP2, 0)
  w = replaceWhen(w, STEP3, 0)
  // Step 4
  for (const suffix of [...STEP4].sort((a, b) => b.length - a.length)) {
    if (!w.endsWith(suffix)) continue
    const stem = w.length - suffix.length
    if (measure(w, stem) > 1 && (suffix !== 'ion' || /[st]$/.test(w.slice(0, stem)))) w = w.slice(0, stem)
    break
  }
  // Step 5a
  if (w.endsWith('e')) {
    const m = measure(w, w.length - 1)
    if (m > 1 || (m === 1 && !endsCvc(w, w.length - 1))) w = w.slice(0, -1)
  }
  // Step 5b
  if (measure(w, w.length) > 1 && endsDoubleConsonant(w, w.length) && w.endsWith('l')) w = w.slice(0, -1)
  return w
}

// ---------------------------------------------------------------------------------------
// Tajik: no published stemmer; the plural and the object and izofat markers are removed.

const TG_SUFFIXES = ['ҳоро', 'ҳои', 'ҳо', 'ро', 'и']

export function stemTajik(word: string): string {
  for (const suffix of TG_SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) return word.slice(0, -suffix.length)
  }
  return word
}

// ---------------------------------------------------------------------------------------

/** Lower case, ё as е, NFC. */
export function normalizeWord(word: string): string {
  return word.normalize('NFC').toLowerCase().replaceAll('ё', 'е')
}

/** The words of a text (letters and digits), normalized; one-letter words are left out. */
export function words(text: string): string[] {
  return (normalizeWord(text).match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 1)
}

const CYRILLIC = /[\u0400-\u04ff]/

/**
 * The stem of a word in a text of the given language. Cyrillic words are stemmed as
 * Russian (or Tajik on Tajik pages) and Latin words as English, whatever the page's
 * language: a Russian text quoting "Joint Statement" finds it by its English stem too.
 */
export function stem(word: string, lang: Lang): string {
  if (/^\p{N}+$/u.test(word)) return word
  if (CYRILLIC.test(word)) return lang === 'tg' ? stemTajik(word) : stemRussian(word)
  return stemEnglish(word)
}

const STOP_WORDS = new Set([
  // Russian
  ...'и в во на с со к ко о об обо от до по за из у для при про над под а но или не что как это же ли бы его ее их'.split(
    ' ',
  ),
  // English
  ...'a an the of in on at to for and or by with from is are was were be as that this it its'.split(' '),
  // Tajik
  ...'ва дар бо аз ба то барои ки ҳам ё низ'.split(' '),
])

/** Prepositions, conjunctions and articles: left out of a question (an index keeps them). */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word)
}

/** The stems of a question: its words without stop words (unless it has nothing else). */
export function queryStems(text: string, lang: Lang): string[] {
  const all = words(text)
  const meaningful = all.filter((w) => !isStopWord(w))
  return (meaningful.length ? meaningful : all).map((w) => stem(w, lang))
}

/** The stems of a text (in order, with repetitions). */
export function stems(text: string, lang: Lang): string[] {
  return words(text).map((w) => stem(w, lang))
}
