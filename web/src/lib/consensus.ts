/**
 * Helpers of the consensus screens: reading the matrix, ordering the parties (members
 * first, then observers), naming provisions compactly, the look of each position (symbol,
 * tone, word — never colour alone), and the reasons as readable sentences.
 */
import type { DossierParticipantDTO } from '@core/api/types.js'
import type { EffectivePosition, Reason } from '@core/domain/consensus.js'
import { type Lang, pickText } from '@core/i18n/languages.js'
import type { FlatProvision } from '@core/text/model.js'
import type { ConsensusDTO, ConsensusMatrixDTO } from '../api/consensus.js'
import { partyLabel } from './format.js'
import { provisionName } from './negotiation.js'

type Translate = (key: string, params?: Record<string, string | number>) => string

export const POSITIONS: EffectivePosition[] = [
  'agree',
  'agree_ad_referendum',
  'reservation',
  'objection',
  'non_participation',
  'no_response',
]

/** Symbol (and superscript) of each position; the tone is the CSS `data-kind`. */
export const POSITION_LOOK: Record<EffectivePosition, { symbol: string; sup?: string }> = {
  agree: { symbol: '✓' },
  agree_ad_referendum: { symbol: '✓', sup: 'AR' },
  reservation: { symbol: '⚑' },
  objection: { symbol: '✕' },
  non_participation: { symbol: '⊘' },
  no_response: { symbol: '·' },
}

/** The matrix as a lookup: the effective position of a party on a provision. */
export function matrixReader(matrix: ConsensusMatrixDTO): (code: string, eid: string) => EffectivePosition {
  const byChar = new Map<string, EffectivePosition>()
  for (const [kind, char] of Object.entries(matrix.legend)) byChar.set(char, kind as EffectivePosition)
  const row = new Map(matrix.parties.map((p, i) => [p.code, i]))
  const column = new Map(matrix.provisions.map((eid, i) => [eid, i]))
  const width = matrix.provisions.length
  return (code, eid) => {
    const r = row.get(code)
    const c = column.get(eid)
    if (r === undefined || c === undefined) return 'no_response'
    return byChar.get(matrix.cells[r * width + c] ?? '') ?? 'no_response'
  }
}

/** A party's position on the document as a whole, from the outcome's lists. */
export function documentPosition(c: ConsensusDTO, code: string): EffectivePosition {
  const observer = c.observers.find((o) => o.party === code)
  if (observer) return observer.position
  if (c.objections.some((o) => o.party === code)) return 'objection'
  if (c.noResponse.includes(code)) return 'no_response'
  if (c.nonParticipating.includes(code)) return 'non_participation'
  if (c.adReferendum.includes(code)) return 'agree_ad_referendum'
  if (c.reservations.some((r) => r.party === code)) return 'reservation'
  if (c.signatories.includes(code)) return 'agree'
  return 'no_response'
}

export interface MatrixParty {
  code: string
  observer: boolean
  /** "Россия (RUS)". */
  label: string
  name: string
}

/** Members first, then observers, each by name in the UI language. */
export function orderParties(
  matrix: ConsensusMatrixDTO,
  participants: readonly DossierParticipantDTO[],
  lang: Lang,
): MatrixParty[] {
  const byCode = new Map(participants.map((p) => [p.code, p]))
  const collator = new Intl.Collator(lang)
  return matrix.parties
    .map((p) => {
      const known = byCode.get(p.code)
      return {
        code: p.code,
        observer: p.status === 'observer',
        name: known ? pickText(known.name, lang) : p.code,
        label: known ? partyLabel(known, lang) : p.code,
      }
    })
    .sort((a, b) => Number(a.observer) - Number(b.observer) || collator.compare(a.name, b.name))
}

/** Parties by code as "Name (CODE)", joined for a sentence. */
export function partyList(codes: readonly string[] | undefined, labelOf: (code: string) => string): string {
  return (codes ?? []).map(labelOf).join(', ')
}

/** The ordinal of an unnumbered provision among its unnumbered siblings of the same section. */
function siblingIndex(p: FlatProvision, all: readonly FlatProvision[]): number {
  const same = all.filter(
    (x) => x.section === p.section && x.depth === p.depth && x.parentEid === p.parentEid,
  )
  return same.findIndex((x) => x.eid === p.eid) + 1
}

/** The column header of a provision: its displayed number, else "абз. 2" within its section. */
export function columnLabel(
  p: FlatProvision | undefined,
  all: readonly FlatProvision[],
  tr: Translate,
): string {
  if (!p) return '?'
  if (p.num) return p.num.replace(/\.$/, '')
  return tr('ui.consensus.col.unnumbered', { n: siblingIndex(p, all) })
}

/**
 * A provision's name that fits inside a sentence ("против п. 2", "в абз. 1 преамбулы"); a
 * nested unnumbered one falls back to the full name.
 */
export function sentenceName(
  p: FlatProvision | undefined,
  all: readonly FlatProvision[],
  tr: Translate,
): string {
  if (!p) return ''
  if (p.num) return tr('ui.provision.numbered', { num: p.num.replace(/\.$/, '') })
  if (p.depth > 0) return provisionName(p, all, tr)
  return tr(`ui.consensus.in.${p.section}`, { n: siblingIndex(p, all) })
}

export interface ReasonContext {
  tr: Translate
  partyLabel: (code: string) => string
  /** The sentence name of a provision by eid. */
  provisionLabel: (eid: string) => string
  /** The reasons of each provision (to spell out `provisions_open`). */
  provisionReasons: (eid: string) => Reason[]
}

const plural = (parties: readonly string[] | undefined) => ((parties?.length ?? 0) > 1 ? 'other' : 'one')

/** One reason on one provision as a sentence. */
export function provisionReasonSentence(reason: Reason, eid: string, ctx: ReasonContext): string {
  const provision = ctx.provisionLabel(eid)
  const parties = partyList(reason.parties, ctx.partyLabel)
  switch (reason.code) {
    case 'objection':
      return ctx.tr(`reason.objection.provision.${plural(reason.parties)}`, { parties, provision })
    case 'open_brackets':
      return ctx.tr('reason.open_brackets.provision', { provision, n: reason.items?.length ?? 0 })
    case 'majority_not_reached':
      return ctx.tr('reason.majority_not_reached.provision', {
        provision,
        inFavour: reason.tally?.inFavour ?? 0,
        against: reason.tally?.against ?? 0,
        voting: reason.tally?.voting ?? 0,
      })
    default:
      return `${provision}: ${documentReasonSentence(reason, ctx)}`
  }
}

/** One document-level reason as a sentence (without spelling out open provisions). */
export function documentReasonSentence(reason: Reason, ctx: ReasonContext): string {
  const parties = partyList(reason.parties, ctx.partyLabel)
  if (reason.code === 'objection') {
    return ctx.tr(`reason.objection.document.${plural(reason.parties)}`, { parties })
  }
  return ctx.tr(`reason.${reason.code}`, {
    parties,
    items: (reason.items ?? []).map(ctx.provisionLabel).join(', '),
    inFavour: reason.tally?.inFavour ?? 0,
    against: reason.tally?.against ?? 0,
    voting: reason.tally?.voting ?? 0,
  })
}

/**
 * The reasons of the document as sentences, open provisions spelled out one by one:
 * "Россия (RUS) возражает против п. 2", "нет ответа: Таджикистан (TJK)", …
 */
export function reasonSentences(reasons: readonly Reason[], ctx: ReasonContext): string[] {
  const out: string[] = []
  // "No member has agreed yet" says nothing more than the list of those who have not answered.
  const silent = reasons.some((r) => r.code === 'no_response')
  for (const reason of reasons) {
    if (reason.code === 'no_participating_member' && silent) continue
    if (reason.code === 'provisions_open') {
      for (const eid of reason.items ?? []) {
        const own = ctx.provisionReasons(eid)
        if (own.length === 0) out.push(documentReasonSentence({ code: 'provisions_open', items: [eid] }, ctx))
        for (const r of own) out.push(provisionReasonSentence(r, eid, ctx))
      }
    } else {
      out.push(documentReasonSentence(reason, ctx))
    }
  }
  return out
}

/** "Not agreed: a; b; c." as one sentence (for print lines and short summaries). */
export function joinSentences(lead: string, sentences: readonly string[]): string {
  return sentences.length ? `${lead} ${sentences.join('; ')}.` : lead
}
