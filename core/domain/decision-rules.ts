/**
 * A body's decision rule, as data. The consensus engine (a later issue) evaluates it;
 * here it is typed and validated so bodies can be created with one.
 */
import { z } from 'zod'

export const decisionRuleSchema = z.discriminatedUnion('kind', [
  /** Every participating member agrees (CIS default). */
  z.object({ kind: z.literal('consensus') }).strict(),
  /** Consensus among those who take part; a member may declare non-participation. */
  z.object({ kind: z.literal('consensus_interested_party') }).strict(),
  /** A qualified majority: `inFavour` of voting members in favour, no more than `maxAgainst` against. */
  z
    .object({
      kind: z.literal('qualified_majority'),
      inFavour: z.object({ num: z.number().int().positive(), den: z.number().int().positive() }).strict(),
      maxAgainst: z
        .object({ num: z.number().int().nonnegative(), den: z.number().int().positive() })
        .strict(),
    })
    .strict(),
])
export type DecisionRule = z.infer<typeof decisionRuleSchema>
