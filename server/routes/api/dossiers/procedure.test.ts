import { createTestApp, type Session, signIn, type TestApp } from '@test/support/app.js'
import { buildDossier, buildUser, type DossierWorld } from '@test/support/factories.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let t: TestApp
let w: DossierWorld
let editor: Session
const heads: Record<string, Session> = {}

beforeAll(async () => {
  t = await createTestApp()
  w = await buildDossier(t.handle)
  editor = await signIn(t.app, (await buildUser(t.handle, w, 'secretariat_editor')).email)
  for (const code of ['ARM', 'TJK', 'RUS'])
    heads[code] = await signIn(t.app, (await buildUser(t.handle, w, 'head_of_delegation', code)).email)
})
afterAll(() => t.close())

const move = async (to: string) => {
  const d = (await editor.get(`/api/dossiers/${w.dossier.id}`)).json().data
  return editor.send('POST', `/api/dossiers/${w.dossier.id}/stage`, { version: d.version, to })
}

describe('the procedure guards and domestic approval', () => {
  it('sends the package home only once its texts are frozen, then to the councils only after every approval', async () => {
    expect((await move('comments')).statusCode).toBe(200)
    expect((await move('expert_group')).statusCode).toBe(200)
    const early = await move('domestic_approval')
    expect(early.statusCode).toBe(409)
    expect(early.json().error).toMatchObject({
      code: 'stage_guard_failed',
      details: { failures: [{ guard: 'documents_frozen', documents: [w.document.id] }] },
    })

    const base = `/api/documents/${w.document.id}/versions/${w.published.id}`
    await heads.ARM!.send('POST', `${base}/positions`, { kind: 'agree' })
    await heads.RUS!.send('POST', `${base}/positions`, { kind: 'agree' })
    await heads.TJK!.send('POST', `${base}/positions`, { kind: 'agree_ad_referendum' })
    expect((await editor.send('POST', `${base}/freeze`)).statusCode).toBe(200)
    expect((await move('domestic_approval')).statusCode).toBe(200)

    const tracker = (await editor.get(`/api/dossiers/${w.dossier.id}/approvals`)).json().data
    expect(tracker.map((a: { party: string; status: string }) => [a.party, a.status])).toEqual([
      ['ARM', 'not_started'],
      ['RUS', 'not_started'],
      ['TJK', 'not_started'],
    ])
    const blocked = await editor.send(
      'POST',
      `/api/dossiers/${w.dossier.id}/stage`,
      { version: (await editor.get(`/api/dossiers/${w.dossier.id}`)).json().data.version, to: 'cfm' },
      { 'accept-language': 'en' },
    )
    expect(blocked.statusCode).toBe(409)
    expect(blocked.json().error.message).toContain(
      '3 members have not completed domestic approval: ARM, RUS, TJK.',
    )
    expect(blocked.json().error.message).toContain('Agreement ad referendum not yet confirmed (1): TJK.')

    expect(
      (
        await heads.ARM!.send('PATCH', `/api/dossiers/${w.dossier.id}/approvals/RUS`, {
          version: 1,
          status: 'approved',
        })
      ).statusCode,
    ).toBe(403)
    await heads.ARM!.send('PATCH', `/api/dossiers/${w.dossier.id}/approvals/ARM`, {
      version: 1,
      status: 'approved',
    })
    await heads.RUS!.send('PATCH', `/api/dossiers/${w.dossier.id}/approvals/RUS`, {
      version: 1,
      status: 'approved_with_reservations',
      note: 'Нота',
    })
    const tjk = await heads.TJK!.send('PATCH', `/api/dossiers/${w.dossier.id}/approvals/TJK`, {
      version: 1,
      status: 'in_progress',
      dueDate: '2020-09-30',
    })
    expect(tjk.json().data).toMatchObject({ status: 'in_progress', version: 2 })
    const stale = await heads.TJK!.send('PATCH', `/api/dossiers/${w.dossier.id}/approvals/TJK`, {
      version: 1,
      status: 'approved',
    })
    expect(stale.statusCode).toBe(409)
    expect((await move('cfm')).statusCode).toBe(409)
    await editor.send('PATCH', `/api/dossiers/${w.dossier.id}/approvals/TJK`, {
      version: 2,
      status: 'approved',
      note: 'Нота МИД Таджикистана',
    })
    const moved = await move('cfm')
    expect(moved.statusCode).toBe(200)
    expect(moved.json().data.stage).toBe('cfm')
    const late = (await editor.get(`/api/dossiers/${w.dossier.id}/approvals`))
      .json()
      .data.find((a: { party: string }) => a.party === 'TJK')
    expect(late.late).toBe(false)
  })
})
