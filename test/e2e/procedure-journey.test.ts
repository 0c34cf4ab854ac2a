/**
 * Journey: the procedure of the demo dossier ИГ-МИБ/2020 after expert-level agreement. The
 * texts not yet frozen are agreed and frozen through the API (the state after the meeting);
 * the secretariat moves the package to domestic approval on the dossier's timeline, which
 * then shows why it cannot go to the Council of Foreign Ministers yet (the states named);
 * the tracker shows every member state, the secretariat sets a due date for all and records
 * Armenia's approval; Tajikistan's head records its own approval (its ad referendum is
 * confirmed) and uploads its note verbale; the administrator edits the CIS procedure (a
 * refused change explained, then a renamed stage saved); once every state has approved, the
 * secretariat moves the package to the Council. Screens are checked with axe and photographed
 * in test/screenshots/procedure-*.png.
 */
import { t } from '@core/i18n/index.js'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, type RunningServer, screenshot, seriousAxeViolations } from './harness.js'
import { apiClient, newJourneyPage, signInAs, startServerForManyUsers, textOf } from './journey-support.js'

const ru = (key: string, params?: Record<string, string | number>) => t('ru', key, params)
const DOSSIER_REFERENCE = 'ИГ-МИБ/2020'
const EDITOR = 'editor@cis.demo'
const ADMIN = 'admin@cis.demo'
const MEMBERS = ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK', 'TKM', 'UZB']
const NOTE_VERBALE = Buffer.from(
  '%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n',
  'latin1',
)

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

type Call = (method: string, path: string, body?: unknown) => Promise<any>

/** A signed-in API client (cookie and CSRF token) that fails loudly. */
const apiAs = async (email: string): Promise<Call> => (await apiClient(server.url, email)).call

async function expectAccessible(page: Page) {
  expect(await seriousAxeViolations(page)).toEqual([])
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10)

describe('the procedure journey', () => {
  it('domestic approval tracked state by state, the timeline explaining the wait, the procedure edited by the administrator', async () => {
    const editorApi = await apiAs(EDITOR)
    const dossiers = await editorApi('GET', '/api/dossiers')
    const dossierId: string = dossiers.data.find((d: any) => d.reference === DOSSIER_REFERENCE)?.id
    expect(dossierId, `the demo has ${DOSSIER_REFERENCE}`).toBeTruthy()
    const heads: Record<string, Call> = {}
    for (const code of MEMBERS) heads[code] = await apiAs(`head.${code.toLowerCase()}@cis.demo`)

    // The state after the expert group's meeting: every text agreed and frozen (API).
    const full = await editorApi('GET', `/api/dossiers/${dossierId}`)
    expect(full.data.stage).toBe('expert_group')
    for (const doc of full.data.documents) {
      const detail = await editorApi('GET', `/api/documents/${doc.id}`)
      const latest = detail.data.versions.find((v: any) => v.status === 'published')
      if (latest.frozenAt) continue
      const base = `/api/documents/${doc.id}/versions/${latest.id}`
      for (const code of MEMBERS) await heads[code]!('POST', `${base}/positions`, { kind: 'agree' })
      await editorApi('POST', `${base}/freeze`, {})
    }

    const editor = await newJourneyPage(browser)
    const tajik = await newJourneyPage(browser)
    const admin = await newJourneyPage(browser)
    try {
      // 1. The secretariat moves the package home from the dossier's timeline.
      const e = editor.page
      await signInAs(e, server.url, EDITOR)
      await e.goto(`${server.url}/dossiers/${dossierId}`)
      const timeline = e.getByTestId('dossier-timeline')
      await timeline.waitFor()
      expect(await textOf(timeline.getByTestId('timeline-path'))).toContain(
        ru('ui.timeline.opened', { stage: ru('stage.drafting') }),
      )
      const home = timeline.locator('[data-testid="next-move"][data-to="domestic_approval"]')
      expect(await home.getAttribute('data-allowed')).toBe('true')
      await home
        .getByRole('button', { name: ru('ui.timeline.move', { stage: ru('stage.domestic_approval') }) })
        .click()
      const confirm = e.getByRole('dialog')
      await confirm
        .getByLabel(ru('ui.timeline.note'))
        .fill('Тексты согласованы на заседании 21 августа 2020 года')
      await confirm.getByRole('button', { name: ru('ui.timeline.confirm'), exact: true }).click()
      await confirm.waitFor({ state: 'detached' })

      // 2. The timeline shows why the package cannot go to the Council yet, naming the states.
      const toCfm = timeline.locator('[data-testid="next-move"][data-to="cfm"]')
      await toCfm.waitFor()
      expect(await toCfm.getAttribute('data-allowed')).toBe('false')
      const cfmButton = toCfm.getByRole('button', {
        name: ru('ui.timeline.move', { stage: ru('stage.cfm') }),
      })
      expect(await cfmButton.isDisabled()).toBe(true)
      const reasons = await textOf(toCfm.locator('.guards'))
      expect(reasons).toContain(
        'Не завершили внутригосударственное согласование государства-участники (8): Армения',
      )
      expect(reasons).toContain('Не подтверждено согласие ad referendum (1): Таджикистан')
      expect(await textOf(timeline.getByTestId('timeline-path'))).toContain('21 августа 2020 года')
      await screenshot(e, 'procedure-01-timeline')
      await expectAccessible(e)

      // 3. The tracker: every member state; the secretariat sets a due date for all and records Armenia.
      await timeline.getByTestId('tracker-link').click()
      await e.waitForURL((url) => url.pathname === `/dossiers/${dossierId}/approvals`)
      await e.getByTestId('approval-row').first().waitFor()
      expect(await e.getByTestId('approval-row').count()).toBe(8)
      expect(await textOf(e.getByTestId('approval-summary'))).toBe('0 из 8 государств завершили согласование')
      const dueForm = e.getByTestId('due-date-form')
      await dueForm.getByLabel(ru('ui.approvals.dueForAll')).fill(daysAgo(5))
      await dueForm.getByRole('button', { name: ru('ui.approvals.setDue') }).click()
      await dueForm.getByRole('status').waitFor()
      await expect.poll(() => e.getByTestId('late-flag').count()).toBe(8)
      expect(await textOf(e.getByTestId('late-flag').first())).toContain(ru('ui.approvals.late', { days: 5 }))
      const armenia = e.locator('[data-party="ARM"]')
      await armenia.getByRole('button', { name: new RegExp(ru('ui.approvals.record')) }).click()
      const form = e.getByTestId('approval-form')
      await form.getByRole('combobox', { name: ru('ui.approvals.status') }).click()
      await form.getByRole('option', { name: ru('approval.status.approved'), exact: true }).click()
      await form
        .getByLabel(ru('ui.approvals.note'))
        .fill('Нота МИД Республики Армения № 5/1234 от 1 октября 2020 г.')
      await form.getByRole('button', { name: ru('ui.approvals.save') }).click()
      await form.waitFor({ state: 'detached' })
      await expect
        .poll(() => textOf(armenia.getByTestId('approval-status')))
        .toBe(`✓${ru('approval.status.approved')}`)

      // Some states answer meanwhile (API): in progress, approved with reservations.
      const version = async (code: string) =>
        (await editorApi('GET', `/api/dossiers/${dossierId}/approvals`)).data.find(
          (a: any) => a.party === code,
        ).version
      await heads.RUS!('PATCH', `/api/dossiers/${dossierId}/approvals/RUS`, {
        version: await version('RUS'),
        status: 'in_progress',
        note: 'Проект направлен в Правительство',
      })
      await heads.KAZ!('PATCH', `/api/dossiers/${dossierId}/approvals/KAZ`, {
        version: await version('KAZ'),
        status: 'approved_with_reservations',
      })
      await e.reload()
      await e.getByTestId('approval-row').first().waitFor()
      expect(await textOf(e.getByTestId('approval-summary'))).toBe(
        '2 из 8 государств завершили согласование; просрочено: 6',
      )
      await screenshot(e, 'procedure-02-tracker-secretariat')
      await expectAccessible(e)

      // 4. Tajikistan's head records its own approval (confirming its ad referendum) and uploads its note.
      const tj = tajik.page
      await signInAs(tj, server.url, 'head.tjk@cis.demo')
      await tj.goto(`${server.url}/dossiers/${dossierId}/approvals`)
      const own = tj.locator('[data-party="TJK"]')
      await own.waitFor()
      expect(await tj.getByRole('button', { name: new RegExp(ru('ui.approvals.record')) }).count()).toBe(1)
      expect(await textOf(own)).toContain(ru('ui.approvals.adRef.pending'))
      const chooser = tj.waitForEvent('filechooser')
      await own.getByRole('button', { name: new RegExp(ru('ui.approvals.upload')) }).click()
      await (await chooser).setFiles({
        name: 'Нота МИД Таджикистана.pdf',
        mimeType: 'application/pdf',
        buffer: NOTE_VERBALE,
      })
      await own.getByTestId('attachment-link').waitFor()
      expect(await textOf(own.getByTestId('attachment-link'))).toBe('Нота МИД Таджикистана.pdf')
      await own.getByRole('button', { name: new RegExp(ru('ui.approvals.record')) }).click()
      const tjForm = tj.getByTestId('approval-form')
      await tjForm.getByRole('combobox', { name: ru('ui.approvals.status') }).click()
      await tjForm.getByRole('option', { name: ru('approval.status.approved'), exact: true }).click()
      expect(await textOf(tjForm.getByRole('note'))).toBe(ru('ui.approvals.confirmHint'))
      expect(await tjForm.getByLabel(ru('ui.approvals.due')).count()).toBe(0)
      await tjForm.getByRole('button', { name: ru('ui.approvals.save') }).click()
      await tjForm.waitFor({ state: 'detached' })
      await expect.poll(() => textOf(own)).toContain(ru('ui.approvals.adRef.confirmed'))
      const href = await own.getByTestId('attachment-link').getAttribute('href')
      const download = await tj.request.get(`${server.url}${href}`)
      expect(download.status()).toBe(200)
      expect(Buffer.compare(await download.body(), NOTE_VERBALE)).toBe(0)
      await screenshot(tj, 'procedure-03-tracker-delegate')
      await expectAccessible(tj)

      // 5. The administrator edits the CIS procedure: a duplicate stage is explained, a rename saved.
      const a = admin.page
      await signInAs(a, server.url, ADMIN)
      await a.getByRole('link', { name: ru('ui.nav.procedures') }).click()
      await a.waitForURL((url) => url.pathname === '/settings/procedures')
      const cis = a.locator('[data-testid="procedure-template"][data-code="cis"]')
      await cis.waitFor()
      expect(await textOf(cis)).toContain(
        `${ru('ui.procedures.moveTo', { stage: ru('stage.cfm') })} — ${ru('ui.procedures.when', {
          conditions: `${ru('procedure.guardName.domestic_approval_complete')}; ${ru('procedure.guardName.no_ad_referendum_pending')}`,
        })}`,
      )
      await screenshot(a, 'procedure-04-settings')
      await expectAccessible(a)
      await cis.getByRole('button', { name: new RegExp(ru('ui.procedures.edit')) }).click()
      const editorForm = cis.getByTestId('procedure-editor')
      const newStage = editorForm.getByTestId('new-stage')
      await newStage.getByLabel(ru('ui.procedures.stageCode'), { exact: true }).fill('cfm')
      await newStage.getByLabel(ru('ui.procedures.stageName', { lang: ru('lang.ru') })).fill('Ещё один СМИД')
      await newStage.getByLabel(ru('ui.procedures.stageName', { lang: ru('lang.en') })).fill('Another CFM')
      await newStage.getByRole('button', { name: ru('ui.procedures.add'), exact: true }).click()
      await editorForm.getByRole('button', { name: ru('ui.procedures.save') }).click()
      const refusal = editorForm.getByRole('alert')
      await refusal.waitFor()
      expect(await textOf(refusal)).toContain(ru('procedure.problem.duplicate_stage', { stage: 'cfm' }))
      await screenshot(a, 'procedure-05-settings-refused')
      await expectAccessible(a)
      await editorForm
        .getByRole('button', { name: new RegExp(`${ru('ui.procedures.removeStage')}.*Ещё один СМИД`) })
        .click()
      await editorForm.getByTestId('stage-name-signature-ru').fill('Подписание документов')
      await editorForm.getByRole('button', { name: ru('ui.procedures.save') }).click()
      await editorForm.waitFor({ state: 'detached' })
      await cis.getByRole('status').waitFor()
      expect(await textOf(cis)).toContain('Подписание документов')

      // 6. Every state has approved: the secretariat sends the package to the Council.
      for (const code of ['BLR', 'KGZ', 'RUS', 'TKM', 'UZB'])
        await heads[code]!('PATCH', `/api/dossiers/${dossierId}/approvals/${code}`, {
          version: await version(code),
          status: 'approved',
        })
      await e.goto(`${server.url}/dossiers/${dossierId}`)
      await timeline.waitFor()
      const ready = timeline.locator('[data-testid="next-move"][data-to="cfm"][data-allowed="true"]')
      await ready.waitFor()
      expect(await textOf(timeline)).toContain('Подписание документов')
      await ready.getByRole('button', { name: ru('ui.timeline.move', { stage: ru('stage.cfm') }) }).click()
      await e
        .getByRole('dialog')
        .getByRole('button', { name: ru('ui.timeline.confirm'), exact: true })
        .click()
      await timeline.locator('[data-testid="next-move"][data-to="chs"]').waitFor()
      expect(await textOf(timeline.locator('[data-testid="next-move"][data-to="chs"]'))).toContain(
        'Решение органа «Совет министров иностранных дел',
      )
      await screenshot(e, 'procedure-06-at-the-council')
      await expectAccessible(e)

      expect(editor.errors).toEqual([])
      expect(tajik.errors).toEqual([])
      // The refused change (422) is logged by the browser as a failed request; nothing else.
      expect(admin.errors.filter((m) => !/status of 422/.test(m))).toEqual([])
    } finally {
      for (const j of [editor, tajik, admin]) await j.context.close()
    }
  }, 300_000)
})
