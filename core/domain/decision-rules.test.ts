import { describe, expect, it } from 'vitest'
import { decisionRuleSchema } from './decision-rules.js'
import { quorumBasisOf, quorumRequired } from './meetings.js'

describe('decision rules with a quorum', () => {
  it('accept a quorum that meetings then apply', () => {
    const rule = decisionRuleSchema.parse({ kind: 'consensus_interested_party', quorum: { num: 2, den: 3 } })
    expect(quorumRequired(quorumBasisOf(rule), 8)).toBe(6)
    expect(
      quorumRequired(quorumBasisOf(decisionRuleSchema.parse({ kind: 'consensus', quorum: 'all' })), 8),
    ).toBe(8)
    expect(quorumRequired(quorumBasisOf(decisionRuleSchema.parse({ kind: 'consensus' })), 8)).toBe(5)
  })

  it('refuse a quorum that cannot be met', () => {
    expect(decisionRuleSchema.safeParse({ kind: 'consensus', quorum: { num: 4, den: 3 } }).success).toBe(
      false,
    )
    expect(decisionRuleSchema.safeParse({ kind: 'consensus', quorum: { count: 0 } }).success).toBe(false)
    expect(decisionRuleSchema.safeParse({ kind: 'consensus', quorum: 'most' }).success).toBe(false)
  })
})
