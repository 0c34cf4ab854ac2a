/**
 * The seed story as one API test, through HTTP only: the CIS Executive Committee circulates a
 * draft Joint Statement with two draft decisions; the delegations comment and propose; the
 * secretariat disposes and produces Rev.1; the expert group meets in Minsk by videoconference
 * on 21 August 2020 (invitations, answers, attendance, quorum), agrees the texts (Tajikistan
 * ad referendum, Moldova heard as an observer) and records the outcome; the minutes are drafted
 * and approved; the package goes to domestic approval in each member state (refused until
 * every state has approved, naming who holds it up); the Council of Foreign Ministers
 * recommends it and the Council of Heads of State adopts it; the depositary copy carries the
 * hash. Each step is checked as the people involved would see it.
 */

import { verifyChain } from '@server/audit/log.js'
import { bodyCreator } from '@server/commands/organizations.js'
import { inTransaction } from '@server/context.js'
import { extractPdfText } from '@server/exports/pdf/extract-text.js'
import { createTestApp, type Session, signIn, type TestApp } from '@test/support/app.js'
import { buildOrganization, buildUser, sampleContent, type World } from '@test/support/factories.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const MEMBERS = ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK', 'TKM', 'UZB']
const hour = 3600_000
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString()

let t: TestApp
let w: World
let editor: Session
let admin: Session
const heads: Record<string, Session> = {}
let observer: Session
let bodies: Record<string, string>

let dossierId: string
const docs: { id: string; versionId: string }[] = []
let roundId: string
let meetingId: string

/** The status, or a failure that shows the answer's body. */
function expectStatus(res: { statusCode: number; body: string }, status: number) {
  expect(res.statusCode, res.body.slice(0, 800)).toBe(status)
}

async function dossierVersion() {
  return (await editor.get(`/api/dossiers/${dossierId}`)).json().data.version as number
}

async function move(to: string) {
  return editor.send('POST', `/api/dossiers/${dossierId}/stage`, { version: await dossierVersion(), to })
}

beforeAll(async () => {
  t = await createTestApp()
  w = await buildOrganization(t.handle, { members: MEMBERS, observers: ['MDA'] })
  bodies = { EG: (await t.handle.db.selectFrom('bodies').select('id').executeTakeFirstOrThrow()).id }
  await inTransaction(t.handle, null, 'test', async (ctx) => {
    for (const code of ['CFM', 'CHS']) {
      const body = await bodyCreator(ctx, w.org, {
        code,
        kind: 'council',
        name: { ru: code, en: code },
        decisionRule: { kind: 'consensus_interested_party' },
      })
      bodies[code] = body.id
    }
  })
  editor = await signIn(t.app, (await buildUser(t.handle, w, 'secretariat_editor', undefined, 'ru')).email)
  admin = await signIn(t.app, (await buildUser(t.handle, w, 'secretariat_admin')).email)
  for (const code of MEMBERS)
    heads[code] = await signIn(t.app, (await buildUser(t.handle, w, 'head_of_delegation', code, 'ru')).email)
  observer = await signIn(t.app, (await buildUser(t.handle, w, 'observer_delegate', 'MDA')).email)
}, 120_000)

afterAll(async () => {
  await t?.close()
})

describe('the seed story, from the circulated draft to adoption by the Council of Heads of State', () => {
  it('opens the dossier and circulates the three drafts', async () => {
    const opened = await editor.send('POST', '/api/dossiers', {
      organizationId: w.org.id,
      reference: 'ИГ-МИБ/2020',
      title: { ru: 'Международная информационная безопасность', en: 'International information security' },
      leadBodyId: bodies.EG,
    })
    expectStatus(opened, 201)
    dossierId = opened.json().data.id
    for (const [kind, title] of [
      ['joint_statement', { ru: 'Совместное заявление', en: 'Joint Statement' }],
      ['decision', { ru: 'Проект решения СМИД', en: 'Draft decision of the CFM' }],
      ['decision', { ru: 'Проект решения СГГ', en: 'Draft decision of the CHS' }],
    ] as const) {
      const doc = await editor.send('POST', `/api/dossiers/${dossierId}/documents`, { kind, title })
      expectStatus(doc, 201)
      const drafted = await editor.send('POST', `/api/documents/${doc.json().data.id}/versions`, {
        label: { ru: 'Проект', en: 'Draft' },
        content: sampleContent(),
      })
      const versionId = drafted.json().data.id
      const published = await editor.send(
        'POST',
        `/api/documents/${doc.json().data.id}/versions/${versionId}/publish`,
        { version: 1 },
      )
      expectStatus(published, 200)
      docs.push({ id: doc.json().data.id, versionId })
    }
    expect((await move('comments')).statusCode).toBe(200)
  })

  it('collects comments and proposals, disposes of them and circulates Rev.1', async () => {
    const round = await editor.send('POST', `/api/documents/${docs[0]!.id}/rounds`, {
      versionId: docs[0]!.versionId,
      opensAt: iso(-hour),
      closesAt: iso(24 * hour),
      timezone: 'Europe/Minsk',
    })
    expectStatus(round, 201)
    roundId = round.json().data.id
    const rus = await heads.RUS!.send('POST', `/api/rounds/${roundId}/contributions`, {
      kind: 'amendment',
      provisionEid: 'para_2',
      proposedText: 'Пункт 2 в редакции, предложенной Российской Федерацией.',
      justification: 'Приведение в соответствие с резолюциями ГА ООН.',
    })
    expectStatus(rus, 201)
    expect(
      (await heads.BLR!.send('POST', `/api/contributions/${rus.json().data.id}/cosponsors`)).statusCode,
    ).toBe(200)
    const mda = await observer.send('POST', `/api/rounds/${roundId}/contributions`, {
      kind: 'comment',
      provisionEid: 'para_1',
      comment: 'Республика Молдова поддерживает проект.',
    })
    expect(mda.json().data.isObserver).toBe(true)
    const disposed = await editor.send('POST', `/api/rounds/${roundId}/dispositions`, {
      items: [{ contributionId: rus.json().data.id, decision: 'accepted', reasoning: { ru: 'Принято.' } }],
    })
    expectStatus(disposed, 200)
    const r = (await editor.get(`/api/rounds/${roundId}`)).json().data
    expect(
      (await editor.send('POST', `/api/rounds/${roundId}/publish-dispositions`, { version: r.version }))
        .statusCode,
    ).toBe(200)
    const table = (await heads.TJK!.get(`/api/rounds/${roundId}/table`)).json().data
    expect(table.rows.find((row: { eid: string }) => row.eid === 'para_2').resultingText).toContain(
      'Российской Федерацией',
    )
    const rev = await editor.send('POST', `/api/documents/${docs[0]!.id}/revisions`, {
      fromVersionId: docs[0]!.versionId,
      roundId,
      label: { ru: 'Ред. 1', en: 'Rev.1' },
    })
    expectStatus(rev, 201)
    const revId = rev.json().data.versionId
    const revRow = (await editor.get(`/api/documents/${docs[0]!.id}/versions/${revId}`)).json().data
    expect(
      (
        await editor.send('POST', `/api/documents/${docs[0]!.id}/versions/${revId}/publish`, {
          version: revRow.version,
        })
      ).statusCode,
    ).toBe(200)
    docs[0]!.versionId = revId
    expect((await move('expert_group')).statusCode).toBe(200)
  })

  it('convenes the expert group in Minsk by videoconference and invites the delegations', async () => {
    const base = {
      organizationId: w.org.id,
      bodyId: bodies.EG,
      title: { ru: 'Заседание Экспертной группы', en: 'Meeting of the Expert Group' },
      timezone: 'Europe/Minsk',
      place: { ru: 'Исполнительный комитет СНГ, Минск', en: 'CIS Executive Committee, Minsk' },
      format: 'videoconference',
      conferenceUrl: 'https://meet.jit.si/cis-eg-2020-08-21',
    }
    const backwards = await editor.send('POST', '/api/meetings', {
      ...base,
      startsAt: '2020-08-21T18:00:00+03:00',
      endsAt: '2020-08-21T10:00:00+03:00',
    })
    expectStatus(backwards, 422)
    expect(backwards.json().error.code).toBe('meeting_ends_before_start')
    const convened = await editor.send('POST', '/api/meetings', {
      ...base,
      startsAt: '2020-08-21T10:00:00+03:00',
      endsAt: '2020-08-21T18:30:00+03:00',
      agenda: docs.map((d) => ({ dossierId, documentId: d.id, versionId: d.versionId })),
      delegations: [...MEMBERS, 'MDA'],
      inviteSecretariat: true,
    })
    expectStatus(convened, 201)
    meetingId = convened.json().data.id
    expect((await editor.send('POST', `/api/meetings/${meetingId}/invitations`, {})).statusCode).toBe(200)
    const invited = await t.handle.db
      .selectFrom('mail_outbox')
      .select(['kind', 'attachment'])
      .where('kind', '=', 'meeting_invited')
      .execute()
    expect(invited.length).toBeGreaterThanOrEqual(MEMBERS.length + 1)
    expect(invited.every((m) => m.attachment?.includes('METHOD:REQUEST'))).toBe(true)
    expect(
      (await heads.TJK!.send('POST', `/api/meetings/${meetingId}/response`, { answer: 'accepted' }))
        .statusCode,
    ).toBe(200)
    const meeting = (await editor.get(`/api/meetings/${meetingId}`)).json().data
    for (const p of meeting.participants) {
      const res = await editor.send('PATCH', `/api/meetings/${meetingId}/participants/${p.id}`, {
        version: p.version,
        attendance: p.party ? 'remote' : 'present',
      })
      expectStatus(res, 200)
    }
    const after = (await heads.KAZ!.get(`/api/meetings/${meetingId}`)).json().data
    expect(after.quorum.reached).toBe(true)
  })

  it('agrees the three texts at the meeting: Tajikistan ad referendum, Moldova heard, never counted', async () => {
    for (const [i, d] of docs.entries()) {
      const base = `/api/documents/${d.id}/versions/${d.versionId}`
      for (const code of MEMBERS) {
        const adRef = i === 0 && code === 'TJK'
        const res = await heads[code]!.send('POST', `${base}/positions`, {
          kind: adRef ? 'agree_ad_referendum' : 'agree',
          ...(adRef ? { text: 'До завершения внутригосударственных процедур.' } : {}),
        })
        expectStatus(res, 201)
      }
      await observer.send('POST', `${base}/positions`, { kind: 'objection', text: 'Наблюдатель: оговорка.' })
      const consensus = (await editor.get(`${base}/consensus`)).json().data
      expect(consensus.agreed).toBe(true)
      expect((await editor.send('POST', `${base}/freeze`, {})).statusCode).toBe(200)
    }
    const meeting = (await editor.get(`/api/meetings/${meetingId}`)).json().data
    for (const [i, item] of meeting.agenda.entries()) {
      const res = await editor.send('POST', `/api/meetings/${meetingId}/agenda/${item.id}/outcome`, {
        version: item.version,
        outcome: i === 0 ? 'agreed_ad_referendum' : 'agreed',
      })
      expectStatus(res, 200)
    }
  })

  it('drafts the minutes from the record, approves them and exports them', async () => {
    const drafted = await editor.send('POST', `/api/meetings/${meetingId}/minutes`, {})
    expectStatus(drafted, 201)
    const minutes = drafted.json().data.minutes
    const text = JSON.stringify(minutes)
    expect(text).toContain('ПРОТОКОЛ')
    expect(text).toContain('ad referendum')
    const approved = await editor.send('POST', `/api/meetings/${meetingId}/minutes/approve`, {
      version: minutes.version,
    })
    expectStatus(approved, 200)
    const pdf = await heads.ARM!.get(`/api/meetings/${meetingId}/minutes.pdf?lang=ru`)
    expect(pdf.headers['content-type']).toContain('application/pdf')
    expect(extractPdfText(pdf.rawPayload).pages.join('\n')).toContain('ПРОТОКОЛ')
  })

  it('sends the package home for domestic approval and holds it until every state has approved', async () => {
    expect((await move('domestic_approval')).statusCode).toBe(200)
    expect(
      (await editor.send('POST', `/api/dossiers/${dossierId}/approvals/due-date`, { dueDate: '2020-11-20' }))
        .statusCode,
    ).toBe(200)
    // Tajikistan's head may not record Armenia's approval.
    const other = await heads.TJK!.send('PATCH', `/api/dossiers/${dossierId}/approvals/ARM`, {
      status: 'approved',
    })
    expectStatus(other, 403)
    const approvals = (await editor.get(`/api/dossiers/${dossierId}/approvals`)).json().data
    for (const code of ['BLR', 'KAZ', 'RUS', 'TJK', 'TKM']) {
      const row = approvals.find((a: { party: string }) => a.party === code)
      if (code === 'TJK') {
        const note = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
        const up = await heads.TJK!.send(
          'POST',
          `/api/dossiers/${dossierId}/approvals/TJK/attachments?filename=${encodeURIComponent('Нота.pdf')}`,
          note,
          { 'content-type': 'application/octet-stream' },
        )
        expectStatus(up, 201)
      }
      const res = await heads[code]!.send('PATCH', `/api/dossiers/${dossierId}/approvals/${code}`, {
        version: row.version,
        status: 'approved',
      })
      expectStatus(res, 200)
    }
    const refused = await move('cfm')
    expectStatus(refused, 409)
    expect(refused.json().error.code).toBe('stage_guard_failed')
    expect(refused.json().error.message).toContain('ARM')
    expect(refused.json().error.message).toContain('KGZ')
    expect(refused.json().error.message).toContain('UZB')
    for (const code of ['ARM', 'KGZ', 'UZB']) {
      const row = (await editor.get(`/api/dossiers/${dossierId}/approvals`))
        .json()
        .data.find((a: { party: string }) => a.party === code)
      await heads[code]!.send('PATCH', `/api/dossiers/${dossierId}/approvals/${code}`, {
        version: row.version,
        status: 'approved',
      })
    }
    const tjk = (await editor.get(`/api/dossiers/${dossierId}/approvals`))
      .json()
      .data.find((a: { party: string }) => a.party === 'TJK')
    expect(tjk.adReferendum).toBe('confirmed')
    expect(tjk.attachments).toHaveLength(1)
  })

  it('goes to the councils: the CFM recommends, the CHS adopts and the depositary copy carries the hash', async () => {
    expect((await move('cfm')).statusCode).toBe(200)
    const early = await move('chs')
    expectStatus(early, 409)
    const cfm = await editor.send('POST', `/api/dossiers/${dossierId}/adoptions`, {
      bodyId: bodies.CFM,
      decision: 'recommended',
      decidedOn: '2020-12-04',
    })
    expectStatus(cfm, 201)
    expect((await move('chs')).statusCode).toBe(200)
    const chs = await editor.send('POST', `/api/dossiers/${dossierId}/adoptions`, {
      bodyId: bodies.CHS,
      decision: 'adopted',
      decidedOn: '2020-12-18',
      signedOn: '2020-12-18',
    })
    expectStatus(chs, 201)
    const adoption = chs.json().data
    expect(adoption.signatories.map((s: { code: string }) => s.code).sort()).toEqual(MEMBERS)
    expect((await move('signature')).statusCode).toBe(200)
    const pdf = await heads.TJK!.get(`/api/adoptions/${adoption.id}/depositary.pdf?lang=ru`)
    expectStatus(pdf, 200)
    expect(extractPdfText(pdf.rawPayload).pages.join('\n')).toContain(adoption.contentHash)
  })

  it('shows the path taken on the timeline, told everyone, and kept a whole audit chain', async () => {
    const timeline = (await heads.KGZ!.get(`/api/dossiers/${dossierId}/timeline`)).json().data
    expect(timeline.current).toBe('signature')
    expect(timeline.moves.map((m: { to: string }) => m.to)).toEqual([
      'drafting',
      'comments',
      'expert_group',
      'domestic_approval',
      'cfm',
      'chs',
      'signature',
    ])
    const inbox = (await heads.UZB!.get('/api/notifications?limit=100')).json().data
    const kinds = new Set(inbox.map((n: { kind: string }) => n.kind))
    for (const kind of ['round_opened', 'meeting_invited', 'minutes_approved', 'stage_moved', 'adopted'])
      expect(kinds).toContain(kind)
    const jobs = (await admin.get('/api/jobs?limit=100')).json()
    expect(jobs.data.length).toBeGreaterThan(0)
    expect((await verifyChain(t.handle.db)).ok).toBe(true)
  })
})
