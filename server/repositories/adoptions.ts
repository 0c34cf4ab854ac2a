/**
 * Reading the decisions of councils on a dossier (adoptions) with their special opinions, and
 * what the adoption policies and the record's hash need.
 */
import type { AdoptionRecordInput } from '@core/domain/minutes.js'
import type { LocalizedText } from '@core/i18n/languages.js'
import type { Queryable } from '../context.js'
import type { AdoptionRow, DossierRow } from '../db/types.js'
import { AppError } from '../errors.js'
import { isId } from '../ids.js'
import type { AdoptionSubject, DossierSubject } from '../policies/index.js'
import { participantsOf } from './dossiers.js'
import { parseLocalized } from './minutes.js'

export const adoptionNotFound = () => new AppError(404, 'adoption_not_found')

export interface SpecialOpinionRow {
  id: string
  adoption_id: string
  party_id: string
  code: string
  text: string
  created_by: string | null
  created_at: string
}

/** [{documentId, versionId, contentHash}] as stored in `adoptions.texts`. */
export interface StoredText {
  documentId: string
  versionId: string
  contentHash: string
}

export async function findAdoption(db: Queryable, id: string): Promise<AdoptionRow> {
  if (!isId(id)) throw adoptionNotFound()
  const row = await db.selectFrom('adoptions').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw adoptionNotFound()
  return row
}

/** Decisions on a dossier, oldest first (the order of the procedure). */
export function adoptionsOfDossier(db: Queryable, dossierId: string): Promise<AdoptionRow[]> {
  return db
    .selectFrom('adoptions')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .orderBy('decided_on')
    .orderBy('id')
    .execute()
}

export function specialOpinionsOf(db: Queryable, adoptionIds: string[]): Promise<SpecialOpinionRow[]> {
  if (adoptionIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('special_opinions')
    .innerJoin('parties', 'parties.id', 'special_opinions.party_id')
    .select([
      'special_opinions.id',
      'special_opinions.adoption_id',
      'special_opinions.party_id',
      'parties.code',
      'special_opinions.text',
      'special_opinions.created_by',
      'special_opinions.created_at',
    ])
    .where('special_opinions.adoption_id', 'in', adoptionIds)
    .orderBy('parties.code')
    .execute()
}

/** The participating members of a dossier (they sign; observers never do). */
export async function participatingMembers(db: Queryable, dossierId: string) {
  return (await participantsOf(db, [dossierId])).filter((p) => p.status === 'member')
}

export function adoptionSubject(
  id: string,
  dossier: DossierSubject,
  members: { party_id: string }[],
): AdoptionSubject {
  return { type: 'adoption', id, dossier, memberIds: new Set(members.map((m) => m.party_id)) }
}

/** The hashed form of a stored adoption with its special opinions. */
export async function recordInputOf(
  db: Queryable,
  row: AdoptionRow,
  dossier: DossierRow,
): Promise<AdoptionRecordInput> {
  const [body, opinions] = await Promise.all([
    db.selectFrom('bodies').select(['id', 'code']).where('id', '=', row.body_id).executeTakeFirstOrThrow(),
    specialOpinionsOf(db, [row.id]),
  ])
  return {
    dossier: { id: dossier.id, reference: dossier.reference },
    body: { id: body.id, code: body.code },
    decision: row.decision,
    decidedOn: row.decided_on,
    signedOn: row.signed_on,
    meetingId: row.meeting_id,
    texts: JSON.parse(row.texts) as StoredText[],
    signatories: JSON.parse(row.signatories) as string[],
    specialOpinions: opinions.map((o) => ({ party: o.code, text: parseLocalized(o.text) as LocalizedText })),
  }
}

/** What the presenter needs besides the rows: names of bodies, meetings, parties, texts and users. */
export interface AdoptionRelations {
  bodies: Map<string, { id: string; code: string; kind: string; name: string }>
  meetings: Map<string, { id: string; title: string; starts_at: string; timezone: string }>
  parties: Map<string, { code: string; name: string }>
  documents: Map<string, { id: string; kind: string; title: string }>
  versions: Map<string, { id: string; label: string; frozen_at: string | null }>
  users: Map<string, string>
  opinions: SpecialOpinionRow[]
}

/** Loads the relations of some adoptions in a few queries. */
export async function adoptionRelations(db: Queryable, rows: AdoptionRow[]): Promise<AdoptionRelations> {
  const ids = rows.map((r) => r.id)
  const texts = rows.flatMap((r) => JSON.parse(r.texts) as StoredText[])
  const bodyIds = [...new Set(rows.map((r) => r.body_id))]
  const meetingIds = [...new Set(rows.flatMap((r) => (r.meeting_id ? [r.meeting_id] : [])))]
  const documentIds = [...new Set(texts.map((x) => x.documentId))]
  const versionIds = [...new Set(texts.map((x) => x.versionId))]
  const opinions = await specialOpinionsOf(db, ids)
  const codes = [
    ...new Set([
      ...rows.flatMap((r) => JSON.parse(r.signatories) as string[]),
      ...opinions.map((o) => o.code),
    ]),
  ]
  const userIds = [
    ...new Set([
      ...rows.flatMap((r) => (r.recorded_by ? [r.recorded_by] : [])),
      ...opinions.flatMap((o) => (o.created_by ? [o.created_by] : [])),
    ]),
  ]
  const [bodies, meetings, parties, documents, versions, users] = await Promise.all([
    bodyIds.length
      ? db.selectFrom('bodies').select(['id', 'code', 'kind', 'name']).where('id', 'in', bodyIds).execute()
      : [],
    meetingIds.length
      ? db
          .selectFrom('meetings')
          .select(['id', 'title', 'starts_at', 'timezone'])
          .where('id', 'in', meetingIds)
          .execute()
      : [],
    codes.length
      ? db.selectFrom('parties').select(['code', 'name']).where('code', 'in', codes).execute()
      : [],
    documentIds.length
      ? db.selectFrom('documents').select(['id', 'kind', 'title']).where('id', 'in', documentIds).execute()
      : [],
    versionIds.length
      ? db.selectFrom('versions').select(['id', 'label', 'frozen_at']).where('id', 'in', versionIds).execute()
      : [],
    userIds.length
      ? db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', userIds).execute()
      : [],
  ])
  return {
    bodies: new Map(bodies.map((b) => [b.id, b])),
    meetings: new Map(meetings.map((m) => [m.id, m])),
    parties: new Map(parties.map((p) => [p.code, p])),
    documents: new Map(documents.map((d) => [d.id, d])),
    versions: new Map(versions.map((v) => [v.id, v])),
    users: new Map(users.map((u) => [u.id, u.display_name])),
    opinions,
  }
}
