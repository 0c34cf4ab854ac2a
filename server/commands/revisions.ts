/** Rev.N: a new working draft with the round's accepted contributions applied. */
import type { Lang, LocalizedText } from '@core/i18n/languages.js'
import { writeResolutions } from '@core/text/brackets.js'
import { flattenProvisions } from '@core/text/model.js'
import { type AcceptedChange, applyChanges, proposedWording, provisionText } from '@core/text/revise.js'
import { appendAudit } from '../audit/log.js'
import type { CommandContext } from '../context.js'
import type { CommentRoundRow, DocumentRow, DossierRow, VersionRow } from '../db/types.js'
import { contentWithBrackets } from '../repositories/brackets.js'
import { versionDrafter } from './documents.js'

export interface RevisionCreatorProps {
  ctx: CommandContext
  dossier: DossierRow
  document: DocumentRow
  round: CommentRoundRow
  /** The version revised, with its content. */
  from: VersionRow
  label: LocalizedText
}

/**
 * Creates the draft revision: every contribution accepted or accepted in part, in the order
 * the secretariat decided them, applied to the version; each changed provision records the
 * contributions that changed it. The draft stays editable until it is circulated.
 */
export async function revisionCreator({ ctx, dossier, document, round, from, label }: RevisionCreatorProps) {
  // Brackets resolved on the circulated version become plain text in the revision.
  const base = writeResolutions(await contentWithBrackets(ctx.trx, from.id, from.content))
  const byEid = new Map(flattenProvisions(base).map((p) => [p.eid, p]))
  const accepted = await ctx.trx
    .selectFrom('dispositions')
    .innerJoin('contributions', 'contributions.id', 'dispositions.contribution_id')
    .select([
      'contributions.id',
      'contributions.kind',
      'contributions.provision_eid',
      'contributions.after_eid',
      'contributions.language',
      'contributions.proposed_text',
      'contributions.span_start',
      'contributions.span_end',
      'dispositions.decision',
      'dispositions.adopted_text',
      'dispositions.decided_at',
    ])
    .where('dispositions.round_id', '=', round.id)
    .where('dispositions.decision', 'in', ['accepted', 'accepted_in_part'])
    .where('contributions.status', '=', 'submitted')
    .where('contributions.kind', 'in', ['amendment', 'insertion', 'deletion'])
    .orderBy('dispositions.decided_at')
    .orderBy('contributions.id')
    .execute()
  const changes: AcceptedChange[] = accepted.map((a) => {
    const lang = a.language as Lang
    let text: string | null = null
    if (a.decision === 'accepted_in_part') text = a.adopted_text
    else if (a.kind === 'insertion') text = a.proposed_text
    else if (a.kind === 'amendment') {
      const p = a.provision_eid ? byEid.get(a.provision_eid) : undefined
      const current = p ? provisionText({ eid: p.eid, kind: p.kind, text: p.text }, lang) : ''
      const span =
        a.span_start !== null && a.span_end !== null ? { start: a.span_start, end: a.span_end } : null
      text = proposedWording(current, a.proposed_text ?? '', span)
    }
    return {
      contributionId: a.id,
      kind: a.kind as AcceptedChange['kind'],
      eid: a.provision_eid,
      afterEid: a.after_eid,
      language: lang,
      text,
    }
  })
  const revision = applyChanges(base, changes)
  const version = await versionDrafter({
    ctx,
    dossier,
    document,
    label,
    content: revision.content,
    basedOn: from.id,
  })
  const sources = [...revision.sources].flatMap(([eid, ids]) =>
    ids.map((contribution_id) => ({ version_id: version.id, eid, contribution_id })),
  )
  for (let i = 0; i < sources.length; i += 100) {
    await ctx.trx
      .insertInto('provision_sources')
      .values(sources.slice(i, i + 100))
      .execute()
  }
  await appendAudit(ctx, {
    action: 'version.revise',
    subjectType: 'version',
    subjectId: version.id,
    organizationId: dossier.organization_id,
    dossierId: dossier.id,
    change: {
      from: from.id,
      roundId: round.id,
      applied: changes.map((c) => c.contributionId),
      skipped: revision.skipped,
    },
  })
  return { version, applied: changes.length - revision.skipped.length, skipped: revision.skipped }
}
