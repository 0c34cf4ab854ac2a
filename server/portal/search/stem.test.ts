import { describe, expect, it } from 'vitest'
import { queryStems, stem, stemEnglish, stemRussian, stems, stemTajik, words } from './stem.js'

describe('the Russian stemmer (Snowball)', () => {
  it('gives the stems of the Snowball reference', () => {
    const cases: Record<string, string> = {
      согласования: 'согласован',
      заседание: 'заседан',
      заседании: 'заседан',
      экспертной: 'экспертн',
      экспертная: 'экспертн',
      безопасности: 'безопасн',
      безопасность: 'безопасн',
      государствам: 'государств',
      участников: 'участник',
      важнейший: 'важн',
      красивейшими: 'красив',
      доработали: 'доработа',
      видеоконференцсвязи: 'видеоконференцсвяз',
      минске: 'минск',
    }
    for (const [word, expected] of Object.entries(cases)) expect(stemRussian(word), word).toBe(expected)
  })

  it('brings the forms of a word together', () => {
    const forms = ['заседание', 'заседания', 'заседанию', 'заседанием', 'заседании', 'заседаниях']
    expect(new Set(forms.map(stemRussian)).size).toBe(1)
    expect(stems('Заседании ЭКСПЕРТНЫХ групп; ёлка', 'ru')).toEqual(['заседан', 'экспертн', 'групп', 'елк'])
  })
})

describe('the English stemmer (Porter)', () => {
  it('gives the stems of the Porter reference', () => {
    const cases: Record<string, string> = {
      caresses: 'caress',
      ponies: 'poni',
      agreed: 'agre',
      meetings: 'meet',
      meeting: 'meet',
      relational: 'relat',
      hopping: 'hop',
      hoping: 'hope',
      adoption: 'adopt',
      generalization: 'gener',
      sky: 'sky',
    }
    for (const [word, expected] of Object.entries(cases)) expect(stemEnglish(word), word).toBe(expected)
  })
})

describe('words and questions', () => {
  it('stems Cyrillic as Russian (Tajik on Tajik pages) and Latin as English, numbers as they are', () => {
    expect(stem('statements', 'ru')).toBe('statement')
    expect(stem('ҷаласаҳо', 'tg')).toBe(stemTajik('ҷаласа'))
    expect(stem('2020', 'en')).toBe('2020')
  })

  it('drops one-letter words and, in questions, stop words (unless nothing else is left)', () => {
    expect(words('В Минске, 21 августа')).toEqual(['минске', '21', 'августа'])
    expect(queryStems('о заседании в Минске', 'ru')).toEqual(['заседан', 'минск'])
    expect(queryStems('of the', 'en')).toEqual(['of', 'the'])
  })
})
