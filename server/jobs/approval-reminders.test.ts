import { createTestApp, type Session, signIn, type TestApp } from '@test/support/app.js'
import { buildDossier, buildUser, type DossierWorld } from '@test/support/factories.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { JOB_HANDLERS } from './handlers.js'
import { runDueJobs } from './queue.js'

let t: TestApp
let w: DossierWorld
let editor: Session
const heads: Record<string, Session> = {}

const DAY = 86_400_000
const dateIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10)
const startOf = (date: string) => Date.parse(`${date}T00:00:00Z`)

beforeAll(async () => {
  t = await createTestApp()
  w = await buildDossier(t.handle)
  editor = await signIn(t.app, (await buildUser(t.handle, w, 'secretariat_editor')).email)
  for (const code of ['ARM', 'TJK', 'RUS'])
    heads[code] = await signIn(t.app, (await buildUser(t.handle, w, 'head_of_delegation', code)).email)
  const base = `/api/documents/${w.document.id}/versions/${w.published.id}`
  for (const code of ['ARM', 'TJK', 'RUS'])
    await heads[code]!.send('POST', `${base}/positions`, { kind: 'agree' })
  await editor.send('POST', `${base}/freeze`)
  for (const to of ['comments', 'expert_group', 'domestic_approval']) {
    const version = (await editor.get(`/api/dossiers/${w.dossier.id}`)).json().data.version
    await editor.send('POST', `/api/dossiers/${w.dossier.id}/stage`, { version, to })
  }
})
afterAll(() => t.close())

async function notices(s: Session, kind: string) {
  return (await s.get('/api/notifications?limit=200'))
    .json()
    .data.filter((n: { kind: string }) => n.kind === kind)
}
async function approvalJobs() {
  return t.handle.db
    .selectFrom('jobs')
    .select(['kind', 'key', 'run_at', 'status'])
    .where('kind', 'in', ['approval.reminder', 'approval.overdue'])
    .orderBy('key')
    .execute()
}

describe('reminders of domestic approval on the job queue', () => {
  const due = dateIn(10)

  it('schedules, for each party given a due date, a reminder three days before and a notice the day after', async () => {
    const res = await editor.send('POST', `/api/dossiers/${w.dossier.id}/approvals/due-date`, {
      dueDate: due,
    })
    expect(res.json().changed).toBe(3)
    const jobs = await approvalJobs()
    expect(jobs).toHaveLength(6)
    const reminders = jobs.filter((j) => j.kind === 'approval.reminder')
    expect(new Set(reminders.map((j) => j.run_at))).toEqual(
      new Set([new Date(startOf(due) - 3 * DAY).toISOString()]),
    )
    const overdue = jobs.filter((j) => j.kind === 'approval.overdue')
    expect(new Set(overdue.map((j) => j.run_at))).toEqual(
      new Set([new Date(startOf(due) + DAY).toISOString()]),
    )
    expect(jobs.every((j) => j.status === 'pending' && /^approval-(due|overdue):/.test(j.key ?? ''))).toBe(
      true,
    )
    // Nothing is due yet.
    await runDueJobs(t.handle, JOB_HANDLERS, Date.now())
    expect(await notices(heads.TJK!, 'approval_due')).toEqual([])
  })

  it('reschedules rather than duplicates when the due date changes', async () => {
    const url = `/api/dossiers/${w.dossier.id}/approvals`
    const tjk = (await editor.get(url)).json().data.find((a: { party: string }) => a.party === 'TJK')
    await editor.send('PATCH', `${url}/TJK`, { version: tjk.version, dueDate: dateIn(20) })
    await editor.send('PATCH', `${url}/TJK`, { version: tjk.version + 1, dueDate: due })
    expect(await approvalJobs()).toHaveLength(6)
  })

  it('reminds the party and the secretariat once, three days before the due date', async () => {
    await runDueJobs(t.handle, JOB_HANDLERS, startOf(due) - 3 * DAY + 60_000)
    await runDueJobs(t.handle, JOB_HANDLERS, startOf(due) - 2 * DAY)
    const tjk = await notices(heads.TJK!, 'approval_due')
    expect(tjk).toHaveLength(1)
    expect(tjk[0]).toMatchObject({
      params: { reference: w.dossier.reference, party: 'TJK', dueDate: due, dossier: { en: 'Dossier' } },
      link: `/dossiers/${w.dossier.id}/approvals`,
    })
    // The secretariat hears about each party; a delegate only about its own.
    expect(
      (await notices(editor, 'approval_due'))
        .map((n: { params: { party: string } }) => n.params.party)
        .sort(),
    ).toEqual(['ARM', 'RUS', 'TJK'])
    expect(await notices(heads.ARM!, 'approval_due')).toHaveLength(1)
  })

  it('tells of the delay the day after the due date, but not about a party that has approved meanwhile', async () => {
    const url = `/api/dossiers/${w.dossier.id}/approvals`
    const arm = (await editor.get(url)).json().data.find((a: { party: string }) => a.party === 'ARM')
    await heads.ARM!.send('PATCH', `${url}/ARM`, { version: arm.version, status: 'approved' })
    await runDueJobs(t.handle, JOB_HANDLERS, startOf(due) + DAY + 60_000)
    expect(await notices(heads.ARM!, 'approval_overdue')).toEqual([])
    expect(await notices(heads.TJK!, 'approval_overdue')).toHaveLength(1)
    expect(
      (await notices(editor, 'approval_overdue'))
        .map((n: { params: { party: string } }) => n.params.party)
        .sort(),
    ).toEqual(['RUS', 'TJK'])
    expect((await approvalJobs()).every((j) => j.status === 'done')).toBe(true)
  })

  it('cancels the pending reminders when the due date is cleared', async () => {
    const url = `/api/dossiers/${w.dossier.id}/approvals`
    await editor.send('POST', `${url}/due-date`, { dueDate: dateIn(30), parties: ['RUS'] })
    expect((await approvalJobs()).filter((j) => j.status === 'pending')).toHaveLength(2)
    await editor.send('POST', `${url}/due-date`, { dueDate: null, parties: ['RUS'] })
    expect((await approvalJobs()).filter((j) => j.status === 'pending')).toHaveLength(0)
    await runDueJobs(t.handle, JOB_HANDLERS, Date.now() + 40 * DAY)
    expect(await notices(heads.RUS!, 'approval_due')).toHaveLength(1)
  })
})
