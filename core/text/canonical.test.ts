import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { canonicalHash, canonicalJson } from './canonical.js'
import { sha256Hex } from './sha256.js'

describe('sha256Hex', () => {
  it('matches node:crypto on empty, short, block-boundary and long Cyrillic inputs', () => {
    const inputs = [
      '',
      'abc',
      'a'.repeat(55),
      'a'.repeat(56),
      'a'.repeat(64),
      'Тоҷикистон ғ ӣ қ ӯ ҳ ҷ '.repeat(500),
    ]
    for (const s of inputs) expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'))
  })
})

describe('canonicalJson', () => {
  it('sorts keys recursively and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":2,"z":1}]},"b":1}',
    )
  })

  it('normalizes strings to NFC so that visually equal texts hash equally', () => {
    const decomposed = 'и\u0306' // и + combining breve
    const composed = 'й'
    expect(canonicalJson(decomposed)).toBe(canonicalJson(composed))
    expect(canonicalHash({ t: decomposed })).toBe(canonicalHash({ t: composed }))
  })

  it('refuses non-integer numbers', () => {
    expect(() => canonicalJson({ x: 1.5 })).toThrow(/not an integer/)
    expect(() => canonicalJson({ x: Number.NaN })).toThrow()
  })

  it('is independent of key insertion order', () => {
    expect(canonicalHash({ a: 1, b: 2 })).toBe(canonicalHash({ b: 2, a: 1 }))
    expect(canonicalHash({ a: 1, b: 2 })).not.toBe(canonicalHash({ a: 2, b: 1 }))
  })
})
