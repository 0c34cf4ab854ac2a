/**
 * The demo tells the whole seed story through the commands: loaded into a fresh database
 * (SQLite, and PostgreSQL in the second run), it holds the meeting of 21 August 2020 by
 * videoconference in Minsk with its participants, outcomes and approved minutes, domestic
 * approval in every member state, the CFM's recommendation and the CHS's adoption, the
 * dossier at signature, and the mails in the outbox. The audit chain verifies.
 */
import { verifyChain } from '@server/audit/log.js'
import { loadDemo } from '@server/demo/loader.js'
import { createTestDb, type TestDb } from '@test/support/db.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let t: TestDb

beforeAll(async () => {
  t = await createTestDb()
  await loadDemo(t.handle, 'demo-password', 'all')
}, 180_000)

afterAll(async () => {
  await t?.destroy()
})

describe('the demo, whole', () => {
  it('holds the expert meeting of 21 August 2020 by videoconference in Minsk, with its record', async () => {
    const db = t.handle.db
    const meetings = await db.selectFrom('meetings').selectAll().orderBy('starts_at').execute()
    expect(meetings).toHaveLength(3)
    const expert = meetings[0]!
    expect(expert.starts_at).toBe('2020-08-21T07:00:00.000Z')
    expect(expert.format).toBe('videoconference')
    expect(JSON.parse(expert.place).ru).toBe('Исполнительный комитет СНГ, Минск')
    expect(expert.status).toBe('held')
    const participants = await db
      .selectFrom('meeting_participants')
      .leftJoin('parties', 'parties.id', 'meeting_participants.party_id')
      .select(['parties.code', 'meeting_participants.function', 'meeting_participants.attendance'])
      .where('meeting_id', '=', expert.id)
      .execute()
    const codes = new Set(participants.map((p) => p.code).filter(Boolean))
    expect(codes.size).toBe(9)
    expect(participants.find((p) => p.code === 'MDA')?.function).toBe('observer_delegate')
    expect(participants.some((p) => p.code === null && p.function === 'secretariat')).toBe(true)
    expect(participants.every((p) => p.attendance !== null)).toBe(true)
    const outcomes = await db
      .selectFrom('agenda_items')
      .select(['outcome'])
      .where('meeting_id', '=', expert.id)
      .orderBy('position')
      .execute()
    expect(outcomes.map((o) => o.outcome)).toEqual(['agreed_ad_referendum', 'agreed', 'agreed'])
    const minutes = await db
      .selectFrom('minutes')
      .selectAll()
      .where('meeting_id', '=', expert.id)
      .executeTakeFirstOrThrow()
    expect(minutes.status).toBe('approved')
    expect(JSON.stringify(JSON.parse(minutes.content))).toContain('ПРОТОКОЛ')
  })

  it('moves the dossier through domestic approval in every member state to the councils and signature', async () => {
    const db = t.handle.db
    const dossier = await db.selectFrom('dossiers').selectAll().executeTakeFirstOrThrow()
    expect(dossier.stage).toBe('signature')
    const approvals = await db
      .selectFrom('domestic_approvals')
      .innerJoin('parties', 'parties.id', 'domestic_approvals.party_id')
      .select(['parties.code', 'domestic_approvals.status', 'domestic_approvals.ad_referendum'])
      .where('dossier_id', '=', dossier.id)
      .execute()
    expect(approvals).toHaveLength(8)
    expect(approvals.every((a) => a.status === 'approved')).toBe(true)
    expect(approvals.find((a) => a.code === 'TJK')?.ad_referendum).toBe('confirmed')
    const note = await db.selectFrom('attachments').selectAll().executeTakeFirstOrThrow()
    expect(note.media_type).toBe('application/pdf')
    expect(note.content.subarray(0, 5).toString()).toBe('%PDF-')
    const moves = await db
      .selectFrom('stage_moves')
      .select(['to_stage'])
      .where('dossier_id', '=', dossier.id)
      .orderBy('at')
      .execute()
    expect(moves.map((m) => m.to_stage)).toEqual([
      'drafting',
      'comments',
      'expert_group',
      'domestic_approval',
      'cfm',
      'chs',
      'signature',
    ])
    const adoptions = await db
      .selectFrom('adoptions')
      .innerJoin('bodies', 'bodies.id', 'adoptions.body_id')
      .select(['bodies.code', 'adoptions.decision', 'adoptions.signatories', 'adoptions.signed_on'])
      .orderBy('adoptions.decided_on')
      .execute()
    expect(adoptions.map((a) => [a.code, a.decision])).toEqual([
      ['CFM', 'recommended'],
      ['CHS', 'adopted'],
    ])
    expect(JSON.parse(adoptions[1]!.signatories)).toHaveLength(8)
    expect(adoptions[1]!.signed_on).toBe('2020-12-18')
  })

  it('puts the mails in the outbox, in each recipient’s language, and keeps the audit chain whole', async () => {
    const db = t.handle.db
    const mails = await db.selectFrom('mail_outbox').select(['kind', 'language', 'subject']).execute()
    const kinds = new Set(mails.map((m) => m.kind))
    for (const kind of ['meeting_invited', 'minutes_approved', 'stage_moved', 'adopted'])
      expect(kinds).toContain(kind)
    expect(mails.every((m) => m.language === 'ru' && m.subject.length > 0)).toBe(true)
    expect((await verifyChain(t.handle.db)).ok).toBe(true)
  })
})
