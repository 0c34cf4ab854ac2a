import { describe, expect, it } from 'vitest'
import {
  CONTENT_FORMAT,
  contentSchema,
  EID_PATTERN,
  flattenProvisions,
  plain,
  runsToPlainText,
} from './model.js'

const base = {
  format: CONTENT_FORMAT,
  languages: ['ru', 'en'],
  title: { ru: 'Заявление' },
  preamble: [{ eid: 'preamble__recital_1', kind: 'recital', text: { ru: plain('Признавая') } }],
  body: [
    { eid: 'para_1', kind: 'para', num: '1', text: { ru: plain('Один') } },
    {
      eid: 'art_2',
      kind: 'art',
      num: '2',
      heading: { ru: 'Статья' },
      children: [
        {
          eid: 'art_2__para_1',
          kind: 'para',
          num: '1',
          text: { ru: plain('Текст') },
          children: [
            { eid: 'art_2__para_1__point_b', kind: 'point', num: 'b)', text: { ru: plain('Подпункт') } },
          ],
        },
      ],
    },
  ],
  conclusions: [{ eid: 'conclusions__para_1', kind: 'para', text: { ru: plain('Вступает в силу') } }],
}

describe('provision eids', () => {
  it('accepts Akoma Ntoso style ids and refuses others', () => {
    for (const ok of [
      'para_4',
      'preamble__recital_2',
      'art_2__para_1__point_b',
      'conclusions__para_1',
      'para_4-bis',
    ])
      expect(EID_PATTERN.test(ok), ok).toBe(true)
    for (const bad of ['Para_4', 'para', 'para_', '__para_1', 'para_1__', 'para 1', 'пункт_1'])
      expect(EID_PATTERN.test(bad), bad).toBe(false)
  })
})

describe('contentSchema', () => {
  it('accepts a tree of preamble, articles with paragraphs and points, and conclusions', () => {
    expect(contentSchema.safeParse(base).success).toBe(true)
  })

  it('refuses a duplicate eid anywhere in the tree', () => {
    const dup = structuredClone(base)
    dup.body[1]!.children![0]!.children![0]!.eid = 'para_1'
    const r = contentSchema.safeParse(dup)
    expect(r.success).toBe(false)
    expect(JSON.stringify(r.error?.issues)).toContain('duplicate eid para_1')
  })

  it('refuses unknown fields and unknown run types', () => {
    expect(contentSchema.safeParse({ ...base, extra: 1 }).success).toBe(false)
    const badRun = structuredClone(base) as any
    badRun.body[0].text.ru = [{ type: 'html', text: '<b>x</b>' }]
    expect(contentSchema.safeParse(badRun).success).toBe(false)
  })
})

describe('flattenProvisions', () => {
  it('lists provisions in document order with parent, depth and section', () => {
    const flat = flattenProvisions(contentSchema.parse(base))
    expect(flat.map((p) => p.eid)).toEqual([
      'preamble__recital_1',
      'para_1',
      'art_2',
      'art_2__para_1',
      'art_2__para_1__point_b',
      'conclusions__para_1',
    ])
    const point = flat.find((p) => p.eid === 'art_2__para_1__point_b')!
    expect(point).toMatchObject({ parentEid: 'art_2__para_1', depth: 2, section: 'body', ordinal: 4 })
    expect(flat[0]!.section).toBe('preamble')
    expect(flat[5]!.section).toBe('conclusions')
  })
})

describe('runsToPlainText', () => {
  it('shows open brackets with their alternatives and resolved ones as their text', () => {
    expect(
      runsToPlainText([
        { type: 'text', text: 'We ' },
        {
          type: 'bracket',
          id: 'b1',
          alternatives: [
            { text: 'condemn', backers: ['RUS'] },
            { text: 'deplore', backers: ['ARM'] },
          ],
        },
      ]),
    ).toBe('We [condemn / deplore]')
    expect(
      runsToPlainText([
        {
          type: 'bracket',
          id: 'b1',
          alternatives: [{ text: 'a', backers: [] }],
          resolved: { text: 'b', agreedBy: ['RUS'] },
        },
      ]),
    ).toBe('b')
  })
})
