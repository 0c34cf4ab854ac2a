/**
 * The procedure templates Concord ships. Each organization gets its own copy (table
 * `procedure_templates`) which its secretariat may edit; an organization that has none yet
 * uses the shipped template of its `procedure` code.
 */
import type { ProcedureDefinition, ProcedureTemplate } from './procedure.js'

/**
 * The CIS procedure: after expert-level agreement and domestic approval in each state, the
 * package goes "in the established order" to the Council of Foreign Ministers, then to the
 * Council of Heads of State, then to signature and publication.
 */
export const CIS_PROCEDURE: ProcedureDefinition = {
  stages: [
    {
      code: 'drafting',
      name: { ru: 'Подготовка проекта', en: 'Drafting', tg: 'Таҳияи лоиҳа' },
      kind: 'drafting',
    },
    {
      code: 'comments',
      name: {
        ru: 'Сбор замечаний и предложений',
        en: 'Comments and proposals',
        tg: 'Ҷамъоварии эродҳо ва пешниҳодҳо',
      },
      kind: 'comments',
    },
    {
      code: 'expert_group',
      name: { ru: 'Экспертная группа', en: 'Expert group', tg: 'Гурӯҳи коршиносон' },
      kind: 'negotiation',
    },
    {
      code: 'domestic_approval',
      name: {
        ru: 'Внутригосударственное согласование',
        en: 'Domestic approval',
        tg: 'Мувофиқаи дохилидавлатӣ',
      },
      kind: 'domestic_approval',
    },
    {
      code: 'cfm',
      name: {
        ru: 'Совет министров иностранных дел',
        en: 'Council of Foreign Ministers',
        tg: 'Шӯрои вазирони корҳои хориҷӣ',
      },
      kind: 'council',
      body: 'CFM',
    },
    {
      code: 'chs',
      name: { ru: 'Совет глав государств', en: 'Council of Heads of State', tg: 'Шӯрои сарони давлатҳо' },
      kind: 'council',
      body: 'CHS',
    },
    { code: 'signature', name: { ru: 'Подписание', en: 'Signature', tg: 'Имзо' }, kind: 'signature' },
    {
      code: 'publication',
      name: { ru: 'Опубликование', en: 'Publication', tg: 'Нашр' },
      kind: 'publication',
    },
  ],
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
    // Each council decides before the package goes on.
    'cfm>chs': ['council_decision_recorded'],
    'chs>signature': ['council_decision_recorded'],
  },
}

/**
 * A UN-style procedure: informal consultations, then the text is put under silence and
 * deemed agreed at the deadline unless a member breaks it; adopted, then published.
 */
export const UN_SILENCE_PROCEDURE: ProcedureDefinition = {
  stages: [
    {
      code: 'drafting',
      name: { ru: 'Подготовка проекта', en: 'Drafting', tg: 'Таҳияи лоиҳа' },
      kind: 'drafting',
    },
    {
      code: 'informal_consultations',
      name: {
        ru: 'Неофициальные консультации',
        en: 'Informal consultations',
        tg: 'Машваратҳои ғайрирасмӣ',
      },
      kind: 'negotiation',
    },
    {
      code: 'silence_procedure',
      name: { ru: 'Процедура умолчания', en: 'Silence procedure', tg: 'Тартиби хомӯшӣ' },
      kind: 'silence',
    },
    { code: 'adoption', name: { ru: 'Принятие', en: 'Adoption', tg: 'Қабул' }, kind: 'council' },
    {
      code: 'publication',
      name: { ru: 'Опубликование', en: 'Publication', tg: 'Нашр' },
      kind: 'publication',
    },
  ],
  transitions: {
    drafting: ['informal_consultations'],
    informal_consultations: ['silence_procedure', 'drafting'],
    // A broken silence sends the text back to consultations.
    silence_procedure: ['adoption', 'informal_consultations'],
    adoption: ['publication'],
    publication: [],
  },
  guards: {
    'silence_procedure>adoption': ['silence_completed'],
  },
}

/**
 * A standards body: proposal, working and committee drafts, then an enquiry ballot and an
 * approval ballot decided under the committee's rule (a qualified majority), then publication.
 */
export const STANDARDS_BALLOT_PROCEDURE: ProcedureDefinition = {
  stages: [
    { code: 'proposal', name: { ru: 'Предложение', en: 'Proposal', tg: 'Пешниҳод' }, kind: 'drafting' },
    {
      code: 'working_draft',
      name: { ru: 'Рабочий проект', en: 'Working draft', tg: 'Лоиҳаи корӣ' },
      kind: 'drafting',
    },
    {
      code: 'committee_draft',
      name: { ru: 'Проект комитета', en: 'Committee draft', tg: 'Лоиҳаи кумита' },
      kind: 'comments',
    },
    {
      code: 'enquiry_ballot',
      name: { ru: 'Опросное голосование', en: 'Enquiry ballot', tg: 'Овоздиҳии пурсишӣ' },
      kind: 'ballot',
    },
    {
      code: 'approval_ballot',
      name: { ru: 'Голосование об утверждении', en: 'Approval ballot', tg: 'Овоздиҳии тасдиқ' },
      kind: 'ballot',
    },
    {
      code: 'publication',
      name: { ru: 'Опубликование', en: 'Publication', tg: 'Нашр' },
      kind: 'publication',
    },
  ],
  transitions: {
    proposal: ['working_draft'],
    working_draft: ['committee_draft'],
    committee_draft: ['enquiry_ballot', 'working_draft'],
    enquiry_ballot: ['approval_ballot', 'committee_draft'],
    approval_ballot: ['publication', 'committee_draft'],
    publication: [],
  },
  guards: {
    'enquiry_ballot>approval_ballot': ['ballot_approved'],
    'approval_ballot>publication': ['ballot_approved'],
  },
}

/** The shipped templates, by code. */
export const SHIPPED_TEMPLATES: readonly ProcedureTemplate[] = [
  {
    code: 'cis',
    name: {
      ru: 'Порядок прохождения документов СНГ',
      en: 'CIS procedure',
      tg: 'Тартиби баррасии ҳуҷҷатҳои ИДМ',
    },
    definition: CIS_PROCEDURE,
  },
  {
    code: 'un_silence',
    name: {
      ru: 'Порядок ООН: консультации и процедура умолчания',
      en: 'UN style: consultations and silence procedure',
      tg: 'Тартиби СММ: машваратҳо ва тартиби хомӯшӣ',
    },
    definition: UN_SILENCE_PROCEDURE,
  },
  {
    code: 'standards_ballot',
    name: {
      ru: 'Орган по стандартизации: голосования',
      en: 'Standards body: ballots',
      tg: 'Мақомоти стандартикунонӣ: овоздиҳӣ',
    },
    definition: STANDARDS_BALLOT_PROCEDURE,
  },
]

/** The shipped template with that code, if any. */
export function shippedTemplate(code: string): ProcedureTemplate | undefined {
  return SHIPPED_TEMPLATES.find((t) => t.code === code)
}
