/**
 * The policy matrix: every route × every role, with the expected answer, on a dossier in
 * which every party but KAZ takes part. Writes that succeed run against fresh state.
 * Then every list is checked against `can()`.
 */

import type { Role } from '@core/domain/roles.js'
import { can } from '@server/policies/index.js'
import { dossierSubject, participantsOf } from '@server/repositories/dossiers.js'
import { createTestApp, type Session, signIn, type TestApp } from '@test/support/app.js'
import {
  buildDossier,
  buildOrganization,
  buildUser,
  type DossierWorld,
  sampleContent,
} from '@test/support/factories.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

type Actor = Role | 'outsider' | 'anonymous'
const ACTORS: Actor[] = [
  'secretariat_admin',
  'secretariat_editor',
  'press_officer',
  'head_of_delegation',
  'expert',
  'observer_delegate',
  'outsider',
  'anonymous',
]
const PARTY_OF: Partial<Record<Actor, string>> = {
  head_of_delegation: 'TJK',
  expert: 'TJK',
  observer_delegate: 'MDA',
  outsider: 'KAZ',
}

let t: TestApp
let w: DossierWorld
const sessions = new Map<Actor, Session>()

interface Case {
  name: string
  /** Builds the request against current state. */
  request: () => Promise<{ method: 'GET' | 'POST' | 'PATCH' | 'PUT'; url: string; body?: unknown }>
  expect: Record<Actor, number>
}

const all = (code: number, overrides: Partial<Record<Actor, number>> = {}): Record<Actor, number> => ({
  ...(Object.fromEntries(ACTORS.map((a) => [a, code])) as Record<Actor, number>),
  anonymous: 401,
  ...overrides,
})
/** Only the pen-holders (admin and editor) may; other readers get 403, outsiders 404. */
const penHolders = (ok: number) => all(403, { secretariat_admin: ok, secretariat_editor: ok, outsider: 404 })

async function current(table: 'dossiers' | 'documents', id: string) {
  return (
    await t.handle.db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirstOrThrow()
  ).version
}
let refs = 0
async function newDraft(): Promise<string> {
  const s = sessions.get('secretariat_editor')!
  const res = await s.send('POST', `/api/documents/${w.document.id}/versions`, {
    label: { en: `D${++refs}` },
    content: sampleContent(),
  })
  return res.json().data.id
}
let sharedDraft: string
let roundId: string
const soon = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString()
async function roundVersion() {
  return (
    await t.handle.db
      .selectFrom('comment_rounds')
      .select('version')
      .where('id', '=', roundId)
      .executeTakeFirstOrThrow()
  ).version
}
/** A fresh contribution submitted by Tajikistan's head (or another party's). */
async function submitted(party: 'TJK' | 'ARM' = 'TJK'): Promise<string> {
  const s = party === 'TJK' ? sessions.get('head_of_delegation')! : armHead
  const res = await s.send('POST', `/api/rounds/${roundId}/contributions`, {
    kind: 'comment',
    provisionEid: 'para_2',
    comment: 'c',
  })
  return res.json().data.id
}
let armHead: Session

const CASES: Case[] = [
  { name: 'GET /api/me', request: async () => ({ method: 'GET', url: '/api/me' }), expect: all(200) },
  {
    name: 'GET /api/organizations',
    request: async () => ({ method: 'GET', url: '/api/organizations' }),
    expect: all(200),
  },
  {
    name: 'GET /api/organizations/:id',
    request: async () => ({ method: 'GET', url: `/api/organizations/${w.org.id}` }),
    expect: all(200),
  },
  {
    name: 'GET /api/organizations/:id/parties',
    request: async () => ({ method: 'GET', url: `/api/organizations/${w.org.id}/parties` }),
    expect: all(200),
  },
  {
    name: 'GET /api/organizations/:id/bodies',
    request: async () => ({ method: 'GET', url: `/api/organizations/${w.org.id}/bodies` }),
    expect: all(200),
  },
  {
    name: 'GET /api/dossiers',
    request: async () => ({ method: 'GET', url: '/api/dossiers' }),
    expect: all(200),
  },
  {
    name: 'POST /api/dossiers',
    request: async () => ({
      method: 'POST',
      url: '/api/dossiers',
      body: { organizationId: w.org.id, reference: `M-${++refs}`, title: { ru: 'x' } },
    }),
    expect: all(403, { secretariat_admin: 201, secretariat_editor: 201 }),
  },
  {
    name: 'GET /api/dossiers/:id',
    request: async () => ({ method: 'GET', url: `/api/dossiers/${w.dossier.id}` }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'PATCH /api/dossiers/:id',
    request: async () => ({
      method: 'PATCH',
      url: `/api/dossiers/${w.dossier.id}`,
      body: { version: await current('dossiers', w.dossier.id), title: { ru: 'y' } },
    }),
    expect: penHolders(200),
  },
  {
    name: 'POST /api/dossiers/:id/stage',
    request: async () => {
      const stage = (
        await t.handle.db
          .selectFrom('dossiers')
          .select('stage')
          .where('id', '=', w.dossier.id)
          .executeTakeFirstOrThrow()
      ).stage
      return {
        method: 'POST',
        url: `/api/dossiers/${w.dossier.id}/stage`,
        body: {
          version: await current('dossiers', w.dossier.id),
          to: stage === 'drafting' ? 'comments' : 'drafting',
        },
      }
    },
    expect: penHolders(200),
  },
  {
    name: 'GET /api/dossiers/:id/audit',
    request: async () => ({ method: 'GET', url: `/api/dossiers/${w.dossier.id}/audit` }),
    expect: all(403, { secretariat_admin: 200, secretariat_editor: 200, outsider: 404 }),
  },
  {
    name: 'POST /api/dossiers/:id/documents',
    request: async () => ({
      method: 'POST',
      url: `/api/dossiers/${w.dossier.id}/documents`,
      body: { kind: 'decision', title: { ru: 'x' } },
    }),
    expect: penHolders(201),
  },
  {
    name: 'GET /api/documents/:id',
    request: async () => ({ method: 'GET', url: `/api/documents/${w.document.id}` }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'PATCH /api/documents/:id',
    request: async () => ({
      method: 'PATCH',
      url: `/api/documents/${w.document.id}`,
      body: { version: await current('documents', w.document.id), title: { ru: 'z' } },
    }),
    expect: penHolders(200),
  },
  {
    name: 'GET /api/documents/:id/versions',
    request: async () => ({ method: 'GET', url: `/api/documents/${w.document.id}/versions` }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'POST /api/documents/:id/versions',
    request: async () => ({
      method: 'POST',
      url: `/api/documents/${w.document.id}/versions`,
      body: { label: { en: 'X' }, content: sampleContent() },
    }),
    expect: penHolders(201),
  },
  {
    name: 'GET circulated version',
    request: async () => ({
      method: 'GET',
      url: `/api/documents/${w.document.id}/versions/${w.published.id}`,
    }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'GET circulated version content',
    request: async () => ({
      method: 'GET',
      url: `/api/documents/${w.document.id}/versions/${w.published.id}/content`,
    }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'GET working draft (secretariat only)',
    request: async () => ({ method: 'GET', url: `/api/documents/${w.document.id}/versions/${sharedDraft}` }),
    expect: all(404, { secretariat_admin: 200, secretariat_editor: 200, press_officer: 200 }),
  },
  {
    name: 'GET /api/notifications',
    request: async () => ({ method: 'GET', url: '/api/notifications' }),
    expect: all(200),
  },
  {
    name: 'GET /api/documents/:id/rounds',
    request: async () => ({ method: 'GET', url: `/api/documents/${w.document.id}/rounds` }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'POST /api/documents/:id/rounds',
    request: async () => ({
      method: 'POST',
      url: `/api/documents/${w.document.id}/rounds`,
      body: { versionId: w.published.id, opensAt: soon(-1), closesAt: soon(48), timezone: 'Europe/Minsk' },
    }),
    expect: penHolders(201),
  },
  {
    name: 'GET /api/rounds/:id',
    request: async () => ({ method: 'GET', url: `/api/rounds/${roundId}` }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'PATCH /api/rounds/:id',
    request: async () => ({
      method: 'PATCH',
      url: `/api/rounds/${roundId}`,
      body: { version: await roundVersion(), closesAt: soon(24 + ++refs) },
    }),
    expect: penHolders(200),
  },
  {
    name: 'GET /api/rounds/:id/contributions',
    request: async () => ({ method: 'GET', url: `/api/rounds/${roundId}/contributions` }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'POST /api/rounds/:id/contributions',
    request: async () => ({
      method: 'POST',
      url: `/api/rounds/${roundId}/contributions`,
      body: { kind: 'comment', provisionEid: 'para_1', comment: 'x' },
    }),
    expect: all(403, { head_of_delegation: 201, expert: 201, observer_delegate: 201, outsider: 404 }),
  },
  {
    name: 'GET /api/rounds/:id/table',
    request: async () => ({ method: 'GET', url: `/api/rounds/${roundId}/table` }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'PUT /api/contributions/:id/disposition',
    request: async () => ({
      method: 'PUT',
      url: `/api/contributions/${await submitted()}/disposition`,
      body: { decision: 'accepted', reasoning: { ru: 'x' } },
    }),
    expect: penHolders(200),
  },
  {
    name: 'POST /api/contributions/:id/withdraw',
    request: async () => ({
      method: 'POST',
      url: `/api/contributions/${await submitted()}/withdraw`,
      body: { version: 1 },
    }),
    expect: all(403, { outsider: 404, head_of_delegation: 200 }),
  },
  {
    name: 'POST /api/contributions/:id/cosponsors',
    request: async () => ({ method: 'POST', url: `/api/contributions/${await submitted('ARM')}/cosponsors` }),
    expect: all(403, { outsider: 404, head_of_delegation: 200 }),
  },
  {
    name: 'POST /api/rounds/:id/publish-dispositions',
    request: async () => ({
      method: 'POST',
      url: `/api/rounds/${roundId}/publish-dispositions`,
      body: { version: await roundVersion() },
    }),
    expect: penHolders(200),
  },
  {
    name: 'GET /api/documents/:id/compare',
    request: async () => ({
      method: 'GET',
      url: `/api/documents/${w.document.id}/compare?from=${w.published.id}&to=${w.published.id}`,
    }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'GET consensus of a circulated version',
    request: async () => ({
      method: 'GET',
      url: `/api/documents/${w.document.id}/versions/${w.published.id}/consensus`,
    }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'POST a position on a circulated version',
    request: async () => ({
      method: 'POST',
      url: `/api/documents/${w.document.id}/versions/${w.published.id}/positions`,
      body: { kind: 'agree' },
    }),
    expect: all(403, { head_of_delegation: 201, observer_delegate: 201, outsider: 404 }),
  },
  {
    name: 'POST freeze (refused while not agreed)',
    request: async () => ({
      method: 'POST',
      url: `/api/documents/${w.document.id}/versions/${w.published.id}/freeze`,
    }),
    expect: all(403, { secretariat_admin: 409, secretariat_editor: 409, outsider: 404 }),
  },
  {
    name: 'GET brackets of a circulated version',
    request: async () => ({
      method: 'GET',
      url: `/api/documents/${w.document.id}/versions/${w.published.id}/brackets`,
    }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'GET silence procedures of a circulated version',
    request: async () => ({
      method: 'GET',
      url: `/api/documents/${w.document.id}/versions/${w.published.id}/silence`,
    }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'GET the text of a circulated version as DOCX',
    request: async () => ({
      method: 'GET',
      url: `/api/documents/${w.document.id}/versions/${w.published.id}/text.docx`,
    }),
    expect: all(200, { outsider: 404 }),
  },
  {
    name: 'GET the certificate of a version not frozen',
    request: async () => ({
      method: 'GET',
      url: `/api/documents/${w.document.id}/versions/${w.published.id}/certificate.pdf`,
    }),
    expect: all(409, { outsider: 404 }),
  },
  {
    name: 'PATCH working draft',
    request: async () => {
      const id = await newDraft()
      return {
        method: 'PATCH',
        url: `/api/documents/${w.document.id}/versions/${id}`,
        body: { version: 1, label: { en: 'L' } },
      }
    },
    expect: all(404, { secretariat_admin: 200, secretariat_editor: 200, press_officer: 403 }),
  },
  {
    name: 'POST publish working draft',
    request: async () => {
      const id = await newDraft()
      return {
        method: 'POST',
        url: `/api/documents/${w.document.id}/versions/${id}/publish`,
        body: { version: 1 },
      }
    },
    expect: all(404, { secretariat_admin: 200, secretariat_editor: 200, press_officer: 403 }),
  },
  {
    name: 'PATCH circulated version (immutable)',
    request: async () => ({
      method: 'PATCH',
      url: `/api/documents/${w.document.id}/versions/${w.published.id}`,
      body: { version: 2, label: { en: 'L' } },
    }),
    expect: all(403, { secretariat_admin: 409, secretariat_editor: 409, outsider: 404 }),
  },
]

beforeAll(async () => {
  t = await createTestApp()
  const world = await buildOrganization(t.handle, {
    members: ['ARM', 'TJK', 'RUS', 'KAZ'],
    observers: ['MDA'],
  })
  w = await buildDossier(t.handle, { world, participants: ['ARM', 'TJK', 'RUS', 'MDA'] })
  for (const actor of ACTORS) {
    if (actor === 'anonymous') continue
    const role: Role = actor === 'outsider' ? 'head_of_delegation' : actor
    const user = await buildUser(t.handle, world, role, PARTY_OF[actor])
    sessions.set(actor, await signIn(t.app, user.email))
  }
  sharedDraft = await newDraft()
  armHead = await signIn(t.app, (await buildUser(t.handle, world, 'head_of_delegation', 'ARM')).email)
  const round = await sessions
    .get('secretariat_editor')!
    .send('POST', `/api/documents/${w.document.id}/rounds`, {
      versionId: w.published.id,
      opensAt: soon(-1),
      closesAt: soon(24),
      timezone: 'Europe/Minsk',
    })
  roundId = round.json().data.id
})
afterAll(() => t.close())

describe('policy matrix: every route × every role', () => {
  for (const c of CASES) {
    it(`${c.name}`, async () => {
      const got: Record<string, number> = {}
      for (const actor of ACTORS) {
        const { method, url, body } = await c.request()
        const s = sessions.get(actor)
        const res =
          actor === 'anonymous'
            ? await t.app.inject({ method, url, ...(body ? { payload: body as object } : {}) })
            : method === 'GET'
              ? await s!.get(url)
              : await s!.send(method, url, body)
        got[actor] = res.statusCode
      }
      expect(got).toEqual(c.expect)
    })
  }
})

describe('every list agrees with can()', () => {
  it('lists exactly the dossiers each user may read', async () => {
    const extra = await buildDossier(t.handle, { world: w, participants: ['KAZ'] })
    const rows = await t.handle.db.selectFrom('dossiers').selectAll().execute()
    const participants = await participantsOf(
      t.handle.db,
      rows.map((r) => r.id),
    )
    for (const actor of ACTORS) {
      if (actor === 'anonymous') continue
      const s = sessions.get(actor)!
      const me = (await s.get('/api/me')).json().data
      const user = { ...me, partyId: me.party?.id ?? null, secretariatOrgId: me.secretariatOf?.id ?? null }
      const listed = new Set(
        (await s.get('/api/dossiers?limit=200')).json().data.map((d: { id: string }) => d.id),
      )
      const allowed = new Set(
        rows.filter((r) => can(user, 'read', dossierSubject(r, participants))).map((r) => r.id),
      )
      expect([...listed].sort(), actor).toEqual([...allowed].sort())
    }
    expect(extra.dossier.id).toBeTruthy()
  })

  it('lists exactly the contributions each user may read (drafts stay within their party)', async () => {
    await sessions.get('expert')!.send('POST', `/api/rounds/${roundId}/contributions`, {
      kind: 'comment',
      provisionEid: 'para_3',
      comment: 'draft',
    })
    const rows = await t.handle.db
      .selectFrom('contributions')
      .select(['id', 'status', 'party_id'])
      .where('round_id', '=', roundId)
      .execute()
    expect(rows.some((r) => r.status === 'draft')).toBe(true)
    for (const actor of ACTORS) {
      if (actor === 'anonymous') continue
      const s = sessions.get(actor)!
      const me = (await s.get('/api/me')).json().data
      const listed = (await s.get(`/api/rounds/${roundId}/contributions?limit=200`)).json().data ?? []
      const expected =
        actor === 'outsider'
          ? []
          : rows.filter((r) => r.status !== 'draft' || r.party_id === me.party?.id).map((r) => r.id)
      expect(listed.map((c: { id: string }) => c.id).sort(), actor).toEqual(expected.sort())
    }
  })

  it('lists exactly the versions each user may read', async () => {
    for (const actor of ACTORS) {
      if (actor === 'anonymous' || actor === 'outsider') continue
      const s = sessions.get(actor)!
      const listed = (await s.get(`/api/documents/${w.document.id}/versions?limit=200`)).json().data as {
        id: string
        status: string
      }[]
      const isSecretariat = ['secretariat_admin', 'secretariat_editor', 'press_officer'].includes(actor)
      const rows = await t.handle.db
        .selectFrom('versions')
        .select(['id', 'status'])
        .where('document_id', '=', w.document.id)
        .execute()
      const expected = rows.filter((r) => isSecretariat || r.status === 'published').map((r) => r.id)
      expect(listed.map((v) => v.id).sort(), actor).toEqual(expected.sort())
    }
  })
})
