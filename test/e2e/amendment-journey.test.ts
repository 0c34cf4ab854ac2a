/**
 * Journey: Kazakhstan's expert drafts an amendment to operative paragraph 5, the head of
 * delegation submits it, the secretariat accepts it in part, the revision shows the new wording,
 * and the compare page shows the change.
 *
 * The demo's Joint Statement is already agreed (Rev.1, frozen), so the secretariat first
 * circulates its Rev.2 through the API; the journey then opens its own round of comments on
 * it and amends its operative paragraph 5. Every screen is checked with axe and photographed.
 */
import { t } from '@core/i18n/index.js'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  launchBrowser,
  type RunningServer,
  screenshot,
  seriousAxeViolations,
  startServer,
} from './harness.js'
import { accountExists, apiSession, newJourneyPage, signInAs, textOf } from './journey-support.js'

const ru = (key: string, params?: Record<string, string | number>) => t('ru', key, params)
const DOSSIER_REFERENCE = 'ИГ-МИБ/2020'
const EXPERT = 'expert.kaz@cis.demo'
const HEAD = 'head.kaz@cis.demo'
const EDITOR = 'editor@cis.demo'

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

interface Target {
  documentId: string
  versionId: string
  eid: string
  /** The provision's current Russian text. */
  text: string
}

/**
 * The journey amends operative paragraph 5 of the Joint Statement. In the demo that
 * statement is already agreed (Rev.1, frozen), so the secretariat first circulates Rev.2 of
 * it — the same text — through the API, and the journey negotiates on Rev.2.
 */
async function circulateRev2(): Promise<void> {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: EDITOR, password: 'demo' }),
  })
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  const csrf = (await login.json()).csrfToken as string
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
    return res.json() as Promise<any>
  }
  const dossiers = await call('GET', '/api/dossiers')
  const dossier = dossiers.data.find((d: any) => d.reference === DOSSIER_REFERENCE)
  const full = await call('GET', `/api/dossiers/${dossier.id}`)
  const statement = full.data.documents.find((d: any) => d.kind === 'joint_statement')
  const latest = statement.latestVersion
  const content = await call('GET', `/api/documents/${statement.id}/versions/${latest.id}/content`)
  const draft = await call('POST', `/api/documents/${statement.id}/versions`, {
    label: { ru: 'Ред. 2', en: 'Rev.2', tg: 'Таҳрири 2' },
    content,
  })
  await call('POST', `/api/documents/${statement.id}/versions/${draft.data.id}/publish`, { version: 1 })
}

/** The document and provision the journey works on (see the header comment). */
async function chooseTarget(): Promise<Target> {
  await circulateRev2()
  const api = await apiSession(server.url, EDITOR)
  const dossiers = await api.get<{ data: { id: string; reference: string }[] }>('/api/dossiers')
  const dossier = dossiers.data.find((d) => d.reference === DOSSIER_REFERENCE)
  if (!dossier) throw new Error(`the demo has no dossier ${DOSSIER_REFERENCE}`)
  const full = await api.get(`/api/dossiers/${dossier.id}`)
  const documents = [...full.data.documents].sort((a: any, b: any) => a.position - b.position)
  for (const doc of documents) {
    const detail = await api.get(`/api/documents/${doc.id}`)
    const circulated = detail.data.versions.filter((v: any) => v.status === 'published' && !v.frozenAt)
    if (circulated.length === 0) continue
    const rounds = await api.get(`/api/documents/${doc.id}/rounds`)
    if (rounds.data.some((r: any) => r.state !== 'closed')) continue
    const version = await api.get(`/api/documents/${doc.id}/versions/${circulated[0].id}`)
    const body = version.data.provisions.filter((p: any) => p.section === 'body' && p.depth === 0)
    const provision = body.find((p: any) => p.eid === 'para_5') ?? body.slice(0, 5).pop()
    const text = provision.text.ru.map((run: any) => run.text ?? '').join('')
    return { documentId: doc.id, versionId: circulated[0].id, eid: provision.eid, text }
  }
  throw new Error('no document of the demo dossier is left without a revision and an open round')
}

/**
 * The expert's wording and the wording the secretariat adopts: the expert adds to a phrase,
 * the secretariat replaces the phrase (so the revision both deletes and inserts).
 */
function amendmentOf(text: string): { proposed: string; adopted: string; marker: string } {
  const edits: [phrase: string, proposed: string, adopted: string][] = [
    [
      'в установленном порядке',
      'в установленном порядке с учётом результатов внутригосударственного согласования',
      'по завершении внутригосударственного согласования',
    ],
    ['объединять усилия', 'объединять и наращивать усилия', 'наращивать совместные усилия'],
  ]
  const edit = edits.find(([phrase]) => text.includes(phrase))
  if (edit) {
    return {
      proposed: text.replace(edit[0], edit[1]),
      adopted: text.replace(edit[0], edit[2]),
      marker: edit[2],
    }
  }
  const base = text.replace(/[.;]\s*$/, '')
  return {
    proposed: `${base} с учётом результатов внутригосударственного согласования.`,
    adopted: `${base.replace(/\s+\S+$/, '')} по завершении внутригосударственного согласования.`,
    marker: 'по завершении внутригосударственного согласования',
  }
}

function provision(page: Page, eid: string) {
  return page.locator(`.provision[data-eid="${eid}"]`)
}

async function expectAccessible(page: Page) {
  expect(await seriousAxeViolations(page)).toEqual([])
}

describe('the amendment journey', () => {
  it("Kazakhstan's expert drafts an amendment to operative paragraph 5, the head of delegation submits it, the secretariat accepts it in part, the revision shows the new wording, and the compare page shows the change", async () => {
    expect(await accountExists(server.url, EXPERT), `${EXPERT} is missing from the demo`).toBe(true)
    const target = await chooseTarget()
    const { proposed, adopted, marker } = amendmentOf(target.text)

    const editor = await newJourneyPage(browser)
    const expert = await newJourneyPage(browser)
    const head = await newJourneyPage(browser)
    try {
      // 1. The secretariat opens a round of comments on the circulated text.
      const e = editor.page
      await signInAs(e, server.url, EDITOR)
      await e.goto(`${server.url}/documents/${target.documentId}`)
      await provision(e, target.eid).waitFor()
      await e.getByRole('button', { name: ru('ui.document.openRound') }).click()
      const roundDialog = e.getByRole('dialog', { name: ru('ui.roundForm.openTitle') })
      await roundDialog.waitFor()
      expect(await textOf(roundDialog.getByTestId('round-form-preview'))).toContain('Europe/Minsk')
      await screenshot(e, 'journey-01-open-round', false)
      await expectAccessible(e)
      await roundDialog.getByRole('button', { name: ru('ui.roundForm.open') }).click()
      const banner = e.getByTestId('round-banner')
      await banner.and(e.locator('[data-state="open"]')).waitFor()
      expect(await textOf(banner.getByTestId('round-deadline'))).toContain('(Минск, Europe/Minsk)')
      await screenshot(e, 'journey-02-round-open')

      // 2. Kazakhstan's expert is notified, follows the notification, proposes new wording.
      const x = expert.page
      await signInAs(x, server.url, EXPERT)
      await x.getByTestId('bell-count').waitFor()
      await x.getByTestId('bell').click()
      // Newest first: the round just opened.
      const notice = x.locator('[data-testid="notification"][data-kind="round_opened"]').first()
      await notice.waitFor()
      await screenshot(x, 'journey-03-notification', false)
      await expectAccessible(x)
      await notice.click()
      await x.waitForURL((url) => url.pathname === `/documents/${target.documentId}`)
      await provision(x, target.eid).waitFor()
      await provision(x, target.eid).getByTestId('propose-menu').click()
      await x.getByRole('menuitem', { name: ru('ui.margin.action.amendment') }).click()
      const form = x.getByRole('dialog')
      const wording = form.getByLabel(ru('ui.form.wording'))
      await wording.waitFor()
      expect(await wording.inputValue()).toBe(target.text)
      await wording.fill(proposed)
      await form.getByTestId('live-redline').locator('ins').first().waitFor()
      const inserted = await textOf(form.getByTestId('live-redline').locator('ins').first())
      expect(inserted.length).toBeGreaterThan(0)
      expect(proposed).toContain(inserted)
      expect(target.text).not.toContain(inserted)
      await form.getByText(ru('contributionType.editorial'), { exact: true }).click()
      await form.getByLabel(ru('ui.form.justification')).fill('Уточнение порядка внесения документов.')
      // An expert drafts; only the head of delegation may send to the secretariat.
      expect(await form.getByRole('button', { name: ru('ui.form.submit') }).count()).toBe(0)
      await screenshot(x, 'journey-04-propose-wording', false)
      await expectAccessible(x)
      await form.getByRole('button', { name: ru('ui.form.saveDraft') }).click()
      await form.waitFor({ state: 'detached' })
      const margin = provision(x, target.eid).getByTestId('margin')
      await margin.getByTestId('margin-toggle').click()
      const draft = margin.getByTestId('contribution').first()
      await draft.waitFor()
      expect(await draft.getAttribute('data-status')).toBe('draft')
      expect(await textOf(draft)).toContain('Казахстан (KAZ)')
      expect(await draft.locator('ins').count()).toBeGreaterThan(0)
      await draft.scrollIntoViewIfNeeded()
      await screenshot(x, 'journey-05-margin-draft')
      await expectAccessible(x)

      // 3. The head of delegation finds it among "our contributions" and submits it.
      const h = head.page
      await signInAs(h, server.url, HEAD)
      await h.getByRole('link', { name: ru('ui.nav.contributions') }).click()
      await h.waitForURL((url) => url.pathname === '/contributions')
      const ours = h.getByTestId('contribution').and(h.locator('[data-status="draft"]')).first()
      await ours.waitFor()
      const contributionId = await ours.getAttribute('data-contribution')
      expect(contributionId).toBeTruthy()
      expect(await textOf(ours)).toContain('Казахстан (KAZ)')
      await screenshot(h, 'journey-06-our-contributions')
      await expectAccessible(h)
      await ours.getByRole('button', { name: ru('ui.contribution.submit') }).click()
      await h.locator(`[data-contribution="${contributionId}"][data-status="submitted"]`).waitFor()
      await screenshot(h, 'journey-07-submitted')

      // 4. The secretariat accepts it in part in the consolidated table.
      await e.reload()
      await e.getByTestId('table-link').click()
      await e.waitForURL((url) => url.pathname.endsWith('/table'))
      const row = e.locator(`tr[data-contribution="${contributionId}"]`)
      await row.waitFor()
      await row.getByTestId('dispose-button').click()
      const disposition = e.getByRole('dialog')
      await disposition.getByTestId('disposition-form').waitFor()
      await disposition.getByRole('combobox', { name: ru('ui.disposition.decision') }).click()
      await disposition.getByRole('option', { name: ru('decision.accepted_in_part') }).click()
      const adoptedField = disposition.getByLabel(ru('ui.disposition.adopted'))
      expect(await adoptedField.inputValue()).toBe(proposed)
      await adoptedField.fill(adopted)
      await disposition.getByLabel(ru('ui.disposition.reasoningRu')).fill('Принято с редакционной правкой.')
      await disposition
        .getByLabel(ru('ui.disposition.reasoningEn'))
        .fill('Accepted with an editorial change.')
      await disposition.getByTestId('adopted-redline').locator('ins').first().waitFor()
      await screenshot(e, 'journey-08-disposition', false)
      await expectAccessible(e)
      await disposition.getByRole('button', { name: ru('ui.disposition.save') }).click()
      await disposition.waitFor({ state: 'detached' })
      await row
        .getByTestId('decision')
        .filter({ hasText: ru('decision.accepted_in_part') })
        .waitFor()
      await row.scrollIntoViewIfNeeded()
      await screenshot(e, 'journey-09-table')
      await expectAccessible(e)

      // 5. Dispositions are published, and Rev.1 is prepared with the adopted wording.
      await e.getByRole('button', { name: ru('ui.table.publish') }).click()
      await e
        .getByRole('dialog')
        .getByRole('button', { name: ru('ui.table.publish') })
        .click()
      await e.getByRole('dialog').waitFor({ state: 'detached' })
      await e.getByRole('button', { name: ru('ui.table.createRevision') }).click()
      const revision = e.getByRole('dialog')
      // The form proposes the next number after the circulated Rev.2.
      expect(await revision.getByLabel(ru('ui.revision.labelRu')).inputValue()).toBe('Ред. 3')
      await revision.getByRole('button', { name: ru('ui.revision.create') }).click()
      await e.waitForURL(
        (url) => url.pathname.includes('/versions/') && !url.pathname.includes(target.versionId),
      )
      await provision(e, target.eid).filter({ hasText: marker }).waitFor()
      expect(await textOf(provision(e, target.eid).locator('.provision__text'))).toBe(adopted)
      await screenshot(e, 'journey-10-revision')

      // 6. The compare page shows the change in the paragraph and links the contribution.
      await e.getByRole('link', { name: ru('ui.document.compare') }).click()
      await e.waitForURL((url) => url.pathname.endsWith('/compare'))
      const change = e.locator(`[data-testid="change"][data-eid="${target.eid}"]`)
      await change.waitFor()
      expect(await change.locator('ins').count()).toBeGreaterThan(0)
      expect(await change.locator('del').count()).toBeGreaterThan(0)
      const source = change.getByTestId('source-link')
      await source.waitFor()
      expect(await textOf(source)).toContain('Казахстан (KAZ)')
      expect(await source.getAttribute('href')).toContain(`#c-${contributionId}`)
      await screenshot(e, 'journey-11-compare')
      await expectAccessible(e)
      await e.getByTestId('compare-view').getByText(ru('ui.compare.side'), { exact: true }).click()
      await change.locator('.compare__sides').waitFor()
      await screenshot(e, 'journey-12-compare-side')

      // The link leads back to the contribution's row in the table.
      await source.click()
      await e.locator(`tr[data-contribution="${contributionId}"][data-targeted]`).waitFor()

      for (const who of [editor, expert, head]) expect(who.errors).toEqual([])
    } finally {
      await editor.context.close()
      await expert.context.close()
      await head.context.close()
    }
  }, 300_000)

  it("reads the demo's closed round in English: margins, the consolidated table by party, the inbox", async () => {
    const delegate = await newJourneyPage(browser)
    try {
      const p = delegate.page
      await signInAs(p, server.url, 'head.tjk@cis.demo')
      await p
        .getByRole('radiogroup', { name: ru('ui.language.ui') })
        .getByText('English', { exact: true })
        .click()
      await p.getByRole('link', { name: t('en', 'ui.nav.contributions') }).waitFor()

      // The inbox: the demo round's notices, in English.
      await p.goto(`${server.url}/notifications`)
      const notices = p.getByTestId('notification')
      await notices.first().waitFor()
      // The round's opening notice gives the deadline in the round's own time zone.
      expect(await notices.filter({ hasText: '(Minsk, Europe/Minsk)' }).count()).toBeGreaterThan(0)
      await screenshot(p, 'journey-13-inbox-en')
      await expectAccessible(p)

      // Following the notice of the round opens the version it was on, margins and all.
      await notices.and(p.locator('[data-kind="round_opened"]')).last().click()
      const banner = p.getByTestId('round-banner')
      await banner.waitFor()
      expect(await banner.getAttribute('data-state')).toBe('closed')
      for (const toggle of await p.getByTestId('margin-toggle').all()) await toggle.click()
      await p.getByTestId('disposition').first().waitFor()
      // After the deadline, nothing can be proposed or co-sponsored.
      expect(await p.getByTestId('propose-menu').count()).toBe(0)
      expect(await p.getByRole('button', { name: t('en', 'ui.contribution.cosponsor') }).count()).toBe(0)
      await expectAccessible(p)

      await banner.getByTestId('table-link').click()
      await p.getByTestId('consolidated-table').waitFor()
      await p.getByTestId('table-filters').getByText(t('en', 'ui.table.order.party'), { exact: true }).click()
      await p.waitForURL((url) => url.searchParams.get('order') === 'party')
      await screenshot(p, 'journey-14-table-by-party-en')
      await expectAccessible(p)
      expect(delegate.errors).toEqual([])
    } finally {
      await delegate.context.close()
    }
  }, 120_000)
})
