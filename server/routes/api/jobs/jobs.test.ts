import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { notifier } from '@server/commands/notifications.js'
import { inTransaction } from '@server/context.js'
import { JOB_HANDLERS } from '@server/jobs/handlers.js'
import { enqueue, type JobHandler, MAX_ATTEMPTS, runDueJobs } from '@server/jobs/queue.js'
import { configureMail } from '@server/mail/settings.js'
import { createTestApp, type Session, signIn, type TestApp } from '@test/support/app.js'
import { buildOrganization, buildUser, type World } from '@test/support/factories.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let t: TestApp
let world: World
let admin: Session
let editor: Session
let head: Session
let outboxDir: string

beforeAll(async () => {
  t = await createTestApp()
  outboxDir = mkdtempSync(path.join(tmpdir(), 'concord-outbox-'))
  configureMail({
    PUBLIC_URL: 'http://localhost:3000',
    MAIL_FROM: 'Concord <no-reply@concord.local>',
    MAIL_OUTBOX_DIR: outboxDir,
  })
  world = await buildOrganization(t.handle)
  admin = await signIn(t.app, (await buildUser(t.handle, world, 'secretariat_admin')).email)
  editor = await signIn(t.app, (await buildUser(t.handle, world, 'secretariat_editor')).email)
  head = await signIn(t.app, (await buildUser(t.handle, world, 'head_of_delegation', 'TJK')).email)
})
afterAll(async () => {
  await t.close()
  rmSync(outboxDir, { recursive: true, force: true })
})

/** A job whose handler always throws, run until the queue gives up on it. */
async function failedJob(): Promise<string> {
  const explode: Record<string, JobHandler> = {
    'test.explode': async () => {
      throw new Error('the server said no')
    },
  }
  const id = await inTransaction(t.handle, null, 'test', (ctx) =>
    enqueue(ctx, 'test.explode', new Date().toISOString(), { n: 1 }),
  )
  // Each failure is tried again later (1, 2, 4, 8 minutes): run far enough ahead each time.
  for (let i = 1; i <= MAX_ATTEMPTS; i++) await runDueJobs(t.handle, explode, Date.now() + i * 60 * 60_000)
  return id
}

describe('the jobs of the deployment', () => {
  it('marks a job failed after its last attempt, with its error, and lets the administrator retry it (audited)', async () => {
    const id = await failedJob()
    const failed = (await admin.get('/api/jobs?status=failed')).json()
    expect(failed.counts.failed).toBe(1)
    expect(failed.data).toEqual([
      expect.objectContaining({
        id,
        kind: 'test.explode',
        status: 'failed',
        attempts: MAX_ATTEMPTS,
        lastError: 'Error: the server said no',
      }),
    ])

    expect((await editor.send('POST', `/api/jobs/${id}/retry`)).statusCode).toBe(403)
    expect((await head.send('POST', `/api/jobs/${id}/retry`)).statusCode).toBe(403)
    const res = await admin.send('POST', `/api/jobs/${id}/retry`)
    expect(res.statusCode).toBe(200)
    expect(res.json().data).toMatchObject({ id, status: 'pending', attempts: 0 })
    expect(Date.parse(res.json().data.runAt)).toBeLessThanOrEqual(Date.now())
    const audit = await t.handle.db
      .selectFrom('audit_entries')
      .select(['action', 'change'])
      .where('subject_id', '=', id)
      .executeTakeFirstOrThrow()
    expect(audit.action).toBe('job.retry')
    expect(JSON.parse(audit.change)).toMatchObject({
      kind: 'test.explode',
      lastError: 'Error: the server said no',
    })

    const again = await admin.send('POST', `/api/jobs/${id}/retry`)
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('job_not_failed')
    for (const bad of ['0190e5d2-0000-7000-8000-00000000dead', 'not-an-id']) {
      const missing = await admin.send('POST', `/api/jobs/${bad}/retry`)
      expect(missing.statusCode).toBe(404)
      expect(missing.json().error.code).toBe('job_not_found')
    }
  })

  it('shows the outgoing mails to the administrator only, with their status', async () => {
    const user = await buildUser(t.handle, world, 'expert', 'ARM', 'ru')
    await inTransaction(t.handle, null, 'test', (ctx) =>
      notifier(ctx, [user.id], {
        kind: 'meeting_cancelled',
        params: {
          meeting: { ru: 'Заседание ЭГ', en: 'EG meeting' },
          startsAt: '2020-08-21T07:00:00Z',
          timezone: 'UTC',
        },
        link: '/meetings/m',
        attachment: {
          filename: 'cancel.ics',
          contentType: 'text/calendar; method=CANCEL',
          content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
        },
      }),
    )
    const pending = (await admin.get('/api/mail-outbox?status=pending')).json()
    expect(pending.data).toEqual([
      expect.objectContaining({
        to: user.email,
        kind: 'meeting_cancelled',
        subject: 'Concord — Отмена заседания: «Заседание ЭГ»',
        status: 'pending',
        attachment: 'cancel.ics',
        sentAt: null,
      }),
    ])
    await runDueJobs(t.handle, JOB_HANDLERS)
    const all = (await admin.get('/api/mail-outbox')).json()
    expect(all.counts).toEqual({ sent: 1 })
    expect(all.data[0]).toMatchObject({ status: 'sent', attempts: 1 })
    expect(all.data[0].messageId).toMatch(/^<.+@concord\.local>$/)
    expect((await editor.get('/api/mail-outbox')).statusCode).toBe(403)
    expect((await head.get('/api/mail-outbox')).statusCode).toBe(403)
    expect((await admin.get('/api/mail-outbox?status=lost')).statusCode).toBe(422)
  })
})
