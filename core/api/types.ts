/**
 * The shapes of Concord's HTTP API responses, shared by the server's presenters and the
 * web app. Request bodies are zod schemas in core/api/requests.ts.
 *
 * Every success is `{ data, policies }`; every list adds `page: { nextCursor }`;
 * every failure is `{ error: { code, message, details? } }`.
 */

import type { DecisionRule } from '../domain/decision-rules.js'
import type { Stage } from '../domain/procedure.js'
import type { BodyKind, DocumentKind, MembershipStatus, Role, VersionStatus } from '../domain/roles.js'
import type { Lang, LocalizedText, UiLang } from '../i18n/languages.js'
import type { FlatProvision } from '../text/model.js'
import type { ProcedureStageDTO } from './procedures.js'

export type Policies = Record<string, boolean>

export interface Envelope<T> {
  data: T
  policies: Policies
}
export interface ListEnvelope<T> extends Envelope<T[]> {
  page: { nextCursor: string | null }
}
export interface ApiError {
  error: { code: string; message: string; details?: Record<string, unknown> }
}

export interface PartyRef {
  id: string
  code: string
  name: LocalizedText
}

export interface MeDTO {
  id: string
  email: string
  displayName: string
  locale: UiLang
  roles: Role[]
  /** The party the user belongs to, or null for secretariat staff. */
  party: PartyRef | null
  /** The organization whose secretariat the user belongs to, or null for delegates. */
  secretariatOf: { id: string; slug: string; name: LocalizedText; shortName: LocalizedText } | null
  version: number
}
export interface MeResponse extends Envelope<MeDTO> {
  /** Send back in the `X-CSRF-Token` header on every write. */
  csrfToken: string
}

export interface OrganizationDTO {
  id: string
  slug: string
  name: LocalizedText
  shortName: LocalizedText
  secretariatName: LocalizedText
  version: number
}

export interface PartyDTO extends PartyRef {
  status: MembershipStatus
  memberSince: string | null
  memberUntil: string | null
  /** The party lets its experts send contributions to the secretariat themselves. */
  expertsMaySubmit: boolean
}

export interface BodyDTO {
  id: string
  organizationId: string
  code: string
  kind: BodyKind
  name: LocalizedText
  decisionRule: DecisionRule
}

export interface DossierParticipantDTO {
  partyId: string
  code: string
  name: LocalizedText
  status: MembershipStatus
}

export interface DossierSummaryDTO {
  id: string
  organizationId: string
  reference: string
  title: LocalizedText
  stage: Stage
  procedure: string
  leadBodyId: string | null
  documentCount: number
  participants: DossierParticipantDTO[]
  createdAt: string
  updatedAt: string
  version: number
}

export interface DossierDTO extends DossierSummaryDTO {
  organization: { id: string; slug: string; name: LocalizedText; shortName: LocalizedText }
  /** Stages of the dossier's procedure template, in order, with their names per language. */
  stages: ProcedureStageDTO[]
  documents: DocumentSummaryDTO[]
}

export interface UserRefDTO {
  id: string
  displayName: string
}

export interface VersionSummaryDTO {
  id: string
  documentId: string
  seq: number
  /** "Draft", "Rev.1", "Agreed text of 21.08.2020", per language. */
  label: LocalizedText
  status: VersionStatus
  /** SHA-256 (hex) of the canonical JSON of the content. */
  contentHash: string
  languages: Lang[]
  provisionCount: number
  createdAt: string
  publishedAt: string | null
  /** When the text was frozen as agreed at expert level; a frozen version takes no positions. */
  frozenAt: string | null
  createdBy: UserRefDTO | null
  version: number
}

export interface VersionDTO extends VersionSummaryDTO {
  title: LocalizedText
  /** Provisions in document order, flattened; `parentEid` and `depth` give the tree. */
  provisions: FlatProvision[]
}

export interface DocumentSummaryDTO {
  id: string
  dossierId: string
  kind: DocumentKind
  title: LocalizedText
  workingLanguage: Lang
  position: number
  latestVersion: VersionSummaryDTO | null
  createdAt: string
  updatedAt: string
  version: number
}

export interface DocumentDTO extends DocumentSummaryDTO {
  dossier: { id: string; reference: string; title: LocalizedText; stage: Stage }
  versions: VersionSummaryDTO[]
}

export interface AuditEntryDTO {
  seq: number
  at: string
  actor: UserRefDTO | null
  partyCode: string | null
  action: string
  subjectType: string
  subjectId: string
  digest: string
  requestId: string | null
  entryHash: string
}
