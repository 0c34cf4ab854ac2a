import { describe, expect, it } from 'vitest'
import { hasMessage, messageKeys, t } from './index.js'
import { negotiateUiLang } from './languages.js'

describe('message catalogs', () => {
  it('has every Russian key in English and every English key in Russian', () => {
    const ru = new Set(messageKeys('ru'))
    const en = new Set(messageKeys('en'))
    expect([...ru].filter((k) => !en.has(k))).toEqual([])
    expect([...en].filter((k) => !ru.has(k))).toEqual([])
  })

  it('keeps the same placeholders in both languages', () => {
    for (const key of messageKeys('ru')) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
      expect(names(t('en', key)), key).toEqual(names(t('ru', key)))
    }
  })

  it('fills placeholders and falls back from Tajik to Russian', () => {
    expect(t('en', 'error.version_changed', { current: 7 })).toContain('7')
    expect(hasMessage('tg', 'error.version_changed')).toBe(false)
    expect(t('tg', 'error.version_changed', { current: 2 })).toBe(
      t('ru', 'error.version_changed', { current: 2 }),
    )
    expect(t('tg', 'documentKind.joint_statement')).toBe('Изҳороти муштарак')
  })
})

describe('negotiateUiLang', () => {
  it('honours quality values and defaults to Russian', () => {
    expect(negotiateUiLang('en-GB,en;q=0.9,ru;q=0.8')).toBe('en')
    expect(negotiateUiLang('de-DE,ru;q=0.5,en;q=0.9')).toBe('en')
    expect(negotiateUiLang('fr')).toBe('ru')
    expect(negotiateUiLang(undefined)).toBe('ru')
  })
})
