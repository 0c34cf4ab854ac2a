/** Round and contribution rows → API shapes. */
import type {
  ContributionDTO,
  ContributionKind,
  ContributionType,
  Decision,
  DispositionDTO,
  RoundDTO,
} from '@core/api/contributions.js'
import type { Lang } from '@core/i18n/languages.js'
import type { CommentRoundRow, ContributionRow, DispositionRow } from '../db/types.js'
import { type ContributionDetails, roundState } from '../repositories/rounds.js'

export function presentRound(
  round: CommentRoundRow,
  versionLabel: string,
  counts: RoundDTO['counts'],
  now = Date.now(),
): RoundDTO {
  return {
    id: round.id,
    documentId: round.document_id,
    versionId: round.version_id,
    versionLabel: JSON.parse(versionLabel),
    opensAt: round.opens_at,
    closesAt: round.closes_at,
    timezone: round.timezone,
    state: roundState(round, now),
    dispositionsPublishedAt: round.dispositions_published_at,
    counts,
    createdAt: round.created_at,
    version: round.version,
  }
}

export function presentDisposition(
  d: DispositionRow,
  users: Map<string, string>,
  published: boolean,
): DispositionDTO {
  return {
    decision: d.decision as Decision,
    reasoning: JSON.parse(d.reasoning),
    adoptedText: d.adopted_text,
    mergedInto: d.merged_into,
    decidedBy: d.decided_by ? { id: d.decided_by, displayName: users.get(d.decided_by) ?? '' } : null,
    decidedAt: d.decided_at,
    published,
    version: d.version,
  }
}

/**
 * A contribution; its disposition only when the reader may see dispositions
 * (the secretariat always, the parties once published).
 */
export function presentContribution(
  c: ContributionRow,
  details: Pick<ContributionDetails, 'cosponsors' | 'dispositions' | 'parties' | 'users'>,
  showDisposition: boolean,
  published: boolean,
): ContributionDTO {
  const party = details.parties.get(c.party_id)!
  const ref = (id: string | null) => (id ? { id, displayName: details.users.get(id) ?? '' } : null)
  const disposition = details.dispositions.get(c.id)
  return {
    id: c.id,
    roundId: c.round_id,
    documentId: c.document_id,
    versionId: c.version_id,
    party,
    isObserver: !!c.is_observer,
    provisionEid: c.provision_eid,
    kind: c.kind as ContributionKind,
    type: c.type as ContributionType,
    language: c.language as Lang,
    comment: c.comment,
    proposedText: c.proposed_text,
    span: c.span_start !== null && c.span_end !== null ? { start: c.span_start, end: c.span_end } : null,
    afterEid: c.after_eid,
    justification: c.justification,
    status: c.status,
    cosponsors: (details.cosponsors.get(c.id) ?? []).map((id) => details.parties.get(id)!).filter(Boolean),
    draftedBy: ref(c.drafted_by),
    submittedBy: ref(c.submitted_by),
    submittedAt: c.submitted_at,
    disposition:
      disposition && showDisposition ? presentDisposition(disposition, details.users, published) : null,
    createdAt: c.created_at,
    version: c.version,
  }
}
