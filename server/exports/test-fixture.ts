/**
 * A small consolidated table and redline for the exports' tests (and for looking at the
 * output): three provisions of the draft Joint Statement, contributions from Armenia,
 * Kazakhstan, Tajikistan (in Tajik) and Moldova as an observer, every decision.
 */
import type {
  ConsolidatedTableDTO,
  RedlineDTO,
  TableContributionDTO,
  TableRowDTO,
} from '@core/api/contributions.js'
import type { PartyRef } from '@core/api/types.js'

export const TAJIK_LETTERS = ['ғ', 'ӣ', 'қ', 'ӯ', 'ҳ', 'ҷ'] as const

export const PARTIES: Record<string, PartyRef> = {
  ARM: { id: 'p-arm', code: 'ARM', name: { ru: 'Армения', en: 'Armenia', tg: 'Арманистон' } },
  KAZ: { id: 'p-kaz', code: 'KAZ', name: { ru: 'Казахстан', en: 'Kazakhstan', tg: 'Қазоқистон' } },
  TJK: { id: 'p-tjk', code: 'TJK', name: { ru: 'Таджикистан', en: 'Tajikistan', tg: 'Тоҷикистон' } },
  MDA: { id: 'p-mda', code: 'MDA', name: { ru: 'Молдова', en: 'Moldova', tg: 'Молдова' } },
}

/** Tajik text with every Tajik letter: ғ ӣ қ ӯ ҳ ҷ. */
export const TAJIK_COMMENT =
  'Ҷумҳурии Тоҷикистон пешниҳод мекунад, ки ибораи «ҳуқуқи байналмилалӣ» илова карда шавад; ғайр аз ин, мӯҳлати иҷро як рӯз кам карда шавад.'

const RECITAL =
  'Главы государств — участников Содружества Независимых Государств, придавая важное значение вопросам обеспечения международной информационной безопасности,'
const PARA_1 =
  'Государства — участники СНГ будут укреплять сотрудничество в области обеспечения международной информационной безопасности.'
const PARA_2 =
  'Настоящее Заявление открыто для присоединения других государств, разделяющих его цели и принципы.'

function contribution(
  c: Partial<TableContributionDTO> & Pick<TableContributionDTO, 'id' | 'party'>,
): TableContributionDTO {
  return {
    isObserver: false,
    cosponsors: [],
    kind: 'comment',
    type: 'general',
    comment: null,
    redline: [],
    justification: null,
    status: 'submitted',
    decision: null,
    reasoning: null,
    resultingText: null,
    ...c,
  }
}

export function fixtureTable(): ConsolidatedTableDTO {
  const rows: TableRowDTO[] = [
    {
      eid: null,
      num: null,
      text: '',
      resultingText: null,
      contributions: [
        contribution({
          id: 'c-gen',
          party: PARTIES.ARM!,
          kind: 'general',
          comment: 'Предлагаем дополнить проект положением о взаимодействии компетентных органов.',
          decision: 'accepted',
          reasoning: 'Учтено в пункте 1.',
        }),
      ],
    },
    {
      eid: 'preamble__recital_1',
      num: null,
      text: RECITAL,
      resultingText: RECITAL,
      contributions: [
        contribution({
          id: 'c-tjk-1',
          party: PARTIES.TJK!,
          kind: 'amendment',
          type: 'editorial',
          status: 'withdrawn',
          redline: [
            {
              op: 'equal',
              text: 'Главы государств — участников Содружества Независимых Государств, придавая ',
            },
            { op: 'delete', text: 'важное' },
            { op: 'insert', text: 'первостепенное' },
            {
              op: 'equal',
              text: ' значение вопросам обеспечения международной информационной безопасности,',
            },
          ],
          comment: TAJIK_COMMENT,
          decision: 'withdrawn',
          reasoning: 'Снято делегацией Таджикистана на заседании экспертной группы 21.08.2020.',
        }),
        contribution({
          id: 'c-kaz-1',
          party: PARTIES.KAZ!,
          kind: 'comment',
          type: 'technical',
          comment:
            'Просим уточнить, охватывает ли понятие «международная информационная безопасность» кибербезопасность.',
          justification: 'Терминология <Модельного закона> & рекомендаций\u0007 СНГ\uFFFF.',
        }),
      ],
    },
    {
      eid: 'para_1',
      num: '1',
      text: PARA_1,
      resultingText:
        'Государства — участники СНГ будут всемерно развивать сотрудничество в области обеспечения международной информационной безопасности на основе общепризнанных принципов международного права.',
      contributions: [
        contribution({
          id: 'c-arm-1',
          party: PARTIES.ARM!,
          kind: 'amendment',
          type: 'general',
          cosponsors: ['KAZ'],
          redline: [
            { op: 'equal', text: 'Государства — участники СНГ будут ' },
            { op: 'delete', text: 'укреплять' },
            { op: 'insert', text: 'всемерно развивать' },
            {
              op: 'equal',
              text: ' сотрудничество в области обеспечения международной информационной безопасности.',
            },
          ],
          comment: 'Формулировка точнее отражает договорённости.',
          justification: 'Соответствует Концепции сотрудничества государств — участников СНГ.',
          decision: 'accepted',
          reasoning: 'Предложение поддержано всеми делегациями.',
          resultingText:
            'Государства — участники СНГ будут всемерно развивать сотрудничество в области обеспечения международной информационной безопасности.',
        }),
        contribution({
          id: 'c-kaz-2',
          party: PARTIES.KAZ!,
          kind: 'amendment',
          type: 'technical',
          redline: [
            {
              op: 'equal',
              text: 'сотрудничество в области обеспечения международной информационной безопасности',
            },
            { op: 'insert', text: ' на основе общепризнанных принципов и норм международного права' },
            { op: 'equal', text: '.' },
          ],
          decision: 'accepted_in_part',
          reasoning: 'Принято в редакции «на основе общепризнанных принципов международного права».',
        }),
        contribution({
          id: 'c-tjk-2',
          party: PARTIES.TJK!,
          kind: 'comment',
          type: 'general',
          comment: TAJIK_COMMENT,
          justification: 'Барои мувофиқа бо қонунгузории миллӣ.',
          decision: 'not_accepted',
          reasoning: 'Не получило поддержки других делегаций.',
        }),
        contribution({
          id: 'c-mda-1',
          party: PARTIES.MDA!,
          isObserver: true,
          kind: 'insertion',
          type: 'editorial',
          redline: [{ op: 'insert', text: 'Стороны будут содействовать обмену опытом в подготовке кадров.' }],
          decision: 'merged',
          reasoning: 'Учтено в предложении Армении.',
        }),
      ],
    },
    { eid: 'para_2', num: '2', text: PARA_2, resultingText: PARA_2, contributions: [] },
  ]
  return {
    round: {
      id: 'r-1',
      documentId: 'd-1',
      versionId: 'v-1',
      versionLabel: { ru: 'Проект', en: 'Draft', tg: 'Лоиҳа' },
      opensAt: '2020-07-01T09:00:00+03:00',
      closesAt: '2020-07-31T15:00:00Z',
      timezone: 'Europe/Minsk',
      state: 'closed',
      dispositionsPublishedAt: '2020-08-21T17:00:00+03:00',
      counts: { contributions: 8, parties: 4, disposed: 7 },
      createdAt: '2020-06-30T10:00:00+03:00',
      version: 3,
    },
    document: {
      id: 'd-1',
      title: {
        ru: 'Совместное заявление глав государств — участников СНГ о сотрудничестве в области обеспечения международной информационной безопасности',
        en: 'Joint Statement of the Heads of State of the CIS on cooperation in international information security',
        tg: 'Изҳороти муштараки сарони давлатҳои аъзои ИДМ',
      },
      reference: 'CIS/EG-IIS/2020/1',
    },
    lang: 'ru',
    rows,
    filters: { party: [], kind: [], status: [], provision: [] },
    generatedAt: '2020-08-21T18:30:00+03:00',
  }
}

export function fixtureRedline(): RedlineDTO {
  return {
    from: { id: 'v-1', label: { ru: 'Проект', en: 'Draft' }, contentHash: 'a'.repeat(64) },
    to: { id: 'v-2', label: { ru: 'Ред. 1', en: 'Rev.1' }, contentHash: 'b'.repeat(64) },
    lang: 'ru',
    changes: [
      {
        eid: 'preamble__recital_1',
        status: 'unchanged',
        moved: false,
        fromNum: null,
        toNum: null,
        fromIndex: 0,
        toIndex: 0,
        ops: [{ op: 'equal', text: RECITAL }],
        sources: [],
      },
      {
        eid: 'para_1',
        status: 'changed',
        moved: false,
        fromNum: '1',
        toNum: '1',
        fromIndex: 1,
        toIndex: 1,
        ops: [
          { op: 'equal', text: 'Государства — участники СНГ будут ' },
          { op: 'delete', text: 'укреплять' },
          { op: 'insert', text: 'всемерно развивать' },
          {
            op: 'equal',
            text: ' сотрудничество в области обеспечения международной информационной безопасности',
          },
          { op: 'insert', text: ' на основе общепризнанных принципов международного права' },
          { op: 'equal', text: '.' },
        ],
        sources: ['c-arm-1', 'c-kaz-2'],
      },
      {
        eid: 'para_1-a',
        status: 'inserted',
        moved: false,
        fromNum: null,
        toNum: '2',
        fromIndex: null,
        toIndex: 2,
        ops: [
          { op: 'insert', text: 'Стороны будут содействовать обмену опытом в подготовке кадров; ҳамкорӣ.' },
        ],
        sources: ['c-mda-1'],
      },
      {
        eid: 'para_2',
        status: 'deleted',
        moved: false,
        fromNum: '2',
        toNum: null,
        fromIndex: 2,
        toIndex: null,
        ops: [{ op: 'delete', text: PARA_2 }],
        sources: [],
      },
    ],
    stats: { changed: 1, inserted: 1, deleted: 1, moved: 0 },
  }
}
