/**
 * The demo's content: the CIS, its nine parties, its bodies and the three documents of
 * the seed story (the Joint Statement on international information security and the
 * draft decisions of the Council of Foreign Ministers and of the Council of Heads of
 * State). Pure data, no I/O.
 *
 * The texts are written for the demo, in the spirit of the news item of 22 August 2020;
 * they are not the real documents.
 */

import type { DecisionRule } from '../../core/domain/decision-rules.js'
import type { BodyKind, DocumentKind, MembershipStatus } from '../../core/domain/roles.js'
import type { Lang, LocalizedText } from '../../core/i18n/languages.js'
import {
  CONTENT_FORMAT,
  type DocumentContent,
  type Provision,
  type ProvisionKind,
  plain,
} from '../../core/text/model.js'

/** A text in every language of the demo. */
export type DemoText = Record<Lang, string>

export interface DemoOrganization {
  slug: string
  name: LocalizedText
  shortName: LocalizedText
  secretariatName: LocalizedText
}

export interface DemoParty {
  /** ISO 3166-1 alpha-3. */
  code: string
  name: DemoText
  fullName: DemoText
  status: MembershipStatus
  /** YYYY-MM-DD */
  memberSince: string
}

export interface DemoBody {
  code: string
  kind: BodyKind
  name: DemoText
  decisionRule: DecisionRule
}

export interface DemoDocument {
  kind: DocumentKind
  title: DemoText
  content: DocumentContent
}

export interface DemoDossier {
  reference: string
  title: DemoText
}

const LANGS: Lang[] = ['ru', 'en', 'tg']

/** A provision with plain text in ru, en and tg. */
function provision(eid: string, kind: ProvisionKind, num: string | undefined, text: DemoText): Provision {
  const p: Provision = {
    eid,
    kind,
    text: { ru: plain(text.ru), en: plain(text.en), tg: plain(text.tg) },
  }
  if (num !== undefined) p.num = num
  return p
}

const recital = (n: number, text: DemoText): Provision =>
  provision(`preamble__recital_${n}`, 'recital', undefined, text)
const para = (n: number, text: DemoText): Provision => provision(`para_${n}`, 'para', String(n), text)
const conclusion = (n: number, text: DemoText): Provision =>
  provision(`conclusions__para_${n}`, 'para', undefined, text)

function content(
  title: DemoText,
  preamble: Provision[],
  body: Provision[],
  conclusions: Provision[],
): DocumentContent {
  return { format: CONTENT_FORMAT, languages: [...LANGS], title: { ...title }, preamble, body, conclusions }
}

// ---------------------------------------------------------------------------------------
// Organization, parties, bodies
// ---------------------------------------------------------------------------------------

export const DEMO_ORGANIZATION: DemoOrganization = {
  slug: 'cis',
  name: {
    ru: 'Содружество Независимых Государств',
    en: 'Commonwealth of Independent States',
    tg: 'Иттиҳоди Давлатҳои Мустақил',
  },
  shortName: { ru: 'СНГ', en: 'CIS', tg: 'ИДМ' },
  secretariatName: {
    ru: 'Исполнительный комитет СНГ',
    en: 'CIS Executive Committee',
    tg: 'Кумитаи иҷроияи ИДМ',
  },
}

export const DEMO_PARTIES: DemoParty[] = [
  {
    code: 'ARM',
    name: { ru: 'Армения', en: 'Armenia', tg: 'Арманистон' },
    fullName: { ru: 'Республика Армения', en: 'Republic of Armenia', tg: 'Ҷумҳурии Арманистон' },
    status: 'member',
    memberSince: '1991-12-21',
  },
  {
    code: 'BLR',
    name: { ru: 'Беларусь', en: 'Belarus', tg: 'Беларус' },
    fullName: { ru: 'Республика Беларусь', en: 'Republic of Belarus', tg: 'Ҷумҳурии Беларус' },
    status: 'member',
    memberSince: '1991-12-08',
  },
  {
    code: 'KAZ',
    name: { ru: 'Казахстан', en: 'Kazakhstan', tg: 'Қазоқистон' },
    fullName: { ru: 'Республика Казахстан', en: 'Republic of Kazakhstan', tg: 'Ҷумҳурии Қазоқистон' },
    status: 'member',
    memberSince: '1991-12-21',
  },
  {
    code: 'KGZ',
    name: { ru: 'Кыргызстан', en: 'Kyrgyzstan', tg: 'Қирғизистон' },
    fullName: { ru: 'Кыргызская Республика', en: 'Kyrgyz Republic', tg: 'Ҷумҳурии Қирғизистон' },
    status: 'member',
    memberSince: '1991-12-21',
  },
  {
    // In the story Moldova takes part as an observer.
    code: 'MDA',
    name: { ru: 'Молдова', en: 'Moldova', tg: 'Молдова' },
    fullName: { ru: 'Республика Молдова', en: 'Republic of Moldova', tg: 'Ҷумҳурии Молдова' },
    status: 'observer',
    memberSince: '1991-12-21',
  },
  {
    code: 'RUS',
    name: { ru: 'Россия', en: 'Russia', tg: 'Русия' },
    fullName: { ru: 'Российская Федерация', en: 'Russian Federation', tg: 'Федератсияи Русия' },
    status: 'member',
    memberSince: '1991-12-08',
  },
  {
    code: 'TJK',
    name: { ru: 'Таджикистан', en: 'Tajikistan', tg: 'Тоҷикистон' },
    fullName: { ru: 'Республика Таджикистан', en: 'Republic of Tajikistan', tg: 'Ҷумҳурии Тоҷикистон' },
    status: 'member',
    memberSince: '1991-12-21',
  },
  {
    code: 'TKM',
    name: { ru: 'Туркменистан', en: 'Turkmenistan', tg: 'Туркманистон' },
    fullName: { ru: 'Туркменистан', en: 'Turkmenistan', tg: 'Туркманистон' },
    status: 'member',
    memberSince: '1991-12-21',
  },
  {
    code: 'UZB',
    name: { ru: 'Узбекистан', en: 'Uzbekistan', tg: 'Ӯзбекистон' },
    fullName: { ru: 'Республика Узбекистан', en: 'Republic of Uzbekistan', tg: 'Ҷумҳурии Ӯзбекистон' },
    status: 'member',
    memberSince: '1991-12-21',
  },
]

export const DEMO_BODIES: DemoBody[] = [
  {
    code: 'EG-IIS',
    kind: 'expert_group',
    name: {
      ru: 'Экспертная группа по доработке проекта Совместного заявления о сотрудничестве в области обеспечения международной информационной безопасности',
      en: 'Expert Group on Finalizing the Draft Joint Statement on Cooperation in Ensuring International Information Security',
      tg: 'Гурӯҳи коршиносон оид ба такмили лоиҳаи Изҳороти муштарак дар бораи ҳамкорӣ дар соҳаи таъмини амнияти байналмилалии иттилоотӣ',
    },
    decisionRule: { kind: 'consensus' },
  },
  {
    code: 'CFM',
    kind: 'council',
    name: {
      ru: 'Совет министров иностранных дел СНГ',
      en: 'CIS Council of Foreign Ministers',
      tg: 'Шӯрои вазирони корҳои хориҷии ИДМ',
    },
    // Rules of procedure: a council meets with two thirds of the members present.
    decisionRule: { kind: 'consensus_interested_party', quorum: { num: 2, den: 3 } },
  },
  {
    code: 'CHS',
    kind: 'council',
    name: {
      ru: 'Совет глав государств СНГ',
      en: 'CIS Council of Heads of State',
      tg: 'Шӯрои сарони давлатҳои ИДМ',
    },
    // Rules of procedure: a council meets with two thirds of the members present.
    decisionRule: { kind: 'consensus_interested_party', quorum: { num: 2, den: 3 } },
  },
]

// ---------------------------------------------------------------------------------------
// The Joint Statement
// ---------------------------------------------------------------------------------------

const JOINT_STATEMENT_TITLE: DemoText = {
  ru: 'Совместное заявление глав государств – участников Содружества Независимых Государств о сотрудничестве в области обеспечения международной информационной безопасности',
  en: 'Joint Statement of the Heads of State of the Member States of the Commonwealth of Independent States on Cooperation in Ensuring International Information Security',
  tg: 'Изҳороти муштараки сарони давлатҳои иштирокчии Иттиҳоди Давлатҳои Мустақил оид ба ҳамкорӣ дар соҳаи таъмини амнияти байналмилалии иттилоотӣ',
}

export const JOINT_STATEMENT: DemoDocument = {
  kind: 'joint_statement',
  title: JOINT_STATEMENT_TITLE,
  content: content(
    JOINT_STATEMENT_TITLE,
    [
      recital(1, {
        ru: 'Мы, главы государств – участников Содружества Независимых Государств,',
        en: 'We, the Heads of State of the Member States of the Commonwealth of Independent States,',
        tg: 'Мо, сарони давлатҳои иштирокчии Иттиҳоди Давлатҳои Мустақил,',
      }),
      recital(2, {
        ru: 'руководствуясь целями и принципами Устава Организации Объединенных Наций, общепризнанными принципами и нормами международного права, а также Уставом Содружества Независимых Государств,',
        en: 'guided by the purposes and principles of the Charter of the United Nations, the universally recognized principles and norms of international law and the Charter of the Commonwealth of Independent States,',
        tg: 'бо роҳбарӣ аз ҳадафҳо ва принсипҳои Оинномаи Созмони Милали Муттаҳид, принсипҳо ва меъёрҳои умумиэътирофшудаи ҳуқуқи байналмилалӣ, инчунин Оинномаи Иттиҳоди Давлатҳои Мустақил,',
      }),
      recital(3, {
        ru: 'отмечая стремительное развитие информационно-коммуникационных технологий и их возрастающее значение для всех сфер жизни общества,',
        en: 'noting the rapid development of information and communication technologies and their growing importance for every sphere of the life of society,',
        tg: 'бо қайди рушди босуръати технологияҳои иттилоотию коммуникатсионӣ ва аҳамияти афзояндаи онҳо барои ҳамаи соҳаҳои ҳаёти ҷомеа,',
      }),
      recital(4, {
        ru: 'сознавая, что обеспечение международной информационной безопасности является неотъемлемой частью системы международной безопасности,',
        en: 'aware that ensuring international information security is an integral part of the system of international security,',
        tg: 'бо дарки он, ки таъмини амнияти байналмилалии иттилоотӣ ҷузъи ҷудонашавандаи низоми амнияти байналмилалӣ мебошад,',
      }),
      recital(5, {
        ru: 'принимая во внимание ранее принятые в рамках Содружества Независимых Государств документы в области обеспечения информационной безопасности,',
        en: 'taking into account the documents on ensuring information security adopted earlier within the Commonwealth of Independent States,',
        tg: 'бо назардошти ҳуҷҷатҳое, ки қаблан дар доираи Иттиҳоди Давлатҳои Мустақил дар соҳаи таъмини амнияти иттилоотӣ қабул шудаанд,',
      }),
      recital(6, {
        ru: 'преисполненные решимости содействовать формированию мирного, безопасного, открытого и основанного на сотрудничестве информационного пространства, заявляем следующее:',
        en: 'determined to contribute to the shaping of a peaceful, secure and open information space founded on cooperation, declare the following:',
        tg: 'бо азми қатъии мусоидат ба ташаккули фазои иттилоотии осоишта, бехатар, кушода ва ба ҳамкорӣ асосёфта, чунин изҳор менамоем:',
      }),
    ],
    [
      para(1, {
        ru: 'Признаем, что информационно-коммуникационные технологии создали значительный потенциал для развития возможностей человека, способствуют экономическому росту и социальному прогрессу.',
        en: 'We recognize that information and communication technologies have created significant potential for the development of human capabilities and contribute to economic growth and social progress.',
        tg: 'Эътироф менамоем, ки технологияҳои иттилоотию коммуникатсионӣ барои рушди имкониятҳои инсон иқтидори назаррас фароҳам овардаанд ва ба рушди иқтисодӣ ва пешрафти иҷтимоӣ мусоидат мекунанд.',
      }),
      para(2, {
        ru: 'Выражаем озабоченность тем, что использование информационно-коммуникационных технологий в деструктивных, военно-политических и иных целях, угрожающих международному миру, безопасности и стабильности, представляет непосредственную угрозу для государства, его граждан и общества в целом.',
        en: 'We express concern that the use of information and communication technologies for destructive, military-political and other purposes that threaten international peace, security and stability poses a direct threat to the State, its citizens and society as a whole.',
        tg: 'Изҳори нигаронӣ менамоем, ки истифодаи технологияҳои иттилоотию коммуникатсионӣ бо мақсадҳои харобиовар, ҳарбию сиёсӣ ва дигар мақсадҳое, ки ба сулҳ, амният ва суботи байналмилалӣ таҳдид мекунанд, барои давлат, шаҳрвандони он ва ҷомеа дар маҷмӯъ таҳдиди бевосита эҷод менамояд.',
      }),
      para(3, {
        ru: 'Призываем к повышению уровня межгосударственного сотрудничества, направленного на предотвращение и мирное урегулирование конфликтов, которые могут возникнуть в результате неправомерного и деструктивного использования информационно-коммуникационных технологий, в том числе посредством регулярных консультаций и мер укрепления доверия между государствами.',
        en: 'We call for a higher level of interstate cooperation aimed at the prevention and peaceful settlement of conflicts that may arise from the unlawful and destructive use of information and communication technologies, including through regular consultations and confidence-building measures between States.',
        tg: 'Даъват менамоем, ки сатҳи ҳамкории байнидавлатӣ, ки ба пешгирӣ ва ҳалли осоиштаи низоъҳои эҳтимолии дар натиҷаи истифодаи ғайриқонунӣ ва харобиовари технологияҳои иттилоотию коммуникатсионӣ бамиёномада равона шудааст, аз ҷумла тавассути машваратҳои мунтазам ва тадбирҳои таҳкими эътимод байни давлатҳо баланд бардошта шавад.',
      }),
      para(4, {
        ru: 'Выступаем за принятие мер по предотвращению применения информационно-коммуникационных технологий для вмешательства во внутренние дела суверенных государств и подрыва их политической, экономической и социальной стабильности.',
        en: 'We advocate the adoption of measures to prevent the use of information and communication technologies to interfere in the internal affairs of sovereign States and to undermine their political, economic and social stability.',
        tg: 'Ҷонибдори андешидани тадбирҳо оид ба пешгирии истифодаи технологияҳои иттилоотию коммуникатсионӣ барои дахолат ба корҳои дохилии давлатҳои соҳибихтиёр ва халалдор сохтани суботи сиёсӣ, иқтисодӣ ва иҷтимоии онҳо мебошем.',
      }),
      para(5, {
        ru: 'Считаем необходимым объединять усилия по предотвращению использования информационно-коммуникационных технологий в террористических и иных преступных целях, в том числе для пропаганды терроризма и экстремизма.',
        en: 'We consider it necessary to join efforts to prevent the use of information and communication technologies for terrorist and other criminal purposes, including the propagation of terrorism and extremism.',
        tg: 'Зарур мешуморем, ки талошҳо барои пешгирии истифодаи технологияҳои иттилоотию коммуникатсионӣ бо мақсадҳои террористӣ ва дигар мақсадҳои ҷиноятӣ, аз ҷумла барои таблиғи терроризм ва экстремизм, муттаҳид карда шаванд.',
      }),
      para(6, {
        ru: 'Подчеркиваем особую важность осуществляемой в рамках Организации Объединенных Наций деятельности по выработке правил, норм и принципов ответственного поведения государств в информационном пространстве.',
        en: 'We emphasize the special importance of the work carried out within the United Nations to develop rules, norms and principles of responsible behaviour of States in the information space.',
        tg: 'Аҳамияти махсуси фаъолиятеро, ки дар доираи Созмони Милали Муттаҳид оид ба таҳияи қоидаҳо, меъёрҳо ва принсипҳои рафтори масъулонаи давлатҳо дар фазои иттилоотӣ амалӣ карда мешавад, таъкид менамоем.',
      }),
      para(7, {
        ru: 'Поддерживаем ведущую роль Организации Объединенных Наций в обсуждении вопросов международной информационной безопасности и выступаем за продолжение регулярного, инклюзивного и транспарентного переговорного процесса под ее эгидой с участием всех государств.',
        en: 'We support the leading role of the United Nations in addressing international information security and stand for the continuation of a regular, inclusive and transparent negotiation process under its auspices with the participation of all States.',
        tg: 'Нақши пешбари Созмони Милали Муттаҳидро дар баррасии масъалаҳои амнияти байналмилалии иттилоотӣ дастгирӣ намуда, ҷонибдори идомаи раванди музокироти мунтазам, фарогир ва шаффоф таҳти сарпарастии он бо иштироки ҳамаи давлатҳо мебошем.',
      }),
      para(8, {
        ru: 'Подтверждаем стремление к дальнейшему углублению взаимодействия в рамках Содружества Независимых Государств в области обеспечения информационной безопасности на основе ранее принятых документов, в том числе в сферах формирования информационной политики, защиты информационных ресурсов и критически важных объектов от неправомерного использования и вмешательства извне.',
        en: 'We reaffirm our resolve to further deepen interaction within the Commonwealth of Independent States in ensuring information security on the basis of the documents adopted earlier, including in shaping information policy and in protecting information resources and critically important facilities from unlawful use and external interference.',
        tg: 'Азми худро ба минбаъд амиқ гардонидани ҳамкорӣ дар доираи Иттиҳоди Давлатҳои Мустақил дар соҳаи таъмини амнияти иттилоотӣ дар асоси ҳуҷҷатҳои қаблан қабулшуда, аз ҷумла дар самтҳои ташаккули сиёсати иттилоотӣ, ҳифзи захираҳои иттилоотӣ ва объектҳои муҳими ҳаётан аз истифодаи ғайриқонунӣ ва дахолати беруна, тасдиқ менамоем.',
      }),
      para(9, {
        ru: 'Придаем важное значение обмену информацией и опытом между компетентными органами государств – участников Содружества, в том числе о компьютерных инцидентах и угрозах информационной безопасности, а также совместному реагированию на них.',
        en: 'We attach great importance to the exchange of information and experience between the competent authorities of the Member States of the Commonwealth, including on computer incidents and threats to information security, and to a joint response to them.',
        tg: 'Ба мубодилаи иттилоот ва таҷриба байни мақомоти салоҳиятдори давлатҳои иштирокчии Иттиҳод, аз ҷумла оид ба ҳодисаҳои компютерӣ ва таҳдидҳо ба амнияти иттилоотӣ, инчунин ба вокуниши муштарак ба онҳо аҳамияти муҳим медиҳем.',
      }),
      para(10, {
        ru: 'Считаем важным развивать сотрудничество в подготовке и повышении квалификации специалистов в области информационной безопасности, а также в повышении цифровой грамотности населения.',
        en: 'We consider it important to develop cooperation in the training and professional development of information security specialists and in raising the digital literacy of the population.',
        tg: 'Рушди ҳамкориро дар омода кардан ва баланд бардоштани тахассуси мутахассисони соҳаи амнияти иттилоотӣ, инчунин дар баланд бардоштани саводнокии рақамии аҳолӣ муҳим мешуморем.',
      }),
      para(11, {
        ru: 'Выступаем за равноправное участие всех государств в управлении сетью Интернет и за обеспечение ее безопасного и устойчивого функционирования.',
        en: 'We stand for the equal participation of all States in the governance of the Internet and for ensuring its secure and stable functioning.',
        tg: 'Ҷонибдори иштироки баробарҳуқуқи ҳамаи давлатҳо дар идоракунии шабакаи Интернет ва таъмини фаъолияти бехатар ва устувори он мебошем.',
      }),
      para(12, {
        ru: 'Заявляем о готовности к сотрудничеству в области обеспечения международной информационной безопасности со всеми заинтересованными государствами и международными организациями на основе равноправия, взаимного уважения и невмешательства во внутренние дела.',
        en: 'We declare our readiness to cooperate in ensuring international information security with all interested States and international organizations on the basis of equality, mutual respect and non-interference in internal affairs.',
        tg: 'Омодагии худро ба ҳамкорӣ дар соҳаи таъмини амнияти байналмилалии иттилоотӣ бо ҳамаи давлатҳо ва созмонҳои байналмилалии манфиатдор дар асоси баробарҳуқуқӣ, эҳтироми тарафайн ва дахолат накардан ба корҳои дохилӣ изҳор менамоем.',
      }),
    ],
    [],
  ),
}

// ---------------------------------------------------------------------------------------
// Draft decision of the Council of Foreign Ministers
// ---------------------------------------------------------------------------------------

const ENTRY_INTO_FORCE: DemoText = {
  ru: 'Настоящее Решение вступает в силу с даты его подписания.',
  en: 'This Decision shall enter into force on the date of its signature.',
  tg: 'Қарори мазкур аз санаи имзо шуданаш эътибор пайдо мекунад.',
}

const CFM_DECISION_TITLE: DemoText = {
  ru: 'Решение Совета министров иностранных дел Содружества Независимых Государств о проекте Совместного заявления глав государств – участников Содружества Независимых Государств о сотрудничестве в области обеспечения международной информационной безопасности',
  en: 'Decision of the Council of Foreign Ministers of the Commonwealth of Independent States on the draft Joint Statement of the Heads of State of the Member States of the Commonwealth of Independent States on Cooperation in Ensuring International Information Security',
  tg: 'Қарори Шӯрои вазирони корҳои хориҷии Иттиҳоди Давлатҳои Мустақил дар бораи лоиҳаи Изҳороти муштараки сарони давлатҳои иштирокчии Иттиҳоди Давлатҳои Мустақил оид ба ҳамкорӣ дар соҳаи таъмини амнияти байналмилалии иттилоотӣ',
}

export const CFM_DECISION: DemoDocument = {
  kind: 'decision',
  title: CFM_DECISION_TITLE,
  content: content(
    CFM_DECISION_TITLE,
    [
      recital(1, {
        ru: 'Совет министров иностранных дел Содружества Независимых Государств, рассмотрев проект Совместного заявления глав государств – участников Содружества Независимых Государств о сотрудничестве в области обеспечения международной информационной безопасности, согласованный экспертной группой, решил:',
        en: 'The Council of Foreign Ministers of the Commonwealth of Independent States, having considered the draft Joint Statement of the Heads of State of the Member States of the Commonwealth of Independent States on Cooperation in Ensuring International Information Security as agreed by the expert group, has decided:',
        tg: 'Шӯрои вазирони корҳои хориҷии Иттиҳоди Давлатҳои Мустақил лоиҳаи Изҳороти муштараки сарони давлатҳои иштирокчии Иттиҳоди Давлатҳои Мустақил оид ба ҳамкорӣ дар соҳаи таъмини амнияти байналмилалии иттилоотиро, ки аз ҷониби гурӯҳи коршиносон мувофиқа шудааст, баррасӣ намуда, қарор кард:',
      }),
    ],
    [
      para(1, {
        ru: 'Одобрить проект Совместного заявления глав государств – участников Содружества Независимых Государств о сотрудничестве в области обеспечения международной информационной безопасности (прилагается).',
        en: 'To approve the draft Joint Statement of the Heads of State of the Member States of the Commonwealth of Independent States on Cooperation in Ensuring International Information Security (attached).',
        tg: 'Лоиҳаи Изҳороти муштараки сарони давлатҳои иштирокчии Иттиҳоди Давлатҳои Мустақил оид ба ҳамкорӣ дар соҳаи таъмини амнияти байналмилалии иттилоотӣ ҷонибдорӣ карда шавад (замима мегардад).',
      }),
      para(2, {
        ru: 'Рекомендовать Совету глав государств Содружества Независимых Государств принять Совместное заявление (проект решения прилагается).',
        en: 'To recommend that the Council of Heads of State of the Commonwealth of Independent States adopt the Joint Statement (draft decision attached).',
        tg: 'Ба Шӯрои сарони давлатҳои Иттиҳоди Давлатҳои Мустақил қабул кардани Изҳороти муштарак тавсия дода шавад (лоиҳаи қарор замима мегардад).',
      }),
      para(3, {
        ru: 'Исполнительному комитету Содружества Независимых Государств внести проекты документов в установленном порядке на рассмотрение Совета глав государств Содружества Независимых Государств.',
        en: 'The Executive Committee of the Commonwealth of Independent States shall submit the draft documents, in accordance with the established procedure, for consideration by the Council of Heads of State of the Commonwealth of Independent States.',
        tg: 'Кумитаи иҷроияи Иттиҳоди Давлатҳои Мустақил лоиҳаҳои ҳуҷҷатҳоро бо тартиби муқарраргардида ба баррасии Шӯрои сарони давлатҳои Иттиҳоди Давлатҳои Мустақил пешниҳод намояд.',
      }),
    ],
    [conclusion(1, ENTRY_INTO_FORCE)],
  ),
}

// ---------------------------------------------------------------------------------------
// Draft decision of the Council of Heads of State
// ---------------------------------------------------------------------------------------

const CHS_DECISION_TITLE: DemoText = {
  ru: 'Решение Совета глав государств Содружества Независимых Государств о Совместном заявлении глав государств – участников Содружества Независимых Государств о сотрудничестве в области обеспечения международной информационной безопасности',
  en: 'Decision of the Council of Heads of State of the Commonwealth of Independent States on the Joint Statement of the Heads of State of the Member States of the Commonwealth of Independent States on Cooperation in Ensuring International Information Security',
  tg: 'Қарори Шӯрои сарони давлатҳои Иттиҳоди Давлатҳои Мустақил дар бораи Изҳороти муштараки сарони давлатҳои иштирокчии Иттиҳоди Давлатҳои Мустақил оид ба ҳамкорӣ дар соҳаи таъмини амнияти байналмилалии иттилоотӣ',
}

export const CHS_DECISION: DemoDocument = {
  kind: 'decision',
  title: CHS_DECISION_TITLE,
  content: content(
    CHS_DECISION_TITLE,
    [
      recital(1, {
        ru: 'Совет глав государств Содружества Независимых Государств, придавая важное значение сотрудничеству в области обеспечения международной информационной безопасности, решил:',
        en: 'The Council of Heads of State of the Commonwealth of Independent States, attaching great importance to cooperation in ensuring international information security, has decided:',
        tg: 'Шӯрои сарони давлатҳои Иттиҳоди Давлатҳои Мустақил ба ҳамкорӣ дар соҳаи таъмини амнияти байналмилалии иттилоотӣ аҳамияти муҳим дода, қарор кард:',
      }),
    ],
    [
      para(1, {
        ru: 'Принять Совместное заявление глав государств – участников Содружества Независимых Государств о сотрудничестве в области обеспечения международной информационной безопасности (прилагается).',
        en: 'To adopt the Joint Statement of the Heads of State of the Member States of the Commonwealth of Independent States on Cooperation in Ensuring International Information Security (attached).',
        tg: 'Изҳороти муштараки сарони давлатҳои иштирокчии Иттиҳоди Давлатҳои Мустақил оид ба ҳамкорӣ дар соҳаи таъмини амнияти байналмилалии иттилоотӣ қабул карда шавад (замима мегардад).',
      }),
      para(2, {
        ru: 'Исполнительному комитету Содружества Независимых Государств направить текст Совместного заявления Генеральному секретарю Организации Объединенных Наций с просьбой распространить его в качестве официального документа Генеральной Ассамблеи Организации Объединенных Наций.',
        en: 'The Executive Committee of the Commonwealth of Independent States shall transmit the text of the Joint Statement to the Secretary-General of the United Nations with a request that it be circulated as an official document of the General Assembly of the United Nations.',
        tg: 'Кумитаи иҷроияи Иттиҳоди Давлатҳои Мустақил матни Изҳороти муштаракро бо хоҳиши паҳн намудани он ҳамчун ҳуҷҷати расмии Ассамблеяи Генералии Созмони Милали Муттаҳид ба Котиби Генералии Созмони Милали Муттаҳид ирсол намояд.',
      }),
      para(3, {
        ru: 'Рекомендовать государствам – участникам Содружества Независимых Государств учитывать положения Совместного заявления в своей деятельности в области обеспечения информационной безопасности.',
        en: 'To recommend that the Member States of the Commonwealth of Independent States take the provisions of the Joint Statement into account in their activities in ensuring information security.',
        tg: 'Ба давлатҳои иштирокчии Иттиҳоди Давлатҳои Мустақил тавсия дода шавад, ки муқаррароти Изҳороти муштаракро дар фаъолияти худ дар соҳаи таъмини амнияти иттилоотӣ ба инобат гиранд.',
      }),
    ],
    [conclusion(1, ENTRY_INTO_FORCE)],
  ),
}

/** The three documents of the dossier, in their order in it. */
export const DEMO_DOCUMENTS: readonly DemoDocument[] = [JOINT_STATEMENT, CFM_DECISION, CHS_DECISION]

// ---------------------------------------------------------------------------------------
// The dossier
// ---------------------------------------------------------------------------------------

export const DEMO_DOSSIER: DemoDossier = {
  reference: 'ИГ-МИБ/2020',
  title: {
    ru: 'Совместное заявление глав государств – участников СНГ о сотрудничестве в области обеспечения международной информационной безопасности (с проектами решений СМИД и СГГ)',
    en: 'Joint Statement of the Heads of State of the CIS Member States on Cooperation in Ensuring International Information Security (with the draft decisions of the CFM and the CHS)',
    tg: 'Изҳороти муштараки сарони давлатҳои иштирокчии ИДМ оид ба ҳамкорӣ дар соҳаи таъмини амнияти байналмилалии иттилоотӣ (бо лоиҳаҳои қарорҳои Шӯрои вазирони корҳои хориҷӣ ва Шӯрои сарони давлатҳо)',
  },
}
