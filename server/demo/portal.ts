/**
 * The national news agency's part of the seed story: НИАТ «Ховар» (Dushanbe), a second
 * organization with its own newsroom, subscribes to the Atom feed of the CIS portal and
 * republishes the CIS Executive Committee press service's item of 22 August 2020 under its
 * rubric «Политика», with its dateline "ДУШАНБЕ, 22.08.2020" and the line «Со ссылкой на
 * пресс-службу Исполкома СНГ» — beside other news of that rubric. Written for the demo (the
 * agency's own items are illustrative, dated 2020); pure data.
 */
import type { LocalizedText } from '../../core/i18n/languages.js'

export const KHOVAR = {
  slug: 'khovar',
  name: {
    ru: 'Национальное информационное агентство Таджикистана «Ховар»',
    tg: 'Агентии миллии иттилоотии Тоҷикистон «Ховар»',
    en: 'National Information Agency of Tajikistan “Khovar”',
  } satisfies LocalizedText,
  shortName: { ru: 'НИАТ «Ховар»', tg: 'АМИТ «Ховар»', en: 'NIAT Khovar' } satisfies LocalizedText,
  secretariatName: {
    ru: 'Редакция НИАТ «Ховар»',
    tg: 'Таҳририяи АМИТ «Ховар»',
    en: 'NIAT Khovar newsroom',
  } satisfies LocalizedText,
  /** The agency's own newsroom account (press officer). */
  press: { email: 'press@khovar.demo', displayName: 'М. Саидова' },
  timezone: 'Asia/Dushanbe',
}

export const KHOVAR_RUBRIC = {
  slug: 'politics',
  name: { ru: 'Политика', tg: 'Сиёсат', en: 'Politics' },
}

/** The subscription: the CIS portal's Atom feed of all news in Russian. */
export const CIS_SUBSCRIPTION = {
  /** Path on this Concord's PUBLIC_URL. */
  path: '/portal/cis/ru/atom.xml',
  title: 'Исполком СНГ: новости',
  sourceName: 'пресс-служба Исполкома СНГ',
  /** Fetched the morning it was published (Dushanbe time). */
  fetchedAt: '2020-08-22T11:55:00+05:00',
}

/** The republication of the item of 22 August 2020 (Dushanbe time, as on the agency's site). */
export const REPUBLICATION = {
  at: '2020-08-22T12:02:00+05:00',
  datelineCity: 'ДУШАНБЕ',
  title:
    'В Минске доработан проект Совместного заявления глав государств – участников СНГ о сотрудничестве в области обеспечения международной информационной безопасности',
  lead: '21 августа в Исполнительном комитете СНГ в Минске состоялось заседание экспертной группы по доработке и согласованию проекта Совместного заявления глав государств – участников Содружества Независимых Государств о сотрудничестве в области обеспечения международной информационной безопасности (с использованием видеоконференцсвязи).',
}

/** The agency's own items of the rubric (illustrative), so that the page has «Другие новости этой рубрики». */
export const KHOVAR_NEWS: {
  title: string
  lead: string
  body: string
  publishedAt: string
  datelineCity: string
}[] = [
  {
    title:
      'Посол Таджикистана встретился с руководством Группы дружбы «Франция – Центральная Азия» Сената Франции',
    lead: 'Стороны обсудили развитие парламентских связей и сотрудничества в области образования.',
    body: '<p>В ходе встречи стороны обсудили развитие парламентских связей, а также сотрудничество в области образования, культуры и охраны окружающей среды.</p>',
    publishedAt: '2020-08-21T16:40:00+05:00',
    datelineCity: 'ДУШАНБЕ',
  },
  {
    title: 'В Душанбе обсудили сотрудничество Таджикистана с Международной организацией по миграции',
    lead: 'Речь шла о совместных проектах в области трудовой миграции.',
    body: '<p>На встрече обсуждены ход реализации совместных проектов в области трудовой миграции и планы сотрудничества на 2021 год.</p>',
    publishedAt: '2020-08-20T14:15:00+05:00',
    datelineCity: 'ДУШАНБЕ',
  },
  {
    title: 'Состоялись консульские консультации между Таджикистаном и Кыргызстаном',
    lead: 'Консульские службы двух стран обсудили вопросы защиты прав граждан.',
    body: '<p>В ходе консультаций, прошедших в режиме видеоконференции, обсуждены вопросы консульского обслуживания и защиты прав граждан двух стран.</p>',
    publishedAt: '2020-08-19T11:30:00+05:00',
    datelineCity: 'ДУШАНБЕ',
  },
]
