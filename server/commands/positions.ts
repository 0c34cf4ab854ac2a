/** Positions of the parties on a version, and freezing the agreed text. */
import type { PositionKind } from '@core/domain/consensus.js'
import { appendAudit } from '../audit/log.js'
import type { CommandContext, CurrentUser } from '../context.js'
import type { DossierRow, PositionEventRow } from '../db/types.js'
import { AppError, provisionNotFound, validationFailed } from '../errors.js'
import { newId } from '../ids.js'
import type { VersionSummaryRow } from '../repositories/documents.js'
import { silenceBreaker } from './silence.js'

export const versionFrozen = () => new AppError(409, 'version_frozen')

const firstLabel = (json: string) => {
  const l = JSON.parse(json) as Record<string, string>
  return l.ru ?? l.en ?? Object.values(l)[0] ?? ''
}

export interface PositionRecorderProps {
  ctx: CommandContext
  user: CurrentUser
  dossier: DossierRow
  version: VersionSummaryRow
  input: { provisionEid?: string | null | undefined; kind: PositionKind; text?: string | null | undefined }
}

/**
 * Records a party's position as a new event (the history is never rewritten). An
 * observer's position is stored as an observer's statement: shown, never counted.
 */
export async function positionRecorder({
  ctx,
  user,
  dossier,
  version,
  input,
}: PositionRecorderProps): Promise<PositionEventRow> {
  if (version.frozen_at) throw versionFrozen()
  const text = input.text?.trim() || null
  if ((input.kind === 'reservation' || input.kind === 'objection') && !text) {
    throw validationFailed([{ path: 'body.text', message: `required for ${input.kind}` }])
  }
  if (input.provisionEid) {
    const found = await ctx.trx
      .selectFrom('provisions')
      .select('eid')
      .where('version_id', '=', version.id)
      .where('eid', '=', input.provisionEid)
      .executeTakeFirst()
    if (!found) throw provisionNotFound(input.provisionEid, firstLabel(version.label))
  }
  const membership = await ctx.trx
    .selectFrom('memberships')
    .select('status')
    .where('organization_id', '=', dossier.organization_id)
    .where('party_id', '=', user.partyId!)
    .executeTakeFirstOrThrow()
  const row: PositionEventRow = {
    id: newId(),
    dossier_id: dossier.id,
    document_id: version.document_id,
    version_id: version.id,
    party_id: user.partyId!,
    is_observer: membership.status === 'observer' ? 1 : 0,
    provision_eid: input.provisionEid ?? null,
    kind: input.kind,
    text,
    stated_by: user.id,
    at: ctx.clock(),
  }
  await ctx.trx.insertInto('position_events').values(row).execute()
  // A member's objection breaks a running silence procedure at once; an observer's never does.
  if (row.kind === 'objection' && !row.is_observer)
    await silenceBreaker(ctx, dossier, version.id, row.party_id)
  await appendAudit(ctx, {
    action: 'position.state',
    subjectType: 'version',
    subjectId: version.id,
    organizationId: dossier.organization_id,
    dossierId: dossier.id,
    change: {
      partyId: row.party_id,
      provisionEid: row.provision_eid,
      kind: row.kind,
      text,
      observer: !!row.is_observer,
    },
  })
  return row
}

/** Freezes an agreed version: from now on it is immutable and takes no positions. */
export async function versionFreezer(
  ctx: CommandContext,
  dossier: DossierRow,
  version: VersionSummaryRow,
): Promise<string> {
  if (version.frozen_at) throw versionFrozen()
  const at = ctx.clock()
  const r = await ctx.trx
    .updateTable('versions')
    .set({ frozen_at: at, frozen_by: ctx.actor?.id ?? null, version: version.version + 1 })
    .where('id', '=', version.id)
    .where('version', '=', version.version)
    .where('frozen_at', 'is', null)
    .executeTakeFirst()
  if (Number(r.numUpdatedRows) !== 1) throw versionFrozen()
  await appendAudit(ctx, {
    action: 'version.freeze',
    subjectType: 'version',
    subjectId: version.id,
    organizationId: dossier.organization_id,
    dossierId: dossier.id,
    change: { contentHash: version.content_hash, at },
  })
  return at
}
