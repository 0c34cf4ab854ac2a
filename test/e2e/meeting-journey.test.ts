/**
 * Journey: the meeting of the CIS expert group of 21 August 2020 (Minsk, by videoconference).
 * The secretariat convenes it through the API on the demo dossier ИГ-МИБ/2020 with the body
 * EG-IIS (the demo has no meeting yet), with the dossier's documents on the agenda and every
 * delegation invited, and records attendance through the API. In the browser: the secretariat
 * opens the meeting page (quorum line, agenda, participants by party), Tajikistan's head of
 * delegation answers the invitation, the secretariat records an outcome live and Tajikistan's
 * page shows it without reloading; then the calendar (with the personal feed), the dossier's
 * "Meetings" section, and convening a second meeting through the form. Every screen is checked
 * with axe and photographed in test/screenshots/meeting-*.png.
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
import { apiClient, apiSession, newJourneyPage, signInAs, textOf } from './journey-support.js'

const ru = (key: string, params?: Record<string, string | number>) => t('ru', key, params)
const DOSSIER_REFERENCE = 'ИГ-МИБ/2020'
const BODY_CODE = 'EG-IIS'
const EDITOR = 'editor@cis.demo'
const TJK_HEAD = 'head.tjk@cis.demo'
const NOTE = 'Проект Совместного заявления согласован с учётом замечаний государств-участников.'

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

/** A write through the API as the secretariat (to set the stage, never to do the journey's steps). */
async function apiWrite(email: string) {
  const client = await apiClient(server.url, email)
  return async (method: string, path: string, body: unknown, expected: number) => {
    const { status, text } = await client.request(method, path, body)
    expect(status, `${method} ${path}: ${text}`).toBe(expected)
    return JSON.parse(text)
  }
}

interface Stage {
  meetingId: string
  dossierId: string
  members: number
}

/** Convenes the meeting of 21 August 2020 and records that every delegation is connected. */
async function conveneThroughApi(): Promise<Stage> {
  const api = await apiSession(server.url, EDITOR)
  const dossiers = await api.get<{ data: { id: string; reference: string; organizationId: string }[] }>(
    '/api/dossiers',
  )
  const dossier = dossiers.data.find((d) => d.reference === DOSSIER_REFERENCE)
  if (!dossier) throw new Error(`the demo has no dossier ${DOSSIER_REFERENCE}`)
  const full = await api.get(`/api/dossiers/${dossier.id}`)
  const bodies = await api.get<{ data: { id: string; code: string }[] }>(
    `/api/organizations/${dossier.organizationId}/bodies`,
  )
  const body = bodies.data.find((b) => b.code === BODY_CODE)
  if (!body) throw new Error(`the demo has no body ${BODY_CODE}`)
  const documents = [...full.data.documents].sort((a: any, b: any) => a.position - b.position)
  const write = await apiWrite(EDITOR)
  const created = await write(
    'POST',
    '/api/meetings',
    {
      organizationId: dossier.organizationId,
      bodyId: body.id,
      title: {
        ru: 'Заседание экспертной группы по информационной безопасности',
        en: 'Meeting of the expert group on information security',
      },
      startsAt: '2020-08-21T10:00:00+03:00',
      endsAt: '2020-08-21T13:00:00+03:00',
      timezone: 'Europe/Minsk',
      place: { ru: 'Исполнительный комитет СНГ, Минск', en: 'CIS Executive Committee, Minsk' },
      format: 'videoconference',
      conferenceUrl: 'https://meet.jit.si/cis-eg-iis-2020-08-21',
      agenda: documents.map((d: { id: string }) => ({ documentId: d.id })),
      delegations: full.data.participants.map((p: { code: string }) => p.code),
      inviteSecretariat: true,
    },
    201,
  )
  const meeting = created.data
  await write('POST', `/api/meetings/${meeting.id}/invitations`, {}, 200)
  // Every delegation and the secretariat connected by videoconference (the heads, and the observer).
  let current = meeting
  for (const p of meeting.participants) {
    if (p.function === 'expert') continue
    const res = await write(
      'PATCH',
      `/api/meetings/${meeting.id}/participants/${p.id}`,
      { version: p.version, attendance: 'remote' },
      200,
    )
    current = res.data
  }
  return { meetingId: meeting.id, dossierId: dossier.id, members: current.quorum.members }
}

async function expectAccessible(page: Page) {
  expect(await seriousAxeViolations(page)).toEqual([])
}

describe('the meeting journey', () => {
  it('the secretariat runs the meeting of 21 August 2020 and records an outcome that every participant sees live', async () => {
    const stage = await conveneThroughApi()
    expect(stage.members).toBe(8)
    const editor = await newJourneyPage(browser)
    const head = await newJourneyPage(browser)
    try {
      // 1. The secretariat opens the meeting page.
      const e = editor.page
      await signInAs(e, server.url, EDITOR)
      await e.goto(`${server.url}/meetings/${stage.meetingId}`)
      await e.getByRole('heading', { level: 1 }).waitFor()
      expect(await textOf(e.getByRole('heading', { level: 1 }))).toBe(
        'Заседание экспертной группы по информационной безопасности',
      )
      expect(await textOf(e.getByTestId('meeting-when'))).toContain('21 августа 2020 г., 10:00–13:00')
      expect(await textOf(e.getByTestId('meeting-when'))).toContain('Europe/Minsk')
      expect(await textOf(e.getByTestId('quorum-line'))).toBe(
        // The symbol (✓) is part of the label: colour, symbol and word.
        `✓${ru('meetings.quorum.reached', { present: 8, members: 8 })}`,
      )
      expect(await e.getByTestId('agenda-item').count()).toBe(3)
      expect(await textOf(e.getByTestId('join-button'))).toBe(ru('meetings.join', { provider: 'Jitsi Meet' }))
      const groups = e.getByTestId('participant-group')
      expect(await groups.count()).toBeGreaterThanOrEqual(10)
      const mda = e.locator('[data-testid="participant-group"][data-party="MDA"]')
      expect(await textOf(mda)).toContain('(MDA)')
      expect(await textOf(mda)).toContain(ru('meetings.function.observer_delegate'))
      expect(await textOf(mda)).toContain(ru('membership.observer'))
      expect(await e.getByTestId('minutes-link').getAttribute('href')).toBe(
        `/meetings/${stage.meetingId}/minutes`,
      )
      await screenshot(e, 'meeting-01-secretariat')
      await expectAccessible(e)

      // 2. Tajikistan's head of delegation answers the invitation.
      const h = head.page
      await signInAs(h, server.url, TJK_HEAD)
      await h.goto(`${server.url}/meetings/${stage.meetingId}`)
      await h.getByTestId('my-answer').waitFor()
      expect(await textOf(h.getByTestId('my-answer'))).toBe(
        ru('meetings.myAnswer.current', { answer: ru('meetings.invitation.invited') }),
      )
      await h.getByRole('button', { name: ru('meetings.answer.accepted'), exact: true }).click()
      await h
        .getByTestId('my-answer')
        .getByText(ru('meetings.myAnswer.current', { answer: ru('meetings.invitation.accepted') }))
        .waitFor()
      // A delegate does not record outcomes.
      expect(await h.getByRole('button', { name: ru('meetings.outcome.record') }).count()).toBe(0)
      await screenshot(h, 'meeting-02-delegate-answers')
      await expectAccessible(h)

      // 3. The secretariat records the outcome of the first item, live.
      const first = e.getByTestId('agenda-item').first()
      await first.getByRole('button', { name: ru('meetings.outcome.record') }).click()
      const dialog = e.getByRole('dialog')
      await dialog.getByTestId('outcome-form').waitFor()
      await dialog.getByRole('radio', { name: ru('meetings.outcome.agreed'), exact: true }).check()
      await dialog.getByLabel(ru('meetings.outcome.note')).fill(NOTE)
      await screenshot(e, 'meeting-03-record-outcome', false)
      await expectAccessible(e)
      await dialog.getByRole('button', { name: ru('meetings.outcome.save'), exact: true }).click()
      await dialog.waitFor({ state: 'hidden' })
      expect(await textOf(first.getByTestId('agenda-outcome'))).toContain(ru('meetings.outcome.agreed'))
      expect(await textOf(first.getByTestId('agenda-outcome-note'))).toBe(NOTE)
      await screenshot(e, 'meeting-04-outcome-recorded')
      await expectAccessible(e)

      // 4. Tajikistan's page shows it without a reload (the page refetches every few seconds).
      // The delegate is looking at their own screen (a background tab refreshes on focus).
      await h.bringToFront()
      const hFirst = h.getByTestId('agenda-item').first()
      await hFirst.getByTestId('agenda-outcome-note').waitFor({ timeout: 15_000 })
      expect(await textOf(hFirst.getByTestId('agenda-outcome'))).toContain(ru('meetings.outcome.agreed'))
      expect(await textOf(hFirst.getByTestId('agenda-outcome-note'))).toBe(NOTE)
      await screenshot(h, 'meeting-05-delegate-sees-outcome')

      // 5. The calendar: the meeting among past meetings, and the personal feed.
      await e.getByRole('link', { name: ru('meetings.calendar'), exact: true }).click()
      await e.getByRole('heading', { name: ru('meetings.calendar.heading') }).waitFor()
      const past = e.locator('section[aria-labelledby="past-heading"]')
      await past.getByRole('heading', { name: 'Август 2020' }).waitFor()
      expect(await textOf(past)).toContain('Заседание экспертной группы по информационной безопасности')
      await e.getByRole('button', { name: ru('meetings.feed.create') }).click()
      const feed = e.getByTestId('feed-url')
      await feed.waitFor()
      const url = await feed.inputValue()
      expect(url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/)
      await screenshot(e, 'meeting-06-calendar')
      await expectAccessible(e)
      // The editor is invited in person (the secretariat was invited): the feed lists the meeting.
      const ics = await (await fetch(`${server.url}${new URL(url).pathname}`)).text()
      expect(ics).toContain('BEGIN:VCALENDAR')
      expect(ics).toContain('DTSTART;TZID=Europe/Minsk:20200821T100000')

      // 6. The dossier's "Meetings" section, and convening another meeting through the form.
      await e.goto(`${server.url}/dossiers/${stage.dossierId}`)
      const section = e.locator('section[aria-labelledby="dossier-meetings-heading"]')
      await section.getByTestId('meeting-item').first().waitFor()
      expect(await textOf(section)).toContain('Заседание экспертной группы по информационной безопасности')
      await section.getByTestId('convene-from-dossier').click()
      const form = e.getByTestId('meeting-form')
      await form.waitFor()
      await form
        .getByLabel(ru('meetings.field.titleRu'))
        .fill('Заседание Совета министров иностранных дел СНГ')
      await form.getByLabel(ru('meetings.field.startTime')).fill('2020-10-09T10:00')
      await form.getByLabel(ru('meetings.field.endTime')).fill('2020-10-09T09:00')
      await form.getByRole('button', { name: ru('meetings.convene.submit') }).click()
      await form.getByText(ru('error.meeting_ends_before_start')).waitFor()
      await form.getByLabel(ru('meetings.field.endTime')).fill('2020-10-09T13:00')
      await form.getByLabel(ru('meetings.field.placeRu')).fill('Ташкент')
      await screenshot(e, 'meeting-07-convene', false)
      await expectAccessible(e)
      await form.getByRole('button', { name: ru('meetings.convene.submit') }).click()
      await e.waitForURL(
        (u) => /^\/meetings\/[0-9a-f-]{36}$/.test(u.pathname) && !u.pathname.endsWith(stage.meetingId),
      )
      await e.getByRole('heading', { name: 'Заседание Совета министров иностранных дел СНГ' }).waitFor()
      await e.getByTestId('agenda-item').first().waitFor()
      await screenshot(e, 'meeting-08-convened')
      expect(await e.getByTestId('agenda-item').count()).toBe(3)

      expect(editor.errors).toEqual([])
      expect(head.errors).toEqual([])
    } finally {
      await editor.context.close()
      await head.context.close()
    }
  })
})
