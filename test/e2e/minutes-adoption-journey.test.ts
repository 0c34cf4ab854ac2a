/**
 * Journey: the minutes of the expert group's meeting, and the decisions of the councils on
 * the dossier page. The meeting is convened and run through the meetings API (the journey
 * is about the minutes): the demo dossier ИГ-МИБ/2020 on the agenda, every delegation
 * invited, attendance and outcomes recorded. Then, in the browser, the secretariat's editor
 * opens the minutes page, drafts the minutes from the record, reads them in Russian and in
 * English, edits a section, approves them after a confirmation that shows the SHA-256, and
 * downloads the PDF; Tajikistan's head of delegation reads the approved minutes without any
 * pen-holder's action. On the dossier page the editor opens the form to record a decision
 * of a council; the server names the texts not yet frozen. Every screen is checked with axe
 * and photographed in test/screenshots/minutes-*.png.
 */
import { t } from '@core/i18n/index.js'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, type RunningServer, screenshot, seriousAxeViolations } from './harness.js'
import { apiClient, newJourneyPage, signInAs, startServerForManyUsers, textOf } from './journey-support.js'

const ru = (key: string, params?: Record<string, string | number>) => t('ru', key, params)
const en = (key: string, params?: Record<string, string | number>) => t('en', key, params)
const DOSSIER_REFERENCE = 'ИГ-МИБ/2020'
const EDITOR = 'editor@cis.demo'
const TJK_HEAD = 'head.tjk@cis.demo'
const CLOSING = 'Протокол подготовлен Исполнительным комитетом СНГ и разослан участникам заседания.'

let server: RunningServer
let browser: Browser

beforeAll(async () => {
  server = await startServerForManyUsers()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** A signed-in API client with the CSRF token, for setting the scene through the API. */
const apiClientAs = (email: string) => apiClient(server.url, email)

interface Scene {
  meetingId: string
  dossierId: string
}

/** The expert group's meeting of 21 August 2020, convened and recorded through the meetings API. */
async function convene(): Promise<Scene> {
  const api = await apiClientAs(EDITOR)
  const dossiers = await api.call<{ data: { id: string; reference: string; organizationId: string }[] }>(
    'GET',
    '/api/dossiers',
  )
  const dossier = dossiers.data.find((d) => d.reference === DOSSIER_REFERENCE)
  if (!dossier) throw new Error(`the demo has no dossier ${DOSSIER_REFERENCE}`)
  const full = await api.call('GET', `/api/dossiers/${dossier.id}`)
  const organizationId: string = full.data.organization.id
  const bodies = await api.call<{ data: { id: string; code: string }[] }>(
    'GET',
    `/api/organizations/${organizationId}/bodies`,
  )
  const body = bodies.data.find((b) => b.code === 'EG-IIS')
  if (!body) throw new Error('the demo has no body EG-IIS')
  const documents = [...full.data.documents].sort((a: any, b: any) => a.position - b.position)
  const parties = full.data.participants.map((p: { code: string }) => p.code)
  const created = await api.call('POST', '/api/meetings', {
    organizationId,
    bodyId: body.id,
    title: {
      ru: 'Заседание экспертной группы по международной информационной безопасности',
      en: 'Meeting of the expert group on international information security',
    },
    startsAt: '2020-08-21T10:00:00+03:00',
    endsAt: '2020-08-21T13:00:00+03:00',
    timezone: 'Europe/Minsk',
    place: { ru: 'Исполнительный комитет СНГ, Минск', en: 'CIS Executive Committee, Minsk' },
    format: 'videoconference',
    agenda: documents.map((d: { id: string }) => ({ dossierId: dossier.id, documentId: d.id })),
    delegations: parties,
    inviteSecretariat: true,
  })
  const meeting = created.data
  // Attendance: everyone present by video link, except Turkmenistan's delegation.
  for (const p of meeting.participants as { id: string; version: number; party: { code: string } | null }[]) {
    await api.call('PATCH', `/api/meetings/${meeting.id}/participants/${p.id}`, {
      version: p.version,
      attendance: p.party?.code === 'TKM' ? 'absent' : 'remote',
    })
  }
  const outcomes = ['agreed', 'agreed_ad_referendum', 'returned']
  for (const [i, item] of (meeting.agenda as { id: string; version: number }[]).entries()) {
    await api.call('POST', `/api/meetings/${meeting.id}/agenda/${item.id}/outcome`, {
      version: item.version,
      outcome: outcomes[i] ?? 'postponed',
      note: i === 0 ? 'Текст передаётся на внутригосударственное согласование.' : null,
    })
  }
  return { meetingId: meeting.id, dossierId: dossier.id }
}

async function expectAxeClean(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([])
}

describe('minutes of the expert group and decisions of the councils', () => {
  let scene: Scene

  it('drafts, edits and approves the minutes', async () => {
    scene = await convene()
    const { page, errors, context } = await newJourneyPage(browser)
    await signInAs(page, server.url, EDITOR)
    await page.goto(`${server.url}/meetings/${scene.meetingId}/minutes`)
    await page.getByText(ru('ui.minutes.none')).waitFor()
    await expectAxeClean(page)
    await screenshot(page, 'minutes-01-none')

    await page.getByRole('button', { name: ru('ui.minutes.draftFromRecord') }).click()
    const doc = page.getByTestId('minutes-document')
    await doc.waitFor()
    const title = await textOf(page.locator('#minutes-doc-title'))
    expect(title).toBe('ПРОТОКОЛ заседания экспертной группы по международной информационной безопасности')
    const text = await textOf(doc)
    expect(text).toContain('Присутствовали:')
    expect(text).toContain('Повестка дня:')
    expect(text).toContain('Молдова (MDA), государство-наблюдатель')
    expect(text).toContain('Не представлены: Туркменистан (TKM).')
    expect(text).toContain('РЕШИЛИ: согласовать проект')
    expect(text).toContain('Текст передаётся на внутригосударственное согласование.')
    expect(await textOf(page.getByTestId('minutes-status-badge'))).toContain(ru('ui.minutes.status.draft'))
    await expectAxeClean(page)
    await screenshot(page, 'minutes-02-draft')

    // The same minutes in English.
    await page.getByTestId('minutes-language').getByText('English').click()
    await page.locator('#minutes-doc-title', { hasText: 'MINUTES of the meeting' }).waitFor()
    expect(await textOf(doc)).toContain('Present:')
    expect(await doc.getAttribute('lang')).toBe('en')
    await screenshot(page, 'minutes-03-english')
    await page.getByTestId('minutes-language').getByText('Русский').click()
    await page.locator('#minutes-doc-title', { hasText: 'ПРОТОКОЛ' }).waitFor()

    // Edit the closing section.
    await page.getByTestId('minutes-edit').click()
    const editor = page.getByTestId('minutes-editor')
    await editor.waitFor()
    const closing = editor.locator('fieldset[data-section="closing"] textarea')
    await closing.fill(`${CLOSING}\n\nПодпись: ____________________`)
    await expectAxeClean(page)
    await screenshot(page, 'minutes-04-edit')
    await editor.getByRole('button', { name: ru('ui.minutes.save') }).click()
    await page.getByText(ru('ui.minutes.saved')).waitFor()
    expect(await textOf(doc.locator('[data-section="closing"]'))).toContain(CLOSING)

    // Approve, after a confirmation that shows the SHA-256.
    await page.getByTestId('minutes-approve').click()
    const dialog = page.getByRole('dialog', { name: ru('ui.minutes.approveTitle') })
    await dialog.waitFor()
    const hash = (await textOf(dialog.getByTestId('minutes-approve-hash'))).trim()
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    await expectAxeClean(page)
    await screenshot(page, 'minutes-05-approve', false)
    await dialog.getByRole('button', { name: ru('ui.minutes.approveConfirm') }).click()
    await page.getByText(ru('ui.minutes.approvedNotice')).waitFor()
    await dialog.waitFor({ state: 'detached' })
    expect(await textOf(page.getByTestId('minutes-status-badge'))).toContain(ru('ui.minutes.status.approved'))
    expect(await page.getByTestId('content-hash').getAttribute('data-hash')).toBe(hash)
    expect(await page.getByTestId('minutes-edit').count()).toBe(0)
    expect(await page.getByTestId('minutes-approve').count()).toBe(0)
    expect(await textOf(page.getByTestId('minutes-status-line'))).toContain('Протокол утверждён')
    await expectAxeClean(page)
    await screenshot(page, 'minutes-06-approved')

    // The downloads are what they say.
    const pdfUrl = await page.getByTestId('minutes-pdf').getAttribute('href')
    const pdf = await context.request.get(`${server.url}${pdfUrl}`)
    expect(pdf.status()).toBe(200)
    expect(pdf.headers()['content-type']).toBe('application/pdf')
    const docxUrl = await page.getByTestId('minutes-docx').getAttribute('href')
    expect((await context.request.get(`${server.url}${docxUrl}`)).status()).toBe(200)
    expect(errors).toEqual([])
    await context.close()
  })

  it('shows the approved minutes to a delegation, without the pen-holder’s actions', async () => {
    const { page, errors, context } = await newJourneyPage(browser)
    await signInAs(page, server.url, TJK_HEAD)
    await page.goto(`${server.url}/meetings/${scene.meetingId}/minutes`)
    await page.getByTestId('minutes-document').waitFor()
    expect(await textOf(page.getByTestId('minutes-document'))).toContain(CLOSING)
    expect(await page.getByTestId('minutes-actions').count()).toBe(0)
    expect(await textOf(page.getByTestId('minutes-status-badge'))).toContain(ru('ui.minutes.status.approved'))
    await expectAxeClean(page)
    await screenshot(page, 'minutes-07-delegate')
    expect(errors).toEqual([])
    await context.close()
  })

  it('offers the secretariat the form to record a decision of a council, and says which texts are not frozen', async () => {
    const { page, errors, context } = await newJourneyPage(browser)
    await signInAs(page, server.url, EDITOR)
    await page.goto(`${server.url}/dossiers/${scene.dossierId}`)
    const panel = page.getByTestId('adoption-panel')
    await panel.waitFor()
    await panel.getByText(ru('ui.adoption.none')).waitFor()
    await expectAxeClean(page)
    await panel.getByTestId('adoption-record').click()
    const dialog = page.getByRole('dialog', { name: ru('ui.adoption.recordTitle') })
    await dialog.waitFor()
    await dialog.getByLabel(ru('ui.adoption.body')).click()
    await page.getByRole('option', { name: 'Совет министров иностранных дел СНГ' }).click()
    await dialog.getByLabel(ru('ui.adoption.decision.recommended')).check()
    await dialog.getByLabel(ru('ui.adoption.decidedOn')).fill('2020-10-09')
    // Observers never sign: only member States are offered.
    expect(await dialog.getByRole('checkbox').count()).toBe(8)
    await expectAxeClean(page)
    await screenshot(page, 'minutes-08-adoption-form', false)
    await dialog.getByRole('button', { name: ru('ui.adoption.submit') }).click()
    const alert = dialog.getByRole('alert')
    await alert.waitFor()
    expect(await textOf(alert)).toContain('Не все тексты пакета зафиксированы как согласованные')
    await screenshot(page, 'minutes-09-adoption-refused', false)
    // The refusal is an expected 409, which the browser logs as a failed request.
    expect(errors.filter((e) => !/status of 409/.test(e))).toEqual([])
    expect(en('ui.adoption.heading')).toBe('Decisions of the councils')
    await context.close()
  })
})
