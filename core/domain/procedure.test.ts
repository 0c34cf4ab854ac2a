import { describe, expect, it } from 'vitest'
import {
  canMove,
  evaluateGuards,
  failureMessage,
  type GuardFacts,
  normalizeDefinition,
  type ProcedureDefinition,
  procedureDefinitionSchema,
  procedureProblems,
} from './procedure.js'
import {
  CIS_PROCEDURE,
  SHIPPED_TEMPLATES,
  STANDARDS_BALLOT_PROCEDURE,
  UN_SILENCE_PROCEDURE,
} from './procedure-templates.js'

const clone = (d: ProcedureDefinition): ProcedureDefinition => JSON.parse(JSON.stringify(d))
const facts = (over: Partial<GuardFacts> = {}): GuardFacts => ({
  documents: [{ id: 'd1', frozen: true, silenceCompleted: true, ballotApproved: true }],
  approvals: [
    { party: 'ARM', status: 'approved' },
    { party: 'KGZ', status: 'approved_with_reservations' },
  ],
  adReferendum: [],
  decisions: ['CFM', 'CHS'],
  ...over,
})

describe('the shipped templates', () => {
  it('are valid definitions with names in Russian, English and Tajik', () => {
    expect(SHIPPED_TEMPLATES.map((t) => t.code)).toEqual(['cis', 'un_silence', 'standards_ballot'])
    for (const t of SHIPPED_TEMPLATES) {
      expect(procedureDefinitionSchema.safeParse(t.definition).success, t.code).toBe(true)
      expect(procedureProblems(t.definition), t.code).toEqual([])
      expect(normalizeDefinition(t.definition)).toEqual(t.definition)
      for (const s of t.definition.stages)
        expect(Object.keys(s.name).sort(), s.code).toEqual(['en', 'ru', 'tg'])
    }
  })

  it('run the CIS stages in the established order, the councils deciding in turn', () => {
    expect(CIS_PROCEDURE.stages.map((s) => s.code)).toEqual([
      'drafting',
      'comments',
      'expert_group',
      'domestic_approval',
      'cfm',
      'chs',
      'signature',
      'publication',
    ])
    expect(canMove(CIS_PROCEDURE, 'domestic_approval', 'cfm')).toBe(true)
    expect(canMove(CIS_PROCEDURE, 'domestic_approval', 'chs')).toBe(false)
    expect(CIS_PROCEDURE.guards['cfm>chs']).toEqual(['council_decision_recorded'])
    expect(CIS_PROCEDURE.guards['chs>signature']).toEqual(['council_decision_recorded'])
    expect(UN_SILENCE_PROCEDURE.guards['silence_procedure>adoption']).toEqual(['silence_completed'])
    expect(STANDARDS_BALLOT_PROCEDURE.guards['approval_ballot>publication']).toEqual(['ballot_approved'])
  })
})

describe('validating a template', () => {
  it('names an unknown stage in a transition, a duplicate code and an unknown guard', () => {
    const def = clone(CIS_PROCEDURE)
    def.stages.push({ ...def.stages[0]!, name: { ru: 'Ещё', en: 'Again' } })
    def.transitions.cfm = ['chs', 'council_of_ministers']
    def.guards['cfm>chs'] = ['council_decision_recorded', 'moon_is_full']
    expect(procedureProblems(def)).toEqual([
      { code: 'duplicate_stage', stage: 'drafting' },
      { code: 'unknown_stage', stage: 'council_of_ministers', where: 'transition' },
      { code: 'unknown_guard', guard: 'moon_is_full', from: 'cfm', to: 'chs' },
    ])
  })

  it('refuses a guard on a move that is not allowed, a malformed key, a loop and a council guard without a body', () => {
    const def = clone(CIS_PROCEDURE)
    def.transitions.signature = ['publication', 'signature']
    def.guards['drafting>publication'] = ['documents_frozen']
    def.guards.drafting = ['documents_frozen']
    def.stages = def.stages.map((s) => (s.code === 'cfm' ? { code: s.code, name: s.name, kind: s.kind! } : s))
    expect(procedureProblems(def)).toEqual([
      { code: 'self_transition', stage: 'signature' },
      { code: 'council_guard_without_body', stage: 'cfm' },
      { code: 'guard_without_transition', from: 'drafting', to: 'publication' },
      { code: 'guard_key_invalid', key: 'drafting' },
    ])
  })

  it('refuses a malformed stage code and a stage without its Russian or English name', () => {
    const bad = clone(CIS_PROCEDURE) as unknown as { stages: { code: string; name: object }[] }
    bad.stages[0]!.code = 'Drafting stage'
    bad.stages[1]!.name = { en: 'Comments' }
    const parsed = procedureDefinitionSchema.safeParse(bad)
    expect(parsed.success).toBe(false)
    expect(parsed.error!.issues.map((i) => i.path.join('.'))).toEqual(['stages.0.code', 'stages.1.name.ru'])
  })

  it('normalizes duplicate targets and guards away', () => {
    const def = clone(UN_SILENCE_PROCEDURE)
    def.transitions.drafting = ['informal_consultations', 'informal_consultations']
    def.guards['silence_procedure>adoption'] = ['silence_completed', 'silence_completed']
    def.guards['drafting>informal_consultations'] = []
    const n = normalizeDefinition(def)
    expect(n.transitions.drafting).toEqual(['informal_consultations'])
    expect(n.guards).toEqual({ 'silence_procedure>adoption': ['silence_completed'] })
  })
})

describe('guards', () => {
  it('hold the package at home until every member has approved and no ad referendum is pending', () => {
    expect(evaluateGuards(CIS_PROCEDURE, 'domestic_approval', 'cfm', facts())).toEqual([])
    const f = facts({
      approvals: [
        { party: 'ARM', status: 'in_progress' },
        { party: 'KGZ', status: 'declined' },
        { party: 'UZB', status: 'not_started' },
        { party: 'RUS', status: 'approved' },
      ],
      adReferendum: ['RUS', 'TJK'],
    })
    expect(evaluateGuards(CIS_PROCEDURE, 'domestic_approval', 'cfm', f)).toEqual([
      { guard: 'domestic_approval_complete', parties: ['ARM', 'KGZ', 'UZB'] },
      // RUS has approved at home: its ad referendum counts as confirmed.
      { guard: 'no_ad_referendum_pending', parties: ['TJK'] },
    ])
  })

  it('let a council stage go on only once the decision of its own body is recorded', () => {
    expect(evaluateGuards(CIS_PROCEDURE, 'cfm', 'chs', facts({ decisions: ['CHS'] }))).toEqual([
      { guard: 'council_decision_recorded', body: 'CFM' },
    ])
    expect(evaluateGuards(CIS_PROCEDURE, 'chs', 'signature', facts({ decisions: ['CFM'] }))).toEqual([
      { guard: 'council_decision_recorded', body: 'CHS' },
    ])
    expect(evaluateGuards(CIS_PROCEDURE, 'cfm', 'chs', facts({ decisions: ['CFM'] }))).toEqual([])
    // Going back to the experts needs no decision.
    expect(evaluateGuards(CIS_PROCEDURE, 'cfm', 'expert_group', facts({ decisions: [] }))).toEqual([])
  })

  it('need a completed silence and an approving ballot on every document', () => {
    const documents = [
      { id: 'a', frozen: false, silenceCompleted: true, ballotApproved: false },
      { id: 'b', frozen: false, silenceCompleted: false, ballotApproved: true },
    ]
    expect(
      evaluateGuards(UN_SILENCE_PROCEDURE, 'silence_procedure', 'adoption', facts({ documents })),
    ).toEqual([{ guard: 'silence_completed', documents: ['b'] }])
    expect(
      evaluateGuards(STANDARDS_BALLOT_PROCEDURE, 'enquiry_ballot', 'approval_ballot', facts({ documents })),
    ).toEqual([{ guard: 'ballot_approved', documents: ['a'] }])
  })

  it('explain a failure in a sentence that names the parties, documents and bodies', () => {
    const names = {
      party: (c: string) => ({ ARM: 'Армения', KGZ: 'Кыргызстан' })[c] ?? c,
      document: (id: string) => (id === 'd1' ? 'Совместное заявление' : id),
      body: (c: string) => (c === 'CFM' ? 'СМИД' : c),
    }
    expect(failureMessage({ guard: 'domestic_approval_complete', parties: ['ARM', 'KGZ'] }, names)).toEqual({
      key: 'guard.domestic_approval_complete',
      params: { count: 2, parties: 'Армения, Кыргызстан', documents: '', body: '—' },
    })
    expect(failureMessage({ guard: 'documents_frozen', documents: ['d1'] }, names).params.documents).toBe(
      '«Совместное заявление»',
    )
    expect(failureMessage({ guard: 'council_decision_recorded', body: 'CFM' }, names).params.body).toBe(
      'СМИД',
    )
  })
})
