import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { notifier } from '@server/commands/notifications.js'
import { inTransaction } from '@server/context.js'
import type { UserRow } from '@server/db/types.js'
import { JOB_HANDLERS } from '@server/jobs/handlers.js'
import { runDueJobs } from '@server/jobs/queue.js'
import { createTestApp, signIn, type TestApp } from '@test/support/app.js'
import { buildOrganization, buildUser, type World } from '@test/support/factories.js'
import ICAL from 'ical.js'
import ical, { ICalCalendarMethod } from 'ical-generator'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { nextDigestAt } from './outbox.js'
import { readMime } from './read-mime.js'
import { configureMail } from './settings.js'
import { type SmtpSink, startSmtpSink } from './smtp-sink.js'

const PUBLIC_URL = 'https://concord.example.org'
const MEETING = { ru: 'Заседание экспертной группы по МИБ', en: 'Meeting of the expert group on IIS' }

let t: TestApp
let sink: SmtpSink
let world: World
let outboxDir: string
const useSmtp = () =>
  configureMail({
    PUBLIC_URL,
    MAIL_FROM: 'Concord <no-reply@concord.example.org>',
    SMTP_URL: sink.url,
    MAIL_OUTBOX_DIR: outboxDir,
  })

beforeAll(async () => {
  t = await createTestApp()
  sink = await startSmtpSink({ refuse: /^refused@/ })
  outboxDir = mkdtempSync(path.join(tmpdir(), 'concord-outbox-'))
  world = await buildOrganization(t.handle)
})
beforeEach(() => {
  useSmtp()
})
afterAll(async () => {
  await sink.close()
  await t.close()
  rmSync(outboxDir, { recursive: true, force: true })
})

function invitation(): string {
  const calendar = ical({ name: 'Concord', method: ICalCalendarMethod.REQUEST })
  calendar.createEvent({
    id: 'meeting-1@concord.example.org',
    start: new Date('2020-08-21T07:00:00Z'),
    end: new Date('2020-08-21T10:00:00Z'),
    summary: MEETING.ru,
  })
  return calendar.toString()
}

const notify = (userIds: string[], notice: Parameters<typeof notifier>[2]) =>
  inTransaction(t.handle, null, 'test', (ctx) => notifier(ctx, userIds, notice))

const mailsTo = (user: UserRow) => sink.received.filter((m) => m.envelopeTo.includes(user.email))

async function outboxOf(user: UserRow) {
  return t.handle.db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('user_id', '=', user.id)
    .orderBy('id')
    .execute()
}

describe('mail for every notice', () => {
  it("reaches a real SMTP server in the recipient's language, with the link and the .ics invitation", async () => {
    const ru = await buildUser(t.handle, world, 'head_of_delegation', 'TJK', 'ru')
    const en = await buildUser(t.handle, world, 'head_of_delegation', 'ARM', 'en')
    const content = invitation()
    const written = await notify([ru.id, en.id], {
      kind: 'meeting_invited',
      params: { meeting: MEETING, startsAt: '2020-08-21T07:00:00Z', timezone: 'Europe/Minsk' },
      link: '/meetings/0190e5d2-0000-7000-8000-000000000001',
      dedupeKey: 'meeting_invited:m1:1',
      attachment: { filename: 'invitation.ics', contentType: 'text/calendar; method=REQUEST', content },
    })
    expect(written).toBe(2)

    // Written with the notice, in its transaction; a delivery job is due now.
    const rows = [...(await outboxOf(ru)), ...(await outboxOf(en))]
    expect(rows.map((r) => r.status)).toEqual(['pending', 'pending'])
    const job = await t.handle.db
      .selectFrom('jobs')
      .select(['status', 'run_at'])
      .where('key', '=', 'mail.deliver')
      .executeTakeFirstOrThrow()
    expect(job.status).toBe('pending')
    expect(Date.parse(job.run_at)).toBeLessThanOrEqual(Date.now())

    await runDueJobs(t.handle, JOB_HANDLERS)
    await sink.waitFor(2)
    const [toRu] = mailsTo(ru)
    const [toEn] = mailsTo(en)
    expect(toRu!.subject).toBe(`Concord — Приглашение на заседание: «${MEETING.ru}»`)
    expect(toEn!.subject).toBe(`Concord — Invitation to a meeting: «${MEETING.en}»`)
    expect(toRu!.from).toContain('no-reply@concord.example.org')
    expect(toRu!.text).toContain(`Здравствуйте, ${ru.display_name}!`)
    expect(toRu!.text).toContain('21 августа 2020 г., 10:00 (Минск, Europe/Minsk)')
    expect(toRu!.text).toContain(`${PUBLIC_URL}/meetings/0190e5d2-0000-7000-8000-000000000001`)
    expect(toRu!.text).toContain(`${PUBLIC_URL}/settings/notifications`)
    expect(toRu!.html).toContain('<html lang="ru">')
    expect(toRu!.html).toContain(`href="${PUBLIC_URL}/meetings/0190e5d2-0000-7000-8000-000000000001"`)
    expect(toEn!.text).toContain('21 August 2020, 10:00 (Minsk, Europe/Minsk)')
    expect(toRu!.text).toContain('Во вложении приглашение (invitation.ics)')
    expect(toEn!.text).toContain('The invitation is attached (invitation.ics)')

    // The invitation arrives as it was given: its file name, its content type, a calendar
    // that parses with METHOD:REQUEST.
    for (const mail of [toRu!, toEn!]) {
      expect(mail.attachments).toHaveLength(1)
      const [attachment] = mail.attachments
      expect(attachment!.filename).toBe('invitation.ics')
      expect(attachment!.contentType).toMatch(/^text\/calendar; *method=REQUEST/i)
      const calendar = new ICAL.Component(ICAL.parse(attachment!.content))
      expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST')
      expect(calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('uid')).toBe(
        'meeting-1@concord.example.org',
      )
    }

    // Marked sent with the Message-ID the recipient got.
    const sent = await outboxOf(ru)
    expect(sent[0]).toMatchObject({ status: 'sent', attempts: 1, error: null })
    expect(toRu!.headers['message-id']).toBe(sent[0]!.message_id)

    // Nothing goes out twice: running the queue again, or notifying again under the same key.
    expect(
      await notify([ru.id], {
        kind: 'meeting_invited',
        params: { meeting: MEETING },
        link: '/meetings/x',
        dedupeKey: 'meeting_invited:m1:1',
      }),
    ).toBe(0)
    await runDueJobs(t.handle, JOB_HANDLERS)
    expect(mailsTo(ru)).toHaveLength(1)
    expect(await outboxOf(ru)).toHaveLength(1)
  })

  it('sends outside any transaction: the database answers others while the SMTP server is slow', async () => {
    const user = await buildUser(t.handle, world, 'head_of_delegation', 'RUS', 'ru')
    await notify([user.id], { kind: 'meeting_invited', params: { meeting: MEETING }, link: '/meetings/slow' })
    let answered = false
    // The server accepts the mail only after the database has answered someone else: were
    // the mail sent inside the job's transaction, on SQLite (one connection) this would wait
    // until the SMTP client gave up, and the mail would not be sent.
    sink.beforeAccept = async () => {
      await t.handle.db.selectFrom('organizations').select('id').execute()
      answered = true
    }
    await runDueJobs(t.handle, JOB_HANDLERS)
    expect(answered).toBe(true)
    expect((await outboxOf(user))[0]).toMatchObject({ status: 'sent', attempts: 1 })
  })

  it('gives no mail to an account without an address, and still writes its notice', async () => {
    const user = await buildUser(t.handle, world, 'expert', 'TJK')
    await t.handle.db.updateTable('users').set({ email: '' }).where('id', '=', user.id).execute()
    expect(await notify([user.id], { kind: 'stage_moved', params: {}, link: '/' })).toBe(1)
    expect(await outboxOf(user)).toHaveLength(0)
  })

  it('writes an RFC 822 .eml file per mail into the outbox folder when no SMTP server is set', async () => {
    configureMail({ PUBLIC_URL, MAIL_FROM: 'Concord <no-reply@concord.local>', MAIL_OUTBOX_DIR: outboxDir })
    const user = await buildUser(t.handle, world, 'head_of_delegation', 'RUS', 'ru')
    await notify([user.id], {
      kind: 'stage_moved',
      params: {
        reference: 'ИГ-МИБ/2020',
        dossier: { ru: 'Пакет документов по МИБ', en: 'IIS package' },
        from: 'expert_group',
        to: 'domestic_approval',
      },
      link: '/dossiers/0190e5d2-0000-7000-8000-000000000002',
    })
    await runDueJobs(t.handle, JOB_HANDLERS)
    const [row] = await outboxOf(user)
    expect(row!.status).toBe('sent')
    const files = readdirSync(outboxDir)
    const name = files.find((f) => f.endsWith(`-${row!.id}.eml`))
    expect(name).toMatch(/^\d{8}T\d{9}Z-[0-9a-f-]{36}\.eml$/)
    const mail = readMime(readFileSync(path.join(outboxDir, name!)))
    expect(mail.to).toBe(user.email)
    expect(mail.subject).toBe('Concord — Пакет документов переведён на другой этап: ИГ-МИБ/2020')
    expect(mail.text).toContain(
      'Пакет документов ИГ-МИБ/2020 «Пакет документов по МИБ» переведён на этап «Внутригосударственное согласование».',
    )
    expect(mail.text).toContain(`${PUBLIC_URL}/dossiers/0190e5d2-0000-7000-8000-000000000002`)
    expect(mail.headers['message-id']).toBe(row!.message_id)
  })

  it('tries a refused mail again later and marks it failed with the error after the last attempt', async () => {
    const refused = await buildUser(t.handle, world, 'expert', 'ARM')
    await t.handle.db
      .updateTable('users')
      .set({ email: 'refused@test.example' })
      .where('id', '=', refused.id)
      .execute()
    const fine = await buildUser(t.handle, world, 'expert', 'ARM')
    await notify([refused.id, fine.id], {
      kind: 'silence_started',
      params: { document: { ru: 'Проект', en: 'Draft' }, deadline: '2020-08-20T15:00:00Z', timezone: 'UTC' },
      link: '/documents/x',
    })
    await runDueJobs(t.handle, JOB_HANDLERS)
    await sink.waitFor(1)
    // The refusal of one recipient does not hold up the others.
    expect(mailsTo(fine)).toHaveLength(1)
    let [row] = await outboxOf(refused)
    expect(row).toMatchObject({ status: 'pending', attempts: 1 })
    expect(row!.error).toMatch(/550/)
    expect(Date.parse(row!.next_attempt_at!)).toBeGreaterThan(Date.now())
    for (let attempt = 2; attempt <= 5; attempt++) {
      // Time passes until the next attempt is due; the sweep (or a new mail) asks for a delivery.
      await t.handle.db
        .updateTable('mail_outbox')
        .set({ next_attempt_at: new Date(Date.now() - 1000).toISOString() })
        .where('id', '=', row!.id)
        .execute()
      await notifyDelivery()
      await runDueJobs(t.handle, JOB_HANDLERS)
      ;[row] = await outboxOf(refused)
      expect(row!.attempts).toBe(attempt)
    }
    expect(row).toMatchObject({ status: 'failed', attempts: 5, sent_at: null, next_attempt_at: null })
    expect(row!.error).toMatch(/550/)
    expect(mailsTo(refused)).toHaveLength(0)
  })

  it('keeps mails pending when the SMTP server cannot be reached', async () => {
    configureMail({
      PUBLIC_URL,
      MAIL_FROM: 'Concord <no-reply@concord.local>',
      SMTP_URL: 'smtp://127.0.0.1:1',
      MAIL_OUTBOX_DIR: outboxDir,
    })
    const a = await buildUser(t.handle, world, 'expert', 'RUS')
    const b = await buildUser(t.handle, world, 'expert', 'RUS')
    await notify([a.id, b.id], { kind: 'silence_completed', params: { document: { en: 'D' } }, link: '/' })
    await runDueJobs(t.handle, JOB_HANDLERS)
    const rows = [...(await outboxOf(a)), ...(await outboxOf(b))]
    // The first attempt failed at the connection; the other mail was not even tried.
    expect(rows.map((r) => r.status)).toEqual(['pending', 'pending'])
    expect(rows.map((r) => r.attempts).sort()).toEqual([0, 1])
    expect(rows.find((r) => r.attempts === 1)!.error).toBeTruthy()
    // Once the server is back, both go out.
    useSmtp()
    await t.handle.db
      .updateTable('mail_outbox')
      .set({ next_attempt_at: null })
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute()
    await notifyDelivery()
    await runDueJobs(t.handle, JOB_HANDLERS)
    expect(mailsTo(a)).toHaveLength(1)
    expect(mailsTo(b)).toHaveLength(1)
  })
})

/** What the periodic sweep does when mails wait: schedule a delivery now. */
async function notifyDelivery() {
  const { deliverySoon } = await import('./outbox.js')
  await inTransaction(t.handle, null, 'test', (ctx) => deliverySoon(ctx))
}

describe('notification preferences', () => {
  it("off sends no mail, digest sends one daily mail with the day's notices, the inbox keeps all", async () => {
    const user = await buildUser(t.handle, world, 'head_of_delegation', 'TJK', 'ru')
    const s = await signIn(t.app, user.email)
    const put = await s.send('PUT', '/api/me/notification-preferences', {
      modes: { round_opened: 'off', silence_started: 'digest', silence_broken: 'digest' },
    })
    expect(put.statusCode).toBe(200)
    const doc = { ru: 'Совместное заявление', en: 'Joint statement' }
    await notify([user.id], {
      kind: 'round_opened',
      params: { document: doc, closesAt: '2020-08-14T15:00:00Z', timezone: 'Europe/Minsk' },
      link: '/documents/a',
    })
    await notify([user.id], {
      kind: 'silence_started',
      params: { document: doc, deadline: '2020-08-20T15:00:00Z', timezone: 'Europe/Minsk' },
      link: '/documents/b',
    })
    await notify([user.id], {
      kind: 'silence_broken',
      params: { document: doc, party: 'RUS' },
      link: '/documents/c',
    })
    await runDueJobs(t.handle, JOB_HANDLERS)
    expect(await outboxOf(user)).toHaveLength(0)
    expect(mailsTo(user)).toHaveLength(0)
    expect((await s.get('/api/notifications')).json().data).toHaveLength(3)

    // The digest job waits for 08:00 UTC; at that time it sends one mail with both notices.
    const { runAt, date } = nextDigestAt(Date.now())
    const digestJob = await t.handle.db
      .selectFrom('jobs')
      .select(['run_at', 'status'])
      .where('key', '=', `digest:${user.id}:${date}`)
      .executeTakeFirstOrThrow()
    expect(digestJob).toEqual({ run_at: runAt, status: 'pending' })
    const at = Date.parse(runAt) + 60_000
    await runDueJobs(t.handle, JOB_HANDLERS, at)
    await runDueJobs(t.handle, JOB_HANDLERS, at) // the delivery the digest asked for
    const digests = mailsTo(user)
    expect(digests).toHaveLength(1)
    expect(digests[0]!.subject).toMatch(/^Concord — сводка уведомлений за .+: 2$/)
    expect(digests[0]!.text).toContain('Начата процедура умолчания по проекту «Совместное заявление»')
    expect(digests[0]!.text).toContain('прервана: возразила сторона RUS')
    expect(digests[0]!.text).not.toContain('Открыт сбор замечаний')
    expect(digests[0]!.text).toContain(`${PUBLIC_URL}/documents/b`)
    expect(digests[0]!.text).toContain(`${PUBLIC_URL}/documents/c`)
    expect(digests[0]!.html).toContain('<ol')

    // Tomorrow's digest is scheduled; with nothing new it sends nothing.
    const next = nextDigestAt(Date.parse(runAt))
    const tomorrow = await t.handle.db
      .selectFrom('jobs')
      .select(['run_at', 'status'])
      .where('key', '=', `digest:${user.id}:${next.date}`)
      .executeTakeFirstOrThrow()
    expect(tomorrow).toEqual({ run_at: next.runAt, status: 'pending' })
    await runDueJobs(t.handle, JOB_HANDLERS, Date.parse(next.runAt) + 60_000)
    await runDueJobs(t.handle, JOB_HANDLERS, Date.parse(next.runAt) + 60_000)
    expect(mailsTo(user)).toHaveLength(1)
    expect(await outboxOf(user)).toHaveLength(1)
  })
})
