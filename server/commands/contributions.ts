/** Commands on contributions: drafting, submitting, editing, withdrawing, co-sponsoring. */
import {
  type CreateContributionRequest,
  MAX_TEXT,
  type UpdateContributionRequest,
} from '@core/api/contribution-requests.js'
import type { Lang } from '@core/i18n/languages.js'
import { appendAudit } from '../audit/log.js'
import type { CommandContext, CurrentUser } from '../context.js'
import type { CommentRoundRow, ContributionRow, DocumentRow, DossierRow } from '../db/types.js'
import {
  assertVersion,
  contributionConflict,
  forbidden,
  provisionNotFound,
  roundNotOpen,
  textTooLong,
  validationFailed,
  versionSuperseded,
} from '../errors.js'
import { newId } from '../ids.js'
import { inZone, latestPublished, roundState } from '../repositories/rounds.js'
import { updateVersioned } from './optimistic.js'
import { roundTouched } from './rounds.js'

const firstLabel = (json: string) => {
  const l = JSON.parse(json) as Record<string, string>
  return l.ru ?? l.en ?? Object.values(l)[0] ?? ''
}

/** Contributions are accepted only while the round is open and its version is current. */
export async function assertAccepting(ctx: CommandContext, round: CommentRoundRow): Promise<void> {
  const state = roundState(round, Date.parse(ctx.clock()))
  if (state !== 'open') {
    const at = state === 'closed' ? round.closes_at : round.opens_at
    throw roundNotOpen(state === 'closed' ? 'closed' : 'scheduled', at, inZone(at, round.timezone))
  }
  const current = await latestPublished(ctx.trx, round.document_id)
  if (current && current.id !== round.version_id) {
    const own = await ctx.trx
      .selectFrom('versions')
      .select('label')
      .where('id', '=', round.version_id)
      .executeTakeFirstOrThrow()
    throw versionSuperseded(firstLabel(own.label), { id: current.id, label: firstLabel(current.label) })
  }
}

async function assertProvision(ctx: CommandContext, round: CommentRoundRow, eid: string): Promise<void> {
  const found = await ctx.trx
    .selectFrom('provisions')
    .select('eid')
    .where('version_id', '=', round.version_id)
    .where('eid', '=', eid)
    .executeTakeFirst()
  if (!found) {
    const v = await ctx.trx
      .selectFrom('versions')
      .select('label')
      .where('id', '=', round.version_id)
      .executeTakeFirstOrThrow()
    throw provisionNotFound(eid, firstLabel(v.label))
  }
}

type TextFields = Pick<CreateContributionRequest, 'comment' | 'proposedText' | 'justification'>

function assertLengths(input: TextFields): void {
  for (const field of ['comment', 'proposedText', 'justification'] as const) {
    const value = input[field]
    if (value && value.length > MAX_TEXT) throw textTooLong(field, MAX_TEXT)
  }
}

const blank = (s: string | null | undefined) => !s || s.trim() === ''

/** What each kind requires: a provision, a wording, a comment. */
function assertShape(
  kind: ContributionRow['kind'],
  input: TextFields & { provisionEid?: string | null; afterEid?: string | null },
) {
  const missing = (path: string) => validationFailed([{ path: `body.${path}`, message: 'required' }])
  if (kind === 'general' && blank(input.comment)) throw missing('comment')
  if (kind === 'comment' && blank(input.comment)) throw missing('comment')
  if (['comment', 'amendment', 'deletion'].includes(kind) && !input.provisionEid)
    throw missing('provisionEid')
  if (kind === 'amendment' && blank(input.proposedText)) throw missing('proposedText')
  if (kind === 'insertion') {
    if (!input.afterEid) throw missing('afterEid')
    if (blank(input.proposedText)) throw missing('proposedText')
  }
}

export interface ContributionDrafterProps {
  ctx: CommandContext
  user: CurrentUser
  dossier: DossierRow
  document: DocumentRow
  round: CommentRoundRow
  /** Whether the user may send it to the secretariat (head of delegation, or experts allowed). */
  maySubmit: boolean
  input: CreateContributionRequest
}

/** Records a party's comment or proposal, as a draft or submitted at once. */
export async function contributionDrafter(p: ContributionDrafterProps): Promise<ContributionRow> {
  const { ctx, user, round, input } = p
  assertLengths(input)
  assertShape(input.kind, input)
  await assertAccepting(ctx, round)
  const provisionEid = input.kind === 'general' || input.kind === 'insertion' ? null : input.provisionEid!
  if (provisionEid) await assertProvision(ctx, round, provisionEid)
  if (input.kind === 'insertion') await assertProvision(ctx, round, input.afterEid!)
  const submit = input.submit ?? p.maySubmit
  if (submit && !p.maySubmit) throw forbidden()
  const membership = await ctx.trx
    .selectFrom('memberships')
    .select('status')
    .where('organization_id', '=', p.dossier.organization_id)
    .where('party_id', '=', user.partyId!)
    .executeTakeFirstOrThrow()
  const now = ctx.clock()
  const row: ContributionRow = {
    id: newId(),
    round_id: round.id,
    dossier_id: p.dossier.id,
    document_id: p.document.id,
    version_id: round.version_id,
    party_id: user.partyId!,
    is_observer: membership.status === 'observer' ? 1 : 0,
    provision_eid: provisionEid,
    kind: input.kind,
    type: input.type,
    language: input.language ?? (p.document.working_language as Lang),
    comment: blank(input.comment) ? null : input.comment!,
    proposed_text:
      input.kind === 'amendment' || input.kind === 'insertion' ? input.proposedText!.trim() : null,
    span_start: input.kind === 'amendment' && input.span ? input.span.start : null,
    span_end: input.kind === 'amendment' && input.span ? input.span.end : null,
    after_eid: input.kind === 'insertion' ? input.afterEid! : null,
    justification: blank(input.justification) ? null : input.justification!,
    status: submit ? 'submitted' : 'draft',
    drafted_by: user.id,
    submitted_by: submit ? user.id : null,
    submitted_at: submit ? now : null,
    created_at: now,
    updated_at: now,
    version: 1,
  }
  await ctx.trx.insertInto('contributions').values(row).execute()
  await roundTouched(ctx, round.id)
  await appendAudit(ctx, {
    action: submit ? 'contribution.submit' : 'contribution.draft',
    subjectType: 'contribution',
    subjectId: row.id,
    organizationId: p.dossier.organization_id,
    dossierId: p.dossier.id,
    change: {
      roundId: round.id,
      kind: row.kind,
      provisionEid,
      afterEid: row.after_eid,
      proposedText: row.proposed_text,
      comment: row.comment,
    },
  })
  return row
}

interface OnContribution {
  ctx: CommandContext
  dossier: DossierRow
  round: CommentRoundRow
  contribution: ContributionRow
}

/** Edits a party's draft (the expert's work before the head submits it). */
export async function contributionEditor(
  p: OnContribution & { input: UpdateContributionRequest & { version: number } },
) {
  const { ctx, contribution: c, input } = p
  if (c.status !== 'draft') throw contributionConflict('contribution_not_draft')
  assertVersion(c.version, input.version)
  assertLengths(input)
  const merged = {
    comment: input.comment === undefined ? c.comment : input.comment,
    proposedText: input.proposedText === undefined ? c.proposed_text : input.proposedText,
    justification: input.justification === undefined ? c.justification : input.justification,
  }
  assertShape(c.kind, { ...merged, provisionEid: c.provision_eid, afterEid: c.after_eid })
  const set = {
    type: input.type ?? c.type,
    comment: blank(merged.comment) ? null : merged.comment,
    proposed_text: c.kind === 'amendment' || c.kind === 'insertion' ? merged.proposedText!.trim() : null,
    span_start: input.span === undefined ? c.span_start : (input.span?.start ?? null),
    span_end: input.span === undefined ? c.span_end : (input.span?.end ?? null),
    justification: blank(merged.justification) ? null : merged.justification,
    updated_at: ctx.clock(),
  }
  const version = await updateVersioned(ctx.trx, 'contributions', c.id, c.version, set)
  await roundTouched(ctx, p.round.id)
  await appendAudit(ctx, {
    action: 'contribution.edit',
    subjectType: 'contribution',
    subjectId: c.id,
    organizationId: p.dossier.organization_id,
    dossierId: p.dossier.id,
    change: set,
  })
  return { ...c, ...set, version }
}

/** The head of delegation sends the party's draft to the secretariat. */
export async function contributionSubmitter(p: OnContribution & { version: number }) {
  const { ctx, contribution: c } = p
  if (c.status !== 'draft') throw contributionConflict('contribution_not_draft')
  assertVersion(c.version, p.version)
  await assertAccepting(ctx, p.round)
  const now = ctx.clock()
  const version = await updateVersioned(ctx.trx, 'contributions', c.id, c.version, {
    status: 'submitted',
    submitted_by: ctx.actor!.id,
    submitted_at: now,
    updated_at: now,
  })
  await roundTouched(ctx, p.round.id)
  await appendAudit(ctx, {
    action: 'contribution.submit',
    subjectType: 'contribution',
    subjectId: c.id,
    organizationId: p.dossier.organization_id,
    dossierId: p.dossier.id,
    change: { from: 'draft' },
  })
  return { ...c, status: 'submitted' as const, submitted_by: ctx.actor!.id, submitted_at: now, version }
}

/** The party takes its contribution back, until the secretariat has disposed of it. */
export async function contributionWithdrawer(p: OnContribution & { version: number; disposed: boolean }) {
  const { ctx, contribution: c } = p
  if (p.disposed) throw contributionConflict('contribution_disposed')
  if (c.status !== 'submitted')
    throw contributionConflict(
      c.status === 'withdrawn' ? 'contribution_withdrawn' : 'contribution_not_submitted',
    )
  assertVersion(c.version, p.version)
  const version = await updateVersioned(ctx.trx, 'contributions', c.id, c.version, {
    status: 'withdrawn',
    updated_at: ctx.clock(),
  })
  await roundTouched(ctx, p.round.id)
  await appendAudit(ctx, {
    action: 'contribution.withdraw',
    subjectType: 'contribution',
    subjectId: c.id,
    organizationId: p.dossier.organization_id,
    dossierId: p.dossier.id,
    change: {},
  })
  return { ...c, status: 'withdrawn' as const, version }
}

/**
 * Another party joins (or leaves) a submitted proposal, while the round is open and before
 * the secretariat has decided on it.
 */
export async function cosponsorSetter(
  p: OnContribution & { partyId: string; join: boolean; disposed: boolean },
) {
  const { ctx, contribution: c } = p
  if (p.disposed) throw contributionConflict('contribution_disposed')
  await assertAccepting(ctx, p.round)
  if (c.party_id === p.partyId) throw contributionConflict('cosponsor_own_party')
  if (c.status !== 'submitted')
    throw contributionConflict(
      c.status === 'withdrawn' ? 'contribution_withdrawn' : 'contribution_not_submitted',
    )
  if (p.join) {
    await ctx.trx
      .insertInto('contribution_cosponsors')
      .values({ contribution_id: c.id, party_id: p.partyId, created_at: ctx.clock() })
      .onConflict((oc) => oc.columns(['contribution_id', 'party_id']).doNothing())
      .execute()
  } else {
    await ctx.trx
      .deleteFrom('contribution_cosponsors')
      .where('contribution_id', '=', c.id)
      .where('party_id', '=', p.partyId)
      .execute()
  }
  await roundTouched(ctx, p.round.id)
  await appendAudit(ctx, {
    action: p.join ? 'contribution.cosponsor' : 'contribution.uncosponsor',
    subjectType: 'contribution',
    subjectId: c.id,
    organizationId: p.dossier.organization_id,
    dossierId: p.dossier.id,
    change: { partyId: p.partyId },
  })
}
