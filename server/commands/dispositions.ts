/** The secretariat's dispositions of contributions, one by one or in bulk. */
import { MAX_TEXT } from '@core/api/contribution-requests.js'
import type { Decision } from '@core/api/contributions.js'
import type { LocalizedText } from '@core/i18n/languages.js'
import { appendAudit } from '../audit/log.js'
import type { CommandContext } from '../context.js'
import type { CommentRoundRow, ContributionRow, DispositionRow, DossierRow } from '../db/types.js'
import {
  assertVersion,
  contributionConflict,
  notFound,
  textTooLong,
  validationFailed,
  versionChanged,
} from '../errors.js'
import { isId } from '../ids.js'
import { roundTouched } from './rounds.js'

export interface DispositionInput {
  decision: Decision
  reasoning: LocalizedText
  adoptedText?: string | null | undefined
  mergedInto?: string | null | undefined
  /** Required when changing an existing disposition. */
  version?: number | undefined
}

export interface DispositionRecorderProps {
  ctx: CommandContext
  dossier: DossierRow
  round: CommentRoundRow
  contribution: ContributionRow
  input: DispositionInput
}

/**
 * Records (or changes) what the secretariat did with a contribution: accepted, accepted in
 * part (with the wording actually taken), not accepted, withdrawn, or merged into another.
 */
export async function dispositionRecorder({
  ctx,
  dossier,
  round,
  contribution: c,
  input,
}: DispositionRecorderProps): Promise<DispositionRow> {
  if (c.status === 'withdrawn') throw contributionConflict('contribution_withdrawn')
  if (c.status !== 'submitted') throw contributionConflict('contribution_not_submitted')
  const adopted = input.adoptedText?.trim() || null
  if (adopted && adopted.length > MAX_TEXT) throw textTooLong('adoptedText', MAX_TEXT)
  if (input.decision === 'accepted_in_part' && !adopted) {
    throw validationFailed([{ path: 'body.adoptedText', message: 'required for accepted_in_part' }])
  }
  let mergedInto: string | null = null
  if (input.decision === 'merged') {
    if (!input.mergedInto)
      throw validationFailed([{ path: 'body.mergedInto', message: 'required for merged' }])
    const target = isId(input.mergedInto)
      ? await ctx.trx
          .selectFrom('contributions')
          .select('id')
          .where('id', '=', input.mergedInto)
          .where('round_id', '=', round.id)
          .executeTakeFirst()
      : undefined
    if (!target || target.id === c.id) throw notFound('contribution_not_found')
    mergedInto = target.id
  }
  const existing = await ctx.trx
    .selectFrom('dispositions')
    .selectAll()
    .where('contribution_id', '=', c.id)
    .executeTakeFirst()
  const row: DispositionRow = {
    contribution_id: c.id,
    round_id: round.id,
    decision: input.decision,
    reasoning: JSON.stringify(input.reasoning ?? {}),
    adopted_text: input.decision === 'accepted_in_part' ? adopted : null,
    merged_into: mergedInto,
    decided_by: ctx.actor?.id ?? null,
    decided_at: ctx.clock(),
    version: (existing?.version ?? 0) + 1,
  }
  if (existing) {
    if (input.version === undefined) throw versionChanged(existing.version)
    assertVersion(existing.version, input.version)
    const result = await ctx.trx
      .updateTable('dispositions')
      .set(row)
      .where('contribution_id', '=', c.id)
      .where('version', '=', existing.version)
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) !== 1) throw versionChanged(existing.version + 1)
  } else {
    await ctx.trx.insertInto('dispositions').values(row).execute()
  }
  await roundTouched(ctx, round.id)
  await appendAudit(ctx, {
    action: existing ? 'disposition.change' : 'disposition.record',
    subjectType: 'contribution',
    subjectId: c.id,
    organizationId: dossier.organization_id,
    dossierId: dossier.id,
    change: {
      decision: row.decision,
      reasoning: input.reasoning,
      adoptedText: row.adopted_text,
      mergedInto,
      from: existing ? existing.decision : null,
    },
  })
  return row
}
