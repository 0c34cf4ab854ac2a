/**
 * The press service's part of the seed story: the newsroom's rubrics; the news item of
 * 22 August 2020 on the expert group's meeting in Minsk (drafted from the meeting's record,
 * then finished by the press officer, in Russian, Tajik and English, with a photo of the
 * videoconference screen); and three other items of 2020 in the spirit of the CIS Executive
 * Committee's news. Written for the demo; not the real record. Pure data (the photo is an SVG
 * the loader turns into a JPEG).
 */
import type { LocalizedText } from '../../core/i18n/languages.js'

export type DemoLang = 'ru' | 'tg' | 'en'

export interface DemoRubric {
  slug: string
  name: Record<DemoLang, string>
}

export const DEMO_RUBRICS: DemoRubric[] = [
  { slug: 'events', name: { ru: 'События', tg: 'Рӯйдодҳо', en: 'Events' } },
  {
    slug: 'executive-committee',
    name: { ru: 'Новости Исполкома', tg: 'Ахбори Кумитаи иҷроия', en: 'Executive Committee news' },
  },
  { slug: 'statements', name: { ru: 'Заявления', tg: 'Изҳорот', en: 'Statements' } },
]

/** One language version of a demo item. */
export interface DemoNewsText {
  title: string
  lead: string
  /** HTML paragraphs. */
  body: string
  photoCaption?: string
  photoAlt?: string
  photoCredit?: string
  datelineCity: string
  tags: string[]
}

const p = (...paragraphs: string[]) => paragraphs.map((x) => `<p>${x}</p>`).join('\n')

/** The news item of 22 August 2020: when the press officer works on it and what it finally says. */
export const MEETING_NEWS = {
  rubric: 'events',
  /** The press officer drafts it from the meeting's record the morning after. */
  draftedAt: '2020-08-22T10:15:00+03:00',
  editedAt: '2020-08-22T11:20:00+03:00',
  submittedAt: '2020-08-22T11:40:00+03:00',
  publishedAt: '2020-08-22T12:02:00+03:00',
  datelineDate: '2020-08-22',
  timezone: 'Europe/Minsk',
  texts: {
    ru: {
      title:
        'В Минске доработан проект Совместного заявления глав государств – участников СНГ о сотрудничестве в области обеспечения международной информационной безопасности',
      lead: '21 августа в Исполнительном комитете СНГ в Минске в режиме видеоконференции состоялось заседание экспертной группы по доработке и согласованию проекта Совместного заявления глав государств – участников Содружества Независимых Государств о сотрудничестве в области обеспечения международной информационной безопасности.',
      body: p(
        'В нём приняли участие полномочные представители и эксперты Армении, Беларуси, Казахстана, Кыргызстана, России, Таджикистана, Туркменистана и Узбекистана, а также Молдовы (в качестве наблюдателя). В работе заседания участвовали сотрудники Исполнительного комитета СНГ.',
        'Обсудив поступившие к документу замечания и предложения, участники заседания доработали и согласовали проект Совместного заявления, а также соответствующие проекты решений Совета министров иностранных дел и Совета глав государств СНГ. После внутригосударственного согласования они будут внесены в установленном порядке на рассмотрение высших органов Содружества.',
        'В проекте Совместного заявления, в частности, отмечается, что информационно-коммуникационные технологии открывают значительные возможности для развития человека, и выражается обеспокоенность их использованием в целях, угрожающих международному миру, безопасности и стабильности.',
        'Документ призывает к укреплению межгосударственного сотрудничества в предотвращении конфликтов, связанных с неправомерным использованием информационно-коммуникационных технологий, и подчёркивает важность выработки в рамках ООН правил, норм и принципов ответственного поведения государств в информационном пространстве.',
      ),
      photoCaption: 'Заседание экспертной группы в режиме видеоконференции, 21 августа 2020 года',
      photoAlt:
        'Экран видеоконференции: девять окон с делегациями Армении, Беларуси, Казахстана, Кыргызстана, Молдовы, России, Таджикистана, Туркменистана и Узбекистана и строка «Исполнительный комитет СНГ, Минск»',
      photoCredit: 'ФОТО: пресс-служба Исполкома СНГ',
      datelineCity: 'МИНСК',
      tags: ['СНГ', 'информационная безопасность', 'экспертная группа'],
    },
    tg: {
      title:
        'Дар Минск лоиҳаи Изҳороти муштараки сарони давлатҳои иштирокчии ИДМ оид ба ҳамкорӣ дар соҳаи таъмини амнияти байналмилалии иттилоотӣ такмил дода шуд',
      lead: '21 август дар Кумитаи иҷроияи ИДМ дар шаҳри Минск тавассути видеоконференсия ҷаласаи гурӯҳи коршиносон оид ба такмил ва мувофиқаи лоиҳаи Изҳороти муштараки сарони давлатҳои иштирокчии Иттиҳоди Давлатҳои Мустақил оид ба ҳамкорӣ дар соҳаи таъмини амнияти байналмилалии иттилоотӣ баргузор гардид.',
      body: p(
        'Дар ҷаласа намояндагони ваколатдор ва коршиносони Арманистон, Беларус, Қазоқистон, Қирғизистон, Русия, Тоҷикистон, Туркманистон ва Ӯзбекистон, инчунин Молдова (ҳамчун нозир) ширкат варзиданд. Дар кори ҷаласа кормандони Кумитаи иҷроияи ИДМ низ ширкат доштанд.',
        'Иштирокчиёни ҷаласа эродҳо ва пешниҳодҳои воридшударо баррасӣ намуда, лоиҳаи Изҳороти муштарак, инчунин лоиҳаҳои дахлдори қарорҳои Шӯрои вазирони корҳои хориҷӣ ва Шӯрои сарони давлатҳои ИДМ-ро такмил ва мувофиқа карданд. Пас аз мувофиқаи дохилидавлатӣ ҳуҷҷатҳо бо тартиби муқарраргардида ба баррасии мақомоти олии Иттиҳод пешниҳод карда мешаванд.',
        'Дар лоиҳаи Изҳороти муштарак, аз ҷумла, қайд мешавад, ки технологияҳои иттилоотию коммуникатсионӣ барои рушди инсон имкониятҳои зиёд фароҳам меоранд, ва нигаронӣ аз истифодаи онҳо ба мақсадҳое, ки ба сулҳ, амният ва суботи байналмилалӣ таҳдид мекунанд, изҳор карда мешавад.',
      ),
      photoCaption: 'Ҷаласаи гурӯҳи коршиносон тавассути видеоконференсия, 21 августи соли 2020',
      photoAlt:
        'Экрани видеоконференсия: нӯҳ равзана бо ҳайатҳои Арманистон, Беларус, Қазоқистон, Қирғизистон, Молдова, Русия, Тоҷикистон, Туркманистон ва Ӯзбекистон',
      photoCredit: 'АКС: хадамоти матбуотии Кумитаи иҷроияи ИДМ',
      datelineCity: 'МИНСК',
      tags: ['ИДМ', 'амнияти иттилоотӣ'],
    },
    en: {
      title:
        'Draft Joint Statement of the CIS Heads of State on Cooperation in Ensuring International Information Security finalized in Minsk',
      lead: 'On 21 August, a meeting of the expert group on finalizing and agreeing the draft Joint Statement of the Heads of State of the Commonwealth of Independent States on Cooperation in Ensuring International Information Security was held at the CIS Executive Committee in Minsk by videoconference.',
      body: p(
        'It was attended by plenipotentiary representatives and experts of Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia, Tajikistan, Turkmenistan and Uzbekistan, as well as Moldova (as an observer). Staff of the CIS Executive Committee also took part.',
        'Having discussed the comments and proposals received, the participants finalized and agreed the draft Joint Statement and the corresponding draft decisions of the Council of Foreign Ministers and of the Council of Heads of State. After domestic approval, they will be submitted in the established manner to the highest bodies of the Commonwealth.',
        'The draft Joint Statement notes in particular that information and communication technologies open great opportunities for human development, and expresses concern at their use for purposes that threaten international peace, security and stability.',
      ),
      photoCaption: 'The expert group meeting by videoconference, 21 August 2020',
      photoAlt:
        'A videoconference screen: nine windows with the delegations of Armenia, Belarus, Kazakhstan, Kyrgyzstan, Moldova, Russia, Tajikistan, Turkmenistan and Uzbekistan',
      photoCredit: 'PHOTO: CIS Executive Committee press service',
      datelineCity: 'MINSK',
      tags: ['CIS', 'information security'],
    },
  } satisfies Record<DemoLang, DemoNewsText>,
}

/** Other items of the newsroom: published, or still a draft. */
export interface DemoNewsItem {
  rubric: string
  status: 'published' | 'draft'
  at: string
  datelineDate: string
  /** Linked to the n-th document of the dossier (an embargo, lifted once it is agreed or adopted). */
  embargoDocument?: number
  texts: Partial<Record<DemoLang, DemoNewsText>>
}

export const OTHER_NEWS: DemoNewsItem[] = [
  {
    rubric: 'executive-committee',
    status: 'published',
    at: '2020-07-13T15:30:00+03:00',
    datelineDate: '2020-07-13',
    texts: {
      ru: {
        title:
          'Проект Совместного заявления об информационной безопасности направлен государствам – участникам СНГ',
        lead: 'Исполнительный комитет СНГ направил государствам – участникам Содружества проект Совместного заявления глав государств о сотрудничестве в области обеспечения международной информационной безопасности и проекты соответствующих решений.',
        body: p(
          'Замечания и предложения к проекту государства могут направить до 14 августа 2020 года. Поступившие предложения будут сведены в сводную таблицу и рассмотрены на заседании экспертной группы.',
          'Подготовка документа ведётся в соответствии с планом мероприятий по сотрудничеству в сфере обеспечения информационной безопасности.',
        ),
        datelineCity: 'МИНСК',
        tags: ['СНГ', 'информационная безопасность'],
      },
      tg: {
        title: 'Лоиҳаи Изҳороти муштарак оид ба амнияти иттилоотӣ ба давлатҳои иштирокчии ИДМ ирсол гардид',
        lead: 'Кумитаи иҷроияи ИДМ лоиҳаи Изҳороти муштараки сарони давлатҳоро оид ба ҳамкорӣ дар соҳаи таъмини амнияти байналмилалии иттилоотӣ ва лоиҳаҳои қарорҳои дахлдорро ба давлатҳои иштирокчии Иттиҳод ирсол намуд.',
        body: p(
          'Давлатҳо метавонанд эродҳо ва пешниҳодҳои худро то 14 августи соли 2020 пешниҳод кунанд. Пешниҳодҳои воридшуда дар ҷадвали ҷамъбастӣ ҷамъ оварда шуда, дар ҷаласаи гурӯҳи коршиносон баррасӣ мешаванд.',
        ),
        datelineCity: 'МИНСК',
        tags: ['ИДМ'],
      },
      en: {
        title: 'Draft Joint Statement on information security sent to the CIS Member States',
        lead: 'The CIS Executive Committee has sent the Member States of the Commonwealth the draft Joint Statement of the Heads of State on Cooperation in Ensuring International Information Security and the corresponding draft decisions.',
        body: p(
          'The States may send their comments and proposals on the draft until 14 August 2020. The proposals received will be compiled in a consolidated table and considered at a meeting of the expert group.',
        ),
        datelineCity: 'MINSK',
        tags: ['CIS'],
      },
    },
  },
  {
    rubric: 'statements',
    status: 'published',
    at: '2020-12-18T16:10:00+03:00',
    datelineDate: '2020-12-18',
    embargoDocument: 0,
    texts: {
      ru: {
        title:
          'Главы государств СНГ приняли Совместное заявление о сотрудничестве в области обеспечения международной информационной безопасности',
        lead: 'Совет глав государств СНГ принял Совместное заявление о сотрудничестве в области обеспечения международной информационной безопасности, согласованное экспертной группой 21 августа 2020 года и рекомендованное Советом министров иностранных дел.',
        body: p(
          'Заявление подписано главами государств – участников Содружества. Подлинный экземпляр передан на хранение в Исполнительный комитет СНГ, который направит государствам заверенные копии.',
          'Текст Заявления опубликован на портале Исполнительного комитета вместе с его контрольной суммой SHA-256, по которой любой может проверить подлинность копии.',
        ),
        datelineCity: 'МИНСК',
        tags: ['СНГ', 'Совет глав государств', 'информационная безопасность'],
      },
      tg: {
        title:
          'Сарони давлатҳои ИДМ Изҳороти муштаракро оид ба ҳамкорӣ дар соҳаи таъмини амнияти байналмилалии иттилоотӣ қабул карданд',
        lead: 'Шӯрои сарони давлатҳои ИДМ Изҳороти муштаракро оид ба ҳамкорӣ дар соҳаи таъмини амнияти байналмилалии иттилоотӣ, ки 21 августи соли 2020 аз ҷониби гурӯҳи коршиносон мувофиқа шуда буд, қабул кард.',
        body: p(
          'Изҳорот аз ҷониби сарони давлатҳои иштирокчии Иттиҳод имзо гардид. Нусхаи аслӣ ба Кумитаи иҷроияи ИДМ барои нигаҳдорӣ супорида шуд.',
        ),
        datelineCity: 'МИНСК',
        tags: ['ИДМ'],
      },
      en: {
        title:
          'CIS Heads of State adopt the Joint Statement on Cooperation in Ensuring International Information Security',
        lead: 'The CIS Council of Heads of State adopted the Joint Statement on Cooperation in Ensuring International Information Security, agreed by the expert group on 21 August 2020 and recommended by the Council of Foreign Ministers.',
        body: p(
          'The Statement was signed by the Heads of the Member States of the Commonwealth. The original is deposited with the CIS Executive Committee, which will send certified copies to the States.',
        ),
        datelineCity: 'MINSK',
        tags: ['CIS'],
      },
    },
  },
  {
    rubric: 'events',
    status: 'draft',
    at: '2020-11-23T12:00:00+03:00',
    datelineDate: '2020-11-23',
    texts: {
      ru: {
        title:
          'Совет министров иностранных дел СНГ рассмотрит пакет документов по информационной безопасности',
        lead: 'На заседании Совета министров иностранных дел СНГ 4 декабря 2020 года будет рассмотрен пакет документов по сотрудничеству в области обеспечения международной информационной безопасности.',
        body: p('Все государства – участники завершили внутригосударственное согласование документов.'),
        datelineCity: 'МИНСК',
        tags: ['СНГ', 'СМИД'],
      },
    },
  },
]

/** The demo photo: a videoconference screen with the nine delegations, as the press service took it. */
export function videoconferenceSvg(
  parties: { code: string; name: LocalizedText; observer: boolean }[],
): string {
  const width = 1600
  const height = 900
  const top = 70
  const cols = 3
  const gap = 12
  const tileW = (width - gap * (cols + 1)) / cols
  const rows = Math.ceil(parties.length / cols)
  const tileH = (height - top - gap * (rows + 1)) / rows
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  const palette = [
    '#2b4c7e',
    '#3a5a40',
    '#6b4f3a',
    '#4a4e69',
    '#1d5c63',
    '#5e548e',
    '#7a4b4b',
    '#345995',
    '#40531b',
  ]
  const tiles = parties
    .map((party, i) => {
      const x = gap + (i % cols) * (tileW + gap)
      const y = top + gap + Math.floor(i / cols) * (tileH + gap)
      const cx = x + tileW / 2
      const label = `${party.name.ru ?? party.code}${party.observer ? ' (наблюдатель)' : ''}`
      return [
        `<rect x="${x}" y="${y}" width="${tileW}" height="${tileH}" rx="10" fill="${palette[i % palette.length]}"/>`,
        // A table, a flagless name plate and a delegate's silhouette.
        `<rect x="${cx - 170}" y="${y + tileH - 70}" width="340" height="26" rx="4" fill="#d9d2c3"/>`,
        `<circle cx="${cx}" cy="${y + tileH / 2 - 30}" r="46" fill="#e8dcc8" opacity="0.9"/>`,
        `<path d="M ${cx - 90} ${y + tileH - 70} Q ${cx} ${y + tileH / 2 - 10} ${cx + 90} ${y + tileH - 70} Z" fill="#20242b" opacity="0.85"/>`,
        `<rect x="${x + 14}" y="${y + 14}" width="${tileW - 28}" height="38" rx="6" fill="#000" opacity="0.45"/>`,
        `<text x="${x + 26}" y="${y + 41}" font-family="DejaVu Sans, sans-serif" font-size="22" fill="#fff">${esc(label)} · ${esc(party.code)}</text>`,
      ].join('')
    })
    .join('')
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#0f1720"/>`,
    `<rect width="${width}" height="${top}" fill="#16324f"/>`,
    `<text x="24" y="46" font-family="DejaVu Sans, sans-serif" font-size="28" fill="#fff">Исполнительный комитет СНГ, Минск · Заседание экспертной группы · 21.08.2020 · ВКС</text>`,
    `<circle cx="${width - 40}" cy="35" r="10" fill="#e63946"/>`,
    tiles,
    '</svg>',
  ].join('')
}
