/** Loading what the consensus engine needs for a version, and running it. */
import { computeConsensus, type DocumentOutcome, type PositionKind } from '@core/domain/consensus.js'
import { type DecisionRule, decisionRuleSchema } from '@core/domain/decision-rules.js'
import { openBrackets } from '@core/text/brackets.js'
import type { Queryable } from '../context.js'
import type { DossierRow } from '../db/types.js'
import { contentWithBrackets } from './brackets.js'
import { versionContent } from './documents.js'
import { participantsOf } from './dossiers.js'

/** The body's decision rule for the dossier (its lead body), consensus by default. */
export async function ruleOf(db: Queryable, dossier: DossierRow): Promise<DecisionRule> {
  if (!dossier.lead_body_id) return { kind: 'consensus' }
  const body = await db
    .selectFrom('bodies')
    .select('decision_rule')
    .where('id', '=', dossier.lead_body_id)
    .executeTakeFirst()
  const parsed = decisionRuleSchema.safeParse(body ? JSON.parse(body.decision_rule) : null)
  return parsed.success ? parsed.data : { kind: 'consensus' }
}

export interface ConsensusContext {
  outcome: DocumentOutcome
  parties: { id: string; code: string; status: 'member' | 'observer' }[]
  provisions: string[]
  rule: DecisionRule
}

/** Runs the engine on a version with the positions recorded so far. */
export async function consensusOf(
  db: Queryable,
  dossier: DossierRow,
  versionId: string,
): Promise<ConsensusContext> {
  const [participants, rows, events, content, rule] = await Promise.all([
    participantsOf(db, [dossier.id]),
    db
      .selectFrom('provisions')
      .select('eid')
      .where('version_id', '=', versionId)
      .orderBy('ordinal')
      .execute(),
    db
      .selectFrom('position_events')
      .select(['party_id', 'provision_eid', 'kind', 'text'])
      .where('version_id', '=', versionId)
      .orderBy('id')
      .execute(),
    versionContent(db, versionId),
    ruleOf(db, dossier),
  ])
  const parties = participants.map((p) => ({ id: p.party_id, code: p.code, status: p.status }))
  const provisions = rows.map((r) => r.eid)
  const outcome = computeConsensus({
    rule,
    parties,
    provisions,
    openBrackets: openBrackets(await contentWithBrackets(db, versionId, content)),
    events: events.map((e) => ({
      partyId: e.party_id,
      provisionEid: e.provision_eid,
      kind: e.kind as PositionKind,
      text: e.text,
    })),
  })
  return { outcome, parties, provisions, rule }
}
