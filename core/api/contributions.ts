/**
 * API shapes of comment rounds, contributions, dispositions, the consolidated table,
 * revisions, redlines and notifications (issue 3). Shared by the server, the exports and
 * the web app.
 */
import type { Lang, LocalizedText } from '../i18n/languages.js'
import type { DiffOp } from '../text/diff.js'
import type { PartyRef, UserRefDTO } from './types.js'

export const CONTRIBUTION_KINDS = ['comment', 'amendment', 'insertion', 'deletion', 'general'] as const
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number]
export const CONTRIBUTION_TYPES = ['general', 'technical', 'editorial'] as const
export type ContributionType = (typeof CONTRIBUTION_TYPES)[number]
/** draft: being prepared by the party; submitted: sent to the secretariat; withdrawn by the party. */
export const CONTRIBUTION_STATUSES = ['draft', 'submitted', 'withdrawn'] as const
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number]
export const DECISIONS = ['accepted', 'accepted_in_part', 'not_accepted', 'withdrawn', 'merged'] as const
export type Decision = (typeof DECISIONS)[number]
export type RoundState = 'scheduled' | 'open' | 'closed'

export interface RoundDTO {
  id: string
  documentId: string
  versionId: string
  versionLabel: LocalizedText
  /** ISO 8601 with offset; `timezone` is the IANA zone the deadline is stated in. */
  opensAt: string
  closesAt: string
  timezone: string
  state: RoundState
  dispositionsPublishedAt: string | null
  counts: { contributions: number; parties: number; disposed: number }
  createdAt: string
  version: number
}

export interface DispositionDTO {
  decision: Decision
  reasoning: LocalizedText
  /** For accepted_in_part: the wording actually taken. */
  adoptedText: string | null
  /** For merged: the contribution it was merged into. */
  mergedInto: string | null
  decidedBy: UserRefDTO | null
  decidedAt: string
  /** Parties see dispositions once the secretariat publishes them for the round. */
  published: boolean
  version: number
}

export interface ContributionDTO {
  id: string
  roundId: string
  documentId: string
  versionId: string
  party: PartyRef
  /** Recorded at submission: an observer's contribution is always marked as such. */
  isObserver: boolean
  /** Null for a general contribution on the whole document. */
  provisionEid: string | null
  kind: ContributionKind
  type: ContributionType
  /** Language of the proposed wording (the document's working language by default). */
  language: Lang
  /** The comment itself, or the explanation of a proposal. */
  comment: string | null
  /** amendment: new wording of the provision (or of the span); insertion: the new provision. */
  proposedText: string | null
  /** amendment of a span: character offsets in the provision's plain text. */
  span: { start: number; end: number } | null
  /** insertion: the provision after which the new one goes. */
  afterEid: string | null
  justification: string | null
  status: ContributionStatus
  cosponsors: PartyRef[]
  draftedBy: UserRefDTO | null
  submittedBy: UserRefDTO | null
  submittedAt: string | null
  disposition: DispositionDTO | null
  createdAt: string
  version: number
  /** In lists: what the reader may do with this contribution (update, submit, withdraw, cosponsor, dispose). */
  policies?: Record<string, boolean>
}

/** One contribution as a row of the consolidated table. */
export interface TableContributionDTO {
  id: string
  party: PartyRef
  isObserver: boolean
  cosponsors: string[]
  kind: ContributionKind
  type: ContributionType
  /** The language of the proposal; its redline and resulting text are in it (absent: the table's). */
  language?: Lang
  comment: string | null
  /** The proposal as a redline against the provision's current text (empty for comments). */
  redline: DiffOp[]
  justification: string | null
  status: ContributionStatus
  decision: Decision | null
  reasoning: string | null
  /** The provision's text if this contribution alone were applied as disposed. */
  resultingText: string | null
}

/** One provision of the consolidated table. */
export interface TableRowDTO {
  /** Null for the row of general contributions on the whole document. */
  eid: string | null
  num: string | null
  /** The provision's current text, in the table's language. */
  text: string
  contributions: TableContributionDTO[]
  /** The provision after every accepted contribution is applied; null if deleted. */
  resultingText: string | null
  /** The language of `resultingText` when it is not the table's (that of the accepted proposal). */
  resultingLang?: Lang
}

/** Filters of the consolidated table (party codes, kinds, statuses or decisions, provision eids). */
export interface TableQueryFilters {
  party?: string[] | undefined
  kind?: ContributionKind[] | undefined
  status?: string[] | undefined
  provision?: string[] | undefined
}

export interface ConsolidatedTableDTO {
  round: RoundDTO
  document: { id: string; title: LocalizedText; reference: string }
  lang: Lang
  rows: TableRowDTO[]
  filters: { party: string[]; kind: ContributionKind[]; status: string[]; provision: string[] }
  generatedAt: string
}

export interface ProvisionChangeDTO {
  eid: string
  status: 'unchanged' | 'changed' | 'inserted' | 'deleted'
  moved: boolean
  fromNum: string | null
  toNum: string | null
  fromIndex: number | null
  toIndex: number | null
  ops: DiffOp[]
  /** Contributions that changed this provision, when `to` is a revision. */
  sources: string[]
}

export interface RedlineDTO {
  from: { id: string; label: LocalizedText; contentHash: string }
  to: { id: string; label: LocalizedText; contentHash: string }
  lang: Lang
  changes: ProvisionChangeDTO[]
  stats: { changed: number; inserted: number; deleted: number; moved: number }
}

export interface NotificationDTO {
  id: string
  kind:
    | 'round_opened'
    | 'round_closing'
    | 'dispositions_published'
    | 'silence_started'
    | 'silence_broken'
    | 'silence_completed'
    | 'meeting_invited'
    | 'meeting_updated'
    | 'meeting_cancelled'
    | 'minutes_approved'
    | 'stage_moved'
    | 'approval_due'
    | 'approval_overdue'
    | 'approval_recorded'
    | 'adopted'
  /**
   * Parameters of the message `notification.<kind>`, rendered in the user's language:
   * `document` is the document's title per language; dates are ISO 8601 with `timezone`.
   */
  params: {
    document?: LocalizedText
    closesAt?: string
    timezone?: string
    deadline?: string
    party?: string
    /** Meeting title per language; `startsAt` ISO 8601 with `timezone`. */
    meeting?: LocalizedText
    startsAt?: string
    /** Dossier reference and title. */
    reference?: string
    dossier?: LocalizedText
    /** Stage codes; their names come from the dossier's procedure template. */
    from?: string
    to?: string
    stageName?: LocalizedText
    /** ISO date. */
    dueDate?: string
    status?: string
    /** Body (council) name per language and the decision ('recommended' | 'adopted'). */
    body?: LocalizedText
    decision?: string
  }
  link: string
  readAt: string | null
  createdAt: string
}
