import { createTestApp, type Session, signIn, type TestApp } from '@test/support/app.js'
import {
  buildDossier,
  buildOrganization,
  buildUser,
  type DossierWorld,
  type World,
} from '@test/support/factories.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let t: TestApp
let world: World
let a: DossierWorld // every party takes part
let b: DossierWorld // ARM and RUS only
let editor: Session
let tajik: Session
let other: Session // secretariat of another organization

beforeAll(async () => {
  t = await createTestApp()
  world = await buildOrganization(t.handle)
  a = await buildDossier(t.handle, { world })
  b = await buildDossier(t.handle, { world, participants: ['ARM', 'RUS'] })
  const otherWorld = await buildOrganization(t.handle, { members: ['KAZ'], observers: [] })
  editor = await signIn(t.app, (await buildUser(t.handle, world, 'secretariat_editor')).email)
  tajik = await signIn(t.app, (await buildUser(t.handle, world, 'head_of_delegation', 'TJK')).email)
  other = await signIn(t.app, (await buildUser(t.handle, otherWorld, 'secretariat_admin')).email)
})
afterAll(() => t.close())

describe('GET /api/dossiers (need-to-know)', () => {
  it('shows the secretariat every dossier of its organization', async () => {
    const res = await editor.get('/api/dossiers')
    expect(res.statusCode).toBe(200)
    expect(res.json().data.map((d: { id: string }) => d.id)).toEqual([a.dossier.id, b.dossier.id])
    expect(res.json().policies.create).toBe(true)
  })

  it('shows a delegate only the dossiers in which its party takes part', async () => {
    const res = await tajik.get('/api/dossiers')
    expect(res.json().data.map((d: { id: string }) => d.id)).toEqual([a.dossier.id])
    expect(res.json().policies.create).toBe(false)
  })

  it("hides another organization's dossiers from its secretariat, as not found", async () => {
    expect((await other.get('/api/dossiers')).json().data).toEqual([])
    const res = await other.get(`/api/dossiers/${a.dossier.id}`)
    expect(res.statusCode).toBe(404)
    expect(res.json().error.code).toBe('dossier_not_found')
  })

  it('paginates with an opaque cursor', async () => {
    const first = (await editor.get('/api/dossiers?limit=1')).json()
    expect(first.data).toHaveLength(1)
    expect(first.page.nextCursor).toBeTruthy()
    const second = (await editor.get(`/api/dossiers?limit=1&cursor=${first.page.nextCursor}`)).json()
    expect(second.data[0].id).toBe(b.dossier.id)
    expect(second.page.nextCursor).toBeNull()
    expect((await editor.get('/api/dossiers?cursor=garbage')).statusCode).toBe(422)
  })
})

describe('GET /api/dossiers/:id', () => {
  it('returns the dossier with documents, participants marked member or observer, and the stages', async () => {
    const res = await tajik.get(`/api/dossiers/${a.dossier.id}`)
    expect(res.statusCode).toBe(200)
    const d = res.json().data
    expect(d.documents).toHaveLength(1)
    expect(d.documents[0].latestVersion.label.en).toBe('Draft')
    expect(d.participants.find((p: { code: string }) => p.code === 'MDA').status).toBe('observer')
    expect(d.stages[0]).toMatchObject({
      code: 'drafting',
      name: { ru: 'Подготовка проекта', en: 'Drafting' },
    })
    expect(d.stages.map((s: { code: string }) => s.code)).toEqual([
      'drafting',
      'comments',
      'expert_group',
      'domestic_approval',
      'cfm',
      'chs',
      'signature',
      'publication',
    ])
    expect(res.json().policies).toEqual({
      read: true,
      update: false,
      move_stage: false,
      add_document: false,
      read_audit: false,
    })
  })

  it('answers a malformed id and an unknown id with 404 and a code', async () => {
    expect((await editor.get('/api/dossiers/not-an-id')).json().error.code).toBe('dossier_not_found')
    expect((await editor.get('/api/dossiers/01890000-0000-7000-8000-000000000000')).statusCode).toBe(404)
  })
})

describe('POST /api/dossiers', () => {
  it('opens a dossier with its audit entry in the same transaction', async () => {
    const res = await editor.send('POST', '/api/dossiers', {
      organizationId: world.org.id,
      reference: 'NEW-1',
      title: { ru: 'Новый пакет', en: 'New dossier' },
      participants: ['TJK', 'MDA'],
    })
    expect(res.statusCode).toBe(201)
    const id = res.json().data.id
    expect(res.json().data.participants.map((p: { code: string }) => p.code)).toEqual(['MDA', 'TJK'])
    const audit = await editor.get(`/api/dossiers/${id}/audit`)
    expect(audit.json().data.map((e: { action: string }) => e.action)).toEqual(['dossier.open'])
  })

  it('refuses a duplicate reference with 409 and writes nothing', async () => {
    const before = await t.handle.db
      .selectFrom('audit_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    const res = await editor.send('POST', '/api/dossiers', {
      organizationId: world.org.id,
      reference: 'NEW-1',
      title: { ru: 'x' },
    })
    expect(res.statusCode).toBe(409)
    expect(res.json().error.code).toBe('reference_taken')
    const after = await t.handle.db
      .selectFrom('audit_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
  })

  it('refuses an unknown party code (422) and leaves no half-written dossier', async () => {
    const res = await editor.send('POST', '/api/dossiers', {
      organizationId: world.org.id,
      reference: 'NEW-2',
      title: { ru: 'x' },
      participants: ['TJK', 'XXX'],
    })
    expect(res.statusCode).toBe(422)
    expect(res.json().error).toMatchObject({ code: 'party_not_found', details: { codes: ['XXX'] } })
    const row = await t.handle.db
      .selectFrom('dossiers')
      .select('id')
      .where('reference', '=', 'NEW-2')
      .executeTakeFirst()
    expect(row).toBeUndefined()
  })

  it('refuses a delegate with 403 and unknown fields with 422', async () => {
    const res = await tajik.send('POST', '/api/dossiers', {
      organizationId: world.org.id,
      reference: 'X',
      title: { ru: 'x' },
    })
    expect(res.statusCode).toBe(403)
    expect(res.json().error.code).toBe('permission_required')
    const bad = await editor.send('POST', '/api/dossiers', {
      organizationId: world.org.id,
      reference: 'X',
      title: { ru: 'x' },
      stage: 'cfm',
    })
    expect(bad.statusCode).toBe(422)
    expect(bad.json().error.details.fields[0].path).toBe('body.stage')
  })

  it('refuses a body over the limit with 413', async () => {
    const small = await createTestApp({ BODY_LIMIT: '1024' })
    const res = await small.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@b.example', password: 'x'.repeat(2000) },
    })
    expect(res.statusCode).toBe(413)
    expect(res.json().error.code).toBe('payload_too_large')
    await small.close()
  })
})

describe('PATCH /api/dossiers/:id (no lost updates)', () => {
  it('accepts the current version, then refuses the stale one with 409 and the current version', async () => {
    const ok = await editor.send('PATCH', `/api/dossiers/${b.dossier.id}`, {
      version: 1,
      title: { ru: 'Изменено', en: 'Changed' },
    })
    expect(ok.statusCode).toBe(200)
    expect(ok.json().data.version).toBe(2)
    const stale = await editor.send('PATCH', `/api/dossiers/${b.dossier.id}`, {
      version: 1,
      title: { ru: 'Потеряно' },
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().error).toMatchObject({ code: 'version_changed', details: { current: 2 } })
    const now = (await editor.get(`/api/dossiers/${b.dossier.id}`)).json().data
    expect(now.title.ru).toBe('Изменено')
  })

  it('takes the version from If-Match', async () => {
    const stale = await editor.send(
      'PATCH',
      `/api/dossiers/${b.dossier.id}`,
      { reference: 'R-2' },
      { 'if-match': '"1"' },
    )
    expect(stale.statusCode).toBe(409)
    const ok = await editor.send(
      'PATCH',
      `/api/dossiers/${b.dossier.id}`,
      { reference: 'R-2' },
      { 'if-match': '"2"' },
    )
    expect(ok.statusCode).toBe(200)
    expect(ok.json().data.reference).toBe('R-2')
  })

  it('requires a version (422) so that nothing is overwritten blindly', async () => {
    const res = await editor.send('PATCH', `/api/dossiers/${b.dossier.id}`, { reference: 'R-3' })
    expect(res.statusCode).toBe(422)
    expect(res.json().error.details.fields[0].path).toBe('body.version')
  })
})

describe('GET /api/dossiers/:id/audit', () => {
  it("gives the secretariat the dossier's trail and refuses delegates", async () => {
    const res = await editor.get(`/api/dossiers/${a.dossier.id}/audit`)
    expect(res.json().data.map((e: { action: string }) => e.action)).toEqual([
      'dossier.open',
      'document.create',
      'version.create',
      'version.publish',
    ])
    expect((await tajik.get(`/api/dossiers/${a.dossier.id}/audit`)).statusCode).toBe(403)
  })
})

describe('POST /api/dossiers/:id/stage', () => {
  it('moves along the procedure, records the move, and refuses a move the procedure does not allow', async () => {
    const d = await buildDossier(t.handle, { world })
    const ok = await editor.send('POST', `/api/dossiers/${d.dossier.id}/stage`, {
      version: 1,
      to: 'comments',
    })
    expect(ok.statusCode).toBe(200)
    expect(ok.json().data.stage).toBe('comments')
    const jump = await editor.send('POST', `/api/dossiers/${d.dossier.id}/stage`, { version: 2, to: 'cfm' })
    expect(jump.statusCode).toBe(409)
    expect(jump.json().error.code).toBe('stage_transition_refused')
    expect(jump.json().error.details.allowed).toEqual(['expert_group', 'drafting'])
    expect(jump.json().error.message).toContain('Council of Foreign Ministers')
    expect(
      (await tajik.send('POST', `/api/dossiers/${d.dossier.id}/stage`, { version: 2, to: 'expert_group' }))
        .statusCode,
    ).toBe(403)
    const trail = (await editor.get(`/api/dossiers/${d.dossier.id}/audit`)).json().data
    expect(trail.at(-1).action).toBe('dossier.move')
  })
})
