/** Finding the agreed (frozen) versions whose content has a given SHA-256. */
import type { LocalizedText } from '@core/i18n/languages.js'
import type { Queryable } from '../context.js'

export interface AgreedVersion {
  documentId: string
  versionId: string
  dossierId: string
  organizationId: string
  /** The document's title, per language. */
  title: LocalizedText
  /** The version's label, per language. */
  label: LocalizedText
  /** The dossier's reference. */
  reference: string
  frozenAt: string
  status: 'draft' | 'published'
}

const HASH = /^[0-9a-f]{64}$/

/**
 * The frozen versions with this content hash, oldest agreement first. The same text may have
 * been agreed in several dossiers (or organizations): callers filter by what the user may read.
 */
export async function findAgreed(db: Queryable, hash: string): Promise<AgreedVersion[]> {
  if (!HASH.test(hash)) return []
  const rows = await db
    .selectFrom('versions')
    .innerJoin('documents', 'documents.id', 'versions.document_id')
    .innerJoin('dossiers', 'dossiers.id', 'documents.dossier_id')
    .select([
      'versions.id as version_id',
      'versions.document_id',
      'versions.label',
      'versions.status',
      'versions.frozen_at',
      'documents.title',
      'documents.dossier_id',
      'dossiers.reference',
      'dossiers.organization_id',
    ])
    .where('versions.content_hash', '=', hash)
    .where('versions.frozen_at', 'is not', null)
    .orderBy('versions.frozen_at')
    .orderBy('versions.id')
    .execute()
  return rows.map((r) => ({
    documentId: r.document_id,
    versionId: r.version_id,
    dossierId: r.dossier_id,
    organizationId: r.organization_id,
    title: JSON.parse(r.title) as LocalizedText,
    label: JSON.parse(r.label) as LocalizedText,
    reference: r.reference,
    frozenAt: r.frozen_at!,
    status: r.status,
  }))
}
