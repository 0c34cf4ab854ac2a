// Shared by table.docx and table.pdf: a deterministic consolidated table (the shape of
// core/api/contributions.ts ConsolidatedTableDTO), and the esbuild bundle of server/exports
// that the child processes load.
//
// The document: 1,000 provisions (bench/content.mjs, Russian text). 60 parties (8 of them
// observers). 20,000 contributions over four comment rounds; the table shown is the
// secretariat's working view of round 3: submitted contributions only (draft and withdrawn
// ones filtered out), all parties, all kinds — about 5,000 contribution rows, plus one row
// per provision that received none in that round. Tajikistan writes its comments in Tajik;
// a few comments quote annex titles in capitals, so that every Russian and Tajik letter,
// lower and upper case, occurs in the table.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateContent } from './content.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export const PROVISIONS = 1000
export const CONTRIBUTIONS = 20_000
export const ROUNDS = 4
export const SHOWN_ROUND = 3
export const FILTER_DESCRIPTION =
  'round 3 of 4, status submitted (draft and withdrawn filtered out), all 60 parties, all kinds'

/** Every letter the PDF text must keep: Russian (33 + 33) and the Tajik additions (6 + 6). */
export const RUSSIAN_LETTERS = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ'
export const TAJIK_LETTERS = 'ғӣқӯҳҷҒӢҚӮҲҶ'

function prng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// 60 parties: the nine of the seed story first (Moldova an observer), then others.
const PARTY_LIST = [
  ['ARM', 'Армения', 'Armenia'],
  ['BLR', 'Беларусь', 'Belarus'],
  ['KAZ', 'Казахстан', 'Kazakhstan'],
  ['KGZ', 'Кыргызстан', 'Kyrgyzstan'],
  ['MDA', 'Молдова', 'Moldova'],
  ['RUS', 'Россия', 'Russia'],
  ['TJK', 'Таджикистан', 'Tajikistan'],
  ['TKM', 'Туркменистан', 'Turkmenistan'],
  ['UZB', 'Узбекистан', 'Uzbekistan'],
  ['AZE', 'Азербайджан', 'Azerbaijan'],
  ['GEO', 'Грузия', 'Georgia'],
  ['CHN', 'Китай', 'China'],
  ['IND', 'Индия', 'India'],
  ['IRN', 'Иран', 'Iran'],
  ['MNG', 'Монголия', 'Mongolia'],
  ['TUR', 'Турция', 'Türkiye'],
  ['SRB', 'Сербия', 'Serbia'],
  ['CUB', 'Куба', 'Cuba'],
  ['VNM', 'Вьетнам', 'Viet Nam'],
  ['LAO', 'Лаос', 'Lao PDR'],
  ['KHM', 'Камбоджа', 'Cambodia'],
  ['IDN', 'Индонезия', 'Indonesia'],
  ['MYS', 'Малайзия', 'Malaysia'],
  ['THA', 'Таиланд', 'Thailand'],
  ['PAK', 'Пакистан', 'Pakistan'],
  ['BGD', 'Бангладеш', 'Bangladesh'],
  ['LKA', 'Шри-Ланка', 'Sri Lanka'],
  ['NPL', 'Непал', 'Nepal'],
  ['AFG', 'Афганистан', 'Afghanistan'],
  ['EGY', 'Египет', 'Egypt'],
  ['DZA', 'Алжир', 'Algeria'],
  ['MAR', 'Марокко', 'Morocco'],
  ['TUN', 'Тунис', 'Tunisia'],
  ['ETH', 'Эфиопия', 'Ethiopia'],
  ['KEN', 'Кения', 'Kenya'],
  ['NGA', 'Нигерия', 'Nigeria'],
  ['ZAF', 'Южно-Африканская Республика', 'South Africa'],
  ['BRA', 'Бразилия', 'Brazil'],
  ['ARG', 'Аргентина', 'Argentina'],
  ['CHL', 'Чили', 'Chile'],
  ['MEX', 'Мексика', 'Mexico'],
  ['VEN', 'Венесуэла', 'Venezuela'],
  ['NIC', 'Никарагуа', 'Nicaragua'],
  ['SAU', 'Саудовская Аравия', 'Saudi Arabia'],
  ['ARE', 'Объединённые Арабские Эмираты', 'United Arab Emirates'],
  ['QAT', 'Катар', 'Qatar'],
  ['KWT', 'Кувейт', 'Kuwait'],
  ['OMN', 'Оман', 'Oman'],
  ['JOR', 'Иордания', 'Jordan'],
  ['SYR', 'Сирия', 'Syria'],
  ['IRQ', 'Ирак', 'Iraq'],
  ['MMR', 'Мьянма', 'Myanmar'],
  ['PHL', 'Филиппины', 'Philippines'],
  ['KOR', 'Республика Корея', 'Republic of Korea'],
  ['PRK', 'КНДР', 'DPRK'],
  ['SGP', 'Сингапур', 'Singapore'],
  ['BRN', 'Бруней', 'Brunei'],
  ['ECU', 'Эквадор', 'Ecuador'],
  ['BOL', 'Боливия', 'Bolivia'],
  ['URY', 'Уругвай', 'Uruguay'],
]
const OBSERVERS = new Set(['MDA', 'AFG', 'MNG', 'IRN', 'SRB', 'ECU', 'BOL', 'URY'])

const COMMENTS_RU = [
  'Предлагаем уточнить формулировку с учётом положений национального законодательства',
  'Считаем целесообразным согласовать терминологию с ранее принятыми документами Содружества',
  'Просим разъяснить, какие органы будут уполномочены на реализацию данного положения',
  'Формулировка представляется избыточной; предлагаем её сократить',
  'Необходимо учесть рекомендации экспертной группы, высказанные на предыдущем заседании',
  'Предлагаем заменить слова на более точные, соответствующие международной практике',
  'Данное положение дублирует пункт, содержащийся в разделе об общих принципах',
  'Полагаем важным отразить роль компетентных органов в обмене информацией',
  'Предлагаем сослаться на приложение «ОБЪЕДИНЁННЫЕ ЭКСПЕРТНЫЕ ГРУППЫ И ЖУРНАЛ ВЗАИМОДЕЙСТВИЯ»',
  'Уточнить ссылку на раздел «ЦЕНТР ЧРЕЗВЫЧАЙНЫХ ОБЩИХ ФУНКЦИЙ: ШИФРОВАНИЕ, ЮРИСДИКЦИЯ, МЕХАНИЗМ, ПОЛЬЗОВАТЕЛЬ»',
]
const COMMENTS_TG = [
  'Ҷумҳурии Тоҷикистон пешниҳод мекунад, ки ибораи «ҳуқуқи байналмилалӣ» илова карда шавад',
  'Ғайр аз ин, мӯҳлати иҷро як рӯз кам карда шавад',
  'Тарафи тоҷик ҷонибдори таҳрири мазкур аст, ба шарте ки қонунгузории миллӣ ба назар гирифта шавад',
  'Пешниҳод мешавад, ки ба «ҚАРОРИ ҒАЙРИНАВБАТӢ» ва «РӮЗНОМАИ ҲУКУМАТИ ҶУМҲУРИИ ТОҶИКИСТОН» истинод карда шавад',
]
const JUSTIFICATIONS = [
  'Соответствует Концепции сотрудничества государств — участников СНГ в сфере обеспечения информационной безопасности.',
  'Обусловлено требованиями национального законодательства о защите персональных данных.',
  'Согласуется с решением Совета министров иностранных дел от 2019 года.',
  'Обеспечивает единообразие терминологии.',
  'Барои мувофиқа бо қонунгузории миллӣ.',
]
const REASONS = [
  'Предложение поддержано делегациями.',
  'Не получило поддержки других делегаций.',
  'Учтено в редакции, согласованной на заседании экспертной группы.',
  'Снято автором в ходе обсуждения.',
  'Объединено с аналогичным предложением другой делегации.',
  'Принято с редакционными уточнениями секретариата.',
]
const REPLACEMENTS = [
  'всемерно развивают',
  'на постоянной основе',
  'в установленном порядке',
  'компетентные органы',
  'информационно-коммуникационных технологий',
  'с учётом взаимных интересов',
]

const pickFrom = (rand) => (list) => list[Math.floor(rand() * list.length)]

/** A redline of an amendment: one span of words replaced. */
function amendmentOps(text, rand) {
  const words = text.split(' ')
  const start = Math.floor(rand() * Math.max(1, words.length - 3))
  const len = 1 + Math.floor(rand() * 3)
  const before = words.slice(0, start).join(' ')
  const removed = words.slice(start, start + len).join(' ')
  const after = words.slice(start + len).join(' ')
  const inserted = pickFrom(rand)(REPLACEMENTS)
  const ops = []
  if (before) ops.push({ op: 'equal', text: `${before} ` })
  ops.push({ op: 'delete', text: removed }, { op: 'insert', text: inserted })
  if (after) ops.push({ op: 'equal', text: ` ${after}` })
  return { ops, result: `${before ? `${before} ` : ''}${inserted}${after ? ` ${after}` : ''}` }
}

/** All 20,000 contributions (every round), deterministic. */
export function generateContributions(seed = 20200821) {
  const rand = prng(seed)
  const pick = pickFrom(rand)
  const content = generateContent(PROVISIONS, seed)
  const provisions = content.body.map((p) => ({ eid: p.eid, num: p.num, text: p.text.ru[0].text }))
  const parties = PARTY_LIST.map(([code, ru, en]) => ({ id: `party-${code}`, code, name: { ru, en } }))
  const contributions = []
  for (let i = 0; i < CONTRIBUTIONS; i++) {
    // Round 3 (the main reading) drew the most: 15 %, 20 %, 30 %, 35 % of the contributions.
    const q = rand()
    const round = q < 0.15 ? 1 : q < 0.35 ? 2 : q < 0.65 ? 3 : 4
    const party = parties[Math.floor(rand() * parties.length)]
    const r = rand()
    const kind =
      r < 0.3 ? 'comment' : r < 0.75 ? 'amendment' : r < 0.83 ? 'insertion' : r < 0.9 ? 'deletion' : 'general'
    const provision = kind === 'general' ? null : provisions[Math.floor(rand() * provisions.length)]
    const s = rand()
    const status = s < 0.84 ? 'submitted' : s < 0.94 ? 'draft' : 'withdrawn'
    const tajik = party.code === 'TJK'
    const commentText = () => {
      const list = tajik ? COMMENTS_TG : COMMENTS_RU
      let c = pick(list)
      if (rand() < 0.5) c += `; ${pick(list).replace(/^./, (ch) => ch.toLowerCase())}`
      return `${c}.`
    }
    let redline = []
    let resultingText = null
    if (kind === 'amendment' && provision) {
      const a = amendmentOps(provision.text, rand)
      redline = a.ops
      resultingText = a.result
    } else if (kind === 'deletion' && provision) {
      redline = [{ op: 'delete', text: provision.text }]
    } else if (kind === 'insertion') {
      redline = [
        {
          op: 'insert',
          text: `Стороны ${pick(REPLACEMENTS)} обмениваются информацией о ${pick(['мерах', 'практике', 'инцидентах'])}.`,
        },
      ]
      resultingText = redline[0].text
    }
    const d = rand()
    const decision =
      d < 0.3
        ? 'accepted'
        : d < 0.45
          ? 'accepted_in_part'
          : d < 0.75
            ? 'not_accepted'
            : d < 0.8
              ? 'withdrawn'
              : d < 0.85
                ? 'merged'
                : null
    contributions.push({
      round,
      provisionEid: provision?.eid ?? null,
      dto: {
        id: `contribution-${i}`,
        party,
        isObserver: OBSERVERS.has(party.code),
        cosponsors: rand() < 0.1 ? [pick(parties).code] : [],
        kind,
        type: pick(['general', 'technical', 'editorial']),
        comment: kind === 'comment' || kind === 'general' || rand() < 0.4 ? commentText() : null,
        redline,
        justification: rand() < 0.5 ? pick(JUSTIFICATIONS) : null,
        status,
        decision,
        reasoning: decision ? pick(REASONS) : null,
        resultingText,
      },
    })
  }
  return { content, provisions, parties, contributions }
}

/** The consolidated table of round 3, submitted contributions only. */
export function generateTable(seed = 20200821) {
  const { content, provisions, contributions } = generateContributions(seed)
  const shown = contributions.filter((c) => c.round === SHOWN_ROUND && c.dto.status === 'submitted')
  const byEid = new Map()
  for (const c of shown) {
    const key = c.provisionEid ?? ''
    if (!byEid.has(key)) byEid.set(key, [])
    byEid.get(key).push(c.dto)
  }
  const rows = []
  const general = byEid.get('')
  if (general) rows.push({ eid: null, num: null, text: '', contributions: general, resultingText: null })
  for (const p of provisions) {
    const list = byEid.get(p.eid) ?? []
    const accepted = list.find((c) => c.decision === 'accepted' && c.kind === 'amendment')
    const deleted = list.some((c) => c.decision === 'accepted' && c.kind === 'deletion')
    rows.push({
      eid: p.eid,
      num: p.num,
      text: p.text,
      contributions: list,
      resultingText: deleted ? null : (accepted?.resultingText ?? p.text),
    })
  }
  return {
    round: {
      id: 'round-3',
      documentId: 'document-1',
      versionId: 'version-3',
      versionLabel: { ru: 'Ред. 2', en: 'Rev.2' },
      opensAt: '2020-07-01T09:00:00+03:00',
      closesAt: '2020-07-31T18:00:00+03:00',
      timezone: 'Europe/Minsk',
      state: 'closed',
      dispositionsPublishedAt: '2020-08-21T17:00:00+03:00',
      counts: { contributions: shown.length, parties: PARTY_LIST.length, disposed: 0 },
      createdAt: '2020-06-30T09:00:00+03:00',
      version: 1,
    },
    document: { id: 'document-1', title: content.title, reference: 'CIS/EG-IIS/2020/3' },
    lang: 'ru',
    rows,
    filters: { party: [], kind: [], status: ['submitted'], provision: [] },
    generatedAt: '2020-08-21T18:30:00+03:00',
  }
}

/** Rows of the table: one per shown contribution, one per provision without any. */
export function rowCount(table) {
  return table.rows.reduce((n, r) => n + Math.max(1, r.contributions.length), 0)
}

/**
 * Bundles server/exports/index.ts (our TypeScript) with esbuild into `outfile`; packages
 * stay external and are imported by absolute path, so the bundle runs from os.tmpdir().
 */
export async function bundleExports(outfile) {
  const { build } = await import('esbuild')
  const absolutePackages = {
    name: 'absolute-packages',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (
          args.pluginData === 'inner' ||
          args.path.startsWith('@core/') ||
          args.path.startsWith('@server/')
        ) {
          return undefined
        }
        if (args.path.startsWith('node:')) return { path: args.path, external: true }
        const r = await b.resolve(args.path, { resolveDir: ROOT, kind: args.kind, pluginData: 'inner' })
        if (r.errors.length) return { errors: r.errors }
        return { path: r.path, external: true }
      })
    },
  }
  await build({
    entryPoints: [path.join(ROOT, 'server/exports/index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    logLevel: 'warning',
    plugins: [absolutePackages],
  })
  return outfile
}

/** Absolute file URL of a package entry as seen from the repository (for child scripts). */
export function packageUrl(specifier) {
  return import.meta.resolve(specifier)
}

/** Absolute file URL of this module (child scripts import the generator from it). */
export const DATA_MODULE_URL = import.meta.url

/**
 * Runs a child script (`node <file>`) that prints one JSON line of results last; kills it
 * after `timeoutMs`. Resolves with the parsed result, or { error } when it failed.
 */
export async function runChild(spawnNode, file, { timeoutMs = 120_000, env = {} } = {}) {
  const child = spawnNode([file], { env })
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    child.kill('SIGKILL')
  }, timeoutMs)
  const { code, signal } = await child.exited
  clearTimeout(timer)
  const last = child.output.trim().split('\n').pop() ?? ''
  if (timedOut) return { error: `timed out after ${timeoutMs / 1000} s` }
  if (code !== 0) return { error: `exit ${code ?? signal}: ${child.output.slice(-600)}` }
  try {
    return JSON.parse(last)
  } catch {
    return { error: `no result: ${child.output.slice(-600)}` }
  }
}

/** Peak RSS (MiB) of a process tree, sampled from /proc (Linux): for the browser peer. */
export function treeRssMiB(rootPid) {
  if (process.platform !== 'linux') return null
  const children = new Map()
  const rss = new Map()
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (!children.has(ppid)) children.set(ppid, [])
      children.get(ppid).push(Number(name))
      const kb = Number(/^VmRSS:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${name}/status`, 'utf8'))?.[1] ?? 0)
      rss.set(Number(name), kb)
    } catch {
      // gone
    }
  }
  let total = 0
  const stack = [rootPid]
  while (stack.length) {
    const pid = stack.pop()
    total += rss.get(pid) ?? 0
    for (const c of children.get(pid) ?? []) stack.push(c)
  }
  return total / 1024
}
