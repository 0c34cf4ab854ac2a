import fs from 'node:fs'
import { messageKeys } from '@core/i18n/index.js'
import { describe, expect, it } from 'vitest'

describe('error codes', () => {
  it('are all listed in docs/api.md, so that clients can rely on them', () => {
    const doc = fs.readFileSync(new URL('../docs/api.md', import.meta.url), 'utf8')
    const codes = messageKeys('en')
      .filter((k) => k.startsWith('error.'))
      .map((k) => k.slice('error.'.length))
    expect(codes.length).toBeGreaterThan(30)
    expect(codes.filter((c) => !doc.includes(`\`${c}\``))).toEqual([])
  })
})
