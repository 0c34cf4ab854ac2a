/**
 * Journey: silence procedure and brackets on the decision of the Council of Heads of State
 * (the third document of the demo dossier, its circulated "Проект"). The secretariat starts
 * a silence procedure (deadline tomorrow); Russia's head objects and the silence is broken;
 * the secretariat drafts Rev.1 (through the API), puts a span of para_1 in brackets with two
 * alternatives (RUS / ARM) and circulates it; Armenia backs the second alternative and the
 * secretariat resolves the bracket with it; all eight members agree (seven through the API,
 * Armenia through the form); Moldova (observer) objects and blocks nothing; the secretariat
 * freezes the text, the certificate downloads as a PDF and the DOCX verifies on /verify.
 * Screens are checked with axe and photographed in test/screenshots/silence-*.png.
 */
import { t } from '@core/i18n/index.js'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, type RunningServer, screenshot, seriousAxeViolations } from './harness.js'
import { apiClient, newJourneyPage, signInAs, startServerForManyUsers, textOf } from './journey-support.js'

const ru = (key: string, params?: Record<string, string | number>) => t('ru', key, params)
const DOSSIER_REFERENCE = 'ИГ-МИБ/2020'
const EDITOR = 'editor@cis.demo'
const API_MEMBERS = ['BLR', 'KAZ', 'KGZ', 'RUS', 'TJK', 'TKM', 'UZB']
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const RUS_OBJECTION = 'Российская Федерация не может согласиться с формулировкой пункта 1 в этой редакции.'
const MDA_OBJECTION = 'Республика Молдова как наблюдатель возражает против формулировки пункта 1.'
const ALTERNATIVE_2 = 'в согласованной государствами-участниками редакции'

let server: RunningServer
let browser: Browser

beforeAll(async () => {
  // Many people sign in within a minute: more than the default limit.
  server = await startServerForManyUsers()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** A signed-in API client (cookie and CSRF token) that fails loudly. */
const apiAs = async (email: string) => (await apiClient(server.url, email)).call

/** The CHS decision: the third document of the demo dossier, its circulated "Проект". */
async function chooseTarget(call: Awaited<ReturnType<typeof apiAs>>) {
  const dossiers = await call('GET', '/api/dossiers')
  const dossier = dossiers.data.find((d: any) => d.reference === DOSSIER_REFERENCE)
  if (!dossier) throw new Error(`the demo has no dossier ${DOSSIER_REFERENCE}`)
  const full = await call('GET', `/api/dossiers/${dossier.id}`)
  const doc = [...full.data.documents].sort((a: any, b: any) => a.position - b.position)[2]
  const detail = await call('GET', `/api/documents/${doc.id}`)
  const circulated = detail.data.versions.find((v: any) => v.status === 'published' && !v.frozenAt)
  expect(circulated, 'the CHS decision has a circulated version that is not frozen').toBeTruthy()
  return { documentId: doc.id as string, versionId: circulated.id as string }
}

async function expectAccessible(page: Page) {
  expect(await seriousAxeViolations(page)).toEqual([])
}

/** Tomorrow at 18:00, as a datetime-local value (Minsk's date, close enough for a deadline). */
function tomorrowWall(): string {
  return `${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)}T18:00`
}

describe('the silence and brackets journey', () => {
  it('silence broken by Russia, a bracket put, backed and resolved, all members agree, Moldova objects as an observer, the text is frozen and verified', async () => {
    const editorApi = await apiAs(EDITOR)
    const target = await chooseTarget(editorApi)
    const docPath = (versionId: string) => `/documents/${target.documentId}/versions/${versionId}`
    const editor = await newJourneyPage(browser)
    const rus = await newJourneyPage(browser)
    const arm = await newJourneyPage(browser)
    const observer = await newJourneyPage(browser)
    try {
      // 1. The secretariat starts a silence procedure with a deadline tomorrow.
      const e = editor.page
      await signInAs(e, server.url, EDITOR)
      await e.goto(`${server.url}${docPath(target.versionId)}`)
      await e.getByTestId('start-silence').click()
      const form = e.getByRole('dialog', { name: ru('ui.silence.start') })
      await form.waitFor()
      await form.getByRole('textbox', { name: ru('ui.silence.deadline'), exact: true }).fill(tomorrowWall())
      await screenshot(e, 'silence-01-start-dialog', false)
      await expectAccessible(e)
      await form.getByRole('button', { name: ru('ui.silence.submit'), exact: true }).click()
      const banner = e.getByTestId('silence-banner')
      await banner.and(e.locator('[data-state="running"]')).waitFor()
      expect(await textOf(banner.getByTestId('silence-text'))).toContain('Процедура умолчания')
      expect(await textOf(banner.getByTestId('silence-countdown'))).toMatch(/\d+ дн\. \d+ ч \d+ мин/)
      await screenshot(e, 'silence-02-running')
      await expectAccessible(e)

      // 2. Russia's head objects, with reasons: the silence is broken at once.
      const r = rus.page
      await signInAs(r, server.url, 'head.rus@cis.demo')
      await r.goto(`${server.url}${docPath(target.versionId)}/consensus`)
      await r.getByTestId('silence-banner').and(r.locator('[data-state="running"]')).waitFor()
      const panel = r.getByTestId('position-panel')
      await panel.getByRole('radio', { name: ru('position.objection'), exact: true }).check()
      await panel.getByLabel(ru('ui.position.text.objection')).fill(RUS_OBJECTION)
      await panel.getByRole('button', { name: ru('ui.position.submit'), exact: true }).click()
      await panel.getByTestId('position-stated').waitFor()
      const broken = r.getByTestId('silence-banner').and(r.locator('[data-state="broken"]'))
      await broken.waitFor()
      expect(await textOf(broken)).toContain('Россия (RUS)')
      await screenshot(r, 'silence-03-broken-by-russia')
      await expectAccessible(r)

      // 3. The secretariat drafts Rev.1 with the same text (API, for speed).
      const content = await editorApi(
        'GET',
        `${docPath(target.versionId).replace('/documents', '/api/documents')}/content`,
      )
      const draft = await editorApi('POST', `/api/documents/${target.documentId}/versions`, {
        label: { ru: 'Ред. 1', en: 'Rev.1', tg: 'Таҳрири 1' },
        content,
      })
      const rev1: string = draft.data.id

      // 4. The secretariat puts a span of para_1 in brackets: RUS backs the text as it is; the
      // second alternative is Armenia's, which Armenia backs itself once the text is circulated.
      await e.goto(`${server.url}${docPath(rev1)}`)
      const para = e.locator('.provision[data-eid="para_1"]')
      await para.getByTestId('put-in-brackets').click()
      const editorDialog = e.getByTestId('bracket-editor')
      await editorDialog.waitFor()
      const source = editorDialog.locator('textarea[data-testid="bracket-source"]')
      const plain = await source.inputValue()
      const words = [...plain.matchAll(/\p{L}{4,}(?:\s+\p{L}{4,}){1,2}/gu)]
      const span = words[1] ?? words[0]
      if (!span || span.index === undefined) throw new Error(`no span to bracket in para_1: ${plain}`)
      const start = span.index
      const end = start + span[0].length
      await source.evaluate(
        (el: HTMLTextAreaElement, [a, b]) => {
          el.focus()
          el.setSelectionRange(a as number, b as number)
          el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
        },
        [start, end],
      )
      await expect.poll(() => editorDialog.getByTestId('bracket-fragment').inputValue()).toBe(span[0])
      const alternatives = editorDialog.getByTestId('bracket-alternative')
      expect(
        await alternatives
          .nth(0)
          .getByRole('textbox', { name: ru('ui.brackets.alternative', { n: 1 }), exact: true })
          .inputValue(),
      ).toBe(span[0])
      await alternatives.nth(0).getByRole('checkbox', { name: 'RUS', exact: true }).check()
      await alternatives
        .nth(1)
        .getByRole('textbox', { name: ru('ui.brackets.alternative', { n: 2 }), exact: true })
        .fill(ALTERNATIVE_2)
      await screenshot(e, 'silence-04-bracket-editor', false)
      await expectAccessible(e)
      await editorDialog.getByRole('button', { name: ru('ui.brackets.submit'), exact: true }).click()
      await editorDialog.waitFor({ state: 'detached' })
      await para.locator('[data-bracket]').waitFor()
      expect(await textOf(e.getByTestId('bracket-count'))).toContain(ru('ui.brackets.open', { n: 1 }))

      // 5. The secretariat circulates Rev.1.
      await e.getByRole('button', { name: ru('ui.document.circulate'), exact: true }).click()
      const confirm = e.getByRole('dialog')
      await confirm.getByRole('button', { name: ru('ui.document.circulate'), exact: true }).click()
      await e.getByTestId('consensus-link').waitFor()

      // 6. Armenia backs the second alternative in the bracket panel.
      const a = arm.page
      await signInAs(a, server.url, 'head.arm@cis.demo')
      await a.goto(`${server.url}${docPath(rev1)}`)
      const bracketButton = a.locator('.provision[data-eid="para_1"] button[data-bracket]')
      await bracketButton.scrollIntoViewIfNeeded()
      expect(await textOf(bracketButton)).toContain(ALTERNATIVE_2)
      await screenshot(a, 'silence-05-bracket-in-text', false)
      await expectAccessible(a)
      await bracketButton.click()
      const bracketPanel = a.getByTestId('bracket-panel')
      await bracketPanel.waitFor()
      await bracketPanel
        .getByTestId('bracket-panel-alternative')
        .nth(1)
        .getByRole('button', { name: ru('ui.brackets.back') })
        .click()
      await bracketPanel.getByText(ru('ui.brackets.ourChoice')).waitFor()
      expect(await textOf(bracketPanel.getByTestId('bracket-panel-alternative').nth(1))).toContain(
        'Армения (ARM)',
      )
      await screenshot(a, 'silence-06-bracket-panel-armenia', false)
      await expectAccessible(a)
      await a.keyboard.press('Escape')

      // 7. The secretariat resolves the bracket with the second alternative (agreed by its backers).
      await e.reload()
      await e.locator('.provision[data-eid="para_1"] button[data-bracket]').click()
      const resolvePanel = e.getByTestId('bracket-panel')
      await resolvePanel
        .getByTestId('bracket-panel-alternative')
        .nth(1)
        .getByRole('button', { name: ru('ui.brackets.resolveWith') })
        .click()
      const resolveForm = resolvePanel.getByTestId('bracket-resolve')
      expect(await resolveForm.getByRole('checkbox', { name: 'ARM', exact: true }).isChecked()).toBe(true)
      await screenshot(e, 'silence-07-resolve', false)
      await expectAccessible(e)
      await resolveForm.getByRole('button', { name: ru('ui.brackets.resolveConfirm'), exact: true }).click()
      await resolvePanel.and(e.locator('[data-state="resolved"]')).waitFor()
      expect(await textOf(resolvePanel.getByTestId('bracket-resolved'))).toContain(ALTERNATIVE_2)
      await e.keyboard.press('Escape')
      await e.getByTestId('bracket-count').getByText(ru('ui.brackets.clean')).waitFor()
      await screenshot(e, 'silence-08-clean-text')
      await expectAccessible(e)

      // 8. All eight members agree: seven through the API, Armenia through the form.
      for (const code of API_MEMBERS) {
        const call = await apiAs(`head.${code.toLowerCase()}@cis.demo`)
        await call('POST', `/api/documents/${target.documentId}/versions/${rev1}/positions`, {
          kind: 'agree',
        })
      }
      await a.goto(`${server.url}${docPath(rev1)}/consensus`)
      const armPanel = a.getByTestId('position-panel')
      await armPanel.getByRole('radio', { name: ru('position.agree'), exact: true }).check()
      await armPanel.getByRole('button', { name: ru('ui.position.submit'), exact: true }).click()
      await armPanel.getByTestId('position-stated').waitFor()
      await a.getByTestId('cell-ARM-document').and(a.locator('[data-kind="agree"]')).waitFor()
      expect(await textOf(a.getByTestId('consensus-state-word'))).toBe(ru('ui.consensus.state.agreed'))

      // 9. Moldova's observer objects: recorded, not counted; the text stays agreed.
      const o = observer.page
      await signInAs(o, server.url, 'observer.mda@cis.demo')
      await o.goto(`${server.url}${docPath(rev1)}/consensus`)
      const mdaPanel = o.getByTestId('position-panel')
      await mdaPanel.getByRole('radio', { name: ru('position.objection'), exact: true }).check()
      await mdaPanel.getByLabel(ru('ui.position.text.objection')).fill(MDA_OBJECTION)
      await mdaPanel.getByRole('button', { name: ru('ui.position.submit'), exact: true }).click()
      await mdaPanel.getByTestId('position-stated').waitFor()
      await o.getByTestId('cell-MDA-document').and(o.locator('[data-kind="objection"]')).waitFor()
      expect(await textOf(o.getByTestId('consensus-state-word'))).toBe(ru('ui.consensus.state.agreed'))
      const heard = o.getByTestId('observer-positions').locator('[data-party="MDA"]')
      expect(await textOf(heard)).toContain(ru('ui.consensus.notCounted'))
      await screenshot(o, 'silence-09-agreed-observer-objects')
      await expectAccessible(o)

      // 10. The secretariat freezes; the certificate is a PDF; the DOCX verifies.
      await e.goto(`${server.url}${docPath(rev1)}/consensus`)
      await e.getByRole('button', { name: ru('ui.consensus.freeze') }).click()
      const freeze = e.getByRole('dialog', { name: ru('ui.consensus.freezeTitle') })
      await freeze.getByRole('button', { name: ru('ui.consensus.freezeConfirm'), exact: true }).click()
      const frozen = e.getByTestId('frozen-banner')
      await frozen.waitFor()
      await screenshot(e, 'silence-10-frozen')
      await expectAccessible(e)
      const href = await frozen.getByTestId('certificate-ru').getAttribute('href')
      const certificate = await e.request.get(`${server.url}${href}`)
      expect(certificate.status()).toBe(200)
      expect((await certificate.body()).subarray(0, 4).toString('latin1')).toBe('%PDF')
      const docx = await e.request.get(
        `${server.url}/api/documents/${target.documentId}/versions/${rev1}/text.docx?lang=ru`,
      )
      expect(docx.status()).toBe(200)
      await e.getByRole('link', { name: ru('ui.nav.verify') }).click()
      await e.locator('input[type="file"]').setInputFiles({
        name: 'agreed.docx',
        mimeType: DOCX_TYPE,
        buffer: await docx.body(),
      })
      await e.getByRole('button', { name: ru('ui.verify.submit'), exact: true }).click()
      const result = e.getByTestId('verify-result')
      await result.waitFor()
      expect(await result.getAttribute('data-ok')).toBe('true')
      expect(await textOf(result)).toContain(ru('ui.verify.match'))
      await screenshot(e, 'silence-11-verified')

      for (const page of [editor, rus, arm, observer]) expect(page.errors).toEqual([])
    } finally {
      for (const page of [editor, rus, arm, observer]) await page.context.close()
    }
  }, 300_000)
})
