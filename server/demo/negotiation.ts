/**
 * The demo's comment round on the draft Joint Statement (July–August 2020): what the
 * delegations proposed, how the secretariat disposed of it at the expert group's meeting
 * of 21 August 2020, and the translations of the accepted wording for Rev.1. Written for
 * the demo, in the spirit of the news item; not the real negotiation. Pure data.
 */
import type { ContributionKind, ContributionType, Decision } from '../../core/api/contributions.js'
import type { LocalizedText } from '../../core/i18n/languages.js'

export interface DemoContribution {
  key: string
  party: string
  /** Who drafts it: the head of delegation, or the party's expert (then the head submits). */
  by: 'head' | 'expert' | 'observer'
  at: string
  kind: ContributionKind
  type: ContributionType
  provisionEid?: string
  afterEid?: string
  comment?: string
  proposedText?: string
  justification?: string
  cosponsors?: string[]
  /** The delegation withdrew it before the meeting. */
  withdrawn?: boolean
  disposition?: { decision: Decision; reasoning: LocalizedText; adoptedText?: string; mergedInto?: string }
}

export const DEMO_ROUND = {
  opensAt: '2020-07-10T12:00:00+03:00',
  closesAt: '2020-08-14T18:00:00+03:00',
  timezone: 'Europe/Minsk',
  /** The expert group's meeting: dispositions decided and published, Rev.1 produced. */
  meetingAt: '2020-08-21T10:00:00+03:00',
  revisedAt: '2020-08-21T16:00:00+03:00',
  circulatedAt: '2020-08-21T17:30:00+03:00',
  /** Positions stated and the text frozen as agreed at expert level. */
  positionsAt: '2020-08-21T17:45:00+03:00',
  frozenAt: '2020-08-21T18:00:00+03:00',
}

export const DEMO_CONTRIBUTIONS: DemoContribution[] = [
  {
    key: 'rus-2',
    party: 'RUS',
    by: 'head',
    at: '2020-07-24T11:00:00+03:00',
    kind: 'amendment',
    type: 'general',
    provisionEid: 'para_2',
    proposedText:
      'Выражаем озабоченность тем, что использование информационно-коммуникационных технологий в целях, несовместимых с задачами поддержания международного мира, безопасности и стабильности, представляет непосредственную угрозу для государства, его граждан и общества в целом.',
    justification: 'Приведение в соответствие с формулировками резолюций Генеральной Ассамблеи ООН.',
    cosponsors: ['BLR'],
    disposition: {
      decision: 'accepted',
      reasoning: {
        ru: 'Принято. Формулировка соответствует резолюциям ГА ООН.',
        en: 'Accepted. The wording follows UN General Assembly resolutions.',
      },
    },
  },
  {
    key: 'kaz-5',
    party: 'KAZ',
    by: 'expert',
    at: '2020-07-29T15:20:00+06:00',
    kind: 'amendment',
    type: 'technical',
    provisionEid: 'para_5',
    proposedText:
      'Считаем необходимым объединять усилия по предотвращению использования информационно-коммуникационных технологий в террористических и иных преступных целях, в том числе для пропаганды терроризма и экстремизма, а также для вербовки.',
    justification:
      'Вербовка с использованием сети Интернет — одна из основных угроз, выявленных компетентными органами.',
    disposition: {
      decision: 'accepted_in_part',
      reasoning: {
        ru: 'Принято с редакционной правкой по итогам обсуждения на заседании экспертной группы.',
        en: 'Accepted with an editorial change agreed at the expert group meeting.',
      },
      adoptedText:
        'Считаем необходимым объединять усилия по предотвращению использования информационно-коммуникационных технологий в террористических и иных преступных целях, в том числе для пропаганды терроризма и экстремизма и вербовки в террористические организации.',
    },
  },
  {
    key: 'arm-7',
    party: 'ARM',
    by: 'head',
    at: '2020-08-03T10:00:00+04:00',
    kind: 'comment',
    type: 'editorial',
    provisionEid: 'para_7',
    comment:
      'Предлагаем сохранить согласованную в ООН формулировку «регулярного институционального диалога».',
    disposition: {
      decision: 'not_accepted',
      reasoning: {
        ru: 'Не принято: делегации предпочли формулировку, отражающую текущий переговорный процесс.',
        en: 'Not accepted: delegations preferred wording that reflects the current negotiating process.',
      },
    },
  },
  {
    key: 'blr-9',
    party: 'BLR',
    by: 'head',
    at: '2020-08-05T09:30:00+03:00',
    kind: 'insertion',
    type: 'general',
    afterEid: 'para_9',
    proposedText:
      'Поддерживаем создание механизмов оперативного обмена информацией о компьютерных инцидентах между уполномоченными органами государств – участников Содружества.',
    justification: 'Развитие положений пункта 9 в практическом измерении.',
    disposition: {
      decision: 'accepted',
      reasoning: { ru: 'Принято.', en: 'Accepted.' },
    },
  },
  {
    key: 'kgz-10',
    party: 'KGZ',
    by: 'head',
    at: '2020-08-06T14:00:00+06:00',
    kind: 'amendment',
    type: 'editorial',
    provisionEid: 'para_10',
    proposedText:
      'Считаем важным развивать сотрудничество в подготовке и повышении квалификации специалистов в области информационной безопасности, а также в повышении цифровой грамотности и культуры информационной безопасности населения.',
    disposition: {
      decision: 'accepted',
      reasoning: { ru: 'Принято.', en: 'Accepted.' },
    },
  },
  {
    key: 'kgz-r5',
    party: 'KGZ',
    by: 'head',
    at: '2020-08-06T14:05:00+06:00',
    kind: 'deletion',
    type: 'general',
    provisionEid: 'preamble__recital_5',
    justification: 'Положение дублирует пункт 8.',
    disposition: {
      decision: 'not_accepted',
      reasoning: {
        ru: 'Не принято: большинство делегаций высказались за сохранение положения в преамбуле.',
        en: 'Not accepted: most delegations favoured keeping the recital.',
      },
    },
  },
  {
    key: 'tjk-11',
    party: 'TJK',
    by: 'head',
    at: '2020-08-10T16:00:00+05:00',
    kind: 'amendment',
    type: 'general',
    provisionEid: 'para_11',
    proposedText:
      'Выступаем за равноправное участие всех государств в управлении информационно-телекоммуникационной сетью Интернет и за обеспечение ее безопасного, устойчивого и бесперебойного функционирования.',
    disposition: {
      decision: 'accepted',
      reasoning: {
        ru: 'Принято с учетом предложения Узбекистана.',
        en: 'Accepted, together with the proposal of Uzbekistan.',
      },
    },
  },
  {
    key: 'uzb-11',
    party: 'UZB',
    by: 'head',
    at: '2020-08-11T12:00:00+05:00',
    kind: 'amendment',
    type: 'general',
    provisionEid: 'para_11',
    proposedText:
      'Выступаем за равноправное участие всех государств в управлении сетью Интернет и за обеспечение ее безопасного и бесперебойного функционирования.',
    disposition: {
      decision: 'merged',
      mergedInto: 'tjk-11',
      reasoning: { ru: 'Учтено в предложении Таджикистана.', en: 'Reflected in the proposal of Tajikistan.' },
    },
  },
  {
    key: 'uzb-6',
    party: 'UZB',
    by: 'head',
    at: '2020-08-11T12:10:00+05:00',
    kind: 'comment',
    type: 'editorial',
    provisionEid: 'para_6',
    comment: 'Предлагаем уточнить ссылку на Группу правительственных экспертов ООН.',
    withdrawn: true,
  },
  {
    key: 'tkm-general',
    party: 'TKM',
    by: 'head',
    at: '2020-08-12T10:00:00+05:00',
    kind: 'general',
    type: 'general',
    comment:
      'Туркменистан поддерживает проект Совместного заявления в целом с учетом своего статуса постоянного нейтралитета.',
    disposition: {
      decision: 'accepted',
      reasoning: { ru: 'Принято к сведению.', en: 'Noted.' },
    },
  },
  {
    key: 'mda-12',
    party: 'MDA',
    by: 'observer',
    at: '2020-08-13T11:00:00+03:00',
    kind: 'comment',
    type: 'general',
    provisionEid: 'para_12',
    comment: 'Республика Молдова как наблюдатель поддерживает положения пункта 12.',
    disposition: {
      decision: 'accepted',
      reasoning: { ru: 'Принято к сведению.', en: 'Noted.' },
    },
  },
]

/** The accepted wording of Rev.1 in English and Tajik, as the secretariat's translators gave it. */
export const REV1_TRANSLATIONS: Record<string, { en: string; tg: string }> = {
  para_2: {
    en: 'We express concern that the use of information and communication technologies for purposes inconsistent with the objectives of maintaining international peace, security and stability poses a direct threat to the State, its citizens and society as a whole.',
    tg: 'Изҳори нигаронӣ менамоем, ки истифодаи технологияҳои иттилоотию коммуникатсионӣ бо мақсадҳое, ки ба вазифаҳои нигоҳ доштани сулҳ, амният ва суботи байналмилалӣ мувофиқат намекунанд, ба давлат, шаҳрвандони он ва ҷомеа дар маҷмӯъ таҳдиди мустақим эҷод мекунад.',
  },
  para_5: {
    en: 'We consider it necessary to join efforts to prevent the use of information and communication technologies for terrorist and other criminal purposes, including for the propaganda of terrorism and extremism and recruitment into terrorist organizations.',
    tg: 'Зарур мешуморем, ки барои пешгирии истифодаи технологияҳои иттилоотию коммуникатсионӣ бо мақсадҳои террористӣ ва дигар мақсадҳои ҷиноятӣ, аз ҷумла барои таблиғи терроризм ва экстремизм ва ҷалб ба созмонҳои террористӣ, саъю кӯшишҳоро муттаҳид намоем.',
  },
  para_10: {
    en: 'We consider it important to develop cooperation in the training and professional development of information security specialists and in raising the digital literacy and information security culture of the population.',
    tg: 'Рушди ҳамкориро дар тайёр кардан ва баланд бардоштани тахассуси мутахассисони соҳаи амнияти иттилоотӣ, инчунин дар баланд бардоштани саводнокии рақамӣ ва фарҳанги амнияти иттилоотии аҳолӣ муҳим мешуморем.',
  },
  para_11: {
    en: 'We stand for the equal participation of all States in the governance of the Internet information and telecommunication network and for ensuring its secure, stable and uninterrupted functioning.',
    tg: 'Ҷонибдори иштироки баробарҳуқуқи ҳамаи давлатҳо дар идоракунии шабакаи иттилоотию телекоммуникатсионии Интернет ва таъмини фаъолияти бехатар, устувор ва бефосилаи он мебошем.',
  },
  /** The provision inserted after para_9 (its eid is assigned when Rev.1 is made). */
  'insert-after-para_9': {
    en: 'We support the establishment of mechanisms for the prompt exchange of information on computer incidents between the competent authorities of the member States of the Commonwealth.',
    tg: 'Ҷонибдори таъсиси механизмҳои мубодилаи фаврии иттилоот дар бораи ҳодисаҳои компютерӣ байни мақомоти ваколатдори давлатҳои аъзои Иттиҳод мебошем.',
  },
}
