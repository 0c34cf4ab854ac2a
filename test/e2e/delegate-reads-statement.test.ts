/**
 * Journey: Tajikistan's head of delegation signs in, opens the dossier, reads operative
 * paragraph 3 of the joint statement in Russian, then switches the text, and the interface,
 * to English. Every screen is checked with axe and photographed.
 */
import { t } from '@core/i18n/index.js'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DEMO_PASSWORD,
  launchBrowser,
  type RunningServer,
  screenshot,
  seriousAxeViolations,
  startServer,
} from './harness.js'

const CYRILLIC = /[\u0400-\u04FF]/
const LATIN_WORD = /[A-Za-z]{3,}/
const DOSSIER_REFERENCE = 'ИГ-МИБ/2020'

let server: RunningServer
let browser: Browser

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** Errors the page reported: uncaught exceptions, and console errors such as CSP refusals. */
let pageErrors: string[] = []

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  // A Russian-speaking delegation's browser, with the server's CSP in force.
  const context = await browser.newContext({
    locale: 'ru-RU',
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'reduce',
  })
  const page = await context.newPage()
  pageErrors = []
  page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    // A wrong password is an expected 401; the browser logs every failed fetch.
    if (message.type() === 'error' && !/status of 40[13]/.test(message.text()))
      pageErrors.push(message.text())
  })
  return { context, page }
}

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel(t('ru', 'ui.login.email')).fill(email)
  await page.getByLabel(t('ru', 'ui.login.password'), { exact: true }).fill(password)
  await page.getByRole('button', { name: t('ru', 'ui.login.submit') }).click()
}

/** The text of an element, whitespace collapsed. */
async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim()
}

async function provisionText(page: Page, eid: string): Promise<string> {
  return textOf(page.locator(`[data-eid="${eid}"]`).first())
}

describe('a delegate reads the joint statement', () => {
  it("Tajikistan's head of delegation signs in, opens the dossier, reads operative paragraph 3 in Russian, switches to English", async () => {
    const { context, page } = await newPage()
    try {
      await page.goto(`${server.url}/`)
      await page.waitForURL((url) => url.pathname === '/login')
      await page.getByRole('heading', { name: t('ru', 'ui.login.title') }).waitFor()
      expect(await page.getAttribute('html', 'lang')).toBe('ru')
      await screenshot(page, 'delegate-01-login')
      expect(await seriousAxeViolations(page)).toEqual([])

      await signIn(page, 'head.tjk@cis.demo', DEMO_PASSWORD)
      await page.waitForURL((url) => url.pathname === '/')
      const identity = page.getByTestId('identity')
      await identity.waitFor()
      const who = await textOf(identity)
      expect(who).toContain('Таджикистан')
      expect(who).toContain('TJK')
      expect(who).toContain(t('ru', 'role.head_of_delegation'))

      const dossierRow = page.getByTestId('dossier-row').filter({ hasText: DOSSIER_REFERENCE })
      await dossierRow.waitFor()
      await screenshot(page, 'delegate-02-dossiers')
      expect(await seriousAxeViolations(page)).toEqual([])

      await dossierRow.getByRole('link').click()
      await page.waitForURL((url) => url.pathname.startsWith('/dossiers/'))
      await page.getByRole('heading', { level: 1 }).waitFor()
      await page.locator('[aria-current="step"]').waitFor()
      expect(await textOf(page.locator('[data-party="TJK"]'))).toContain('Таджикистан')
      await screenshot(page, 'delegate-03-dossier')
      expect(await seriousAxeViolations(page)).toEqual([])

      const statementRow = page
        .getByTestId('document-row')
        .filter({ hasText: t('ru', 'documentKind.joint_statement') })
        .first()
      await statementRow.getByRole('link').click()
      await page.waitForURL((url) => url.pathname.startsWith('/documents/'))
      await page.locator('[data-eid="para_3"]').waitFor()
      const russian = await provisionText(page, 'para_3')
      expect(russian).toMatch(CYRILLIC)
      expect(await page.locator('article.doc-text').getAttribute('lang')).toBe('ru')
      await page.locator('[data-eid="para_3"]').scrollIntoViewIfNeeded()
      await screenshot(page, 'delegate-04-statement-ru')
      expect(await seriousAxeViolations(page)).toEqual([])

      // The text language, not the interface language.
      const textLanguage = page.getByRole('radiogroup', { name: t('ru', 'ui.document.textLanguage') })
      await textLanguage.getByText(t('en', 'lang.en'), { exact: true }).click()
      await page.waitForFunction(
        (eid) => document.querySelector('article.doc-text')?.getAttribute('lang') === 'en' && !!eid,
        'para_3',
      )
      const english = await provisionText(page, 'para_3')
      expect(english).toMatch(LATIN_WORD)
      expect(english).not.toMatch(CYRILLIC)
      expect(english).not.toBe(russian)
      // The interface stays Russian.
      expect(await page.getAttribute('html', 'lang')).toBe('ru')
      await screenshot(page, 'delegate-05-statement-en-text')

      // Now the interface language, in the header.
      const uiLanguage = page.getByRole('radiogroup', { name: t('ru', 'ui.language.ui') })
      await uiLanguage.getByText(t('en', 'lang.en'), { exact: true }).click()
      await page.getByRole('navigation', { name: t('en', 'ui.nav.main') }).waitFor()
      expect(await page.getAttribute('html', 'lang')).toBe('en')
      await page
        .getByRole('link', { name: t('en', 'ui.nav.dossiers'), exact: true })
        .first()
        .waitFor()
      expect(await textOf(page.getByTestId('identity'))).toContain(t('en', 'role.head_of_delegation'))
      expect(await provisionText(page, 'para_3')).toBe(english)
      await screenshot(page, 'delegate-06-statement-en-ui')
      expect(await seriousAxeViolations(page)).toEqual([])

      // The choice is saved on the account (PATCH /api/me with the CSRF token).
      await page.waitForFunction(async () => {
        const response = await fetch('/api/me', { credentials: 'same-origin' })
        return ((await response.json()) as { data: { locale: string } }).data.locale === 'en'
      })
      await page.reload()
      await page.locator('[data-eid="para_3"]').waitFor()
      expect(await page.getAttribute('html', 'lang')).toBe('en')
      expect(pageErrors).toEqual([])
    } finally {
      await context.close()
    }
  })

  it('shows the translated error when the password is wrong, in the language picked before signing in', async () => {
    const { context, page } = await newPage()
    try {
      await page.goto(`${server.url}/login`)
      await signIn(page, 'head.tjk@cis.demo', 'not-the-password')
      const alert = page.getByRole('alert')
      await alert.waitFor()
      expect(await textOf(alert)).toContain(t('ru', 'error.invalid_credentials'))
      await screenshot(page, 'login-wrong-password-ru')
      expect(await seriousAxeViolations(page)).toEqual([])

      const uiLanguage = page.getByRole('radiogroup', { name: t('ru', 'ui.language.ui') })
      await uiLanguage.getByText(t('en', 'lang.en'), { exact: true }).click()
      await page.getByRole('heading', { name: t('en', 'ui.login.title') }).waitFor()
      await page.getByRole('button', { name: t('en', 'ui.login.submit') }).click()
      await page
        .getByRole('alert')
        .filter({ hasText: t('en', 'error.invalid_credentials') })
        .waitFor()
      expect(page.url()).toMatch(/\/login$/)
      await screenshot(page, 'login-wrong-password-en')

      // Signing in keeps the language picked on this device and saves it on the account.
      await page.getByLabel(t('en', 'ui.login.email')).fill('expert.tjk@cis.demo')
      await page.getByLabel(t('en', 'ui.login.password'), { exact: true }).fill(DEMO_PASSWORD)
      await page.getByRole('button', { name: t('en', 'ui.login.submit') }).click()
      await page.waitForURL((url) => url.pathname === '/')
      await page.getByRole('heading', { level: 1, name: t('en', 'ui.dossiers.title') }).waitFor()
      expect(await textOf(page.getByTestId('identity'))).toContain(t('en', 'role.expert'))
      await page.waitForFunction(async () => {
        const response = await fetch('/api/me', { credentials: 'same-origin' })
        return ((await response.json()) as { data: { locale: string } }).data.locale === 'en'
      })
      expect(pageErrors).toEqual([])
    } finally {
      await context.close()
    }
  })
})
