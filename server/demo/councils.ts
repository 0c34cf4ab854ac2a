/**
 * The rest of the seed story, after the texts are negotiated: the expert group's meeting of
 * 21 August 2020 in Minsk by videoconference (participants, attendance, the outcome of each
 * agenda item, the minutes), domestic approval in each member state, the Council of Foreign
 * Ministers and the Council of Heads of State. Dates after August 2020 are illustrative.
 * Written for the demo; not the real record. Pure data.
 */
import type { LocalizedText } from '../../core/i18n/languages.js'

export const DEMO_TIMEZONE = 'Europe/Minsk'

export interface DemoMeeting {
  body: string
  title: LocalizedText
  startsAt: string
  endsAt: string
  place: LocalizedText
  format: 'in_person' | 'videoconference' | 'hybrid'
  conferenceUrl: string | null
  /** When the secretariat convened it and sent the invitations. */
  convenedAt: string
}

const MINSK: LocalizedText = {
  ru: 'Исполнительный комитет СНГ, Минск',
  en: 'CIS Executive Committee, Minsk',
  tg: 'Кумитаи иҷроияи ИДМ, Минск',
}

export const EXPERT_MEETING: DemoMeeting = {
  body: 'EG-IIS',
  title: {
    ru: 'Заседание Экспертной группы по доработке проекта Совместного заявления о сотрудничестве в области обеспечения международной информационной безопасности',
    en: 'Meeting of the Expert Group on Finalizing the Draft Joint Statement on Cooperation in Ensuring International Information Security',
    tg: 'Ҷаласаи Гурӯҳи коршиносон оид ба такмили лоиҳаи Изҳороти муштарак дар бораи ҳамкорӣ дар соҳаи таъмини амнияти байналмилалии иттилоотӣ',
  },
  startsAt: '2020-08-21T10:00:00+03:00',
  endsAt: '2020-08-21T18:30:00+03:00',
  place: MINSK,
  format: 'videoconference',
  conferenceUrl: 'https://meet.jit.si/cis-eg-iis-2020-08-21',
  convenedAt: '2020-08-05T11:00:00+03:00',
}

/** Outcome of the agenda item on each document (by position in the dossier), and its note. */
export const EXPERT_OUTCOMES: {
  outcome: 'agreed' | 'agreed_ad_referendum'
  note: LocalizedText
}[] = [
  {
    outcome: 'agreed_ad_referendum',
    note: {
      ru: 'Текст согласован на экспертном уровне (Rev.1); Таджикистан — ad referendum до завершения внутригосударственных процедур.',
      en: 'Text agreed at expert level (Rev.1); Tajikistan ad referendum pending its domestic procedures.',
    },
  },
  {
    outcome: 'agreed',
    note: {
      ru: 'Проект решения СМИД согласован.',
      en: 'Draft decision of the Council of Foreign Ministers agreed.',
    },
  },
  {
    outcome: 'agreed',
    note: {
      ru: 'Проект решения СГГ согласован.',
      en: 'Draft decision of the Council of Heads of State agreed.',
    },
  },
]

/** The secretariat's minutes: drafted at the end of the meeting, approved after it. */
export const MINUTES_DRAFTED_AT = '2020-08-21T19:00:00+03:00'
export const MINUTES_APPROVED_AT = '2020-08-24T12:00:00+03:00'

/** Domestic approval: the dossier goes home on 25 August, due by 20 November 2020. */
export const DOMESTIC_APPROVAL = {
  startsAt: '2020-08-25T10:00:00+03:00',
  dueDate: '2020-11-20',
  /** Per member: when its procedure started and when it approved (all approve). */
  parties: [
    { code: 'BLR', startedAt: '2020-08-27T10:00:00+03:00', approvedAt: '2020-09-15T15:00:00+03:00' },
    { code: 'RUS', startedAt: '2020-08-28T10:00:00+03:00', approvedAt: '2020-09-24T12:00:00+03:00' },
    { code: 'ARM', startedAt: '2020-09-01T10:00:00+03:00', approvedAt: '2020-10-02T16:00:00+03:00' },
    { code: 'KAZ', startedAt: '2020-09-02T10:00:00+03:00', approvedAt: '2020-10-08T11:00:00+03:00' },
    { code: 'UZB', startedAt: '2020-09-03T10:00:00+03:00', approvedAt: '2020-10-14T10:00:00+03:00' },
    { code: 'KGZ', startedAt: '2020-09-07T10:00:00+03:00', approvedAt: '2020-10-20T14:00:00+03:00' },
    { code: 'TKM', startedAt: '2020-09-10T10:00:00+03:00', approvedAt: '2020-10-29T12:00:00+03:00' },
    // Tajikistan agreed ad referendum: its approval confirms that agreement, with a note verbale.
    { code: 'TJK', startedAt: '2020-08-31T10:00:00+03:00', approvedAt: '2020-11-05T11:00:00+03:00' },
  ],
  noteVerbale: {
    party: 'TJK',
    filename: 'Нота МИД РТ о завершении внутригосударственного согласования.pdf',
    lines: [
      'Министерство иностранных дел Республики Таджикистан',
      'свидетельствует свое уважение Исполнительному комитету СНГ',
      'и имеет честь сообщить о завершении внутригосударственного согласования',
      'проекта Совместного заявления о сотрудничестве в области обеспечения',
      'международной информационной безопасности. Согласие ad referendum,',
      'выраженное 21 августа 2020 года, подтверждается.',
      'Душанбе, 5 ноября 2020 года',
    ],
  },
}

export const CFM_MEETING: DemoMeeting = {
  body: 'CFM',
  title: {
    ru: 'Заседание Совета министров иностранных дел СНГ',
    en: 'Meeting of the CIS Council of Foreign Ministers',
    tg: 'Ҷаласаи Шӯрои вазирони корҳои хориҷии ИДМ',
  },
  startsAt: '2020-12-04T11:00:00+03:00',
  endsAt: '2020-12-04T14:00:00+03:00',
  place: MINSK,
  format: 'videoconference',
  conferenceUrl: 'https://meet.jit.si/cis-cfm-2020-12-04',
  convenedAt: '2020-11-23T10:00:00+03:00',
}

export const CHS_MEETING: DemoMeeting = {
  body: 'CHS',
  title: {
    ru: 'Заседание Совета глав государств СНГ',
    en: 'Meeting of the CIS Council of Heads of State',
    tg: 'Ҷаласаи Шӯрои сарони давлатҳои ИДМ',
  },
  startsAt: '2020-12-18T11:00:00+03:00',
  endsAt: '2020-12-18T14:00:00+03:00',
  place: MINSK,
  format: 'videoconference',
  conferenceUrl: 'https://meet.jit.si/cis-chs-2020-12-18',
  convenedAt: '2020-12-07T10:00:00+03:00',
}

/** The councils' decisions: the CFM recommends the package, the CHS adopts and signs it. */
export const COUNCIL_DECISIONS = {
  cfm: { movedAt: '2020-11-23T10:00:00+03:00', decidedOn: '2020-12-04', decision: 'recommended' as const },
  chs: {
    movedAt: '2020-12-05T10:00:00+03:00',
    decidedOn: '2020-12-18',
    signedOn: '2020-12-18',
    decision: 'adopted' as const,
  },
  signatureAt: '2020-12-18T15:00:00+03:00',
}
