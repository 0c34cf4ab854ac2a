/**
 * The stages a dossier goes through, as data: a procedure template lists its stages (each
 * with a code, a name per language, an optional kind and the body that decides there), the
 * allowed moves, and the guards a move must pass. Templates are stored per organization and
 * edited by its secretariat; the shipped ones are in procedure-templates.ts. Transitions not
 * listed are refused; a guard that fails is explained with who or what holds the move up.
 */
import { z } from 'zod'
import type { LocalizedText } from '../i18n/languages.js'

/** A stage code of a template (`drafting`, `cfm`, `enquiry_ballot`...). */
export type Stage = string

/** The stages of the CIS procedure, in order (the default template, `cis`). */
export const CIS_STAGES: readonly Stage[] = [
  'drafting',
  'comments',
  'expert_group',
  'domestic_approval',
  'cfm',
  'chs',
  'signature',
  'publication',
]

/** What happens at a stage; the server acts on some (domestic approval opens its items). */
export const STAGE_KINDS = [
  'drafting',
  'comments',
  'negotiation',
  'silence',
  'ballot',
  'domestic_approval',
  'council',
  'signature',
  'publication',
] as const
export type StageKind = (typeof STAGE_KINDS)[number]

/** Conditions a move must meet, evaluated on facts the server gathers. */
export const GUARDS = [
  'documents_frozen',
  'domestic_approval_complete',
  'no_ad_referendum_pending',
  'council_decision_recorded',
  'silence_completed',
  'ballot_approved',
] as const
export type GuardCode = (typeof GUARDS)[number]

export function isGuardCode(value: string): value is GuardCode {
  return (GUARDS as readonly string[]).includes(value)
}

const STAGE_CODE = /^[a-z][a-z0-9_]{0,39}$/
const name = z.string().trim().min(1).max(200)

export const procedureStageSchema = z
  .object({
    code: z.string().regex(STAGE_CODE, 'lowercase latin letters, digits and _, starting with a letter'),
    name: z.object({ ru: name, en: name, tg: name.optional() }).strict(),
    kind: z.enum(STAGE_KINDS).optional(),
    /** The code of the body that decides at this stage (e.g. `CFM`). */
    body: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,32}$/)
      .optional(),
  })
  .strict()
export type ProcedureStage = z.infer<typeof procedureStageSchema>

/**
 * The shape of a template's definition. Transitions and guards name stages and guards by
 * code as plain strings: whether they exist is checked by `procedureProblems`, so that an
 * unknown one is explained rather than reported as a malformed field.
 */
export const procedureDefinitionSchema = z
  .object({
    stages: z.array(procedureStageSchema).min(1).max(40),
    /** Allowed moves: from → to[]. */
    transitions: z.record(z.string().max(40), z.array(z.string().max(40)).max(40)),
    /** Guards per move, keyed `from>to`. */
    guards: z.record(z.string().max(81), z.array(z.string().max(60)).max(10)),
  })
  .strict()
export type ProcedureDefinition = z.infer<typeof procedureDefinitionSchema>

/** A template as shipped or stored: its code, its name and its definition. */
export interface ProcedureTemplate {
  code: string
  name: LocalizedText
  definition: ProcedureDefinition
}

/** Why a definition is refused (422 `procedure_invalid`); each becomes a sentence. */
export type ProcedureProblem =
  | { code: 'duplicate_stage'; stage: string }
  | { code: 'unknown_stage'; stage: string; where: 'transition' | 'guard' }
  | { code: 'self_transition'; stage: string }
  | { code: 'guard_key_invalid'; key: string }
  | { code: 'guard_without_transition'; from: string; to: string }
  | { code: 'unknown_guard'; guard: string; from: string; to: string }
  | { code: 'council_guard_without_body'; stage: string }

/** Every problem of a definition whose shape is valid; an empty list means it can be used. */
export function procedureProblems(def: ProcedureDefinition): ProcedureProblem[] {
  const problems: ProcedureProblem[] = []
  const codes = new Set<string>()
  for (const s of def.stages) {
    if (codes.has(s.code)) problems.push({ code: 'duplicate_stage', stage: s.code })
    codes.add(s.code)
  }
  const unknown = (stage: string, where: 'transition' | 'guard') => {
    if (!codes.has(stage) && !problems.some((p) => p.code === 'unknown_stage' && p.stage === stage))
      problems.push({ code: 'unknown_stage', stage, where })
  }
  for (const [from, targets] of Object.entries(def.transitions)) {
    unknown(from, 'transition')
    for (const to of targets) {
      unknown(to, 'transition')
      if (to === from) problems.push({ code: 'self_transition', stage: from })
    }
  }
  for (const [key, guards] of Object.entries(def.guards)) {
    const parts = key.split('>')
    if (parts.length !== 2 || !parts[0] || !parts[1]) {
      problems.push({ code: 'guard_key_invalid', key })
      continue
    }
    const [from, to] = parts as [string, string]
    unknown(from, 'guard')
    unknown(to, 'guard')
    if (codes.has(from) && codes.has(to) && !def.transitions[from]?.includes(to))
      problems.push({ code: 'guard_without_transition', from, to })
    for (const guard of guards) {
      if (!isGuardCode(guard)) problems.push({ code: 'unknown_guard', guard, from, to })
      else if (guard === 'council_decision_recorded' && !def.stages.find((s) => s.code === from)?.body)
        problems.push({ code: 'council_guard_without_body', stage: from })
    }
  }
  return problems
}

/**
 * A definition with its lists in a canonical form: duplicate targets and guards dropped,
 * empty entries removed. What is stored is always normalized.
 */
export function normalizeDefinition(def: ProcedureDefinition): ProcedureDefinition {
  const transitions: Record<string, string[]> = {}
  for (const s of def.stages) {
    const targets = [...new Set(def.transitions[s.code] ?? [])]
    transitions[s.code] = targets
  }
  const guards: Record<string, string[]> = {}
  for (const [key, list] of Object.entries(def.guards)) {
    const unique = [...new Set(list)]
    if (unique.length) guards[key] = unique
  }
  return {
    stages: def.stages.map((s) => ({
      code: s.code,
      name: { ...s.name },
      ...(s.kind ? { kind: s.kind } : {}),
      ...(s.body ? { body: s.body } : {}),
    })),
    transitions,
    guards,
  }
}

/** The stage of a definition with that code. */
export function stageOf(def: ProcedureDefinition, code: Stage): ProcedureStage | undefined {
  return def.stages.find((s) => s.code === code)
}

/** The guards of a move, valid codes only. */
export function guardsOf(def: ProcedureDefinition, from: Stage, to: Stage): GuardCode[] {
  return (def.guards[`${from}>${to}`] ?? []).filter(isGuardCode)
}

export function canMove(def: ProcedureDefinition, from: Stage, to: Stage): boolean {
  return def.transitions[from]?.includes(to) ?? false
}

/** The stages a dossier may move to from `from`, in the template's order of moves. */
export function nextStages(def: ProcedureDefinition, from: Stage): Stage[] {
  return [...(def.transitions[from] ?? [])]
}

export function stageIndex(def: ProcedureDefinition, stage: Stage): number {
  return def.stages.findIndex((s) => s.code === stage)
}

export const APPROVAL_STATUSES = [
  'not_started',
  'in_progress',
  'approved',
  'approved_with_reservations',
  'declined',
] as const
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number]

/** Approval statuses that end a party's domestic procedure. */
export const FINISHED_APPROVALS: readonly ApprovalStatus[] = [
  'approved',
  'approved_with_reservations',
  'declined',
]
export const isApproved = (s: ApprovalStatus) => s === 'approved' || s === 'approved_with_reservations'

/** What the guards are evaluated on. */
export interface GuardFacts {
  /**
   * Each document of the dossier and its latest circulated version: whether it is frozen,
   * whether a silence procedure on it completed unbroken, and whether the ballot under the
   * deciding body's rule approved it (gathered only when a guard needs them).
   */
  documents: { id: string; frozen: boolean; silenceCompleted?: boolean; ballotApproved?: boolean }[]
  /** Domestic approval of each participating member (absent: not started). */
  approvals: { party: string; status: ApprovalStatus }[]
  /** Members that agreed ad referendum on a frozen text and have not confirmed. */
  adReferendum: string[]
  /** Codes of the bodies whose decision on the dossier is recorded (adoptions). */
  decisions?: string[]
}

export interface GuardFailure {
  guard: GuardCode
  parties?: string[]
  documents?: string[]
  /** The body whose decision is missing (council_decision_recorded). */
  body?: string
}

/** Evaluates one guard of a move from `from`. */
export function evaluateGuard(
  def: ProcedureDefinition,
  guard: GuardCode,
  from: Stage,
  facts: GuardFacts,
): GuardFailure | null {
  switch (guard) {
    case 'documents_frozen': {
      const open = facts.documents.filter((d) => !d.frozen).map((d) => d.id)
      return open.length ? { guard, documents: open } : null
    }
    case 'domestic_approval_complete': {
      const late = facts.approvals.filter((a) => !isApproved(a.status)).map((a) => a.party)
      return late.length ? { guard, parties: late } : null
    }
    case 'no_ad_referendum_pending': {
      const approved = new Set(facts.approvals.filter((a) => isApproved(a.status)).map((a) => a.party))
      const pending = facts.adReferendum.filter((p) => !approved.has(p))
      return pending.length ? { guard, parties: pending } : null
    }
    case 'council_decision_recorded': {
      const body = stageOf(def, from)?.body
      if (body && (facts.decisions ?? []).includes(body)) return null
      return body ? { guard, body } : { guard }
    }
    case 'silence_completed': {
      const open = facts.documents.filter((d) => !d.silenceCompleted).map((d) => d.id)
      return open.length ? { guard, documents: open } : null
    }
    case 'ballot_approved': {
      const open = facts.documents.filter((d) => !d.ballotApproved).map((d) => d.id)
      return open.length ? { guard, documents: open } : null
    }
  }
}

/** The guards of a move that fail, with who or what holds it up. */
export function evaluateGuards(
  def: ProcedureDefinition,
  from: Stage,
  to: Stage,
  facts: GuardFacts,
): GuardFailure[] {
  const failures: GuardFailure[] = []
  for (const guard of guardsOf(def, from, to)) {
    const failure = evaluateGuard(def, guard, from, facts)
    if (failure) failures.push(failure)
  }
  return failures
}

/** Names to show in the sentence of a failed guard, in one language. */
export interface FailureNames {
  party(code: string): string
  document(id: string): string
  body(code: string): string
}

/**
 * The message key and parameters of a failed guard's sentence (`guard.<code>`):
 * "3 members have not completed domestic approval: Armenia, Kyrgyzstan, Uzbekistan."
 */
export function failureMessage(
  failure: GuardFailure,
  names: FailureNames,
): { key: string; params: Record<string, string | number> } {
  const list = failure.parties ?? failure.documents ?? []
  return {
    key: `guard.${failure.guard}`,
    params: {
      count: list.length,
      parties: (failure.parties ?? []).map((c) => names.party(c)).join(', '),
      documents: (failure.documents ?? []).map((id) => `«${names.document(id)}»`).join(', '),
      body: failure.body ? names.body(failure.body) : '—',
    },
  }
}
