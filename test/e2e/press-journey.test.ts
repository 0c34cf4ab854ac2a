/**
 * Journey: the press service turns the outcome of the demo meeting (the expert group, Minsk,
 * 21 August 2020, by videoconference) into a news item. The press officer opens the
 * newsroom, goes to the meeting's page and drafts the item from the record — in Russian,
 * Tajik and English, linked; edits the Russian title and lead, sets the rubric, uploads the
 * photo (a JPEG drawn here) with its alternative text, caption and credit, saves, looks at the
 * preview of the public page, sends it for review and publishes it (each step confirmed);
 * edits the English version in the translations' columns and publishes the Tajik and English
 * versions from their own pages. Every screen is checked with axe and photographed in
 * test/screenshots/press-*.png.
 */
import { t } from '@core/i18n/index.js'
import type { Browser, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, type RunningServer, screenshot, seriousAxeViolations } from './harness.js'
import { apiClient, newJourneyPage, signInAs, startServerForManyUsers, textOf } from './journey-support.js'

const ru = (key: string, params?: Record<string, string | number>) => t('ru', key, params)
const PRESS = 'press@cis.demo'
const TITLE =
  'В Минске доработан и согласован проект Совместного заявления о сотрудничестве в области обеспечения международной информационной безопасности'

let server: RunningServer
let browser: Browser

beforeAll(async () => {
  server = await startServerForManyUsers({ demoUntil: 'all' })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function expectAxeClean(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([])
}

/** The expert group's meeting of 21 August 2020 in the demo. */
async function demoMeetingId(): Promise<string> {
  const api = await apiClient(server.url, PRESS)
  const meetings = await api.call<{ data: { id: string; startsAt: string; body: { code: string } }[] }>(
    'GET',
    '/api/meetings',
  )
  const meeting = meetings.data.find((m) => m.body.code === 'EG-IIS' && m.startsAt.startsWith('2020-08-21'))
  if (!meeting) throw new Error('the demo has no meeting of the expert group on 21 August 2020')
  return meeting.id
}

/** Confirms the dialog of a move of state and waits for the new state. */
async function move(page: Page, action: 'submit' | 'publish', state: 'in_review' | 'published') {
  await page.getByTestId(`news-${action}`).click()
  const dialog = page.getByRole('dialog', { name: ru(`press.ui.move.${action}.title`) })
  await dialog.waitFor()
  await dialog.getByRole('button', { name: ru(`press.ui.move.${action}.confirm`), exact: true }).click()
  await dialog.waitFor({ state: 'detached' })
  await page
    .getByTestId('news-status')
    .filter({ hasText: ru(`press.status.${state}`) })
    .waitFor()
}

describe('the press service turns a meeting into a news item', () => {
  it('drafts the item from the meeting, edits it, and publishes it in three languages', async () => {
    const meetingId = await demoMeetingId()
    const { page, errors, context } = await newJourneyPage(browser)
    await signInAs(page, server.url, PRESS)

    // The newsroom, from the header.
    await page.getByRole('link', { name: ru('press.nav') }).click()
    await page.waitForURL(`${server.url}/press`)
    await page.getByRole('heading', { level: 1, name: ru('press.ui.title') }).waitFor()
    await page.getByTestId('news-row').first().waitFor()
    const filter = await textOf(page.getByTestId('news-status-filter'))
    expect(filter).toContain(`${ru('press.ui.filter.published')} (9)`)
    expect(filter).toContain(`${ru('press.ui.filter.draft')} (1)`)
    await expectAxeClean(page)
    await screenshot(page, 'press-01-newsroom')

    // The meeting's page offers to draft the news item.
    await page.goto(`${server.url}/meetings/${meetingId}`)
    const draftButton = page.getByTestId('press-draft-create')
    await draftButton.waitFor()
    await expectAxeClean(page)
    await screenshot(page, 'press-02-meeting')
    await draftButton.click()
    await page.waitForURL(/\/press\/items\//)
    await page.getByTestId('field-title').waitFor()
    expect(await page.getByTestId('field-title').inputValue()).toBe(
      'В Минске согласован проект Совместного заявления глав государств – участников Содружества Независимых Государств о сотрудничестве в области обеспечения международной информационной безопасности',
    )
    const body = await textOf(page.getByTestId('field-body').getByRole('textbox'))
    expect(body).toContain(
      'полномочные представители и эксперты Армении, Беларуси, Казахстана, Кыргызстана, России, Таджикистана, Туркменистана и Узбекистана, а также Молдовы (в качестве наблюдателя).',
    )
    expect(body).toContain(
      'на рассмотрение Совета министров иностранных дел СНГ и Совета глав государств СНГ',
    )
    expect(await page.getByTestId('field-lead').inputValue()).toContain('в режиме видеоконференции')
    expect(await textOf(page.getByTestId('news-status'))).toContain(ru('press.status.draft'))
    // The Joint Statement was agreed at the meeting: the embargo it puts on the item is lifted.
    expect(await textOf(page.getByTestId('news-embargo'))).toContain(ru('press.ui.embargo.lifted'))
    await expectAxeClean(page)
    await screenshot(page, 'press-03-draft')
    const ruUrl = page.url()

    // Edit: the title, the lead, the rubric, the photo with its description.
    await page.getByTestId('field-title').fill(TITLE)
    const lead = page.getByTestId('field-lead')
    await lead.fill(
      `${(await lead.inputValue()).replace(/\.$/, '')}, в котором приняли участие делегации девяти государств.`,
    )
    await page.getByRole('combobox', { name: ru('press.ui.field.rubric') }).click()
    await page.getByRole('option', { name: 'События' }).click()
    // The story's date, rather than today's.
    await page.getByLabel(ru('press.ui.field.datelineDate')).fill('2020-08-22')
    const jpeg = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#16324f' } })
      .composite([
        {
          input: Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900"><rect x="40" y="40" width="480" height="260" fill="#2b4c7e"/><rect x="560" y="40" width="480" height="260" fill="#3a5a40"/><rect x="1080" y="40" width="480" height="260" fill="#6b4f3a"/></svg>',
          ),
        },
      ])
      .jpeg()
      .toBuffer()
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'vks.jpg', mimeType: 'image/jpeg', buffer: jpeg })
    await page.getByTestId('photo-thumb').waitFor()
    // Without its alternative text the photo cannot be saved.
    expect(await page.getByTestId('news-save').isDisabled()).toBe(true)
    await page.getByLabel(ru('press.ui.photo.alt')).fill('Экран видеоконференции с окнами делегаций')
    await page
      .getByLabel(ru('press.ui.photo.caption'))
      .fill('Заседание экспертной группы, 21 августа 2020 года')
    await page.getByLabel(ru('press.ui.photo.credit')).fill('ФОТО: пресс-служба Исполкома СНГ')
    await page.getByTestId('news-save').click()
    await page.getByTestId('news-saved').waitFor()
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor()
    await expectAxeClean(page)
    await screenshot(page, 'press-04-edited')

    // The preview of the public page.
    await page.getByTestId('tab-preview').click()
    const preview = page.getByTestId('news-preview')
    await preview.waitFor()
    const shown = await textOf(preview)
    expect(shown).toContain('События')
    expect(shown).toContain('МИНСК, 22 августа 2020 года')
    expect(shown).toContain('ФОТО: пресс-служба Исполкома СНГ')
    expect(await preview.locator('img').getAttribute('alt')).toBe('Экран видеоконференции с окнами делегаций')
    await expectAxeClean(page)
    await screenshot(page, 'press-05-preview')

    // Review, then publish, each confirmed.
    await move(page, 'submit', 'in_review')
    await page.getByTestId('news-publish').click()
    const dialog = page.getByRole('dialog', { name: ru('press.ui.move.publish.title') })
    await dialog.waitFor()
    await expectAxeClean(page)
    await screenshot(page, 'press-06-publish', false)
    await dialog.getByRole('button', { name: ru('press.ui.move.publish.confirm'), exact: true }).click()
    await dialog.waitFor({ state: 'detached' })
    await page
      .getByTestId('news-status')
      .filter({ hasText: ru('press.status.published') })
      .waitFor()

    // The translations side by side: the English title is edited in its column.
    await page.getByTestId('tab-translations').click()
    const en = page.getByTestId('translation-en')
    await en.getByLabel(ru('press.ui.field.title')).waitFor()
    const enTitle = en.getByLabel(ru('press.ui.field.title'))
    expect(await enTitle.inputValue()).toContain('agreed in Minsk')
    await enTitle.fill('Draft Joint Statement on international information security agreed in Minsk')
    const saved = page.waitForResponse(
      (r) => r.request().method() === 'PATCH' && r.url().includes('/api/news/'),
    )
    await en
      .getByRole('button', { name: ru('press.ui.translations.save', { language: ru('press.language.en') }) })
      .click()
    expect((await saved).status()).toBe(200)
    expect(await textOf(page.getByTestId('translation-tg'))).toContain('тавассути видеоконференсия')
    await expectAxeClean(page)
    await screenshot(page, 'press-07-translations')

    // The Tajik and English versions are published from their own pages.
    for (const lang of ['tg', 'en'] as const) {
      await page.goto(ruUrl)
      await page.getByTestId(`version-${lang}`).click()
      await page
        .getByTestId('news-status')
        .filter({ hasText: ru('press.status.draft') })
        .waitFor()
      expect(await page.getByTestId('field-title').getAttribute('lang')).toBe(lang)
      await move(page, 'submit', 'in_review')
      await move(page, 'publish', 'published')
    }
    await expectAxeClean(page)
    await screenshot(page, 'press-08-english-published')

    // All three language versions are published.
    await page.goto(`${server.url}/press`)
    await page.getByTestId('news-row').first().waitFor()
    const row = page.getByTestId('news-row').filter({ hasText: TITLE })
    await row.waitFor()
    expect(await textOf(row)).toContain(ru('press.status.published'))
    const api = await apiClient(server.url, PRESS)
    const item = await api.call('GET', `/api/news/${ruUrl.split('/').pop()}`)
    expect(
      item.data.translations.map((v: { language: string; status: string }) => `${v.language}:${v.status}`),
    ).toEqual(['ru:published', 'tg:published', 'en:published'])
    expect(item.data.photo.alt).toBe('Экран видеоконференции с окнами делегаций')
    // The rubric and the dateline's date set on the Russian version went to the others too.
    const english = await api.call('GET', `/api/news/${item.data.translations[2].id}`)
    expect(english.data).toMatchObject({ rubric: { slug: 'events' }, datelineDate: '2020-08-22' })
    await page
      .getByTestId('news-status-filter')
      .getByText(ru('press.ui.filter.published'), { exact: false })
      .click()
    await expectAxeClean(page)
    await screenshot(page, 'press-09-newsroom-published')

    // The public sees it, without JavaScript, under its rubric beside the other news, in
    // each of its three languages.
    const reader = await browser.newContext({ javaScriptEnabled: false, locale: 'ru-RU' })
    const portal = await reader.newPage()
    await portal.goto(`${server.url}/portal/cis/ru/rubrics/events`)
    const rubricPage = await textOf(portal.locator('main'))
    expect(rubricPage).toContain(TITLE)
    expect(rubricPage).toContain('В Минске доработан проект Совместного заявления')
    for (const version of item.data.translations as { language: string; slug: string }[]) {
      const res = await portal.goto(`${server.url}/portal/cis/${version.language}/news/${version.slug}`)
      expect(res?.status(), `${version.language} page`).toBe(200)
      expect(await portal.locator('html').getAttribute('lang')).toBe(version.language)
    }
    await screenshot(portal, 'press-10-public-page')
    await reader.close()

    // The meeting's page now leads to the item instead of drafting a second one.
    await page.goto(`${server.url}/meetings/${meetingId}`)
    await page.getByTestId('press-draft-link').waitFor()
    expect(await page.getByTestId('press-draft-create').count()).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })
})
