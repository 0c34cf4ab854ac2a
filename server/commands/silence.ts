/**
 * The silence procedure (процедура умолчания): a circulated text is deemed agreed at a
 * deadline unless a member objects. Any member's objection breaks the silence at once; at
 * the deadline a durable job records every member that has not answered as agreeing.
 */
import { appendAudit } from '../audit/log.js'
import type { CommandContext } from '../context.js'
import type { DossierRow, SilenceProcedureRow } from '../db/types.js'
import { AppError } from '../errors.js'
import { newId } from '../ids.js'
import { cancelJob, enqueue } from '../jobs/queue.js'
import type { VersionSummaryRow } from '../repositories/documents.js'
import { participantsOf } from '../repositories/dossiers.js'
import { notifier, recipientsOf } from './notifications.js'
import { versionFrozen } from './positions.js'

export const SILENCE_JOB = 'silence.deadline'

/** The procedure running on a version now (neither broken nor completed), if any. */
export async function activeSilence(
  ctx: CommandContext,
  versionId: string,
): Promise<SilenceProcedureRow | undefined> {
  return ctx.trx
    .selectFrom('silence_procedures')
    .selectAll()
    .where('version_id', '=', versionId)
    .where('broken_at', 'is', null)
    .where('completed_at', 'is', null)
    .executeTakeFirst()
}

async function tellEveryone(
  ctx: CommandContext,
  dossier: DossierRow,
  documentTitle: string,
  kind: 'silence_started' | 'silence_broken' | 'silence_completed',
  link: string,
  extra: Record<string, string> = {},
) {
  const participants = await participantsOf(ctx.trx, [dossier.id])
  const users = await recipientsOf(
    ctx.trx,
    participants.map((p) => p.party_id),
    dossier.organization_id,
  )
  await notifier(ctx, users, { kind, params: { document: JSON.parse(documentTitle), ...extra }, link })
}

export interface SilenceStarterProps {
  ctx: CommandContext
  dossier: DossierRow
  documentTitle: string
  version: VersionSummaryRow
  deadline: string
  timezone: string
}

/** Starts a silence procedure on a circulated version. */
export async function silenceStarter(p: SilenceStarterProps): Promise<SilenceProcedureRow> {
  const { ctx, version } = p
  if (version.frozen_at) throw versionFrozen()
  try {
    new Intl.DateTimeFormat('en', { timeZone: p.timezone })
  } catch {
    throw new AppError(
      422,
      'validation_failed',
      { fields: 'body.timezone' },
      { fields: [{ path: 'body.timezone', message: 'unknown IANA time zone' }] },
    )
  }
  if (Date.parse(p.deadline) <= Date.parse(ctx.clock())) throw new AppError(422, 'silence_deadline_past')
  if (await activeSilence(ctx, version.id)) throw new AppError(409, 'silence_active')
  const deadline = new Date(p.deadline).toISOString()
  const id = newId()
  const jobId = await enqueue(ctx, SILENCE_JOB, deadline, { procedureId: id })
  const row: SilenceProcedureRow = {
    id,
    dossier_id: p.dossier.id,
    document_id: version.document_id,
    version_id: version.id,
    deadline,
    timezone: p.timezone,
    started_by: ctx.actor?.id ?? null,
    started_at: ctx.clock(),
    broken_at: null,
    broken_by: null,
    completed_at: null,
    job_id: jobId,
  }
  await ctx.trx.insertInto('silence_procedures').values(row).execute()
  await appendAudit(ctx, {
    action: 'silence.start',
    subjectType: 'version',
    subjectId: version.id,
    organizationId: p.dossier.organization_id,
    dossierId: p.dossier.id,
    change: { deadline, timezone: p.timezone },
  })
  const link = `/documents/${version.document_id}/versions/${version.id}/consensus`
  await tellEveryone(ctx, p.dossier, p.documentTitle, 'silence_started', link, {
    deadline,
    timezone: p.timezone,
  })
  return row
}

/** A member's objection breaks the silence at once (called in the objection's transaction). */
export async function silenceBreaker(
  ctx: CommandContext,
  dossier: DossierRow,
  versionId: string,
  partyId: string,
): Promise<boolean> {
  const running = await activeSilence(ctx, versionId)
  if (!running || Date.parse(running.deadline) <= Date.parse(ctx.clock())) return false
  const { title: documentTitle } = await ctx.trx
    .selectFrom('documents')
    .select('title')
    .where('id', '=', running.document_id)
    .executeTakeFirstOrThrow()
  const at = ctx.clock()
  await ctx.trx
    .updateTable('silence_procedures')
    .set({ broken_at: at, broken_by: partyId })
    .where('id', '=', running.id)
    .execute()
  if (running.job_id) await cancelJob(ctx, running.job_id)
  await appendAudit(ctx, {
    action: 'silence.break',
    subjectType: 'version',
    subjectId: versionId,
    organizationId: dossier.organization_id,
    dossierId: dossier.id,
    change: { procedureId: running.id, partyId, at },
  })
  const party = await ctx.trx
    .selectFrom('parties')
    .select('code')
    .where('id', '=', partyId)
    .executeTakeFirstOrThrow()
  const link = `/documents/${running.document_id}/versions/${versionId}/consensus`
  await tellEveryone(ctx, dossier, documentTitle, 'silence_broken', link, { party: party.code })
  return true
}

/** The deadline passed in silence: every member that has not answered is recorded as agreeing. */
export async function silenceCompleter(ctx: CommandContext, payload: Record<string, unknown>): Promise<void> {
  const procedure = await ctx.trx
    .selectFrom('silence_procedures')
    .selectAll()
    .where('id', '=', String(payload.procedureId))
    .executeTakeFirst()
  if (!procedure || procedure.broken_at || procedure.completed_at) return
  const dossier = await ctx.trx
    .selectFrom('dossiers')
    .selectAll()
    .where('id', '=', procedure.dossier_id)
    .executeTakeFirstOrThrow()
  const document = await ctx.trx
    .selectFrom('documents')
    .select(['title'])
    .where('id', '=', procedure.document_id)
    .executeTakeFirstOrThrow()
  const participants = await participantsOf(ctx.trx, [dossier.id])
  const answered = await ctx.trx
    .selectFrom('position_events')
    .select('party_id')
    .distinct()
    .where('version_id', '=', procedure.version_id)
    .where('provision_eid', 'is', null)
    .execute()
  const has = new Set(answered.map((a) => a.party_id))
  const at = procedure.deadline
  const silent = participants.filter((p) => p.status === 'member' && !has.has(p.party_id))
  for (const p of silent) {
    await ctx.trx
      .insertInto('position_events')
      .values({
        id: newId(),
        dossier_id: dossier.id,
        document_id: procedure.document_id,
        version_id: procedure.version_id,
        party_id: p.party_id,
        is_observer: 0,
        provision_eid: null,
        kind: 'agree',
        text: 'silence_procedure',
        stated_by: null,
        at,
      })
      .execute()
  }
  await ctx.trx
    .updateTable('silence_procedures')
    .set({ completed_at: ctx.clock() })
    .where('id', '=', procedure.id)
    .execute()
  await appendAudit(ctx, {
    action: 'silence.complete',
    subjectType: 'version',
    subjectId: procedure.version_id,
    organizationId: dossier.organization_id,
    dossierId: dossier.id,
    change: { procedureId: procedure.id, recordedAsAgreeing: silent.map((p) => p.code) },
  })
  const link = `/documents/${procedure.document_id}/versions/${procedure.version_id}/consensus`
  await tellEveryone(ctx, dossier, document.title, 'silence_completed', link)
}
