import { createTestApp, type Session, signIn, type TestApp } from '@test/support/app.js'
import { buildDossier, buildUser, type DossierWorld } from '@test/support/factories.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SILENCE_JOB } from '../commands/silence.js'
import { JOB_HANDLERS as ALL_HANDLERS } from './handlers.js'
import { claimDue, runDueJobs } from './queue.js'

// Only the silence deadline: the notices also queue mail deliveries, which are not counted here.
const JOB_HANDLERS = { [SILENCE_JOB]: ALL_HANDLERS[SILENCE_JOB]! }

let t: TestApp
let editor: Session
const heads: Record<string, Session> = {}
let observer: Session

beforeAll(async () => {
  t = await createTestApp()
  const w = await buildDossier(t.handle)
  editor = await signIn(t.app, (await buildUser(t.handle, w, 'secretariat_editor')).email)
  for (const code of ['ARM', 'TJK', 'RUS'])
    heads[code] = await signIn(t.app, (await buildUser(t.handle, w, 'head_of_delegation', code)).email)
  observer = await signIn(t.app, (await buildUser(t.handle, w, 'observer_delegate', 'MDA')).email)
  world = w
})
afterAll(() => t.close())
let world: DossierWorld

async function freshVersion() {
  const d = await buildDossier(t.handle, { world })
  return `/api/documents/${d.document.id}/versions/${d.published.id}`
}
const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString()

describe('the silence procedure', () => {
  it('refuses a deadline in the past and a second procedure on the same version', async () => {
    const base = await freshVersion()
    const past = await editor.send('POST', `${base}/silence`, {
      deadline: inHours(-1),
      timezone: 'Europe/Minsk',
    })
    expect(past.statusCode).toBe(422)
    expect(past.json().error.code).toBe('silence_deadline_past')
    expect(
      (await heads.ARM!.send('POST', `${base}/silence`, { deadline: inHours(2), timezone: 'Europe/Minsk' }))
        .statusCode,
    ).toBe(403)
    expect(
      (await editor.send('POST', `${base}/silence`, { deadline: inHours(2), timezone: 'Europe/Minsk' }))
        .statusCode,
    ).toBe(201)
    const again = await editor.send('POST', `${base}/silence`, {
      deadline: inHours(3),
      timezone: 'Europe/Minsk',
    })
    expect(again.json().error.code).toBe('silence_active')
  })

  it("is broken at once by a member's objection, never by an observer's, and everyone is told", async () => {
    const base = await freshVersion()
    await editor.send('POST', `${base}/silence`, { deadline: inHours(2), timezone: 'Europe/Moscow' })
    await observer.send('POST', `${base}/positions`, { kind: 'objection', text: 'Наблюдатель против' })
    expect((await editor.get(`${base}/silence`)).json().data[0].state).toBe('running')
    await heads.RUS!.send('POST', `${base}/positions`, { kind: 'objection', text: 'Возражаем' })
    const state = (await editor.get(`${base}/silence`)).json().data[0]
    expect(state).toMatchObject({ state: 'broken', brokenBy: 'RUS' })
    const inbox = (await heads.TJK!.get('/api/notifications')).json().data
    expect(inbox[0]).toMatchObject({ kind: 'silence_broken', params: { party: 'RUS' } })
    const job = await t.handle.db
      .selectFrom('jobs')
      .select('status')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow()
    expect(job.status).toBe('cancelled')
  })

  it('at the deadline records every silent member as agreeing, exactly once even with two workers', async () => {
    const base = await freshVersion()
    await heads.ARM!.send('POST', `${base}/positions`, { kind: 'reservation', text: 'Особое мнение' })
    await editor.send('POST', `${base}/silence`, { deadline: inHours(1), timezone: 'Asia/Dushanbe' })
    expect(await runDueJobs(t.handle, JOB_HANDLERS)).toBe(0)
    // Due: this procedure (deadline in 1 h), not the one of the first test (2 h).
    const later = Date.now() + 1.5 * 3600_000
    const [a, b] = await Promise.all([
      runDueJobs(t.handle, JOB_HANDLERS, later),
      runDueJobs(t.handle, JOB_HANDLERS, later),
    ])
    expect(a + b).toBe(1)
    const consensus = (await editor.get(`${base}/consensus`)).json().data
    expect(consensus.agreed).toBe(true)
    expect(consensus.reservations).toEqual([{ party: 'ARM', text: 'Особое мнение' }])
    const history = (await editor.get(`${base}/positions`)).json().data
    expect(
      history
        .filter((e: { text: string }) => e.text === 'silence_procedure')
        .map((e: { party: string }) => e.party)
        .sort(),
    ).toEqual(['RUS', 'TJK'])
    expect((await editor.get(`${base}/silence`)).json().data[0].state).toBe('completed')
  })

  it('survives a worker that claimed the job and died: another takes it over after the lock', async () => {
    const base = await freshVersion()
    await editor.send('POST', `${base}/silence`, { deadline: inHours(1.2), timezone: 'Europe/Minsk' })
    const due = Date.now() + 1.4 * 3600_000
    const claimed = await claimDue(t.handle, due, 10, [SILENCE_JOB])
    expect(claimed.jobs).toHaveLength(1)
    // The claiming worker "crashes" here. Within its lock, nobody else runs the job…
    expect(await runDueJobs(t.handle, JOB_HANDLERS, due + 60_000)).toBe(0)
    // …after it, another worker does, once.
    expect(await runDueJobs(t.handle, JOB_HANDLERS, due + 10 * 60_000)).toBe(1)
    expect((await editor.get(`${base}/silence`)).json().data[0].state).toBe('completed')
  })

  it('lists the jobs for the secretariat administrator only', async () => {
    const admin = await signIn(t.app, (await buildUser(t.handle, world, 'secretariat_admin')).email)
    const res = await admin.get('/api/jobs?status=done')
    expect(res.statusCode).toBe(200)
    expect(
      res
        .json()
        .data.every(
          (j: { status: string; kind: string }) => j.status === 'done' && j.kind === 'silence.deadline',
        ),
    ).toBe(true)
    expect(res.json().counts.done).toBeGreaterThanOrEqual(2)
    expect(res.json().counts.cancelled).toBe(1)
    expect((await editor.get('/api/jobs')).statusCode).toBe(403)
    expect((await heads.TJK!.get('/api/jobs')).statusCode).toBe(403)
  })
})
