import type { ProcedureDefinition } from '@core/domain/procedure.js'
import { CIS_PROCEDURE } from '@core/domain/procedure-templates.js'
import { createTestApp, type Session, signIn, type TestApp } from '@test/support/app.js'
import { buildDossier, buildOrganization, buildUser, type World } from '@test/support/factories.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let t: TestApp
let world: World
let admin: Session
let editor: Session
let tajik: Session
let outsider: Session

beforeAll(async () => {
  t = await createTestApp()
  world = await buildOrganization(t.handle)
  admin = await signIn(t.app, (await buildUser(t.handle, world, 'secretariat_admin')).email)
  editor = await signIn(t.app, (await buildUser(t.handle, world, 'secretariat_editor')).email)
  tajik = await signIn(t.app, (await buildUser(t.handle, world, 'head_of_delegation', 'TJK')).email)
  const other = await buildOrganization(t.handle, { members: ['KAZ'], observers: [] })
  outsider = await signIn(t.app, (await buildUser(t.handle, other, 'secretariat_admin')).email)
})
afterAll(() => t.close())

const base = () => `/api/organizations/${world.org.id}/procedures`
const clone = (d: ProcedureDefinition): ProcedureDefinition => JSON.parse(JSON.stringify(d))
async function cis() {
  return (await admin.get(`${base()}/cis`)).json().data as {
    version: number
    definition: ProcedureDefinition
  }
}
async function auditActions() {
  const rows = await t.handle.db
    .selectFrom('audit_entries')
    .select('action')
    .where('organization_id', '=', world.org.id)
    .orderBy('seq')
    .execute()
  return rows.map((r) => r.action)
}

describe('GET /api/organizations/:id/procedures', () => {
  it("lists the organization's own copies of the three shipped templates, the CIS one by default", async () => {
    const res = await tajik.get(base())
    expect(res.statusCode).toBe(200)
    const list = res.json().data
    expect(list.map((p: { code: string }) => p.code)).toEqual(['cis', 'un_silence', 'standards_ballot'])
    expect(list[0]).toMatchObject({
      isDefault: true,
      shipped: true,
      version: 1,
      name: { en: 'CIS procedure' },
    })
    expect(list[0].id).toBeTruthy()
    expect(list[1].definition.stages.map((s: { code: string }) => s.code)).toEqual([
      'drafting',
      'informal_consultations',
      'silence_procedure',
      'adoption',
      'publication',
    ])
    expect(res.json().policies).toEqual({ read: true, manage_procedures: false })
    expect((await admin.get(base())).json().policies.manage_procedures).toBe(true)
    expect((await editor.get(base())).json().policies.manage_procedures).toBe(false)
    expect(await auditActions()).toContain('procedure.install')
  })

  it("hides another organization's procedures as not found", async () => {
    const res = await outsider.get(base())
    expect(res.statusCode).toBe(404)
    expect(res.json().error.code).toBe('organization_not_found')
    expect((await admin.get(`${base()}/nothing_here`)).json().error.code).toBe('procedure_not_found')
  })

  it('shows the shipped templates to an organization that has none stored yet, and installs them on the first change', async () => {
    const bare = await buildOrganization(t.handle, { members: ['KAZ'], observers: [] })
    await t.handle.db.deleteFrom('procedure_templates').where('organization_id', '=', bare.org.id).execute()
    const boss = await signIn(t.app, (await buildUser(t.handle, bare, 'secretariat_admin')).email)
    const url = `/api/organizations/${bare.org.id}/procedures`
    const list = (await boss.get(url)).json().data
    expect(list.map((p: { code: string; id: string | null }) => [p.code, p.id])).toEqual([
      ['cis', null],
      ['un_silence', null],
      ['standards_ballot', null],
    ])
    const def = clone(CIS_PROCEDURE)
    def.stages[0]!.name.en = 'Preparing the draft'
    const put = await boss.send('PUT', `${url}/cis`, { version: 1, definition: def })
    expect(put.statusCode).toBe(200)
    expect(put.json().data).toMatchObject({ version: 2 })
    const stored = await t.handle.db
      .selectFrom('procedure_templates')
      .select('code')
      .where('organization_id', '=', bare.org.id)
      .execute()
    expect(stored.map((r) => r.code).sort()).toEqual(['cis', 'standards_ballot', 'un_silence'])
  })
})

describe('PUT /api/organizations/:id/procedures/:code', () => {
  it('renames a stage per language; the dossier shows the new name; the change is audited', async () => {
    const d = await buildDossier(t.handle, { world })
    const current = await cis()
    const def = clone(current.definition)
    def.stages.find((s) => s.code === 'expert_group')!.name = {
      ru: 'Группа экспертов',
      en: 'Group of experts',
      tg: 'Гурӯҳи экспертон',
    }
    const res = await admin.send('PUT', `${base()}/cis`, { version: current.version, definition: def })
    expect(res.statusCode).toBe(200)
    expect(res.json().data.version).toBe(current.version + 1)
    expect(res.json().data.updatedBy.displayName).toBe('secretariat_admin secretariat')
    const dossier = (await tajik.get(`/api/dossiers/${d.dossier.id}`)).json().data
    expect(dossier.stages[2]).toEqual({
      code: 'expert_group',
      name: { ru: 'Группа экспертов', en: 'Group of experts', tg: 'Гурӯҳи экспертон' },
      kind: 'negotiation',
      body: null,
    })
    expect((await auditActions()).at(-1)).toBe('procedure.update')

    const stale = await admin.send('PUT', `${base()}/cis`, { version: current.version, definition: def })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().error).toMatchObject({
      code: 'version_changed',
      details: { current: current.version + 1 },
    })
  })

  it('is the administrator’s: an editor and a delegate get 403, an outsider 404', async () => {
    const current = await cis()
    const body = { version: current.version, definition: current.definition }
    expect((await editor.send('PUT', `${base()}/cis`, body)).statusCode).toBe(403)
    expect((await tajik.send('PUT', `${base()}/cis`, body)).statusCode).toBe(403)
    expect((await outsider.send('PUT', `${base()}/cis`, body)).statusCode).toBe(404)
  })

  it('refuses an unknown stage in a transition, a duplicate code and an unknown guard with the reasons (422)', async () => {
    const current = await cis()
    const def = clone(current.definition)
    def.stages.push({ code: 'cfm', name: { ru: 'СМИД', en: 'CFM' } })
    def.transitions.chs = ['signature', 'referendum']
    def.guards['domestic_approval>cfm'] = ['domestic_approval_complete', 'stars_aligned']
    const res = await admin.send(
      'PUT',
      `${base()}/cis`,
      { version: current.version, definition: def },
      { 'accept-language': 'en' },
    )
    expect(res.statusCode).toBe(422)
    const error = res.json().error
    expect(error.code).toBe('procedure_invalid')
    expect(error.details.problems).toEqual([
      { code: 'duplicate_stage', stage: 'cfm' },
      { code: 'unknown_stage', stage: 'referendum', where: 'transition' },
      { code: 'unknown_guard', guard: 'stars_aligned', from: 'domestic_approval', to: 'cfm' },
    ])
    expect(error.message).toContain('The stage code "cfm" is used twice.')
    expect(error.message).toContain(
      'Unknown condition "stars_aligned" on the move "domestic_approval" → "cfm".',
    )
    expect((await cis()).version).toBe(current.version)
  })

  it('refuses a malformed definition as a validation failure naming the field', async () => {
    const current = await cis()
    const def = clone(current.definition) as unknown as { stages: { code: string }[] }
    def.stages[0]!.code = '../drafting'
    const res = await admin.send('PUT', `${base()}/cis`, { version: current.version, definition: def })
    expect(res.statusCode).toBe(422)
    expect(res.json().error.code).toBe('validation_failed')
    expect(res.json().error.details.fields[0].path).toBe('body.definition.stages.0.code')
  })

  it('refuses to remove a stage in which a dossier stands (409 stage_in_use), and removes an unused one', async () => {
    const d = await buildDossier(t.handle, { world })
    await editor.send('POST', `/api/dossiers/${d.dossier.id}/stage`, { version: 1, to: 'comments' })
    const current = await cis()
    const without = (code: string) => {
      const def = clone(current.definition)
      def.stages = def.stages.filter((s) => s.code !== code)
      for (const [from, targets] of Object.entries(def.transitions)) {
        def.transitions[from] = targets.filter((x) => x !== code)
      }
      delete def.transitions[code]
      for (const key of Object.keys(def.guards)) if (key.split('>').includes(code)) delete def.guards[key]
      return def
    }
    const res = await admin.send('PUT', `${base()}/cis`, {
      version: current.version,
      definition: without('comments'),
    })
    expect(res.statusCode).toBe(409)
    expect(res.json().error).toMatchObject({ code: 'stage_in_use', details: { stage: 'comments' } })
    expect(res.json().error.details.references).toContain(d.dossier.reference)
    expect(res.json().error.message).toContain(d.dossier.reference)

    const def = without('signature')
    def.transitions.chs = ['publication', 'expert_group']
    def.guards['chs>publication'] = ['council_decision_recorded']
    const ok = await admin.send('PUT', `${base()}/cis`, { version: current.version, definition: def })
    expect(ok.statusCode).toBe(200)
    expect(ok.json().data.definition.stages.map((s: { code: string }) => s.code)).not.toContain('signature')
    expect(ok.json().data.dossiersPerStage.comments).toBeGreaterThanOrEqual(1)
  })

  it('drives the moves: a guard removed by the administrator no longer holds a dossier up', async () => {
    const d = await buildDossier(t.handle, { world })
    const move = async (to: string) => {
      const version = (await editor.get(`/api/dossiers/${d.dossier.id}`)).json().data.version
      return editor.send('POST', `/api/dossiers/${d.dossier.id}/stage`, { version, to })
    }
    await move('comments')
    await move('expert_group')
    expect((await move('domestic_approval')).json().error.code).toBe('stage_guard_failed')
    const current = await cis()
    const def = clone(current.definition)
    delete def.guards['expert_group>domestic_approval']
    await admin.send('PUT', `${base()}/cis`, { version: current.version, definition: def })
    expect((await move('domestic_approval')).statusCode).toBe(200)
  })
})

describe('POST /api/organizations/:id/procedures', () => {
  it('adds a copy of a shipped template under a code of its own, and refuses the same code twice', async () => {
    const res = await admin.send('POST', base(), {
      code: 'cis_fast',
      name: { ru: 'Ускоренный порядок', en: 'Fast track' },
      copyOf: 'cis',
    })
    expect(res.statusCode).toBe(201)
    expect(res.json().data).toMatchObject({
      code: 'cis_fast',
      shipped: false,
      isDefault: false,
      version: 1,
      name: { en: 'Fast track' },
    })
    expect(res.json().data.definition.stages).toHaveLength((await cis()).definition.stages.length)
    expect((await auditActions()).at(-1)).toBe('procedure.create')
    const again = await admin.send('POST', base(), { code: 'cis_fast', name: { ru: 'x', en: 'x' } })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('procedure_code_taken')
    expect((await admin.get(base())).json().data.map((p: { code: string }) => p.code)).toContain('cis_fast')
  })

  it('adds a template of its own definition, validated like any other', async () => {
    const definition: ProcedureDefinition = {
      stages: [
        { code: 'draft', name: { ru: 'Проект', en: 'Draft' } },
        { code: 'done', name: { ru: 'Готово', en: 'Done' }, kind: 'publication' },
      ],
      transitions: { draft: ['done'], done: ['nowhere'] },
      guards: {},
    }
    const bad = await admin.send('POST', base(), { code: 'tiny', name: { ru: 'М', en: 'T' }, definition })
    expect(bad.statusCode).toBe(422)
    expect(bad.json().error.details.problems).toEqual([
      { code: 'unknown_stage', stage: 'nowhere', where: 'transition' },
    ])
    definition.transitions.done = []
    const ok = await admin.send('POST', base(), { code: 'tiny', name: { ru: 'М', en: 'T' }, definition })
    expect(ok.statusCode).toBe(201)
    expect(
      (await editor.send('POST', base(), { code: 'other', name: { ru: 'М', en: 'T' } })).statusCode,
    ).toBe(403)
    const badCode = await admin.send('POST', base(), { code: 'Has Space', name: { ru: 'М', en: 'T' } })
    expect(badCode.statusCode).toBe(422)
    expect(badCode.json().error.code).toBe('validation_failed')
  })
})
