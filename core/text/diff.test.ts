import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyOps, type DiffOp, diffContents, diffWords, opsSides, redlineStats, tokenize } from './diff.js'
import { CONTENT_FORMAT, type DocumentContent, type Provision, plain } from './model.js'

// ---------------------------------------------------------------------------------------
// Generators: texts mixing Russian, Tajik, Latin, digits, punctuation and numbering

const WORDS = [
  'Стороны',
  'сотрудничают',
  'в',
  'области',
  'информационной',
  'безопасности',
  'Соглашение',
  'ҳуқуқ',
  'қонун',
  'ғайр',
  'ӯ',
  'ҷумҳурӣ',
  'Тоҷикистон',
  'ҳамкорӣ',
  'амният',
  'агар',
  'Party',
  'agreement',
  'shall',
  'the',
  '2020',
  '21',
  '1.',
  '2.1',
  'а)',
  'б)',
  '(в)',
  'ст. 5',
  'п. 3',
  '«Об',
  'информации»',
  'e\u0301',
  '№',
  '§',
  '😀',
  'ё',
]
const SEPARATORS = [
  ' ',
  ' ',
  ' ',
  ', ',
  '; ',
  ': ',
  '. ',
  ' – ',
  ' — ',
  '\n',
  '\n\n',
  ' «',
  '» ',
  ' (',
  ') ',
  '  ',
  '\t',
  '',
]

const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }) },
)
const piece = fc.tuple(word, fc.constantFrom(...SEPARATORS)).map(([w, s]) => w + s)
const pieces = fc.array(piece, { maxLength: 60 })

const edit = fc.record({
  kind: fc.constantFrom('replace', 'delete', 'insert'),
  at: fc.nat(),
  piece,
})

/** A text and a copy with random word edits. */
const pair = fc.tuple(pieces, fc.array(edit, { maxLength: 12 })).map(([ps, edits]) => {
  const b = [...ps]
  for (const e of edits) {
    const i = b.length ? e.at % (b.length + (e.kind === 'insert' ? 1 : 0)) : 0
    if (e.kind === 'insert') b.splice(i, 0, e.piece)
    else if (!b.length) continue
    else if (e.kind === 'delete') b.splice(i, 1)
    else b[i] = e.piece
  }
  return [ps.join(''), b.join('')] as const
})

function checkOps(a: string, b: string, ops: DiffOp[]) {
  expect(applyOps(a, ops)).toBe(b)
  const sides = opsSides(ops)
  expect(sides.from).toBe(a)
  expect(sides.to).toBe(b)
  for (const op of ops) expect(op.text.length).toBeGreaterThan(0)
  for (let k = 1; k < ops.length; k++) expect(ops[k]!.op).not.toBe(ops[k - 1]!.op)
}

/** Ops never cut a token: every op boundary is a token boundary of its side. */
function checkTokenGranularity(a: string, b: string, ops: DiffOp[]) {
  const bounds = (t: string) => {
    const set = new Set<number>([0])
    let pos = 0
    for (const tok of tokenize(t)) {
      pos += tok.length
      set.add(pos)
    }
    return set
  }
  const ba = bounds(a)
  const bb = bounds(b)
  let pa = 0
  let pb = 0
  for (const { op, text } of ops) {
    if (op !== 'insert') pa += text.length
    if (op !== 'delete') pb += text.length
    expect(ba.has(pa)).toBe(true)
    expect(bb.has(pb)).toBe(true)
  }
}

// ---------------------------------------------------------------------------------------

describe('tokenize', () => {
  it('splits words, whitespace runs and single punctuation', () => {
    expect(tokenize('Ҳуқуқи «Тараф» 2.1 а) ғ-ӣ  x\n')).toEqual([
      'Ҳуқуқи',
      ' ',
      '«',
      'Тараф',
      '»',
      ' ',
      '2',
      '.',
      '1',
      ' ',
      'а',
      ')',
      ' ',
      'ғ',
      '-',
      'ӣ',
      '  ',
      'x',
      '\n',
    ])
    expect(tokenize('')).toEqual([])
    expect(tokenize('е\u0301сли')).toEqual(['е\u0301сли'])
    expect(tokenize('..')).toEqual(['.', '.'])
    expect(tokenize('a😀😀b')).toEqual(['a', '😀', '😀', 'b'])
  })

  it('round-trips any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          pieces.map((p) => p.join('')),
          fc.string({ unit: 'binary' }),
        ),
        (t) => {
          const tokens = tokenize(t)
          expect(tokens.join('')).toBe(t)
          for (const tok of tokens) expect(tok.length).toBeGreaterThan(0)
        },
      ),
      { numRuns: 500 },
    )
  })
})

describe('diffWords', () => {
  it('shows one changed word as equal, delete, insert, equal', () => {
    expect(diffWords('Стороны сотрудничают в области', 'Стороны взаимодействуют в области')).toEqual([
      { op: 'equal', text: 'Стороны ' },
      { op: 'delete', text: 'сотрудничают' },
      { op: 'insert', text: 'взаимодействуют' },
      { op: 'equal', text: ' в области' },
    ])
    // A shared beginning or end of the word does not split it.
    expect(diffWords('Ҳуқуқи тарафҳо', 'Ҳуқуқҳои тарафҳо')).toEqual([
      { op: 'delete', text: 'Ҳуқуқи' },
      { op: 'insert', text: 'Ҳуқуқҳои' },
      { op: 'equal', text: ' тарафҳо' },
    ])
  })

  it('gives one equal for identical texts, nothing for two empty ones', () => {
    expect(diffWords('Моддаи 1.', 'Моддаи 1.')).toEqual([{ op: 'equal', text: 'Моддаи 1.' }])
    expect(diffWords('', '')).toEqual([])
    expect(diffWords('', 'а)')).toEqual([{ op: 'insert', text: 'а)' }])
    expect(diffWords('а)', '')).toEqual([{ op: 'delete', text: 'а)' }])
  })

  it('shows a rewritten phrase as one delete and one insert', () => {
    expect(diffWords('1. Стороны принимают меры.', '1. Государства обязуются действовать.')).toEqual([
      { op: 'equal', text: '1. ' },
      { op: 'delete', text: 'Стороны принимают меры' },
      { op: 'insert', text: 'Государства обязуются действовать' },
      { op: 'equal', text: '.' },
    ])
  })

  it('keeps an inserted word whole', () => {
    expect(diffWords('в области безопасности', 'в области информационной безопасности')).toEqual([
      { op: 'equal', text: 'в области ' },
      { op: 'insert', text: 'информационной ' },
      { op: 'equal', text: 'безопасности' },
    ])
  })

  it('finds scattered edits in a long provision', () => {
    const words = (from: number, n: number) =>
      Array.from({ length: n }, (_, k) => `${WORDS[(from + k) % 16]!}${k % 7 === 6 ? ',' : ''}`).join(' ')
    const a = `${words(0, 30)} Сторона ${words(3, 30)} ҳуқуқ ${words(5, 30)}.`
    const b = `${words(0, 30)} Стороны ${words(3, 30)} ${words(5, 30)}.`
    const ops = diffWords(a, b)
    checkOps(a, b, ops)
    expect(ops.filter((op) => op.op !== 'equal')).toEqual([
      { op: 'delete', text: 'Сторона' },
      { op: 'insert', text: 'Стороны' },
      { op: 'delete', text: ' ҳуқуқ' },
    ])
  })

  it('satisfies the invariants on random edits', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const ops = diffWords(a, b)
        checkOps(a, b, ops)
        checkTokenGranularity(a, b, ops)
        if (a === b) expect(ops.length).toBeLessThanOrEqual(1)
      }),
      { numRuns: 1000 },
    )
  })

  it('satisfies the invariants on long texts', () => {
    const longPair = fc
      .tuple(fc.array(piece, { minLength: 40, maxLength: 300 }), fc.array(edit, { maxLength: 30 }))
      .map(([ps, edits]) => {
        const b = [...ps]
        for (const e of edits) {
          const i = e.at % (b.length + 1)
          if (e.kind === 'insert') b.splice(i, 0, e.piece)
          else if (i < b.length && e.kind === 'delete') b.splice(i, 1)
          else if (i < b.length) b[i] = e.piece
        }
        return [ps.join(''), b.join('')] as const
      })
    fc.assert(
      fc.property(longPair, ([a, b]) => {
        const ops = diffWords(a, b)
        checkOps(a, b, ops)
        checkTokenGranularity(a, b, ops)
      }),
      { numRuns: 300 },
    )
  })

  it('satisfies the invariants on unrelated and arbitrary texts', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          pieces.map((p) => p.join('')),
          fc.string({ unit: 'binary' }),
        ),
        fc.oneof(
          pieces.map((p) => p.join('')),
          fc.string({ unit: 'binary' }),
        ),
        (a, b) => {
          const ops = diffWords(a, b)
          checkOps(a, b, ops)
          checkTokenGranularity(a, b, ops)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('stays fast and correct on a large rewrite (bounded work)', () => {
    const rand = (() => {
      let s = 42
      return () => {
        s = (Math.imul(s, 1103515245) + 12345) >>> 0
        return s / 2 ** 32
      }
    })()
    const text = (n: number) =>
      Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ')
    const a = text(40_000)
    const b = `${a.slice(0, 50_000)}${text(20_000)}${a.slice(-50_000)}`
    const started = performance.now()
    const ops = diffWords(a, b)
    expect(performance.now() - started).toBeLessThan(5000)
    checkOps(a, b, ops)
  })

  it('tells apart different words with the same hash', () => {
    // "даача" and "ацраб" have the same token hash (24 bits) and length.
    const a = 'даача ацраб даача и ацраб'
    const b = 'ацраб даача и даача ацраб'
    const ops = diffWords(a, b)
    checkOps(a, b, ops)
    for (const op of ops) if (op.op === 'equal') expect(a.includes(op.text) && b.includes(op.text)).toBe(true)
    expect(diffWords('даача', 'ацраб')).toEqual([
      { op: 'delete', text: 'даача' },
      { op: 'insert', text: 'ацраб' },
    ])
  })

  it('applyOps rejects ops that do not match the source', () => {
    expect(() => applyOps('abc', [{ op: 'equal', text: 'abd' }])).toThrow()
    expect(() => applyOps('abc', [{ op: 'delete', text: 'ab' }])).toThrow()
    expect(applyOps('abc', [{ op: 'delete', text: 'abc' }])).toBe('')
  })
})

// ---------------------------------------------------------------------------------------

function para(eid: string, num: string, ru: string, children?: Provision[]): Provision {
  return { eid, kind: 'para', num, text: { ru: plain(ru) }, ...(children ? { children } : {}) }
}

function content(body: Provision[], preamble: Provision[] = []): DocumentContent {
  return {
    format: CONTENT_FORMAT,
    languages: ['ru'],
    title: { ru: 'Соглашение' },
    preamble,
    body,
    conclusions: [],
  }
}

describe('diffContents', () => {
  const recital: Provision = {
    eid: 'preamble__recital_1',
    kind: 'recital',
    text: { ru: plain('Государства – участники настоящего Соглашения,') },
  }
  const a = content(
    [
      para('para_1', '1', 'Стороны сотрудничают в области информационной безопасности.'),
      para('para_2', '2', 'Стороны обмениваются информацией.'),
      para('para_3', '3', 'Каждая из Сторон назначает компетентный орган.', [
        { eid: 'para_3__point_a', kind: 'point', num: 'а)', text: { ru: plain('ведет реестр;') } },
      ]),
      para('para_4', '4', 'Настоящее Соглашение вступает в силу.'),
      para('para_5', '5', 'Споры разрешаются путем консультаций.'),
      para('para_6', '6', 'Соглашение открыто для присоединения.'),
    ],
    [recital],
  )
  const b = content(
    [
      para('para_1', '1', 'Стороны сотрудничают в сфере информационной безопасности.'),
      para('para_7', '2', 'Стороны создают рабочую группу.'),
      para('para_2', '3', 'Стороны обмениваются информацией.'),
      para('para_5', '4', 'Споры разрешаются путем консультаций.'),
      para('para_3', '5', 'Каждая из Сторон назначает компетентный орган.', [
        { eid: 'para_3__point_a', kind: 'point', num: 'а)', text: { ru: plain('ведет реестр;') } },
      ]),
      para('para_6', '6', 'Соглашение открыто для присоединения.'),
    ],
    [recital],
  )

  it('finds changed, inserted, deleted and moved provisions, in b order', () => {
    const changes = diffContents(a, b, 'ru')
    expect(changes.map((c) => [c.eid, c.status, c.moved])).toEqual([
      ['para_1', 'changed', false],
      ['para_7', 'inserted', false],
      ['para_5', 'unchanged', true],
      ['para_4', 'deleted', false],
    ])
    const [p1, p7, p5, p4] = changes
    expect(p1!.ops).toEqual([
      { op: 'equal', text: 'Стороны сотрудничают в ' },
      { op: 'delete', text: 'области' },
      { op: 'insert', text: 'сфере' },
      { op: 'equal', text: ' информационной безопасности.' },
    ])
    expect(p7).toMatchObject({ fromNum: null, toNum: '2', fromIndex: null, toIndex: 2 })
    expect(p7!.ops).toEqual([{ op: 'insert', text: 'Стороны создают рабочую группу.' }])
    expect(p5).toMatchObject({ fromNum: '5', toNum: '4', fromIndex: 6, toIndex: 4 })
    expect(p4).toMatchObject({ fromNum: '4', toNum: null, fromIndex: 5, toIndex: null })
    expect(p4!.ops).toEqual([{ op: 'delete', text: 'Настоящее Соглашение вступает в силу.' }])
    for (const c of changes) expect(c.sources).toEqual([])
    expect(redlineStats(changes)).toEqual({ changed: 1, inserted: 1, deleted: 1, moved: 1 })
  })

  it('records numbering changes and lists everything with includeUnchanged', () => {
    const changes = diffContents(a, b, 'ru', { includeUnchanged: true })
    expect(changes.map((c) => c.eid)).toEqual([
      'preamble__recital_1',
      'para_1',
      'para_7',
      'para_2',
      'para_5',
      'para_3',
      'para_3__point_a',
      'para_4',
      'para_6',
    ])
    const byEid = new Map(changes.map((c) => [c.eid, c]))
    expect(byEid.get('para_2')).toMatchObject({ status: 'unchanged', moved: false, fromNum: '2', toNum: '3' })
    expect(byEid.get('para_2')!.ops).toEqual([{ op: 'equal', text: 'Стороны обмениваются информацией.' }])
    expect(byEid.get('para_3')).toMatchObject({ fromNum: '3', toNum: '5', fromIndex: 3, toIndex: 5 })
    expect(byEid.get('preamble__recital_1')).toMatchObject({ fromNum: null, toNum: null, fromIndex: 0 })
  })

  it('places deleted provisions after their predecessor in a, and at the start if first', () => {
    const x = content([para('para_1', '1', 'один'), para('para_2', '2', 'два'), para('para_3', '3', 'три')])
    const y = content([para('para_3', '1', 'три'), para('para_4', '2', 'четыре')])
    expect(diffContents(x, y, 'ru').map((c) => [c.eid, c.status])).toEqual([
      ['para_1', 'deleted'],
      ['para_2', 'deleted'],
      ['para_4', 'inserted'],
    ])
  })

  it('compares headings with the text', () => {
    const x = content([
      { eid: 'art_1', kind: 'art', num: '1', heading: { ru: 'Цели' }, text: { ru: plain('Текст') } },
    ])
    const y = content([
      { eid: 'art_1', kind: 'art', num: '1', heading: { ru: 'Задачи' }, text: { ru: plain('Текст') } },
    ])
    expect(diffContents(x, y, 'ru')[0]!.ops).toEqual([
      { op: 'delete', text: 'Цели' },
      { op: 'insert', text: 'Задачи' },
      { op: 'equal', text: '\nТекст' },
    ])
    expect(diffContents(x, y, 'en')).toEqual([])
  })

  it('returns nothing for identical contents', () => {
    expect(diffContents(a, structuredClone(a), 'ru')).toEqual([])
  })
})
