/**
 * Journey: the public reads the portal with JavaScript disabled. From /portal to the CIS
 * home page in Russian, the rubric, the news item of 22 August 2020 (dateline, photo with
 * caption and credit, the other news of the rubric), the same item in Tajik and in English
 * through the language switch, the adopted documents with their SHA-256, the verification of
 * that hash, and a search by another form of a Russian word. Then the national news agency's
 * portal (НИАТ «Ховар»): the republished item with «ДУШАНБЕ, 22.08.2020» and the line «Со
 * ссылкой на пресс-службу Исполкома СНГ» linking to the CIS page. Every page is checked with
 * axe (in a JavaScript context on the same address: the portal sends no script) and
 * photographed in test/screenshots/portal-*.png; the print stylesheet too. Last, the agency's
 * press officer opens the syndication screen of the workspace.
 */
import { t } from '@core/i18n/index.js'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  launchBrowser,
  type RunningServer,
  screenshot,
  seriousAxeViolations,
  startServer,
} from './harness.js'
import { newJourneyPage, signInAs, textOf } from './journey-support.js'

const SEED_TITLE =
  'В Минске доработан проект Совместного заявления глав государств – участников СНГ о сотрудничестве в области обеспечения международной информационной безопасности'

let server: RunningServer
let browser: Browser
/** The reader: JavaScript disabled. */
let reader: BrowserContext
/** axe needs JavaScript: the same addresses, checked in a context of its own. */
let checker: BrowserContext
let page: Page
let axePage: Page

beforeAll(async () => {
  server = await startServer({ demoUntil: 'all' })
  browser = await launchBrowser()
  reader = await browser.newContext({
    javaScriptEnabled: false,
    locale: 'ru-RU',
    viewport: { width: 1280, height: 900 },
  })
  checker = await browser.newContext({ locale: 'ru-RU', viewport: { width: 1280, height: 900 } })
  page = await reader.newPage()
  axePage = await checker.newPage()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** axe on the page the reader is on (loaded again in the JavaScript context). */
async function expectAccessible(url = page.url()) {
  await axePage.goto(url)
  expect(await seriousAxeViolations(axePage)).toEqual([])
}

async function expectNoScript() {
  expect(await page.locator('script').count()).toBe(0)
}

describe('the public portal without JavaScript', () => {
  it('home, rubric and the news item of 22 August 2020 in Russian', async () => {
    await page.goto(`${server.url}/portal`)
    expect(new URL(page.url()).pathname).toBe('/portal/cis/ru/')
    expect(await page.getAttribute('html', 'lang')).toBe('ru')
    expect(await textOf(page.locator('h1'))).toBe(t('ru', 'portal.home.title'))
    await expectNoScript()
    // The skip link leads to the main content.
    const skip = page.getByRole('link', { name: t('ru', 'portal.skip') })
    expect(await skip.getAttribute('href')).toBe('#main')
    await screenshot(page, 'portal-01-home-ru')
    await expectAccessible()

    await page
      .getByRole('navigation', { name: t('ru', 'portal.nav.label') })
      .getByRole('link', { name: 'События' })
      .click()
    expect(new URL(page.url()).pathname).toBe('/portal/cis/ru/rubrics/events')
    expect(await textOf(page.locator('h1'))).toBe('События')
    await screenshot(page, 'portal-02-rubric-ru')
    await expectAccessible()

    await page.getByRole('link', { name: SEED_TITLE }).first().click()
    expect(await textOf(page.locator('h1'))).toBe(SEED_TITLE)
    const meta = await textOf(page.locator('article .meta'))
    expect(meta).toContain('МИНСК, 22.08.2020')
    expect(meta).toContain('22 августа 2020, 12:02')
    const figure = page.locator('article figure')
    expect(await figure.locator('img').getAttribute('alt')).toMatch(/^Экран видеоконференции/)
    expect(await textOf(figure.locator('figcaption'))).toContain('ФОТО: пресс-служба Исполкома СНГ')
    // The photo is served to the public.
    const src = await figure.locator('img').getAttribute('src')
    const image = await page.request.get(`${server.url}${src}`)
    expect(image.status()).toBe(200)
    expect(await textOf(page.locator('article .body'))).toContain('а также Молдовы (в качестве наблюдателя)')
    // Its Tajik and English versions are linked.
    expect(await page.locator('section.translations a').count()).toBe(2)
    await expectNoScript()
    await screenshot(page, 'portal-03-news-ru')
    await expectAccessible()

    // The print stylesheet: the article alone.
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('nav.sections').isVisible()).toBe(false)
    expect(await page.locator('footer.site').isVisible()).toBe(false)
    expect(await page.locator('article h1').isVisible()).toBe(true)
    await screenshot(page, 'portal-04-news-print')
    await page.emulateMedia({ media: 'screen' })
  })

  it('the same item in Tajik and in English, through the language switch', async () => {
    const languages = page.getByRole('navigation', { name: t('ru', 'portal.languages') })
    await languages.getByRole('link', { name: 'Тоҷикӣ' }).click()
    expect(await page.getAttribute('html', 'lang')).toBe('tg')
    expect(new URL(page.url()).pathname).toMatch(/^\/portal\/cis\/tg\/news\//)
    expect(await textOf(page.locator('h1'))).toMatch(/^Дар Минск лоиҳаи Изҳороти муштарак/)
    expect(await textOf(page.locator('article .meta'))).toContain('МИНСК, 22.08.2020')
    expect(await textOf(page.locator('section.translations h2'))).toBe(t('tg', 'portal.news.translations'))
    await screenshot(page, 'portal-05-news-tg')
    await expectAccessible()

    await page
      .getByRole('navigation', { name: t('tg', 'portal.languages') })
      .getByRole('link', { name: 'English' })
      .click()
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    expect(await textOf(page.locator('article .meta'))).toContain('MINSK, 22 August 2020')
    expect(await textOf(page.locator('section.translations h2'))).toBe('This news item in other languages')
    await screenshot(page, 'portal-06-news-en')
    await expectAccessible()
  })

  it('the adopted documents, their SHA-256 and its verification', async () => {
    await page.goto(`${server.url}/portal/cis/ru/documents`)
    expect(await textOf(page.locator('h1'))).toBe(t('ru', 'portal.documents.title'))
    const hashes = await page.locator('code.hash').allTextContents()
    expect(hashes.length).toBeGreaterThan(0)
    for (const h of hashes) expect(h).toMatch(/^[0-9a-f]{64}$/)
    await screenshot(page, 'portal-07-documents')
    await expectAccessible()

    await page
      .getByRole('link', { name: t('ru', 'portal.documents.open') })
      .first()
      .click()
    expect(await page.locator('.doc-text .provision').count()).toBeGreaterThan(3)
    const hash = await textOf(page.locator('code.hash'))
    await screenshot(page, 'portal-08-document')
    await expectAccessible()

    await page
      .getByRole('link', { name: t('ru', 'portal.documents.verify') })
      .first()
      .click()
    expect(await textOf(page.locator('section.notice'))).toContain(t('ru', 'portal.verify.match'))
    expect(await page.locator('#hash').inputValue()).toBe(hash)
    await screenshot(page, 'portal-09-verify')
    await expectAccessible()

    // A hash that matches nothing, typed into the form (GET, no JavaScript).
    await page.locator('#hash').fill('0'.repeat(64))
    await page.getByRole('button', { name: t('ru', 'portal.verify.hashSubmit') }).click()
    expect(await textOf(page.locator('section.notice'))).toContain(t('ru', 'portal.verify.noMatch'))
  })

  it('search finds another form of a Russian word', async () => {
    await page.goto(`${server.url}/portal/cis/ru/search`)
    await page.getByLabel(t('ru', 'portal.search.label')).fill('заседании экспертной группы')
    await page.getByRole('button', { name: t('ru', 'portal.search.submit') }).click()
    expect(new URL(page.url()).searchParams.get('q')).toBe('заседании экспертной группы')
    expect(await page.getByRole('link', { name: SEED_TITLE }).count()).toBe(1)
    await screenshot(page, 'portal-10-search')
    await expectAccessible()
  })

  it("the news agency's republication, with its dateline and the source line linking to the CIS page", async () => {
    await page.goto(`${server.url}/portal/khovar/ru/`)
    expect(await textOf(page.locator('a.brand'))).toContain(
      'Национальное информационное агентство Таджикистана «Ховар»',
    )
    await page.getByRole('link', { name: SEED_TITLE }).first().click()
    expect(await textOf(page.locator('article .meta'))).toContain('ДУШАНБЕ, 22.08.2020')
    const source = page.locator('p.source')
    expect(await textOf(source)).toBe('Со ссылкой на пресс-службу Исполкома СНГ')
    const href = await source.locator('a').getAttribute('href')
    expect(href).toMatch(/\/portal\/cis\/ru\/news\//)
    expect(await textOf(page.locator('aside.related h2'))).toBe('Другие новости этой рубрики')
    await screenshot(page, 'portal-11-khovar-news')
    await expectAccessible()
    // The link leads to the CIS press service's own page.
    await page.goto(href!)
    expect(await textOf(page.locator('h1'))).toBe(SEED_TITLE)
  })
})

describe("the agency's newsroom", () => {
  it('shows its subscription to the CIS feed and the republished entry', async () => {
    const { page: app, errors } = await newJourneyPage(browser)
    await signInAs(app, server.url, 'press@khovar.demo')
    await app.goto(`${server.url}/press/syndication`)
    await app.getByTestId('subscriptions-table').waitFor()
    expect(await textOf(app.getByTestId('subscription-row').first())).toContain('пресс-служба Исполкома СНГ')
    const republished = app.getByTestId('entry-row').filter({ hasText: SEED_TITLE })
    await republished.waitFor()
    expect(await textOf(republished.getByTestId('entry-state'))).toContain(t('ru', 'syndication.republished'))
    await screenshot(app, 'portal-12-syndication')
    expect(await seriousAxeViolations(app)).toEqual([])
    expect(errors).toEqual([])
  })
})
