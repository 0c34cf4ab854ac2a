import { createTestApp, type Session, signIn, type TestApp } from '@test/support/app.js'
import {
  buildDossier,
  buildOrganization,
  buildUser,
  type DossierWorld,
  sampleContent,
} from '@test/support/factories.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let t: TestApp
let w: DossierWorld
let editor: Session
let headTJK: Session
let expertTJK: Session
let headARM: Session
let headRUS: Session
let observerMDA: Session
let roundId: string

const hour = 3600_000
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString()

beforeAll(async () => {
  t = await createTestApp()
  const world = await buildOrganization(t.handle, {
    members: ['ARM', 'TJK', 'RUS', 'KAZ'],
    observers: ['MDA'],
  })
  w = await buildDossier(t.handle, { world, participants: ['ARM', 'TJK', 'RUS', 'MDA'] })
  editor = await signIn(t.app, (await buildUser(t.handle, w, 'secretariat_editor')).email)
  headTJK = await signIn(t.app, (await buildUser(t.handle, w, 'head_of_delegation', 'TJK')).email)
  expertTJK = await signIn(t.app, (await buildUser(t.handle, w, 'expert', 'TJK')).email)
  headARM = await signIn(t.app, (await buildUser(t.handle, w, 'head_of_delegation', 'ARM')).email)
  headRUS = await signIn(t.app, (await buildUser(t.handle, w, 'head_of_delegation', 'RUS')).email)
  observerMDA = await signIn(t.app, (await buildUser(t.handle, w, 'observer_delegate', 'MDA')).email)
})
afterAll(() => t.close())

const contribute = (s: Session, body: Record<string, unknown>) =>
  s.send('POST', `/api/rounds/${roundId}/contributions`, body)

describe('opening a round', () => {
  it('refuses bad dates and unknown time zones, and delegates', async () => {
    const url = `/api/documents/${w.document.id}/rounds`
    const bad = await editor.send('POST', url, {
      versionId: w.published.id,
      opensAt: iso(hour),
      closesAt: iso(-hour),
      timezone: 'Europe/Minsk',
    })
    expect(bad.statusCode).toBe(422)
    expect(bad.json().error.code).toBe('round_dates_invalid')
    const tz = await editor.send('POST', url, {
      versionId: w.published.id,
      opensAt: iso(-hour),
      closesAt: iso(hour),
      timezone: 'Mars/Olympus',
    })
    expect(tz.json().error.details.fields[0].path).toBe('body.timezone')
    expect(
      (
        await headTJK.send('POST', url, {
          versionId: w.published.id,
          opensAt: iso(-hour),
          closesAt: iso(hour),
          timezone: 'Europe/Minsk',
        })
      ).statusCode,
    ).toBe(403)
  })

  it('opens a round on the circulated version and notifies the delegations taking part', async () => {
    const res = await editor.send('POST', `/api/documents/${w.document.id}/rounds`, {
      versionId: w.published.id,
      opensAt: iso(-hour),
      closesAt: iso(24 * hour),
      timezone: 'Europe/Minsk',
    })
    expect(res.statusCode).toBe(201)
    roundId = res.json().data.id
    expect(res.json().data.state).toBe('open')
    const inbox = (await headTJK.get('/api/notifications')).json()
    expect(inbox.data[0].kind).toBe('round_opened')
    expect(inbox.unread).toBe(1)
    expect(inbox.data[0].link).toContain(w.document.id)
  })
})

describe('contributions', () => {
  let draftId: string
  let amendmentId: string

  it('lets an expert draft an amendment that only its party sees, and the head submit it', async () => {
    const res = await contribute(expertTJK, {
      kind: 'amendment',
      provisionEid: 'para_2',
      proposedText: 'Пункт 2 в новой редакции.',
      justification: 'Уточнение',
    })
    expect(res.statusCode).toBe(201)
    expect(res.json().data.status).toBe('draft')
    draftId = res.json().data.id
    expect((await headARM.get(`/api/contributions/${draftId}`)).statusCode).toBe(404)
    expect((await editor.get(`/api/contributions/${draftId}`)).statusCode).toBe(404)
    expect(
      (await expertTJK.send('POST', `/api/contributions/${draftId}/submit`, { version: 1 })).statusCode,
    ).toBe(403)
    const submitted = await headTJK.send('POST', `/api/contributions/${draftId}/submit`, { version: 1 })
    expect(submitted.statusCode).toBe(200)
    expect(submitted.json().data.status).toBe('submitted')
    expect((await editor.get(`/api/contributions/${draftId}`)).statusCode).toBe(200)
  })

  it('marks an observer contribution as such', async () => {
    const res = await contribute(observerMDA, {
      kind: 'comment',
      provisionEid: 'para_1',
      comment: 'Поддерживаем.',
    })
    expect(res.statusCode).toBe(201)
    expect(res.json().data).toMatchObject({ isObserver: true, status: 'submitted' })
  })

  it('lets another party co-sponsor a proposal, but not its own', async () => {
    const res = await contribute(headARM, {
      kind: 'amendment',
      provisionEid: 'para_3',
      proposedText: 'Пункт 3, новая редакция.',
    })
    amendmentId = res.json().data.id
    const joined = await headRUS.send('POST', `/api/contributions/${amendmentId}/cosponsors`)
    expect(joined.statusCode).toBe(200)
    expect(joined.json().data.cosponsors.map((p: { code: string }) => p.code)).toEqual(['RUS'])
    expect((await headARM.send('POST', `/api/contributions/${amendmentId}/cosponsors`)).statusCode).toBe(403)
    const left = await headRUS.send('DELETE', `/api/contributions/${amendmentId}/cosponsors`)
    expect(left.json().data.cosponsors).toEqual([])
  })

  it('refuses bad input with the right codes and writes nothing', async () => {
    const missing = await contribute(headTJK, {
      kind: 'amendment',
      provisionEid: 'para_99',
      proposedText: 'x',
    })
    expect(missing.statusCode).toBe(404)
    expect(missing.json().error).toMatchObject({ code: 'provision_not_found', details: { eid: 'para_99' } })
    const empty = await contribute(headTJK, {
      kind: 'amendment',
      provisionEid: 'para_1',
      proposedText: '   ',
    })
    expect(empty.statusCode).toBe(422)
    expect(empty.json().error.details.fields[0].path).toBe('body.proposedText')
    const long = await contribute(headTJK, {
      kind: 'comment',
      provisionEid: 'para_1',
      comment: 'я'.repeat(50_001),
    })
    expect(long.statusCode).toBe(413)
    expect(long.json().error.code).toBe('text_too_long')
    const count = await t.handle.db
      .selectFrom('contributions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(3)
  })

  it('lets a party withdraw until disposed of; a disposition on a withdrawn one is 409', async () => {
    const c = (await contribute(headTJK, { kind: 'deletion', provisionEid: 'para_1' })).json().data
    const out = await headTJK.send('POST', `/api/contributions/${c.id}/withdraw`, { version: 1 })
    expect(out.json().data.status).toBe('withdrawn')
    const d = await editor.send('PUT', `/api/contributions/${c.id}/disposition`, {
      decision: 'accepted',
      reasoning: { ru: 'x' },
    })
    expect(d.statusCode).toBe(409)
    expect(d.json().error.code).toBe('contribution_withdrawn')
  })

  it('records dispositions, hides them from parties until published, and refuses withdrawal after', async () => {
    const partial = await editor.send('PUT', `/api/contributions/${draftId}/disposition`, {
      decision: 'accepted_in_part',
      reasoning: { ru: 'Принято с редакционной правкой', en: 'Accepted with an editorial change' },
    })
    expect(partial.statusCode).toBe(422)
    expect(partial.json().error.details.fields[0].path).toBe('body.adoptedText')
    const ok = await editor.send('PUT', `/api/contributions/${draftId}/disposition`, {
      decision: 'accepted_in_part',
      reasoning: { ru: 'Принято с редакционной правкой', en: 'Accepted with an editorial change' },
      adoptedText: 'Пункт 2 в согласованной редакции.',
    })
    expect(ok.statusCode).toBe(200)
    expect(ok.json().data.disposition.decision).toBe('accepted_in_part')
    expect((await headTJK.get(`/api/contributions/${draftId}`)).json().data.disposition).toBeNull()
    const late = await headTJK.send('POST', `/api/contributions/${draftId}/withdraw`, { version: 2 })
    expect(late.statusCode).toBe(409)
    expect(late.json().error.code).toBe('contribution_disposed')
    const stale = await editor.send('PUT', `/api/contributions/${draftId}/disposition`, {
      decision: 'accepted',
      reasoning: {},
      version: 7,
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().error.code).toBe('version_changed')
  })

  it('disposes in bulk, all or nothing', async () => {
    const bad = await editor.send('POST', `/api/rounds/${roundId}/dispositions`, {
      items: [
        { contributionId: amendmentId, decision: 'accepted', reasoning: { ru: 'Принято' } },
        { contributionId: '01890000-0000-7000-8000-000000000000', decision: 'accepted', reasoning: {} },
      ],
    })
    expect(bad.statusCode).toBe(404)
    expect(
      await t.handle.db
        .selectFrom('dispositions')
        .select('contribution_id')
        .where('contribution_id', '=', amendmentId)
        .executeTakeFirst(),
    ).toBeUndefined()
    const ok = await editor.send('POST', `/api/rounds/${roundId}/dispositions`, {
      items: [{ contributionId: amendmentId, decision: 'accepted', reasoning: { ru: 'Принято' } }],
    })
    expect(ok.statusCode).toBe(200)
    expect(ok.json().data[0].disposition.decision).toBe('accepted')
  })

  it('publishes dispositions to the parties, with a notification', async () => {
    const round = (await editor.get(`/api/rounds/${roundId}`)).json().data
    const res = await editor.send('POST', `/api/rounds/${roundId}/publish-dispositions`, {
      version: round.version,
    })
    expect(res.statusCode).toBe(200)
    expect((await headTJK.get(`/api/contributions/${draftId}`)).json().data.disposition.decision).toBe(
      'accepted_in_part',
    )
    expect((await headTJK.get('/api/notifications')).json().data[0].kind).toBe('dispositions_published')
  })

  it('builds the consolidated table with redlines, dispositions and resulting texts, and filters it', async () => {
    const table = (await headTJK.get(`/api/rounds/${roundId}/table`)).json().data
    const para2 = table.rows.find((r: { eid: string }) => r.eid === 'para_2')
    expect(para2.text).toBe('Пункт 2 на русском языке.')
    expect(para2.contributions[0].party.code).toBe('TJK')
    expect(para2.contributions[0].redline.some((op: { op: string }) => op.op === 'insert')).toBe(true)
    expect(para2.resultingText).toBe('Пункт 2 в согласованной редакции.')
    const para1 = table.rows.find((r: { eid: string }) => r.eid === 'para_1')
    expect(para1.contributions.find((c: { isObserver: boolean }) => c.isObserver).party.code).toBe('MDA')
    const onlyArm = (await editor.get(`/api/rounds/${roundId}/table?party=ARM`)).json().data
    expect(onlyArm.rows.flatMap((r: { contributions: unknown[] }) => r.contributions)).toHaveLength(1)
    const amendments = (
      await editor.get(`/api/rounds/${roundId}/table?kind=amendment&status=accepted`)
    ).json().data
    expect(amendments.rows.map((r: { eid: string }) => r.eid)).toEqual(['para_3'])
    expect((await editor.get(`/api/rounds/${roundId}/table?kind=nonsense`)).statusCode).toBe(422)
  })

  it('lists "our contributions" for a party', async () => {
    const ours = (await headTJK.get('/api/contributions?party=mine')).json().data
    expect(ours.every((c: { party: { code: string } }) => c.party.code === 'TJK')).toBe(true)
    expect(ours.length).toBe(2)
  })
})

describe('revisions and the redline', () => {
  it('creates Rev.1 with accepted contributions applied, linked back to them, and a redline', async () => {
    const res = await editor.send('POST', `/api/documents/${w.document.id}/revisions`, {
      fromVersionId: w.published.id,
      roundId,
      label: { ru: 'Ред. 1', en: 'Rev.1' },
    })
    expect(res.statusCode).toBe(201)
    expect(res.json().data.applied).toBe(2)
    const revId = res.json().data.versionId
    const rev = (await editor.get(`/api/documents/${w.document.id}/versions/${revId}`)).json().data
    expect(rev.status).toBe('draft')
    expect(rev.provisions.find((p: { eid: string }) => p.eid === 'para_2').text.ru[0].text).toBe(
      'Пункт 2 в согласованной редакции.',
    )
    const sources = (await editor.get(`/api/documents/${w.document.id}/versions/${revId}/sources`)).json()
      .data
    expect(Object.keys(sources).sort()).toEqual(['para_2', 'para_3'])
    const redline = (
      await editor.get(`/api/documents/${w.document.id}/compare?from=${w.published.id}&to=${revId}`)
    ).json().data
    expect(redline.stats.changed).toBe(2)
    const change = redline.changes.find((c: { eid: string }) => c.eid === 'para_2')
    expect(change.sources).toHaveLength(1)
    expect(change.ops.map((o: { op: string }) => o.op)).toContain('delete')
  })

  it('refuses new contributions on a superseded version, naming the current one', async () => {
    const drafted = await editor.send('POST', `/api/documents/${w.document.id}/versions`, {
      label: { en: 'Rev.2' },
      content: sampleContent(4),
    })
    await editor.send('POST', `/api/documents/${w.document.id}/versions/${drafted.json().data.id}/publish`, {
      version: 1,
    })
    const res = await contribute(headTJK, { kind: 'comment', provisionEid: 'para_1', comment: 'x' })
    expect(res.statusCode).toBe(409)
    expect(res.json().error.code).toBe('version_superseded')
    expect(res.json().error.details.current.id).toBe(drafted.json().data.id)
  })
})

describe('closed rounds', () => {
  it('refuses contributions after the deadline, and accepts them again once reopened', async () => {
    const d = await buildDossier(t.handle, { world: w })
    const round = (
      await editor.send('POST', `/api/documents/${d.document.id}/rounds`, {
        versionId: d.published.id,
        opensAt: iso(-2 * hour),
        closesAt: iso(-hour),
        timezone: 'Asia/Dushanbe',
      })
    ).json().data
    const url = `/api/rounds/${round.id}/contributions`
    const late = await headTJK.send(
      'POST',
      url,
      { kind: 'general', comment: 'Поздно' },
      { 'accept-language': 'en' },
    )
    expect(late.statusCode).toBe(409)
    expect(late.json().error.code).toBe('round_closed')
    expect(late.json().error.message).toContain('(Asia/Dushanbe)')
    const reopened = await editor.send('PATCH', `/api/rounds/${round.id}`, {
      version: 1,
      closesAt: iso(hour),
    })
    expect(reopened.json().data.state).toBe('open')
    expect((await headTJK.send('POST', url, { kind: 'general', comment: 'Теперь вовремя' })).statusCode).toBe(
      201,
    )
    const trail = (await editor.get(`/api/dossiers/${d.dossier.id}/audit`))
      .json()
      .data.map((e: { action: string }) => e.action)
    expect(trail).toContain('round.reopen')
  })
})

describe('downloads', () => {
  it('serves the consolidated table as DOCX and PDF, and the redline as DOCX with tracked changes', async () => {
    const docx = await editor.get(`/api/rounds/${roundId}/table.docx?lang=en`)
    expect(docx.statusCode).toBe(200)
    expect(docx.headers['content-type']).toContain('wordprocessingml')
    expect(docx.headers['content-disposition']).toMatch(
      /^attachment; filename=".+\.docx"; filename\*=UTF-8''/,
    )
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK')
    const pdf = await headTJK.get(`/api/rounds/${roundId}/table.pdf?party=TJK`)
    expect(pdf.statusCode).toBe(200)
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    const versions = (await editor.get(`/api/documents/${w.document.id}/versions`)).json().data
    const rev = versions.find((v: { label: { en: string } }) => v.label.en === 'Rev.1')
    const red = await editor.get(
      `/api/documents/${w.document.id}/compare.docx?from=${w.published.id}&to=${rev.id}`,
    )
    expect(red.statusCode).toBe(200)
    const { unzipSync, strFromU8 } = await import('fflate')
    const xml = strFromU8(unzipSync(new Uint8Array(red.rawPayload))['word/document.xml']!)
    expect(xml).toContain('<w:ins ')
    expect(xml).toContain('<w:del ')
    expect(xml).toContain('согласованной')
  })
})

describe('co-sponsoring and table languages', () => {
  it('refuses co-sponsoring once the round is closed, and the policy says so', async () => {
    const d = await buildDossier(t.handle, { world: w })
    const round = (
      await editor.send('POST', `/api/documents/${d.document.id}/rounds`, {
        versionId: d.published.id,
        opensAt: iso(-hour),
        closesAt: iso(hour),
        timezone: 'Europe/Minsk',
      })
    ).json().data
    const c = (
      await headARM.send('POST', `/api/rounds/${round.id}/contributions`, {
        kind: 'amendment',
        provisionEid: 'para_1',
        proposedText: 'Новый пункт 1.',
      })
    ).json().data
    const listed = (await headRUS.get(`/api/rounds/${round.id}/contributions`)).json().data[0]
    expect(listed.policies.cosponsor).toBe(true)
    await editor.send('PATCH', `/api/rounds/${round.id}`, {
      version: 1,
      opensAt: iso(-2 * hour),
      closesAt: iso(-hour / 2),
    })
    expect((await headRUS.get(`/api/contributions/${c.id}`)).json().policies.cosponsor).toBe(false)
    expect((await headRUS.send('POST', `/api/contributions/${c.id}/cosponsors`)).statusCode).toBe(403)
  })

  it('compares a Russian proposal with the Russian text even in an English table', async () => {
    const table = (await editor.get(`/api/rounds/${roundId}/table?lang=en&provision=para_2`)).json().data
    const row = table.rows[0]
    expect(row.text).toBe('Paragraph 2 in English.')
    const c = row.contributions[0]
    expect(c.language).toBe('ru')
    expect(c.redline.find((o: { op: string }) => o.op === 'equal').text).toMatch(/Пункт 2/)
    expect(row.resultingLang).toBe('ru')
  })
})

describe('a party lets its experts submit', () => {
  it('is the head of delegation’s choice; then the expert submits directly', async () => {
    const d = await buildDossier(t.handle, { world: w })
    const round = (
      await editor.send('POST', `/api/documents/${d.document.id}/rounds`, {
        versionId: d.published.id,
        opensAt: iso(-hour),
        closesAt: iso(hour),
        timezone: 'Europe/Minsk',
      })
    ).json().data
    const tjk = w.parties.TJK!.id
    const url = `/api/organizations/${w.org.id}/parties/${tjk}`
    expect((await expertTJK.send('PATCH', url, { expertsMaySubmit: true })).statusCode).toBe(403)
    expect((await headARM.send('PATCH', url, { expertsMaySubmit: true })).statusCode).toBe(403)
    const ok = await headTJK.send('PATCH', url, { expertsMaySubmit: true })
    expect(ok.json().data.expertsMaySubmit).toBe(true)
    const c = await expertTJK.send('POST', `/api/rounds/${round.id}/contributions`, {
      kind: 'comment',
      provisionEid: 'para_1',
      comment: 'Эксперт',
    })
    expect(c.json().data.status).toBe('submitted')
    await headTJK.send('PATCH', url, { expertsMaySubmit: false })
  })
})
