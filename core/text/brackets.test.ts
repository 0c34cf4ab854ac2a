import { describe, expect, it } from 'vitest'
import { insertBracket, openBrackets, withBracketEvents, writeResolutions } from './brackets.js'
import { CONTENT_FORMAT, type DocumentContent, plain, runsToPlainText } from './model.js'

const base: DocumentContent = {
  format: CONTENT_FORMAT,
  languages: ['ru'],
  title: { ru: 'Т' },
  preamble: [],
  body: [{ eid: 'para_1', kind: 'para', num: '1', text: { ru: plain('Мы осуждаем такие действия.') } }],
  conclusions: [],
}

describe('brackets', () => {
  const bracketed = insertBracket(
    base,
    { eid: 'para_1', lang: 'ru', start: 3, end: 11 },
    {
      id: 'b1',
      alternatives: [
        { text: 'осуждаем', backers: ['RUS'] },
        { text: 'сожалеем о', backers: ['ARM'] },
      ],
    },
  )

  it('puts a span in brackets with alternatives and counts it open', () => {
    expect(runsToPlainText(bracketed.body[0]!.text!.ru)).toBe('Мы [осуждаем / сожалеем о] такие действия.')
    expect(openBrackets(bracketed)).toEqual(new Map([['para_1', ['b1']]]))
    expect(() =>
      insertBracket(
        bracketed,
        { eid: 'para_1', lang: 'ru', start: 2, end: 6 },
        { id: 'b2', alternatives: [] },
      ),
    ).toThrow()
  })

  it('applies backing and resolution events, then writes the clean text', () => {
    const state = withBracketEvents(bracketed, [
      { kind: 'back', bracketId: 'b1', party: 'TJK', alternative: 1 },
      { kind: 'back', bracketId: 'b1', party: 'RUS', alternative: 1 },
      { kind: 'resolve', bracketId: 'b1', text: 'сожалеем о', agreedBy: ['ARM', 'RUS', 'TJK'] },
    ])
    const run = state.body[0]!.text!.ru![1]
    expect(run).toMatchObject({
      type: 'bracket',
      alternatives: [{ backers: [] }, { backers: ['ARM', 'TJK', 'RUS'] }],
    })
    expect(openBrackets(state).size).toBe(0)
    const clean = writeResolutions(state)
    expect(clean.body[0]!.text!.ru).toEqual([{ type: 'text', text: 'Мы сожалеем о такие действия.' }])
    expect(openBrackets(bracketed).size).toBe(1)
  })
})
