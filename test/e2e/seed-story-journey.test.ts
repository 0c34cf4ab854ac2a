/**
 * Journey: the whole seed story as the people in it see it, on the full demo (`npm start`).
 * The secretariat's officer follows dossier ИГ-МИБ/2020 from the circulated drafts to the
 * signature: the timeline with dates and who moved it, the calendar with the three meetings,
 * the expert group's meeting of 21 August 2020 by videoconference in Minsk (participants,
 * quorum, outcomes), its approved minutes, domestic approval in every member state (with
 * Tajikistan's note verbale), and the councils' decisions with the depositary copy.
 * Tajikistan's head of delegation finds the news of the adoption in the inbox; the
 * administrator sees the mails delivered to the outbox folder. Every screen is checked with
 * axe and photographed in test/screenshots/seed-*.png.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { t } from '@core/i18n/index.js'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, type RunningServer, screenshot, seriousAxeViolations } from './harness.js'
import { apiSession, newJourneyPage, signInAs, startServerForManyUsers, textOf } from './journey-support.js'

const ru = (key: string, params?: Record<string, string | number>) => t('ru', key, params)
const EDITOR = 'editor@cis.demo'
const ADMIN = 'admin@cis.demo'
const TJK_HEAD = 'head.tjk@cis.demo'
const MEMBER_NAMES = [
  'Армения',
  'Беларусь',
  'Казахстан',
  'Кыргызстан',
  'Россия',
  'Таджикистан',
  'Туркменистан',
  'Узбекистан',
]

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

async function accessible(page: Page) {
  expect(await seriousAxeViolations(page)).toEqual([])
}

async function mainText(page: Page) {
  return textOf(page.locator('main'))
}

describe('the seed story, end to end, on the demo', () => {
  it('shows the path from the circulated drafts to the signature, with the meeting, the minutes, the approvals and the councils', async () => {
    const api = await apiSession(server.url, EDITOR)
    const dossier = (await api.get('/api/dossiers')).data.find(
      (d: { reference: string }) => d.reference === 'ИГ-МИБ/2020',
    )
    expect(dossier?.stage).toBe('signature')
    const meetings = (await api.get('/api/meetings')).data as { id: string; startsAt: string }[]
    const expert = meetings.find((m) => m.startsAt.startsWith('2020-08-21'))
    expect(expert, 'the meeting of 21 August 2020').toBeTruthy()

    const { page, errors } = await newJourneyPage(browser)
    await signInAs(page, server.url, EDITOR)

    // 1. The dossier: the path taken, with dates and who moved it.
    await page.goto(`${server.url}/dossiers/${dossier.id}`)
    const path = page.getByTestId('timeline-path')
    await path.waitFor()
    const taken = await textOf(path)
    for (const stage of ['domestic_approval', 'cfm', 'chs', 'signature'])
      expect(taken).toContain(ru(`stage.${stage}`))
    expect(taken).toContain('2020')
    const adoptions = page.getByTestId('adoption-panel')
    await adoptions.getByTestId('adoption').first().waitFor()
    expect(await adoptions.getByTestId('adoption').count()).toBe(2)
    expect(await textOf(adoptions)).toContain('Совет глав государств СНГ')
    await accessible(page)
    await screenshot(page, 'seed-01-dossier')

    // 2. The calendar: the expert group in August, the councils in December.
    await page.goto(`${server.url}/calendar`)
    await page.getByRole('heading', { level: 1 }).waitFor()
    await page.getByText('Заседание Совета глав государств СНГ').first().waitFor()
    const calendar = await mainText(page)
    expect(calendar).toContain('Заседание Экспертной группы')
    expect(calendar).toContain('Заседание Совета министров иностранных дел СНГ')
    await accessible(page)
    await screenshot(page, 'seed-02-calendar')

    // 3. The meeting of 21 August 2020 by videoconference in Minsk.
    await page.goto(`${server.url}/meetings/${expert!.id}`)
    await page.getByTestId('meeting-when').waitFor()
    await page.getByText(ru('meetings.quorum.reached', { present: 8, members: 8 })).waitFor()
    const meeting = await mainText(page)
    expect(meeting).toContain('Исполнительный комитет СНГ, Минск')
    expect(meeting).toContain('21 августа 2020')
    for (const name of [...MEMBER_NAMES, 'Молдова']) expect(meeting).toContain(name)
    await accessible(page)
    await screenshot(page, 'seed-03-meeting')

    // 4. Its minutes, approved.
    await page.getByTestId('minutes-link').click()
    await page.getByTestId('minutes-status').waitFor()
    await page.getByText('ПРОТОКОЛ', { exact: false }).first().waitFor()
    expect(await textOf(page.getByTestId('minutes-status'))).toMatch(/[0-9a-f]{8}/)
    await accessible(page)
    await screenshot(page, 'seed-04-minutes')

    // 5. Domestic approval in every member state; Tajikistan's note verbale.
    await page.goto(`${server.url}/dossiers/${dossier.id}/approvals`)
    await page.getByTestId('approval-summary').waitFor()
    expect(await page.getByTestId('approval-row').count()).toBe(8)
    const tracker = await mainText(page)
    for (const name of MEMBER_NAMES) expect(tracker).toContain(name)
    expect(await page.getByTestId('late-flag').count()).toBe(0)
    const note = page.getByTestId('attachment-link')
    expect(await note.count()).toBe(1)
    const download = await page.request.get(`${server.url}${await note.getAttribute('href')}`)
    expect(download.headers()['content-type']).toContain('application/pdf')
    await accessible(page)
    await screenshot(page, 'seed-05-approvals')

    // 6. The depositary copy of the adopted texts, with the record's hash.
    const adopted = (await api.get(`/api/dossiers/${dossier.id}/adoptions`)).data.find(
      (a: { decision: string }) => a.decision === 'adopted',
    )
    const pdf = await page.request.get(`${server.url}/api/adoptions/${adopted.id}/depositary.pdf?lang=ru`)
    expect(pdf.status()).toBe(200)
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-')
    expect(errors).toEqual([])
  })

  it('tells the delegations by inbox and by mail', async () => {
    const { page, errors } = await newJourneyPage(browser)
    await signInAs(page, server.url, TJK_HEAD)
    await page.goto(`${server.url}/notifications`)
    await page.getByRole('heading', { level: 1 }).waitFor()
    const notices = page.getByTestId('notification')
    await notices.first().waitFor()
    const inbox = await mainText(page)
    expect(inbox).toContain('Совет глав государств СНГ: пакет документов ИГ-МИБ/2020')
    await accessible(page)
    await screenshot(page, 'seed-06-inbox')

    const admin = await newJourneyPage(browser)
    await signInAs(admin.page, server.url, ADMIN)
    await admin.page.goto(`${server.url}/admin/jobs`)
    await admin.page.getByRole('heading', { level: 1 }).waitFor()
    await accessible(admin.page)
    await screenshot(admin.page, 'seed-07-jobs')

    // The worker delivers the demo's mails to the outbox folder (no mail server needed).
    const outbox = join(server.dataDir, 'outbox')
    let files: string[] = []
    for (let i = 0; i < 60 && files.length === 0; i++) {
      files = existsSync(outbox) ? readdirSync(outbox).filter((f) => f.endsWith('.eml')) : []
      if (files.length === 0) await new Promise((r) => setTimeout(r, 500))
    }
    expect(files.length).toBeGreaterThan(0)
    const mails = files.slice(0, 400).map((f) => readFileSync(join(outbox, f), 'utf8'))
    expect(mails.some((m) => m.includes('text/calendar'))).toBe(true)
    expect(errors).toEqual([])
    expect(admin.errors).toEqual([])
  })
})
