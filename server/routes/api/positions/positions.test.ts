import { createTestApp, type Session, signIn, type TestApp } from '@test/support/app.js'
import { buildDossier, buildUser, type DossierWorld } from '@test/support/factories.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let t: TestApp
let w: DossierWorld
let editor: Session
const heads: Record<string, Session> = {}
let expert: Session
let observer: Session
let base: string

beforeAll(async () => {
  t = await createTestApp()
  w = await buildDossier(t.handle)
  editor = await signIn(t.app, (await buildUser(t.handle, w, 'secretariat_editor')).email)
  for (const code of ['ARM', 'TJK', 'RUS'])
    heads[code] = await signIn(t.app, (await buildUser(t.handle, w, 'head_of_delegation', code)).email)
  expert = await signIn(t.app, (await buildUser(t.handle, w, 'expert', 'TJK')).email)
  observer = await signIn(t.app, (await buildUser(t.handle, w, 'observer_delegate', 'MDA')).email)
  base = `/api/documents/${w.document.id}/versions/${w.published.id}`
})
afterAll(() => t.close())

describe('positions and consensus', () => {
  it('lets heads of delegation state positions, not experts or the secretariat', async () => {
    expect((await expert.send('POST', `${base}/positions`, { kind: 'agree' })).statusCode).toBe(403)
    expect((await editor.send('POST', `${base}/positions`, { kind: 'agree' })).statusCode).toBe(403)
    expect((await heads.ARM!.send('POST', `${base}/positions`, { kind: 'agree' })).statusCode).toBe(201)
  })

  it('requires the reasons of an objection and refuses an unknown provision', async () => {
    const noText = await heads.RUS!.send('POST', `${base}/positions`, { kind: 'objection' })
    expect(noText.statusCode).toBe(422)
    const bad = await heads.RUS!.send('POST', `${base}/positions`, { kind: 'agree', provisionEid: 'para_42' })
    expect(bad.json().error.code).toBe('provision_not_found')
  })

  it('computes consensus with reasons; an observer is heard but never counted', async () => {
    await heads.RUS!.send('POST', `${base}/positions`, {
      kind: 'objection',
      provisionEid: 'para_2',
      text: 'Не согласны',
    })
    let c = (await editor.get(`${base}/consensus`)).json().data
    expect(c.agreed).toBe(false)
    expect(c.provisions.find((p: { eid: string }) => p.eid === 'para_2').reasons[0]).toEqual({
      code: 'objection',
      parties: ['RUS'],
    })
    expect(c.reasons).toContainEqual({ code: 'no_response', parties: ['RUS', 'TJK'] })
    await heads.RUS!.send('POST', `${base}/positions`, { kind: 'agree' })
    await heads.TJK!.send('POST', `${base}/positions`, { kind: 'agree_ad_referendum' })
    const obs = await observer.send('POST', `${base}/positions`, { kind: 'objection', text: 'Возражаем' })
    expect(obs.json().data.isObserver).toBe(true)
    c = (await editor.get(`${base}/consensus`)).json().data
    expect(c.agreed).toBe(true)
    expect(c.pendingConfirmation).toBe(true)
    expect(c.observers).toEqual([{ party: 'MDA', position: 'objection', text: 'Возражаем' }])
    expect(c.matrix.parties.map((p: { code: string }) => p.code)).toEqual(['ARM', 'MDA', 'RUS', 'TJK'])
    expect(c.matrix.cells.length).toBe(4 * c.matrix.provisions.length)
    const history = (await heads.TJK!.get(`${base}/positions`)).json().data
    expect(history.map((e: { kind: string }) => e.kind)).toEqual([
      'agree',
      'objection',
      'agree',
      'agree_ad_referendum',
      'objection',
    ])
  })

  it('freezes the agreed text, which then takes no positions', async () => {
    expect((await heads.ARM!.send('POST', `${base}/freeze`)).statusCode).toBe(403)
    const frozen = await editor.send('POST', `${base}/freeze`)
    expect(frozen.statusCode).toBe(200)
    expect(frozen.json().data.signatories).toEqual(['ARM', 'RUS', 'TJK'])
    const late = await heads.ARM!.send('POST', `${base}/positions`, { kind: 'reservation', text: 'x' })
    expect(late.statusCode).toBe(409)
    expect(late.json().error.code).toBe('version_frozen')
    expect((await heads.ARM!.get(`${base}/consensus`)).json().policies).toEqual({
      state_position: false,
      freeze: false,
    })
    expect((await heads.ARM!.get(base)).json().data.frozenAt).toBeTruthy()
  })

  it('refuses to freeze a text that is not agreed, with the reasons', async () => {
    const other = await buildDossier(t.handle, { world: w })
    const res = await editor.send(
      'POST',
      `/api/documents/${other.document.id}/versions/${other.published.id}/freeze`,
    )
    expect(res.statusCode).toBe(409)
    expect(res.json().error.code).toBe('not_agreed')
    expect(res.json().error.details.reasons[0].code).toBe('no_response')
  })

  it("lets the head of delegation designate an expert to state the party's positions", async () => {
    const other = await buildDossier(t.handle, { world: w })
    const url = `/api/documents/${other.document.id}/versions/${other.published.id}/positions`
    expect((await expert.send('POST', url, { kind: 'agree' })).statusCode).toBe(403)
    const me = (await expert.get('/api/me')).json().data
    const tjk = w.parties.TJK!.id
    const designate = `/api/organizations/${w.org.id}/parties/${tjk}/position-delegates`
    expect((await heads.ARM!.send('PUT', designate, { userIds: [me.id] })).statusCode).toBe(403)
    const armUser = (await heads.ARM!.get('/api/me')).json().data
    expect((await heads.TJK!.send('PUT', designate, { userIds: [armUser.id] })).statusCode).toBe(422)
    const ok = await heads.TJK!.send('PUT', designate, { userIds: [me.id] })
    expect(ok.json().data.map((u: { id: string }) => u.id)).toEqual([me.id])
    expect((await expert.send('POST', url, { kind: 'agree_ad_referendum' })).statusCode).toBe(201)
    await heads.TJK!.send('PUT', designate, { userIds: [] })
    expect((await expert.send('POST', url, { kind: 'agree' })).statusCode).toBe(403)
  })
})
