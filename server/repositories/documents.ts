/** Reading documents and versions with their policy subjects. */
import type { Queryable } from '../context.js'
import type { DocumentRow, DossierRow, VersionRow } from '../db/types.js'
import { notFound } from '../errors.js'
import { isId } from '../ids.js'
import type { DocumentSubject, VersionSubject } from '../policies/index.js'
import { dossierSubject, type ParticipantRow, participantsOf } from './dossiers.js'

/** A version's columns without its (large) content. */
export const VERSION_SUMMARY_COLUMNS = [
  'versions.id',
  'versions.document_id',
  'versions.seq',
  'versions.label',
  'versions.status',
  'versions.content_hash',
  'versions.languages',
  'versions.provision_count',
  'versions.created_by',
  'versions.created_at',
  'versions.published_at',
  'versions.version',
  'versions.based_on_version_id',
  'versions.frozen_at',
  'versions.frozen_by',
] as const
export type VersionSummaryRow = Omit<VersionRow, 'content'>

export interface LoadedDocument {
  document: DocumentRow
  dossier: DossierRow
  participants: ParticipantRow[]
  subject: DocumentSubject
}

export async function loadDocument(db: Queryable, id: string): Promise<LoadedDocument> {
  if (!isId(id)) throw notFound('document_not_found')
  const document = await db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst()
  if (!document) throw notFound('document_not_found')
  const dossier = await db
    .selectFrom('dossiers')
    .selectAll()
    .where('id', '=', document.dossier_id)
    .executeTakeFirstOrThrow()
  const participants = await participantsOf(db, [dossier.id])
  return {
    document,
    dossier,
    participants,
    subject: { type: 'document', id: document.id, dossier: dossierSubject(dossier, participants) },
  }
}

export function versionSubject(
  version: Pick<VersionRow, 'id' | 'status'> & { frozen_at?: string | null },
  document: DocumentSubject,
): VersionSubject {
  return { type: 'version', id: version.id, status: version.status, frozen: !!version.frozen_at, document }
}

export async function findVersionSummary(
  db: Queryable,
  documentId: string,
  versionId: string,
): Promise<VersionSummaryRow> {
  if (!isId(versionId)) throw notFound('version_not_found')
  const row = await db
    .selectFrom('versions')
    .select(VERSION_SUMMARY_COLUMNS)
    .where('versions.id', '=', versionId)
    .where('versions.document_id', '=', documentId)
    .executeTakeFirst()
  if (!row) throw notFound('version_not_found')
  return row
}

export async function versionContent(db: Queryable, versionId: string): Promise<string> {
  const row = await db
    .selectFrom('versions')
    .select('content')
    .where('id', '=', versionId)
    .executeTakeFirstOrThrow()
  return row.content
}

export function versionsOfDocuments(db: Queryable, documentIds: string[]): Promise<VersionSummaryRow[]> {
  if (documentIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('versions')
    .select(VERSION_SUMMARY_COLUMNS)
    .where('versions.document_id', 'in', documentIds)
    .orderBy('versions.seq', 'desc')
    .execute()
}

export function documentsOfDossier(db: Queryable, dossierId: string): Promise<DocumentRow[]> {
  return db
    .selectFrom('documents')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .orderBy('position')
    .execute()
}

export async function userNames(db: Queryable, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))]
  if (wanted.length === 0) return new Map()
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', wanted).execute()
  return new Map(rows.map((r) => [r.id, r.display_name]))
}
