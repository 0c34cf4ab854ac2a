/** Commands on dossiers: the only code that writes them. */
import type { CreateDossierRequest, UpdateDossierRequest } from '@core/api/requests.js'
import {
  type ApprovalStatus,
  CIS_PROCEDURE,
  canMove,
  evaluateGuards,
  type GuardFacts,
  type Stage,
} from '@core/domain/procedure.js'
import { pickText } from '@core/i18n/languages.js'
import { appendAudit } from '../audit/log.js'
import type { CommandContext } from '../context.js'
import type { DossierRow, OrganizationRow } from '../db/types.js'
import {
  AppError,
  assertVersion,
  conflict,
  notFound,
  partyNotFound,
  stageGuardFailed,
  stageTransitionRefused,
} from '../errors.js'
import { isId, newId } from '../ids.js'
import { consensusOf } from '../repositories/consensus.js'
import { participantsOf } from '../repositories/dossiers.js'
import { updateVersioned } from './optimistic.js'

export interface DossierOpenerProps {
  ctx: CommandContext
  /** The organization whose secretariat opens the dossier. */
  organization: OrganizationRow
  input: CreateDossierRequest
}

/**
 * Opens a dossier in the first stage of the organization's procedure. The parties taking
 * part default to every member and observer of the organization.
 */
export async function dossierOpener({ ctx, organization, input }: DossierOpenerProps): Promise<DossierRow> {
  const { trx } = ctx
  const taken = await trx
    .selectFrom('dossiers')
    .select('id')
    .where('organization_id', '=', organization.id)
    .where('reference', '=', input.reference)
    .executeTakeFirst()
  if (taken) throw conflict('reference_taken')
  if (input.leadBodyId) {
    const body = isId(input.leadBodyId)
      ? await trx
          .selectFrom('bodies')
          .select('id')
          .where('id', '=', input.leadBodyId)
          .where('organization_id', '=', organization.id)
          .executeTakeFirst()
      : undefined
    if (!body) throw notFound('body_not_found')
  }
  const memberships = await trx
    .selectFrom('memberships')
    .innerJoin('parties', 'parties.id', 'memberships.party_id')
    .select(['parties.id', 'parties.code', 'memberships.status'])
    .where('memberships.organization_id', '=', organization.id)
    .where('memberships.until', 'is', null)
    .execute()
  let participants = memberships
  if (input.participants) {
    const wanted = new Set(input.participants)
    const unknown = [...wanted].filter((code) => !memberships.some((m) => m.code === code))
    if (unknown.length) throw partyNotFound(unknown)
    participants = memberships.filter((m) => wanted.has(m.code))
  }
  const now = ctx.clock()
  const row: DossierRow = {
    id: newId(),
    organization_id: organization.id,
    reference: input.reference,
    title: JSON.stringify(input.title),
    stage: CIS_PROCEDURE.stages[0]!,
    procedure: organization.procedure,
    lead_body_id: input.leadBodyId ?? null,
    version: 1,
    created_at: now,
    updated_at: now,
  }
  await trx.insertInto('dossiers').values(row).execute()
  if (participants.length) {
    await trx
      .insertInto('dossier_participants')
      .values(participants.map((p) => ({ dossier_id: row.id, party_id: p.id, status: p.status })))
      .execute()
  }
  await appendAudit(ctx, {
    action: 'dossier.open',
    subjectType: 'dossier',
    subjectId: row.id,
    organizationId: organization.id,
    dossierId: row.id,
    change: { reference: row.reference, title: input.title, participants: participants.map((p) => p.code) },
  })
  return row
}

export interface DossierUpdaterProps {
  ctx: CommandContext
  dossier: DossierRow
  /** The change, with the version the client read (from the body or If-Match). */
  input: UpdateDossierRequest & { version: number }
}

/** Changes a dossier's reference or title; refuses a stale version. */
export async function dossierUpdater({ ctx, dossier, input }: DossierUpdaterProps): Promise<DossierRow> {
  assertVersion(dossier.version, input.version)
  const { trx } = ctx
  if (input.reference && input.reference !== dossier.reference) {
    const taken = await trx
      .selectFrom('dossiers')
      .select('id')
      .where('organization_id', '=', dossier.organization_id)
      .where('reference', '=', input.reference)
      .executeTakeFirst()
    if (taken) throw conflict('reference_taken')
  }
  const updatedAt = ctx.clock()
  const title = input.title ? JSON.stringify(input.title) : dossier.title
  const reference = input.reference ?? dossier.reference
  const version = await updateVersioned(trx, 'dossiers', dossier.id, dossier.version, {
    reference,
    title,
    updated_at: updatedAt,
  })
  await appendAudit(ctx, {
    action: 'dossier.update',
    subjectType: 'dossier',
    subjectId: dossier.id,
    organizationId: dossier.organization_id,
    dossierId: dossier.id,
    change: { from: { reference: dossier.reference, title: JSON.parse(dossier.title) }, to: input },
  })
  return { ...dossier, reference, title, version, updated_at: updatedAt }
}

export interface DossierStageMoverProps {
  ctx: CommandContext
  dossier: DossierRow
  to: Stage
  /** The version the client read. */
  version: number
}

/**
 * Moves a dossier to another stage of its procedure, if the procedure allows that move.
 * Guards per stage (domestic approval complete, no ad referendum pending...) come with the
 * procedure templates; the refusal already names the allowed moves.
 */
export async function dossierStageMover({
  ctx,
  dossier,
  to,
  version,
}: DossierStageMoverProps): Promise<DossierRow> {
  assertVersion(dossier.version, version)
  const from = dossier.stage as Stage
  if (!canMove(CIS_PROCEDURE, from, to)) {
    throw stageTransitionRefused(from, to, [...(CIS_PROCEDURE.transitions[from] ?? [])])
  }
  if (CIS_PROCEDURE.guards[`${from}>${to}`]?.length) {
    const facts = await guardFacts(ctx, dossier)
    const failures = evaluateGuards(CIS_PROCEDURE, from, to, facts.facts)
    if (failures.length) throw stageGuardFailed(failures, facts.titles)
  }
  const updatedAt = ctx.clock()
  const next = await updateVersioned(ctx.trx, 'dossiers', dossier.id, dossier.version, {
    stage: to,
    updated_at: updatedAt,
  })
  await appendAudit(ctx, {
    action: 'dossier.move',
    subjectType: 'dossier',
    subjectId: dossier.id,
    organizationId: dossier.organization_id,
    dossierId: dossier.id,
    change: { from, to, at: updatedAt },
  })
  if (to === 'domestic_approval') await approvalsOpener(ctx, dossier)
  return { ...dossier, stage: to, version: next, updated_at: updatedAt }
}

/** What the guards of the procedure look at, gathered in the mover's transaction. */
async function guardFacts(ctx: CommandContext, dossier: DossierRow) {
  const documents = await ctx.trx
    .selectFrom('documents')
    .select(['id', 'title'])
    .where('dossier_id', '=', dossier.id)
    .execute()
  const docs: { id: string; frozen: boolean }[] = []
  const adReferendum = new Set<string>()
  for (const d of documents) {
    const latest = await ctx.trx
      .selectFrom('versions')
      .select(['id', 'frozen_at'])
      .where('document_id', '=', d.id)
      .where('status', '=', 'published')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst()
    docs.push({ id: d.id, frozen: !!latest?.frozen_at })
    if (latest?.frozen_at) {
      for (const code of (await consensusOf(ctx.trx, dossier, latest.id)).outcome.adReferendum)
        adReferendum.add(code)
    }
  }
  const participants = await participantsOf(ctx.trx, [dossier.id])
  const rows = await ctx.trx
    .selectFrom('domestic_approvals')
    .select(['party_id', 'status'])
    .where('dossier_id', '=', dossier.id)
    .execute()
  const status = new Map(rows.map((r) => [r.party_id, r.status as ApprovalStatus]))
  const facts: GuardFacts = {
    documents: docs,
    approvals: participants
      .filter((p) => p.status === 'member')
      .map((p) => ({ party: p.code, status: status.get(p.party_id) ?? 'not_started' })),
    adReferendum: [...adReferendum],
  }
  const titles = new Map(documents.map((d) => [d.id, pickText(JSON.parse(d.title), 'ru')]))
  return { facts, titles }
}

/** On entering domestic approval, every participating member gets its item, not started. */
async function approvalsOpener(ctx: CommandContext, dossier: DossierRow): Promise<void> {
  const participants = await participantsOf(ctx.trx, [dossier.id])
  const at = ctx.clock()
  for (const p of participants.filter((x) => x.status === 'member')) {
    await ctx.trx
      .insertInto('domestic_approvals')
      .values({
        id: newId(),
        dossier_id: dossier.id,
        party_id: p.party_id,
        status: 'not_started',
        due_date: null,
        note: null,
        updated_by: null,
        updated_at: at,
        version: 1,
        ad_referendum: null,
      })
      .onConflict((oc) => oc.columns(['dossier_id', 'party_id']).doNothing())
      .execute()
  }
}

export interface ApprovalRecorderProps {
  ctx: CommandContext
  dossier: DossierRow
  partyId: string
  input: {
    version: number
    status: ApprovalStatus
    note?: string | null | undefined
    dueDate?: string | null | undefined
  }
}

/** A member's domestic approval moves on (in progress, approved, with reservations, declined). */
export async function approvalRecorder({ ctx, dossier, partyId, input }: ApprovalRecorderProps) {
  const row = await ctx.trx
    .selectFrom('domestic_approvals')
    .selectAll()
    .where('dossier_id', '=', dossier.id)
    .where('party_id', '=', partyId)
    .executeTakeFirst()
  if (!row) throw new AppError(404, 'approval_not_found')
  assertVersion(row.version, input.version)
  const set = {
    status: input.status,
    note: input.note === undefined ? row.note : input.note,
    due_date: input.dueDate === undefined ? row.due_date : input.dueDate,
    updated_by: ctx.actor?.id ?? null,
    updated_at: ctx.clock(),
  }
  const version = await updateVersioned(ctx.trx, 'domestic_approvals', row.id, row.version, set)
  await appendAudit(ctx, {
    action: 'approval.record',
    subjectType: 'dossier',
    subjectId: dossier.id,
    organizationId: dossier.organization_id,
    dossierId: dossier.id,
    change: { partyId, from: row.status, to: input.status, note: set.note },
  })
  return { ...row, ...set, version }
}
