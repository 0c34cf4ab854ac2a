/**
 * Messages: every user-visible string lives in a catalog under core/i18n/catalog, keyed
 * `<area>.<name>`, with Russian and English complete (a test checks) and Tajik where the
 * text reaches documents or the public portal. `{name}` placeholders are filled from params.
 */

import { certificateMessages } from './catalog/certificate.js'
import { consensusUiMessages } from './catalog/consensus-ui.js'
import { domainMessages } from './catalog/domain.js'
import { errorMessages } from './catalog/errors.js'
import { exportMessages } from './catalog/exports.js'
import { mailMessages } from './catalog/mail.js'
import { meetingMessages } from './catalog/meetings.js'
import { minutesMessages } from './catalog/minutes.js'
import { negotiationMessages } from './catalog/negotiation.js'
import { portalMessages } from './catalog/portal.js'
import { pressMessages } from './catalog/press.js'
import { procedureMessages } from './catalog/procedure.js'
import { uiMessages } from './catalog/ui.js'
import type { Lang } from './languages.js'

export type Catalog = { ru: Record<string, string>; en: Record<string, string>; tg?: Record<string, string> }

const catalogs: Catalog[] = [
  errorMessages,
  domainMessages,
  uiMessages,
  exportMessages,
  negotiationMessages,
  certificateMessages,
  consensusUiMessages,
  meetingMessages,
  minutesMessages,
  procedureMessages,
  mailMessages,
  pressMessages,
  portalMessages,
]

const merged: Record<Lang, Record<string, string>> = { ru: {}, en: {}, tg: {} }
for (const catalog of catalogs) {
  Object.assign(merged.ru, catalog.ru)
  Object.assign(merged.en, catalog.en)
  Object.assign(merged.tg, catalog.tg ?? {})
}

/** Every message key, for completeness tests. */
export function messageKeys(lang: Lang): string[] {
  return Object.keys(merged[lang])
}

/** True when the key exists in the given language. */
export function hasMessage(lang: Lang, key: string): boolean {
  return key in merged[lang]
}

/**
 * Translates a key. Tajik falls back to Russian, then English; a missing key returns the
 * key itself so that it is visible and caught by tests rather than crashing a page.
 */
export function t(lang: Lang, key: string, params?: Record<string, string | number>): string {
  const template = merged[lang][key] ?? (lang === 'tg' ? merged.ru[key] : undefined) ?? merged.en[key] ?? key
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  )
}
