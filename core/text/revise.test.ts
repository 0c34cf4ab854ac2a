import { describe, expect, it } from 'vitest'
import { CONTENT_FORMAT, type DocumentContent, flattenProvisions, plain } from './model.js'
import { applyChanges, newSiblingEid, proposedWording } from './revise.js'

const base: DocumentContent = {
  format: CONTENT_FORMAT,
  languages: ['ru', 'en'],
  title: { ru: 'Заявление' },
  preamble: [],
  body: [1, 2, 3].map((n) => ({
    eid: `para_${n}`,
    kind: 'para' as const,
    num: String(n),
    text: { ru: plain(`Пункт ${n}.`), en: plain(`Paragraph ${n}.`) },
  })),
  conclusions: [],
}

describe('proposedWording', () => {
  it('replaces a span, or the whole text', () => {
    expect(
      proposedWording('Мы призываем к сотрудничеству.', 'настоятельно призываем', { start: 3, end: 12 }),
    ).toBe('Мы настоятельно призываем к сотрудничеству.')
    expect(proposedWording('old', 'new', null)).toBe('new')
  })
})

describe('applyChanges', () => {
  it('amends, inserts with a fresh eid, deletes, renumbers, and records the sources', () => {
    const r = applyChanges(base, [
      {
        contributionId: 'c1',
        kind: 'amendment',
        eid: 'para_2',
        afterEid: null,
        language: 'ru',
        text: 'Новый пункт 2.',
      },
      {
        contributionId: 'c2',
        kind: 'insertion',
        eid: null,
        afterEid: 'para_1',
        language: 'ru',
        text: 'Вставка.',
      },
      { contributionId: 'c3', kind: 'deletion', eid: 'para_3', afterEid: null, language: 'ru', text: null },
    ])
    const flat = flattenProvisions(r.content)
    expect(flat.map((p) => [p.eid, p.num])).toEqual([
      ['para_1', '1'],
      ['para_4', '2'],
      ['para_2', '3'],
    ])
    expect(flat[2]!.text.ru![0]).toMatchObject({ text: 'Новый пункт 2.' })
    expect(flat[2]!.text.en![0]).toMatchObject({ text: 'Paragraph 2.' })
    expect(Object.fromEntries(r.sources)).toEqual({ para_2: ['c1'], para_4: ['c2'], para_3: ['c3'] })
    expect(flattenProvisions(base).map((p) => p.eid)).toEqual(['para_1', 'para_2', 'para_3'])
  })

  it('skips a change whose provision an earlier change deleted', () => {
    const r = applyChanges(base, [
      { contributionId: 'd', kind: 'deletion', eid: 'para_1', afterEid: null, language: 'ru', text: null },
      { contributionId: 'a', kind: 'amendment', eid: 'para_1', afterEid: null, language: 'ru', text: 'x' },
    ])
    expect(r.skipped).toEqual(['a'])
  })

  it('never reuses an eid, even one deleted earlier', () => {
    expect(newSiblingEid('art_2__para_1', new Set(['art_2__para_1', 'art_2__para_7', 'para_9']))).toBe(
      'art_2__para_8',
    )
    expect(
      newSiblingEid('preamble__recital_2', new Set(['preamble__recital_1', 'preamble__recital_2'])),
    ).toBe('preamble__recital_3')
  })
})
