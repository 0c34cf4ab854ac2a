/**
 * A body's decision rule, as data. The consensus engine (a later issue) evaluates it;
 * here it is typed and validated so bodies can be created with one.
 */
import { z } from 'zod'

/**
 * How many members make a meeting's quorum (core/domain/meetings.ts): a fraction of the
 * members, a number of them, or all. Absent: a majority of the members.
 */
export const quorumSchema = z.union([
  z
    .object({ num: z.number().int().positive(), den: z.number().int().positive() })
    .strict()
    .refine((q) => q.num <= q.den, { message: 'num must not exceed den' }),
  z.object({ count: z.number().int().positive() }).strict(),
  z.literal('all'),
])

export const decisionRuleSchema = z.discriminatedUnion('kind', [
  /** Every participating member agrees (CIS default). */
  z.object({ kind: z.literal('consensus'), quorum: quorumSchema.optional() }).strict(),
  /** Consensus among those who take part; a member may declare non-participation. */
  z.object({ kind: z.literal('consensus_interested_party'), quorum: quorumSchema.optional() }).strict(),
  /** A qualified majority: `inFavour` of voting members in favour, no more than `maxAgainst` against. */
  z
    .object({
      kind: z.literal('qualified_majority'),
      inFavour: z.object({ num: z.number().int().positive(), den: z.number().int().positive() }).strict(),
      maxAgainst: z
        .object({ num: z.number().int().nonnegative(), den: z.number().int().positive() })
        .strict(),
      quorum: quorumSchema.optional(),
    })
    .strict(),
])
export type DecisionRule = z.infer<typeof decisionRuleSchema>
