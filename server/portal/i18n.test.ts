import { hasMessage, messageKeys, t } from '@core/i18n/index.js'
import { describe, expect, it } from 'vitest'

describe('the portal speaks Tajik', () => {
  it('has every portal message and every verification finding in Tajik, with the same placeholders', () => {
    const keys = messageKeys('ru').filter((k) => k.startsWith('portal.') || k.startsWith('verify.problem.'))
    expect(keys.length).toBeGreaterThan(50)
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const key of keys) {
      expect(hasMessage('tg', key), key).toBe(true)
      // Dates are the exception: Tajik writes them with figures ({dd}.{mm}.{year}).
      if (key !== 'portal.date.long') expect(names(t('tg', key)), key).toEqual(names(t('ru', key)))
    }
  })
})
