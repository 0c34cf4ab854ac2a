/**
 * Journey: notifications by e-mail. The demo (told up to the negotiation) has notified the
 * delegations, and every notice also became a mail: with no SMTP server configured, the
 * server writes them as .eml files into the outbox folder of its data folder. Tajikistan's
 * head of delegation reads the inbox, follows the link to the notification settings, turns
 * one kind off and sends another to the daily digest, and saves (confirmation; kept after a
 * reload). The secretariat administrator opens the jobs page from the banner: counts per
 * status, the mail deliveries done, the table filtered and sorted, and the outgoing mails on
 * their own tab. Screens are checked with axe and photographed in
 * test/screenshots/notifications-*.png.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { notificationKindLabel } from '@core/api/notifications.js'
import { t } from '@core/i18n/index.js'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readMime } from '../../server/mail/read-mime.js'
import {
  launchBrowser,
  type RunningServer,
  screenshot,
  seriousAxeViolations,
  startServer,
} from './harness.js'
import { newJourneyPage, signInAs, textOf } from './journey-support.js'

const ru = (key: string, params?: Record<string, string | number>) => t('ru', key, params)
const HEAD = 'head.tjk@cis.demo'
const ADMIN = 'admin@cis.demo'

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

/** Waits until the server has delivered the demo's mails into the outbox folder. */
async function outboxFiles(): Promise<string[]> {
  const dir = join(server.dataDir, 'outbox')
  const deadline = Date.now() + 30_000
  for (;;) {
    let files: string[] = []
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.eml'))
    } catch {
      // Not created yet.
    }
    if (files.length > 0 || Date.now() > deadline) return files
    await new Promise((r) => setTimeout(r, 250))
  }
}

describe('notifications by e-mail', () => {
  it('writes every mail of the demo as an .eml file with a link into Concord', async () => {
    if (!server.dataDir) return // an external server: its folder is not ours to read
    const files = await outboxFiles()
    expect(files.length).toBeGreaterThan(0)
    for (const name of files) expect(name).toMatch(/^\d{8}T\d{9}Z-[0-9a-f-]{36}\.eml$/)
    const toHead = files
      .map((name) => readMime(readFileSync(join(server.dataDir, 'outbox', name))))
      .filter((mail) => mail.to === HEAD)
    expect(toHead.length).toBeGreaterThan(0)
    const opened = toHead.find((m) =>
      m.subject.startsWith(`Concord — ${ru('notification.kind.round_opened')}`),
    )
    expect(opened, toHead.map((m) => m.subject).join('\n')).toBeTruthy()
    expect(opened!.text).toMatch(/http:\/\/localhost:\d+\/documents\/[0-9a-f-]{36}\?round=[0-9a-f-]{36}/)
    expect(opened!.text).toContain(
      `${new URL(server.url).origin.replace('127.0.0.1', 'localhost')}/settings/notifications`,
    )
    expect(opened!.html).toContain('<html lang="ru">')
  })

  it('lets a delegate choose, kind by kind, which notices come by mail, at once or in a daily digest', async () => {
    const { page, context, errors } = await newJourneyPage(browser)
    try {
      await signInAs(page, server.url, HEAD)
      await page.goto(`${server.url}/notifications`)
      const items = page.getByTestId('notification')
      await items.first().waitFor()
      // Every notice reads as a sentence: no message key, no unfilled placeholder.
      for (const text of await items.allTextContents()) {
        expect(text).not.toMatch(/notification\.|\{\w+\}|—\s*\./)
      }
      expect(await seriousAxeViolations(page)).toEqual([])
      await screenshot(page, 'notifications-inbox')
      await page.getByTestId('settings-link').click()
      await page.waitForURL((url) => url.pathname === '/settings/notifications')
      await page.getByRole('heading', { level: 1, name: ru('ui.notifySettings.title') }).waitFor()
      await expect.poll(() => textOf(page.getByTestId('mail-address'))).toContain(HEAD)

      const group = (kind: string) =>
        page.getByRole('radiogroup', { name: notificationKindLabel(kind, 'ru') })
      await group('round_opened')
        .getByRole('radio', { name: ru('mail.mode.off') })
        .check()
      await group('silence_started')
        .getByRole('radio', { name: ru('mail.mode.digest') })
        .check()
      await page.getByTestId('unsaved').waitFor()
      expect(await seriousAxeViolations(page)).toEqual([])
      await page.getByRole('button', { name: ru('ui.notifySettings.save') }).click()
      await expect
        .poll(() => textOf(page.getByTestId('preferences-saved')))
        .toContain(ru('ui.notifySettings.saved'))
      await screenshot(page, 'notifications-settings')

      await page.reload()
      await group('round_opened').waitFor()
      expect(
        await group('round_opened')
          .getByRole('radio', { name: ru('mail.mode.off') })
          .isChecked(),
      ).toBe(true)
      expect(
        await group('silence_started')
          .getByRole('radio', { name: ru('mail.mode.digest') })
          .isChecked(),
      ).toBe(true)
      expect(
        await group('meeting_invited')
          .getByRole('radio', { name: ru('mail.mode.immediate') })
          .isChecked(),
      ).toBe(true)
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
  })

  it('shows the administrator the jobs and the outgoing mails', async () => {
    const { page, context, errors } = await newJourneyPage(browser)
    try {
      await signInAs(page, server.url, ADMIN)
      await page
        .getByRole('navigation', { name: ru('ui.nav.main') })
        .getByRole('link', { name: ru('ui.nav.jobs') })
        .click()
      await page.waitForURL((url) => url.pathname === '/admin/jobs')
      await page.getByTestId('jobs-table').waitFor()
      const deliveries = page.locator('[data-testid="job-row"][data-kind="mail.deliver"]')
      await deliveries.first().waitFor()
      await expect
        .poll(async () => textOf(page.locator('[data-testid="counts"] li[data-status="done"]')))
        .toMatch(new RegExp(`${ru('job.status.done')}\\s*[1-9]`))
      expect(await textOf(deliveries.first())).toContain(ru('job.kind.mail.deliver'))

      // Only what is done, sorted by attempts (most first).
      await page.getByTestId('job-filter').getByText(ru('job.status.done'), { exact: true }).click()
      await expect
        .poll(async () =>
          (
            await page
              .getByTestId('job-row')
              .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')))
          ).every((s) => s === 'done'),
        )
        .toBe(true)
      await page.getByTestId('sort-attempts').click()
      const header = page.getByRole('columnheader', { name: new RegExp(ru('ui.jobs.attempts')) })
      expect(await header.getAttribute('aria-sort')).toBe('descending')
      expect(await seriousAxeViolations(page)).toEqual([])
      await screenshot(page, 'notifications-jobs')

      await page.getByRole('tab', { name: ru('ui.jobs.tabMail') }).click()
      await page.getByTestId('mail-table').waitFor()
      const sent = page.locator('[data-testid="mail-row"][data-status="sent"]')
      await sent.first().waitFor()
      expect(await textOf(sent.first())).toContain(ru('mail.status.sent'))
      expect(await seriousAxeViolations(page)).toEqual([])
      await screenshot(page, 'notifications-outbox')
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
  })
})
