/** Commands on dossiers: the only code that writes them. */
import type { CreateDossierRequest, UpdateDossierRequest } from '@core/api/requests.js'
import {
  type ApprovalStatus,
  canMove,
  evaluateGuards,
  guardsOf,
  isApproved,
  type ProcedureDefinition,
  type Stage,
  stageOf,
} from '@core/domain/procedure.js'
import { t } from '@core/i18n/index.js'
import { type Lang, pickText } from '@core/i18n/languages.js'
import { appendAudit } from '../audit/log.js'
import type { CommandContext } from '../context.js'
import type { DomesticApprovalTable, DossierRow, OrganizationRow } from '../db/types.js'
import { AppError, assertVersion, conflict, notFound, partyNotFound, stageGuardFailed } from '../errors.js'
import { isId, newId } from '../ids.js'
import { approvalRemindersScheduler } from '../jobs/approval-reminders.js'
import { consensusOf } from '../repositories/consensus.js'
import { participantsOf } from '../repositories/dossiers.js'
import {
  failureNames,
  guardFacts,
  isFinished,
  latestVersions,
  templateOfDossier,
} from '../repositories/procedures.js'
import { notifier, recipientsOf } from './notifications.js'
import { updateVersioned } from './optimistic.js'
import { storedTemplate } from './procedures.js'

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
  const definition = await organizationDefinition(ctx, organization.id, organization.procedure)
  const now = ctx.clock()
  const row: DossierRow = {
    id: newId(),
    organization_id: organization.id,
    reference: input.reference,
    title: JSON.stringify(input.title),
    stage: definition.stages[0]!.code,
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
  // The timeline starts here: the first move comes from nowhere.
  await stageMoveWriter(ctx, row.id, null, row.stage, null)
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

/**
 * The definition of an organization's template with that code, from its stored copy (a
 * shipped template it does not have yet is installed in this transaction); the CIS
 * procedure when the code is unknown.
 */
async function organizationDefinition(
  ctx: CommandContext,
  organizationId: string,
  code: string,
): Promise<ProcedureDefinition> {
  await storedTemplate(ctx, organizationId, code)
  return (
    await templateOfDossier(ctx.trx, { organization_id: organizationId, procedure: code } as DossierRow)
  ).definition
}

/** Appends a move to the dossier's timeline (in the caller's transaction). */
async function stageMoveWriter(
  ctx: CommandContext,
  dossierId: string,
  from: Stage | null,
  to: Stage,
  note: string | null,
): Promise<void> {
  await ctx.trx
    .insertInto('stage_moves')
    .values({
      id: newId(),
      dossier_id: dossierId,
      from_stage: from,
      to_stage: to,
      moved_by: ctx.actor?.id ?? null,
      at: ctx.clock(),
      note,
    })
    .execute()
}

/** The language of messages for the one who acts (the system speaks Russian). */
const actorLang = (ctx: CommandContext): Lang => ctx.actor?.locale ?? 'ru'

const stageName = (def: ProcedureDefinition, code: Stage, lang: Lang) => {
  const stage = stageOf(def, code)
  return stage ? pickText(stage.name, lang) : code
}

export interface DossierStageMoverProps {
  ctx: CommandContext
  dossier: DossierRow
  to: Stage
  /** The version the client read. */
  version: number
  /** Why the dossier moves (shown on the timeline). */
  note?: string | null | undefined
}

/**
 * Moves a dossier to another stage of its procedure template, if the template allows that
 * move and every guard of the move holds; a refusal names the allowed moves, or who and
 * what holds the move up. The move is written to the timeline, entering a domestic approval
 * stage opens an item per participating member, and the parties taking part are told.
 */
export async function dossierStageMover({
  ctx,
  dossier,
  to,
  version,
  note,
}: DossierStageMoverProps): Promise<DossierRow> {
  assertVersion(dossier.version, version)
  const def = await organizationDefinition(ctx, dossier.organization_id, dossier.procedure)
  const from = dossier.stage
  const lang = actorLang(ctx)
  if (!canMove(def, from, to)) {
    throw new AppError(
      409,
      'stage_transition_refused',
      { from: stageName(def, from, lang), to: stageName(def, to, lang) },
      { from, to, allowed: [...(def.transitions[from] ?? [])] },
    )
  }
  const guards = guardsOf(def, from, to)
  if (guards.length) {
    const facts = await guardFacts(ctx.trx, dossier, def, from, guards)
    const failures = evaluateGuards(def, from, to, facts)
    if (failures.length) throw stageGuardFailed(failures, await failureNames(ctx.trx, dossier, lang))
  }
  const updatedAt = ctx.clock()
  const next = await updateVersioned(ctx.trx, 'dossiers', dossier.id, dossier.version, {
    stage: to,
    updated_at: updatedAt,
  })
  await stageMoveWriter(ctx, dossier.id, from, to, note?.trim() || null)
  await appendAudit(ctx, {
    action: 'dossier.move',
    subjectType: 'dossier',
    subjectId: dossier.id,
    organizationId: dossier.organization_id,
    dossierId: dossier.id,
    change: { from, to, at: updatedAt, ...(note ? { note } : {}) },
  })
  const target = stageOf(def, to)
  if (target?.kind === 'domestic_approval' || (!target?.kind && to === 'domestic_approval'))
    await approvalsOpener(ctx, dossier)
  const participants = await participantsOf(ctx.trx, [dossier.id])
  const users = await recipientsOf(
    ctx.trx,
    participants.map((p) => p.party_id),
  )
  await notifier(ctx, users, {
    kind: 'stage_moved',
    params: {
      reference: dossier.reference,
      dossier: JSON.parse(dossier.title),
      from,
      to,
      stageName: target?.name ?? { ru: to, en: to },
    },
    link: `/dossiers/${dossier.id}`,
  })
  return { ...dossier, stage: to, version: next, updated_at: updatedAt }
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
    status?: ApprovalStatus | undefined
    note?: string | null | undefined
    /** ISO date; the secretariat's (the route checks who sends it). */
    dueDate?: string | null | undefined
  }
}

/**
 * A member's domestic approval moves on (in progress, approved, with reservations,
 * declined), or the secretariat sets its due date. Approval confirms the party's agreement
 * ad referendum on the frozen texts (a position 'agree' is recorded on each); a refusal
 * withdraws it (an 'objection'). A due date schedules the reminders; a change of status
 * tells the secretariat.
 */
export async function approvalRecorder({ ctx, dossier, partyId, input }: ApprovalRecorderProps) {
  const row = await ctx.trx
    .selectFrom('domestic_approvals')
    .selectAll()
    .where('dossier_id', '=', dossier.id)
    .where('party_id', '=', partyId)
    .executeTakeFirst()
  if (!row) throw new AppError(404, 'approval_not_found')
  assertVersion(row.version, input.version)
  const status = input.status ?? (row.status as ApprovalStatus)
  const set: Partial<DomesticApprovalTable> = {
    status,
    note: input.note === undefined ? row.note : input.note || null,
    due_date: input.dueDate === undefined ? row.due_date : input.dueDate,
    updated_by: ctx.actor?.id ?? null,
    updated_at: ctx.clock(),
    ad_referendum: row.ad_referendum,
  }
  if (status !== row.status) {
    const effect = await adReferendumSettler(ctx, dossier, partyId, status, row.ad_referendum)
    if (effect) set.ad_referendum = effect
  }
  const version = await updateVersioned(ctx.trx, 'domestic_approvals', row.id, row.version, set)
  await appendAudit(ctx, {
    action: 'approval.record',
    subjectType: 'dossier',
    subjectId: dossier.id,
    organizationId: dossier.organization_id,
    dossierId: dossier.id,
    change: {
      partyId,
      from: row.status,
      to: status,
      note: set.note,
      dueDate: set.due_date,
      adReferendum: set.ad_referendum,
    },
  })
  if (set.due_date !== row.due_date) await approvalRemindersScheduler(ctx, row.id, set.due_date ?? null)
  if (status !== row.status) {
    const party = await ctx.trx
      .selectFrom('parties')
      .select('code')
      .where('id', '=', partyId)
      .executeTakeFirst()
    const users = await recipientsOf(ctx.trx, [], dossier.organization_id)
    await notifier(
      ctx,
      users.filter((u) => u !== ctx.actor?.id),
      {
        kind: 'approval_recorded',
        params: {
          reference: dossier.reference,
          dossier: JSON.parse(dossier.title),
          party: party?.code ?? '',
          status,
        },
        link: `/dossiers/${dossier.id}/approvals`,
      },
    )
  }
  return { ...row, ...set, version } as typeof row
}

/**
 * What domestic approval does to the party's agreement ad referendum on the frozen texts:
 * approval confirms it (an 'agree' on each such version, so the consensus shows a full
 * agreement), a refusal withdraws it (an 'objection'). Returns the new `ad_referendum`.
 */
async function adReferendumSettler(
  ctx: CommandContext,
  dossier: DossierRow,
  partyId: string,
  status: ApprovalStatus,
  previous: 'confirmed' | 'withdrawn' | null,
): Promise<'confirmed' | 'withdrawn' | null> {
  const declined = status === 'declined'
  if (!declined && !isApproved(status)) return null
  const party = await ctx.trx
    .selectFrom('parties')
    .select('code')
    .where('id', '=', partyId)
    .executeTakeFirst()
  if (!party) return null
  let changed = false
  for (const d of await latestVersions(ctx.trx, dossier.id)) {
    if (!d.latest?.frozen_at) continue
    const { outcome } = await consensusOf(ctx.trx, dossier, d.latest.id)
    const position = outcome.positionOf(party.code, null)
    const pending = position === 'agree_ad_referendum'
    const confirmedEarlier = previous === 'confirmed' && position === 'agree'
    if (!(pending || (declined && confirmedEarlier))) continue
    const kind = declined ? 'objection' : 'agree'
    const text = ['ru', 'en']
      .map((l) =>
        t(l as Lang, declined ? 'procedure.adReferendum.withdrawn' : 'procedure.adReferendum.confirmed'),
      )
      .join(' / ')
    await ctx.trx
      .insertInto('position_events')
      .values({
        id: newId(),
        dossier_id: dossier.id,
        document_id: d.id,
        version_id: d.latest.id,
        party_id: partyId,
        is_observer: 0,
        provision_eid: null,
        kind,
        text,
        stated_by: ctx.actor?.id ?? null,
        at: ctx.clock(),
      })
      .execute()
    await appendAudit(ctx, {
      action: 'position.state',
      subjectType: 'version',
      subjectId: d.latest.id,
      organizationId: dossier.organization_id,
      dossierId: dossier.id,
      change: { partyId, provisionEid: null, kind, text, observer: false, by: 'domestic_approval' },
    })
    changed = true
  }
  if (!changed) return declined && previous === 'confirmed' ? 'withdrawn' : previous
  return declined ? 'withdrawn' : 'confirmed'
}

export interface ApprovalsDueDateSetterProps {
  ctx: CommandContext
  dossier: DossierRow
  /** ISO date, or null to clear it. */
  dueDate: string | null
  /** Party ids; default: every party still at work. */
  partyIds?: string[] | undefined
}

/**
 * The secretariat sets one due date for every party that has not finished (or for those
 * given); each item's reminders are scheduled. Returns how many items changed.
 */
export async function approvalsDueDateSetter({
  ctx,
  dossier,
  dueDate,
  partyIds,
}: ApprovalsDueDateSetterProps): Promise<number> {
  const rows = await ctx.trx
    .selectFrom('domestic_approvals')
    .selectAll()
    .where('dossier_id', '=', dossier.id)
    .execute()
  const chosen = rows.filter((r) => (partyIds ? partyIds.includes(r.party_id) : !isFinished(r.status)))
  const now = ctx.clock()
  let changed = 0
  for (const r of chosen) {
    if (r.due_date === dueDate) continue
    await updateVersioned(ctx.trx, 'domestic_approvals', r.id, r.version, {
      due_date: dueDate,
      updated_by: ctx.actor?.id ?? null,
      updated_at: now,
    })
    await approvalRemindersScheduler(ctx, r.id, dueDate)
    changed++
  }
  await appendAudit(ctx, {
    action: 'approval.due_date',
    subjectType: 'dossier',
    subjectId: dossier.id,
    organizationId: dossier.organization_id,
    dossierId: dossier.id,
    change: { dueDate, parties: chosen.map((r) => r.party_id), changed },
  })
  return changed
}
