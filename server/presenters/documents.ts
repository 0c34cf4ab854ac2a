/** Dossier, document and version rows → API shapes. */
import type {
  DocumentSummaryDTO,
  DossierParticipantDTO,
  DossierSummaryDTO,
  VersionSummaryDTO,
} from '@core/api/types.js'
import type { Stage } from '@core/domain/procedure.js'
import type { DocumentKind } from '@core/domain/roles.js'
import type { Lang } from '@core/i18n/languages.js'
import type { DocumentRow, DossierRow } from '../db/types.js'
import type { VersionSummaryRow } from '../repositories/documents.js'
import type { ParticipantRow } from '../repositories/dossiers.js'

export function presentParticipant(p: ParticipantRow): DossierParticipantDTO {
  return { partyId: p.party_id, code: p.code, name: JSON.parse(p.name), status: p.status }
}

export function presentDossierSummary(
  d: DossierRow,
  participants: ParticipantRow[],
  documentCount: number,
): DossierSummaryDTO {
  return {
    id: d.id,
    organizationId: d.organization_id,
    reference: d.reference,
    title: JSON.parse(d.title),
    stage: d.stage as Stage,
    procedure: d.procedure,
    leadBodyId: d.lead_body_id,
    documentCount,
    participants: participants.filter((p) => p.dossier_id === d.id).map(presentParticipant),
    createdAt: d.created_at,
    updatedAt: d.updated_at,
    version: d.version,
  }
}

export function presentVersionSummary(v: VersionSummaryRow, names: Map<string, string>): VersionSummaryDTO {
  return {
    id: v.id,
    documentId: v.document_id,
    seq: v.seq,
    label: JSON.parse(v.label),
    status: v.status,
    contentHash: v.content_hash,
    languages: JSON.parse(v.languages) as Lang[],
    provisionCount: v.provision_count,
    createdAt: v.created_at,
    publishedAt: v.published_at,
    frozenAt: v.frozen_at,
    createdBy: v.created_by ? { id: v.created_by, displayName: names.get(v.created_by) ?? '' } : null,
    version: v.version,
  }
}

export function presentDocumentSummary(
  doc: DocumentRow,
  latest: VersionSummaryDTO | null,
): DocumentSummaryDTO {
  return {
    id: doc.id,
    dossierId: doc.dossier_id,
    kind: doc.kind as DocumentKind,
    title: JSON.parse(doc.title),
    workingLanguage: doc.working_language as Lang,
    position: doc.position,
    latestVersion: latest,
    createdAt: doc.created_at,
    updatedAt: doc.updated_at,
    version: doc.version,
  }
}
