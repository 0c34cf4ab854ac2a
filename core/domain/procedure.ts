/**
 * The stages a dossier goes through, as data. The CIS procedure is the default template;
 * organizations get editable templates with guards in a later issue. Transitions not
 * listed here are refused.
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

export interface ProcedureTemplate {
  code: string
  stages: readonly Stage[]
  /** Allowed moves: from → to[]. */
  transitions: Readonly<Partial<Record<Stage, readonly Stage[]>>>
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
}

export function canMove(template: ProcedureTemplate, from: Stage, to: Stage): boolean {
  return template.transitions[from]?.includes(to) ?? false
}

export function stageIndex(template: ProcedureTemplate, stage: Stage): number {
  return template.stages.indexOf(stage)
}
