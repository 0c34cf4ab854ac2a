/**
 * The consensus engine: whether each provision and the whole document are agreed under a
 * body's decision rule, and why not. Pure and shared by the server and the browser.
 *
 * Rules (docs/consensus.md):
 * - Only members count. Observers' positions are recorded and shown, never counted.
 * - A member that declared non-participation in the document neither blocks it nor signs it.
 *   Under the interested-party principle (and qualified majority) a member may also stand
 *   aside from a single provision; plain consensus provides only for the whole document, so
 *   a provision-level non-participation there is reported and otherwise ignored.
 * - A provision is agreed when it holds no open bracket and no counted objection (under
 *   qualified majority: no open bracket and the majority reached on it).
 * - The document is agreed at expert level when every provision is agreed and every
 *   participating member has agreed (ad referendum counts, pending confirmation; a
 *   reservation counts and is attached as a special opinion).
 * - The current position of a party on a provision is its latest event on that provision
 *   or on the whole document, whichever came last (a new document-level statement
 *   supersedes earlier provision-level ones); no event means no response.
 */
import type { DecisionRule } from './decision-rules.js'

export const POSITION_KINDS = [
  'agree',
  'agree_ad_referendum',
  'reservation',
  'objection',
  'non_participation',
] as const
export type PositionKind = (typeof POSITION_KINDS)[number]
export type EffectivePosition = PositionKind | 'no_response'

export interface EnginePartyInput {
  id: string
  code: string
  status: 'member' | 'observer'
}

export interface PositionEventInput {
  partyId: string
  /** Null: on the whole document. */
  provisionEid: string | null
  kind: PositionKind
  /** Reservation (special opinion) or objection (reasons) text. */
  text?: string | null
}

export interface EngineInput {
  rule: DecisionRule
  parties: readonly EnginePartyInput[]
  /** Provision eids in document order. */
  provisions: readonly string[]
  /** Open bracket ids per provision eid. */
  openBrackets: ReadonlyMap<string, readonly string[]>
  /** Position events in the order they were recorded (append-only history). */
  events: readonly PositionEventInput[]
}

export type ReasonCode =
  | 'open_brackets'
  | 'objection'
  | 'no_response'
  | 'ad_referendum_pending'
  | 'majority_not_reached'
  | 'provisions_open'
  | 'non_participation_not_provided'
  | 'no_participating_member'

export interface Reason {
  code: ReasonCode
  /** Party codes concerned. */
  parties?: string[]
  /** Bracket ids or provision eids concerned. */
  items?: string[]
  /** For qualified majority: in favour / against / voting. */
  tally?: { inFavour: number; against: number; voting: number }
}

export interface ProvisionOutcome {
  eid: string
  agreed: boolean
  reasons: Reason[]
}

export interface DocumentOutcome {
  agreed: boolean
  /** Agreed, but some members agreed ad referendum: confirmation pending. */
  pendingConfirmation: boolean
  reasons: Reason[]
  provisions: ProvisionOutcome[]
  /** Participating members that agreed (they sign once the document is agreed). */
  signatories: string[]
  nonParticipating: string[]
  adReferendum: string[]
  reservations: { party: string; text: string | null }[]
  objections: { party: string; text: string | null }[]
  noResponse: string[]
  /** Observers with what they said: recorded, never counted. */
  observers: { party: string; position: EffectivePosition; text: string | null }[]
  openBracketCount: number
  /** The effective position of a party on a provision (for the consensus matrix). */
  positionOf(partyCode: string, eid: string | null): EffectivePosition
}

const CODE: Record<EffectivePosition, number> = {
  no_response: 0,
  agree: 1,
  agree_ad_referendum: 2,
  reservation: 3,
  objection: 4,
  non_participation: 5,
}
const KIND: EffectivePosition[] = [
  'no_response',
  'agree',
  'agree_ad_referendum',
  'reservation',
  'objection',
  'non_participation',
]

/** Computes the outcome of a document and of each of its provisions. */
export function computeConsensus(input: EngineInput): DocumentOutcome {
  const nParties = input.parties.length
  const nProvisions = input.provisions.length
  const partyIndex = new Map<string, number>()
  input.parties.forEach((p, i) => {
    partyIndex.set(p.id, i)
  })
  const provisionIndex = new Map<string, number>()
  input.provisions.forEach((eid, i) => {
    provisionIndex.set(eid, i)
  })

  // Latest event wins: a document-level row and a (sparse) provision-level matrix.
  const docPos = new Uint8Array(nParties)
  const docSeq = new Uint32Array(nParties)
  const docText: (string | null)[] = new Array(nParties).fill(null)
  let cell: Uint8Array | null = null
  let cellSeq: Uint32Array | null = null
  input.events.forEach((e, n) => {
    const p = partyIndex.get(e.partyId)
    if (p === undefined) return
    const code = CODE[e.kind]
    if (e.provisionEid === null) {
      docPos[p] = code
      docSeq[p] = n + 1
      docText[p] = e.text ?? null
    } else {
      const i = provisionIndex.get(e.provisionEid)
      if (i === undefined) return
      cell ??= new Uint8Array(nParties * nProvisions)
      cellSeq ??= new Uint32Array(nParties * nProvisions)
      cell[p * nProvisions + i] = code
      cellSeq[p * nProvisions + i] = n + 1
    }
  })
  /** The effective position code of party p on provision i. */
  const effective = (p: number, i: number): number => {
    if (cell && cellSeq) {
      const k = p * nProvisions + i
      if (cellSeq[k]! > docSeq[p]!) return cell[k]!
    }
    return docPos[p]!
  }
  const hasCell = (p: number, i: number) => !!cellSeq && cellSeq[p * nProvisions + i]! > docSeq[p]!

  const rule = input.rule
  const provisionLevelStandAside = rule.kind !== 'consensus'
  const member = input.parties.map((p) => p.status === 'member')
  const docParticipates = input.parties.map((_, i) => member[i]! && docPos[i] !== CODE.non_participation)
  const codes = input.parties.map((p) => p.code)

  const provisions: ProvisionOutcome[] = new Array(nProvisions)
  let openProvisions: string[] = []
  let openBracketCount = 0
  const ignoredStandAside = new Set<string>()
  for (let i = 0; i < nProvisions; i++) {
    const eid = input.provisions[i]!
    const reasons: Reason[] = []
    const brackets = input.openBrackets.get(eid) ?? []
    openBracketCount += brackets.length
    if (brackets.length) reasons.push({ code: 'open_brackets', items: [...brackets] })
    let objectors: string[] | null = null
    let inFavour = 0
    let against = 0
    let voting = 0
    for (let p = 0; p < nParties; p++) {
      if (!docParticipates[p]) continue
      let pos = effective(p, i)
      if (pos === CODE.non_participation && !provisionLevelStandAside && hasCell(p, i)) {
        ignoredStandAside.add(codes[p]!)
        pos = docPos[p]!
      }
      if (pos === CODE.non_participation) continue
      voting++
      if (pos === CODE.objection) {
        against++
        objectors ??= []
        objectors.push(codes[p]!)
      } else if (pos !== CODE.no_response) inFavour++
    }
    let agreed = brackets.length === 0
    if (rule.kind === 'qualified_majority') {
      const enough =
        voting > 0 &&
        inFavour * rule.inFavour.den >= rule.inFavour.num * voting &&
        against * rule.maxAgainst.den <= rule.maxAgainst.num * voting
      if (!enough) {
        agreed = false
        reasons.push({
          code: 'majority_not_reached',
          tally: { inFavour, against, voting },
          ...(objectors ? { parties: objectors } : {}),
        })
      }
    } else if (objectors) {
      agreed = false
      reasons.push({ code: 'objection', parties: objectors })
    }
    if (!agreed) openProvisions.push(eid)
    provisions[i] = { eid, agreed, reasons }
  }

  // The document as a whole.
  const signatories: string[] = []
  const nonParticipating: string[] = []
  const adReferendum: string[] = []
  const reservations: { party: string; text: string | null }[] = []
  const objections: { party: string; text: string | null }[] = []
  const noResponse: string[] = []
  const observers: DocumentOutcome['observers'] = []
  for (let p = 0; p < nParties; p++) {
    const kind = KIND[docPos[p]!]!
    if (!member[p]) {
      observers.push({ party: codes[p]!, position: kind, text: docText[p] ?? null })
      continue
    }
    switch (kind) {
      case 'non_participation':
        nonParticipating.push(codes[p]!)
        break
      case 'objection':
        objections.push({ party: codes[p]!, text: docText[p] ?? null })
        break
      case 'no_response':
        noResponse.push(codes[p]!)
        break
      default:
        signatories.push(codes[p]!)
        if (kind === 'agree_ad_referendum') adReferendum.push(codes[p]!)
        if (kind === 'reservation') reservations.push({ party: codes[p]!, text: docText[p] ?? null })
    }
  }
  const reasons: Reason[] = []
  if (openProvisions.length) reasons.push({ code: 'provisions_open', items: openProvisions })
  if (rule.kind === 'qualified_majority') {
    const voting = signatories.length + objections.length + noResponse.length
    const enough =
      voting > 0 &&
      signatories.length * rule.inFavour.den >= rule.inFavour.num * voting &&
      objections.length * rule.maxAgainst.den <= rule.maxAgainst.num * voting
    if (!enough) {
      reasons.push({
        code: 'majority_not_reached',
        tally: { inFavour: signatories.length, against: objections.length, voting },
        parties: objections.map((o) => o.party),
      })
    }
  } else {
    if (objections.length) reasons.push({ code: 'objection', parties: objections.map((o) => o.party) })
    if (noResponse.length) reasons.push({ code: 'no_response', parties: noResponse })
  }
  if (signatories.length === 0) reasons.push({ code: 'no_participating_member' })
  if (ignoredStandAside.size)
    reasons.push({ code: 'non_participation_not_provided', parties: [...ignoredStandAside] })
  const blocking = reasons.filter((r) => r.code !== 'non_participation_not_provided')
  const agreed = blocking.length === 0
  if (agreed && adReferendum.length) reasons.push({ code: 'ad_referendum_pending', parties: adReferendum })
  openProvisions = []

  const codeIndex = new Map(codes.map((c, i) => [c, i]))
  return {
    agreed,
    pendingConfirmation: agreed && adReferendum.length > 0,
    reasons,
    provisions,
    signatories,
    nonParticipating,
    adReferendum,
    reservations,
    objections,
    noResponse,
    observers,
    openBracketCount,
    positionOf(partyCode, eid) {
      const p = codeIndex.get(partyCode)
      if (p === undefined) return 'no_response'
      const i = eid === null ? undefined : provisionIndex.get(eid)
      return KIND[i === undefined ? docPos[p]! : effective(p, i)]!
    },
  }
}
