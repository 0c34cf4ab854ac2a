import { bodyCreator, partyRegistrar } from '@server/commands/organizations.js'
import { inTransaction } from '@server/context.js'
import { newId } from '@server/ids.js'
import { JOB_HANDLERS } from '@server/jobs/handlers.js'
import { runDueJobs } from '@server/jobs/queue.js'
import { createTestApp, type Session, signIn, type TestApp } from '@test/support/app.js'
import {
  buildDossier,
  buildOrganization,
  buildUser,
  type DossierWorld,
  sampleContent,
  type World,
} from '@test/support/factories.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let t: TestApp

const NAMES: Record<string, [string, string]> = {
  ARM: ['Армения', 'Armenia'],
  KAZ: ['Казахстан', 'Kazakhstan'],
  KGZ: ['Кыргызстан', 'Kyrgyzstan'],
  RUS: ['Россия', 'Russia'],
  TJK: ['Таджикистан', 'Tajikistan'],
  UZB: ['Узбекистан', 'Uzbekistan'],
  MDA: ['Молдова', 'Moldova'],
}

beforeAll(async () => {
  t = await createTestApp()
  // Parties by their names (the factories reuse a registered party).
  await inTransaction(t.handle, null, 'test', async (ctx) => {
    for (const [code, [ru, en]] of Object.entries(NAMES))
      await partyRegistrar(ctx, { code, name: { ru, en }, fullName: { ru, en } })
  })
})
afterAll(() => t.close())

async function heads(world: World, codes: string[]) {
  const out: Record<string, Session> = {}
  for (const code of codes)
    out[code] = await signIn(t.app, (await buildUser(t.handle, world, 'head_of_delegation', code)).email)
  return out
}

function mover(editor: Session, dossierId: string) {
  return async (to: string, note?: string) => {
    const version = (await editor.get(`/api/dossiers/${dossierId}`)).json().data.version
    return editor.send('POST', `/api/dossiers/${dossierId}/stage`, { version, to, ...(note ? { note } : {}) })
  }
}

/** A council's decision on the dossier, as the adoption record leaves it. */
async function recordDecision(world: World, dossierId: string, bodyCode: string) {
  const body = await t.handle.db
    .selectFrom('bodies')
    .select('id')
    .where('organization_id', '=', world.org.id)
    .where('code', '=', bodyCode)
    .executeTakeFirstOrThrow()
  await t.handle.db
    .insertInto('adoptions')
    .values({
      id: newId(),
      dossier_id: dossierId,
      body_id: body.id,
      meeting_id: null,
      decision: 'adopted',
      decided_on: '2020-10-09',
      signed_on: null,
      signatories: '[]',
      texts: '[]',
      content_hash: '0'.repeat(64),
      recorded_by: null,
      created_at: new Date().toISOString(),
      version: 1,
    })
    .execute()
}

describe('the CIS procedure, end to end', () => {
  let w: DossierWorld
  let editor: Session
  let h: Record<string, Session>
  let move: ReturnType<typeof mover>
  const MEMBERS = ['ARM', 'KGZ', 'RUS', 'TJK', 'UZB']

  beforeAll(async () => {
    const world = await buildOrganization(t.handle, { members: MEMBERS, observers: ['MDA'] })
    await inTransaction(t.handle, null, 'test', async (ctx) => {
      await bodyCreator(ctx, world.org, {
        code: 'CFM',
        kind: 'council',
        name: { ru: 'Совет министров иностранных дел', en: 'the Council of Foreign Ministers' },
        decisionRule: { kind: 'consensus_interested_party' },
      })
      await bodyCreator(ctx, world.org, {
        code: 'CHS',
        kind: 'council',
        name: { ru: 'Совет глав государств', en: 'the Council of Heads of State' },
        decisionRule: { kind: 'consensus_interested_party' },
      })
    })
    w = await buildDossier(t.handle, { world })
    editor = await signIn(t.app, (await buildUser(t.handle, world, 'secretariat_editor')).email)
    h = await heads(world, MEMBERS)
    move = mover(editor, w.dossier.id)
  })

  it('sends the package home only once its texts are frozen, naming the document that is not', async () => {
    expect((await move('comments')).statusCode).toBe(200)
    expect((await move('expert_group', 'The round is closed')).statusCode).toBe(200)
    const early = await move('domestic_approval')
    expect(early.statusCode).toBe(409)
    expect(early.json().error).toMatchObject({
      code: 'stage_guard_failed',
      details: { failures: [{ guard: 'documents_frozen', documents: [w.document.id] }] },
    })
    expect(early.json().error.message).toContain('«Statement»')
  })

  it('refuses a move the template does not allow, naming the stages and the allowed moves', async () => {
    const jump = await move('chs')
    expect(jump.statusCode).toBe(409)
    expect(jump.json().error).toMatchObject({
      code: 'stage_transition_refused',
      details: { from: 'expert_group', to: 'chs', allowed: ['domestic_approval', 'comments'] },
    })
    expect(jump.json().error.message).toBe(
      'The procedure does not allow a move from stage "Expert group" to stage "Council of Heads of State".',
    )
    expect((await move('no_such_stage')).json().error.code).toBe('stage_transition_refused')
  })

  it('holds the package at home, naming the members that have not approved and the ad referendum pending', async () => {
    const base = `/api/documents/${w.document.id}/versions/${w.published.id}`
    for (const code of ['ARM', 'KGZ', 'RUS', 'UZB'])
      await h[code]!.send('POST', `${base}/positions`, { kind: 'agree' })
    await h.TJK!.send('POST', `${base}/positions`, { kind: 'agree_ad_referendum' })
    expect((await editor.send('POST', `${base}/freeze`)).statusCode).toBe(200)
    expect((await move('domestic_approval')).statusCode).toBe(200)

    const blocked = await move('cfm')
    expect(blocked.statusCode).toBe(409)
    expect(blocked.json().error.message).toBe(
      'The dossier cannot move to that stage yet. ' +
        '5 members have not completed domestic approval: Armenia, Kyrgyzstan, Russia, Tajikistan, Uzbekistan. ' +
        'Agreement ad referendum not yet confirmed (1): Tajikistan.',
    )
    const ru = await signIn(
      t.app,
      (await buildUser(t.handle, w, 'secretariat_editor', undefined, 'ru')).email,
    )
    const version = (await ru.get(`/api/dossiers/${w.dossier.id}`)).json().data.version
    const inRussian = await ru.send('POST', `/api/dossiers/${w.dossier.id}/stage`, { version, to: 'cfm' })
    expect(inRussian.json().error.message).toContain(
      'Не завершили внутригосударственное согласование государства-участники (5): Армения, Кыргызстан, Россия, Таджикистан, Узбекистан.',
    )

    for (const code of ['RUS', 'TJK'])
      await h[code]!.send('PATCH', `/api/dossiers/${w.dossier.id}/approvals/${code}`, {
        version: 1,
        status: 'approved',
      })
    const still = await move('cfm')
    expect(still.json().error.message).toBe(
      'The dossier cannot move to that stage yet. 3 members have not completed domestic approval: Armenia, Kyrgyzstan, Uzbekistan.',
    )
    expect(still.json().error.details.failures).toEqual([
      { guard: 'domestic_approval_complete', parties: ['ARM', 'KGZ', 'UZB'] },
    ])
  })

  it('shows on the timeline, before anyone tries, why the move to the council is blocked', async () => {
    const res = await h.ARM!.get(`/api/dossiers/${w.dossier.id}/timeline`)
    expect(res.statusCode).toBe(200)
    const tl = res.json().data
    expect(tl.current).toBe('domestic_approval')
    expect(tl.procedure.code).toBe('cis')
    expect(tl.stages.map((s: { code: string; state: string }) => `${s.code}:${s.state}`)).toEqual([
      'drafting:done',
      'comments:done',
      'expert_group:done',
      'domestic_approval:current',
      'cfm:upcoming',
      'chs:upcoming',
      'signature:upcoming',
      'publication:upcoming',
    ])
    expect(tl.moves.map((m: { from: string | null; to: string }) => [m.from, m.to])).toEqual([
      [null, 'drafting'],
      ['drafting', 'comments'],
      ['comments', 'expert_group'],
      ['expert_group', 'domestic_approval'],
    ])
    expect(tl.moves[2]).toMatchObject({
      note: 'The round is closed',
      by: { displayName: 'secretariat_editor secretariat' },
    })
    expect(tl.stages[1].visits).toEqual([
      expect.objectContaining({ enteredAt: tl.moves[1].at, leftAt: tl.moves[2].at }),
    ])
    expect(tl.stages[3].visits[0].leftAt).toBeNull()
    expect(tl.next).toEqual([
      {
        to: 'cfm',
        name: {
          ru: 'Совет министров иностранных дел',
          en: 'Council of Foreign Ministers',
          tg: 'Шӯрои вазирони корҳои хориҷӣ',
        },
        backwards: false,
        allowed: false,
        guards: [
          {
            guard: 'domestic_approval_complete',
            ok: false,
            message: '3 members have not completed domestic approval: Armenia, Kyrgyzstan, Uzbekistan.',
            failure: { guard: 'domestic_approval_complete', parties: ['ARM', 'KGZ', 'UZB'] },
          },
          { guard: 'no_ad_referendum_pending', ok: true, message: null, failure: null },
        ],
      },
      expect.objectContaining({ to: 'expert_group', backwards: true, allowed: true, guards: [] }),
    ])
    expect(res.json().policies.move_stage).toBe(false)
  })

  it('goes to the councils after every approval, each council deciding before the next stage', async () => {
    for (const code of ['ARM', 'KGZ', 'UZB'])
      await h[code]!.send('PATCH', `/api/dossiers/${w.dossier.id}/approvals/${code}`, {
        version: 1,
        status: code === 'KGZ' ? 'approved_with_reservations' : 'approved',
      })
    expect((await move('cfm')).statusCode).toBe(200)
    const chs = await move('chs')
    expect(chs.statusCode).toBe(409)
    expect(chs.json().error.message).toContain(
      'The decision of the Council of Foreign Ministers on the dossier has not been recorded yet.',
    )
    expect(chs.json().error.details.failures).toEqual([{ guard: 'council_decision_recorded', body: 'CFM' }])
    await recordDecision(w, w.dossier.id, 'CFM')
    expect((await move('chs')).statusCode).toBe(200)
    expect((await move('signature')).json().error.details.failures).toEqual([
      { guard: 'council_decision_recorded', body: 'CHS' },
    ])
    await recordDecision(w, w.dossier.id, 'CHS')
    expect((await move('signature')).statusCode).toBe(200)
    const published = await move('publication')
    expect(published.statusCode).toBe(200)
    expect(published.json().data.stage).toBe('publication')
    const tl = (await editor.get(`/api/dossiers/${w.dossier.id}/timeline`)).json().data
    expect(tl.moves).toHaveLength(8)
    expect(tl.next).toEqual([])
    expect(tl.stages.every((s: { state: string }) => s.state !== 'upcoming')).toBe(true)
  })

  it('tells the delegations of every move', async () => {
    const inbox = (await h.UZB!.get('/api/notifications')).json().data
    const moves = inbox.filter((n: { kind: string }) => n.kind === 'stage_moved')
    expect(moves.length).toBe(7)
    expect(moves.find((n: { params: { to: string } }) => n.params.to === 'cfm')).toMatchObject({
      params: {
        reference: w.dossier.reference,
        from: 'domestic_approval',
        to: 'cfm',
        stageName: { en: 'Council of Foreign Ministers' },
      },
      link: `/dossiers/${w.dossier.id}`,
    })
  })
})

describe('a UN-style procedure with a silence procedure', () => {
  it('adopts the text only after a silence completed unbroken on its latest version', async () => {
    const world = await buildOrganization(t.handle, { members: ['ARM', 'RUS'], observers: [] })
    await t.handle.db
      .updateTable('organizations')
      .set({ procedure: 'un_silence' })
      .where('id', '=', world.org.id)
      .execute()
    const w = await buildDossier(t.handle, {
      world: { ...world, org: { ...world.org, procedure: 'un_silence' } },
    })
    const editor = await signIn(t.app, (await buildUser(t.handle, world, 'secretariat_editor')).email)
    const h = await heads(world, ['RUS'])
    const move = mover(editor, w.dossier.id)
    const dossier = (await editor.get(`/api/dossiers/${w.dossier.id}`)).json().data
    expect(dossier.procedure).toBe('un_silence')
    expect(dossier.stage).toBe('drafting')
    expect(dossier.stages.map((s: { code: string }) => s.code)).toEqual([
      'drafting',
      'informal_consultations',
      'silence_procedure',
      'adoption',
      'publication',
    ])
    expect((await move('informal_consultations')).statusCode).toBe(200)
    expect((await move('silence_procedure')).statusCode).toBe(200)
    const early = await move('adoption')
    expect(early.json().error.details.failures).toEqual([
      { guard: 'silence_completed', documents: [w.document.id] },
    ])
    expect(early.json().error.message).toContain(
      'No silence procedure completed unbroken on the latest version of: «Statement».',
    )

    const base = `/api/documents/${w.document.id}/versions/${w.published.id}`
    const inHour = new Date(Date.now() + 3600_000).toISOString()
    await editor.send('POST', `${base}/silence`, { deadline: inHour, timezone: 'America/New_York' })
    await h.RUS!.send('POST', `${base}/positions`, { kind: 'objection', text: 'Silence broken' })
    await runDueJobs(t.handle, JOB_HANDLERS, Date.now() + 2 * 3600_000)
    expect((await move('adoption')).json().error.code).toBe('stage_guard_failed')

    await editor.send('POST', `${base}/silence`, { deadline: inHour, timezone: 'America/New_York' })
    await runDueJobs(t.handle, JOB_HANDLERS, Date.now() + 2 * 3600_000)
    expect((await editor.get(`${base}/silence`)).json().data[0].state).toBe('completed')
    expect((await move('adoption')).statusCode).toBe(200)
    expect((await move('publication')).statusCode).toBe(200)
  })
})

describe('a standards body with ballots under a qualified majority', () => {
  it('passes a ballot stage only when the committee’s majority approves the latest version', async () => {
    const members = ['ARM', 'KAZ', 'RUS', 'TJK']
    const world = await buildOrganization(t.handle, { members, observers: [] })
    await t.handle.db
      .updateTable('organizations')
      .set({ procedure: 'standards_ballot' })
      .where('id', '=', world.org.id)
      .execute()
    const committee = await inTransaction(t.handle, null, 'test', (ctx) =>
      bodyCreator(ctx, world.org, {
        code: 'TC',
        kind: 'committee',
        name: { ru: 'Технический комитет', en: 'Technical committee' },
        decisionRule: {
          kind: 'qualified_majority',
          inFavour: { num: 2, den: 3 },
          maxAgainst: { num: 1, den: 4 },
        },
      }),
    )
    const editor = await signIn(t.app, (await buildUser(t.handle, world, 'secretariat_editor')).email)
    const h = await heads(world, members)
    const opened = await editor.send('POST', '/api/dossiers', {
      organizationId: world.org.id,
      reference: 'TC-1/2020',
      title: { ru: 'Стандарт', en: 'Standard' },
      leadBodyId: committee.id,
    })
    expect(opened.json().data).toMatchObject({ procedure: 'standards_ballot', stage: 'proposal' })
    const dossierId = opened.json().data.id
    const doc = await editor.send('POST', `/api/dossiers/${dossierId}/documents`, {
      kind: 'other',
      title: { ru: 'Стандарт', en: 'The standard' },
    })
    const documentId = doc.json().data.id
    const draft = await editor.send('POST', `/api/documents/${documentId}/versions`, {
      label: { en: 'CD' },
      content: sampleContent(),
    })
    const versionId = draft.json().data.id
    await editor.send('POST', `/api/documents/${documentId}/versions/${versionId}/publish`, { version: 1 })
    const move = mover(editor, dossierId)
    for (const to of ['working_draft', 'committee_draft', 'enquiry_ballot'])
      expect((await move(to)).statusCode).toBe(200)

    const base = `/api/documents/${documentId}/versions/${versionId}`
    await h.ARM!.send('POST', `${base}/positions`, { kind: 'agree' })
    await h.RUS!.send('POST', `${base}/positions`, { kind: 'agree' })
    await h.TJK!.send('POST', `${base}/positions`, { kind: 'objection', text: 'Against' })
    const refused = await move('approval_ballot')
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error.details.failures).toEqual([
      { guard: 'ballot_approved', documents: [documentId] },
    ])
    expect(refused.json().error.message).toContain(
      'The ballot did not reach the required majority on: «The standard».',
    )

    // 3 of 4 in favour (≥ 2/3) and 1 of 4 against (≤ 1/4): approved.
    await h.KAZ!.send('POST', `${base}/positions`, { kind: 'agree' })
    expect((await move('approval_ballot')).statusCode).toBe(200)
    expect((await move('publication')).statusCode).toBe(200)
  })
})
