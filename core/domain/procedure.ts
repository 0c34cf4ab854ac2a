/**
 * The stages a dossier goes through, as data: the stages, the allowed moves, and the guards
 * a move must pass. Transitions not listed are refused; a guard that fails is explained.
 * The CIS procedure is the default template (editable templates per organization and the
 * UN-style and standards-body templates come with the meetings work).
 */
export const CIS_STAGES = [
  'drafting',
  'comments',
  'expert_group',
  'domestic_approval',
  'cfm',
  'chs',
  'signature',
  'publication',
] as const
export type Stage = (typeof CIS_STAGES)[number]

/** Conditions a move must meet, evaluated on facts the server gathers. */
export const GUARDS = ['documents_frozen', 'domestic_approval_complete', 'no_ad_referendum_pending'] as const
export type GuardCode = (typeof GUARDS)[number]

export interface ProcedureTemplate {
  code: string
  stages: readonly Stage[]
  /** Allowed moves: from → to[]. */
  transitions: Readonly<Partial<Record<Stage, readonly Stage[]>>>
  /** Guards per move, keyed `from>to`. */
  guards: Readonly<Partial<Record<`${Stage}>${Stage}`, readonly GuardCode[]>>>
}

export const CIS_PROCEDURE: ProcedureTemplate = {
  code: 'cis',
  stages: CIS_STAGES,
  transitions: {
    drafting: ['comments'],
    comments: ['expert_group', 'drafting'],
    expert_group: ['domestic_approval', 'comments'],
    domestic_approval: ['cfm', 'expert_group'],
    cfm: ['chs', 'expert_group'],
    chs: ['signature', 'expert_group'],
    signature: ['publication'],
    publication: [],
  },
  guards: {
    // The package goes home only once its texts are agreed at expert level.
    'expert_group>domestic_approval': ['documents_frozen'],
    // "After domestic approval in each state the package goes to the councils."
    'domestic_approval>cfm': ['domestic_approval_complete', 'no_ad_referendum_pending'],
  },
}

export const APPROVAL_STATUSES = [
  'not_started',
  'in_progress',
  'approved',
  'approved_with_reservations',
  'declined',
] as const
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number]

/** What the guards are evaluated on. */
export interface GuardFacts {
  /** Each document of the dossier: whether its latest circulated version is frozen. */
  documents: { id: string; frozen: boolean }[]
  /** Domestic approval of each participating member (absent: not started). */
  approvals: { party: string; status: ApprovalStatus }[]
  /** Members that agreed ad referendum on a frozen text. */
  adReferendum: string[]
}

export interface GuardFailure {
  guard: GuardCode
  parties?: string[]
  documents?: string[]
}

/** The guards of a move that fail, with who or what holds it up. */
export function evaluateGuards(
  template: ProcedureTemplate,
  from: Stage,
  to: Stage,
  facts: GuardFacts,
): GuardFailure[] {
  const failures: GuardFailure[] = []
  for (const guard of template.guards[`${from}>${to}`] ?? []) {
    if (guard === 'documents_frozen') {
      const open = facts.documents.filter((d) => !d.frozen).map((d) => d.id)
      if (open.length) failures.push({ guard, documents: open })
    } else if (guard === 'domestic_approval_complete') {
      const late = facts.approvals
        .filter((a) => a.status !== 'approved' && a.status !== 'approved_with_reservations')
        .map((a) => a.party)
      if (late.length) failures.push({ guard, parties: late })
    } else if (guard === 'no_ad_referendum_pending') {
      const approved = new Set(
        facts.approvals
          .filter((a) => a.status === 'approved' || a.status === 'approved_with_reservations')
          .map((a) => a.party),
      )
      const pending = facts.adReferendum.filter((p) => !approved.has(p))
      if (pending.length) failures.push({ guard, parties: pending })
    }
  }
  return failures
}

export function canMove(template: ProcedureTemplate, from: Stage, to: Stage): boolean {
  return template.transitions[from]?.includes(to) ?? false
}

export function stageIndex(template: ProcedureTemplate, stage: Stage): number {
  return template.stages.indexOf(stage)
}
