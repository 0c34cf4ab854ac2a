import { describe, expect, it } from 'vitest'
import { dateline, formatDateTime, formatDay, sourceAfterCiting } from './format.js'

describe('dates and datelines', () => {
  it('writes the date in each language: words in Russian and English, figures in Tajik', () => {
    expect(formatDay('2020-08-22', 'ru')).toBe('22 августа 2020')
    expect(formatDay('2020-08-22', 'en')).toBe('22 August 2020')
    expect(formatDay('2020-08-02', 'tg')).toBe('02.08.2020')
  })

  it('shows a publication time in the item zone', () => {
    expect(formatDateTime('2020-08-22T09:02:00.000Z', 'ru', 'Europe/Minsk')).toBe('22 августа 2020, 12:02')
    expect(formatDateTime('2020-08-22T09:02:00.000Z', 'en', 'Asia/Dushanbe')).toBe('22 August 2020, 14:02')
    expect(formatDateTime('2020-08-22T22:30:00.000Z', 'tg', 'Asia/Dushanbe')).toBe('23.08.2020, 03:30')
  })

  it('writes the dateline with the city in capitals and the date in figures (words in English), the date of the dateline or of publication', () => {
    const item = {
      dateline_city: 'Минск',
      dateline_date: '2020-08-22',
      published_at: null,
      timezone: 'Europe/Minsk',
    }
    expect(dateline(item, 'ru')).toBe('МИНСК, 22.08.2020')
    expect(dateline({ ...item, dateline_city: 'Minsk' }, 'en')).toBe('MINSK, 22 August 2020')
    expect(dateline({ ...item, dateline_date: null, published_at: '2020-08-21T22:00:00Z' }, 'tg')).toBe(
      'МИНСК, 22.08.2020',
    )
    expect(dateline({ ...item, dateline_city: null }, 'ru')).toBe('22.08.2020')
  })
})

describe('the source after «со ссылкой на»', () => {
  it('puts the leading feminine words in the accusative and leaves the rest', () => {
    expect(sourceAfterCiting('пресс-служба Исполкома СНГ', 'ru')).toBe('пресс-службу Исполкома СНГ')
    expect(sourceAfterCiting('Национальная пресс-служба', 'ru')).toBe('Национальную пресс-службу')
    expect(sourceAfterCiting('газета «Правда»', 'ru')).toBe('газету «Правда»')
    expect(sourceAfterCiting('Исполнительный комитет СНГ', 'ru')).toBe('Исполнительный комитет СНГ')
    expect(sourceAfterCiting('НИАТ «Ховар»', 'ru')).toBe('НИАТ «Ховар»')
    expect(sourceAfterCiting('агентство Ховар', 'ru')).toBe('агентство Ховар')
    expect(sourceAfterCiting('пресс-служба', 'en')).toBe('пресс-служба')
  })
})
