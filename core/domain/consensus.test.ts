import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeConsensus, type EngineInput, POSITION_KINDS, type PositionEventInput } from './consensus.js'
import type { DecisionRule } from './decision-rules.js'

const PROVISIONS = ['preamble__recital_1', 'para_1', 'para_2', 'para_3']
const PARTIES = [
  { id: 'p-arm', code: 'ARM', status: 'member' as const },
  { id: 'p-blr', code: 'BLR', status: 'member' as const },
  { id: 'p-rus', code: 'RUS', status: 'member' as const },
  { id: 'p-tjk', code: 'TJK', status: 'member' as const },
  { id: 'p-mda', code: 'MDA', status: 'observer' as const },
]
const RULES: DecisionRule[] = [
  { kind: 'consensus' },
  { kind: 'consensus_interested_party' },
  { kind: 'qualified_majority', inFavour: { num: 2, den: 3 }, maxAgainst: { num: 1, den: 4 } },
]
const agreeAll = (): PositionEventInput[] =>
  PARTIES.filter((p) => p.status === 'member').map((p) => ({
    partyId: p.id,
    provisionEid: null,
    kind: 'agree',
  }))
const input = (events: PositionEventInput[], over: Partial<EngineInput> = {}): EngineInput => ({
  rule: { kind: 'consensus' },
  parties: PARTIES,
  provisions: PROVISIONS,
  openBrackets: new Map(),
  events,
  ...over,
})

const eventArb = fc.record({
  partyId: fc.constantFrom(...PARTIES.map((p) => p.id)),
  provisionEid: fc.option(fc.constantFrom(...PROVISIONS), { nil: null }),
  kind: fc.constantFrom(...POSITION_KINDS),
})
const scenarioArb = fc.record({
  rule: fc.constantFrom(...RULES),
  events: fc.array(eventArb, { maxLength: 40 }),
  brackets: fc.subarray(PROVISIONS),
})
const build = (
  s: { rule: DecisionRule; events: PositionEventInput[]; brackets: string[] },
  events = s.events,
) =>
  computeConsensus(
    input(events, { rule: s.rule, openBrackets: new Map(s.brackets.map((eid) => [eid, [`b-${eid}`]])) }),
  )
const summary = (o: ReturnType<typeof computeConsensus>) => ({
  agreed: o.agreed,
  provisions: o.provisions.map((p) => p.agreed),
  reasons: o.reasons,
  signatories: o.signatories,
})

describe('consensus engine: properties', () => {
  it('observers never change the outcome', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const without = s.events.filter((e) => e.partyId !== 'p-mda')
        expect(summary(build(s))).toEqual(summary(build(s, without)))
      }),
      { numRuns: 500 },
    )
  })

  it('adding an agree never turns agreed into open', () => {
    fc.assert(
      fc.property(scenarioArb, eventArb, (s, extra) => {
        const before = build(s)
        const after = build(s, [...s.events, { ...extra, kind: 'agree' }])
        if (before.agreed) expect(after.agreed).toBe(true)
        before.provisions.forEach((p, i) => {
          if (p.agreed) expect(after.provisions[i]!.agreed).toBe(true)
        })
      }),
      { numRuns: 500 },
    )
  })

  it('a non-participating member is never a signatory and never blocks', () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom('p-arm', 'p-rus'), (s, partyId) => {
        const code = PARTIES.find((p) => p.id === partyId)!.code
        const o = build(s, [...s.events, { partyId, provisionEid: null, kind: 'non_participation' }])
        expect(o.signatories).not.toContain(code)
        expect(o.nonParticipating).toContain(code)
        for (const r of [...o.reasons, ...o.provisions.flatMap((p) => p.reasons)])
          expect(r.parties ?? []).not.toContain(code)
      }),
      { numRuns: 500 },
    )
  })

  it('an objection by any counted member always blocks under consensus', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.constantFrom('p-arm', 'p-blr', 'p-rus', 'p-tjk'),
        fc.boolean(),
        (s, partyId, interested) => {
          const rule: DecisionRule = { kind: interested ? 'consensus_interested_party' : 'consensus' }
          const o = build({ ...s, rule }, [...s.events, { partyId, provisionEid: null, kind: 'objection' }])
          expect(o.agreed).toBe(false)
          expect(o.reasons.find((r) => r.code === 'objection')!.parties).toContain(
            PARTIES.find((p) => p.id === partyId)!.code,
          )
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('consensus engine: rules', () => {
  it('agrees when every participating member agrees and no bracket is open; says why otherwise', () => {
    expect(computeConsensus(input(agreeAll())).agreed).toBe(true)
    const none = computeConsensus(input([]))
    expect(none.agreed).toBe(false)
    expect(none.reasons).toContainEqual({ code: 'no_response', parties: ['ARM', 'BLR', 'RUS', 'TJK'] })
    const bracketed = computeConsensus(input(agreeAll(), { openBrackets: new Map([['para_2', ['b1']]]) }))
    expect(bracketed.agreed).toBe(false)
    expect(bracketed.provisions[2]).toEqual({
      eid: 'para_2',
      agreed: false,
      reasons: [{ code: 'open_brackets', items: ['b1'] }],
    })
    expect(bracketed.reasons[0]).toEqual({ code: 'provisions_open', items: ['para_2'] })
    expect(bracketed.openBracketCount).toBe(1)
  })

  it('counts ad referendum as agreement pending confirmation, and attaches reservations', () => {
    const o = computeConsensus(
      input([
        ...agreeAll(),
        { partyId: 'p-tjk', provisionEid: null, kind: 'agree_ad_referendum' },
        { partyId: 'p-arm', provisionEid: null, kind: 'reservation', text: 'Особое мнение Армении' },
      ]),
    )
    expect(o.agreed).toBe(true)
    expect(o.pendingConfirmation).toBe(true)
    expect(o.reasons).toEqual([{ code: 'ad_referendum_pending', parties: ['TJK'] }])
    expect(o.reservations).toEqual([{ party: 'ARM', text: 'Особое мнение Армении' }])
    expect(o.signatories).toEqual(['ARM', 'BLR', 'RUS', 'TJK'])
  })

  it("records an observer's objection without counting it", () => {
    const o = computeConsensus(
      input([...agreeAll(), { partyId: 'p-mda', provisionEid: null, kind: 'objection', text: 'Против' }]),
    )
    expect(o.agreed).toBe(true)
    expect(o.observers).toEqual([{ party: 'MDA', position: 'objection', text: 'Против' }])
  })

  it('lets a member stand aside from one provision only under the interested-party principle', () => {
    const events: PositionEventInput[] = [
      ...agreeAll(),
      { partyId: 'p-rus', provisionEid: 'para_3', kind: 'objection' },
      { partyId: 'p-rus', provisionEid: 'para_3', kind: 'non_participation' },
    ]
    const interested = computeConsensus(input(events, { rule: { kind: 'consensus_interested_party' } }))
    expect(interested.agreed).toBe(true)
    expect(interested.positionOf('RUS', 'para_3')).toBe('non_participation')
    const plain = computeConsensus(input(events))
    expect(plain.agreed).toBe(true)
    expect(plain.reasons).toContainEqual({ code: 'non_participation_not_provided', parties: ['RUS'] })
  })

  it('applies a qualified majority: 2/3 in favour and no more than 1/4 against', () => {
    const rule: DecisionRule = {
      kind: 'qualified_majority',
      inFavour: { num: 2, den: 3 },
      maxAgainst: { num: 1, den: 4 },
    }
    const three = computeConsensus(
      input([...agreeAll().slice(0, 3), { partyId: 'p-tjk', provisionEid: null, kind: 'objection' }], {
        rule,
      }),
    )
    expect(three.agreed).toBe(true)
    const two = computeConsensus(
      input(
        [
          ...agreeAll().slice(0, 2),
          { partyId: 'p-rus', provisionEid: null, kind: 'objection' },
          { partyId: 'p-tjk', provisionEid: null, kind: 'objection' },
        ],
        { rule },
      ),
    )
    expect(two.agreed).toBe(false)
    expect(two.reasons.find((r) => r.code === 'majority_not_reached')!.tally).toEqual({
      inFavour: 2,
      against: 2,
      voting: 4,
    })
  })

  it('lets a later document-level statement supersede earlier provision-level ones', () => {
    const o = computeConsensus(
      input([{ partyId: 'p-rus', provisionEid: 'para_1', kind: 'objection' }, ...agreeAll()]),
    )
    expect(o.agreed).toBe(true)
    expect(o.positionOf('RUS', 'para_1')).toBe('agree')
  })
})
