// The documents of the redline benchmark (bench/redline.mjs): a deterministic ~1,000,000-
// character Russian document (about 1,300 provisions of 40-120 words, with some Tajik
// words) as concord-text/1 content, and an edited copy per case: 1% or 10% scattered word
// edits, or one ~50,000-character section rewritten and 20 provisions moved.

/** mulberry32: a small seeded PRNG, so that every run benchmarks the same bytes. */
export function prng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const RU = `
соглашение соглашения соглашением соглашению настоящего настоящим настоящее настоящей стороны сторон
сторонам сторонами сторона государства государств государствами государство участники участников
участниками участника содружество содружества независимых независимые государственный государственной
государственные орган органы органов органами органу компетентные компетентных компетентными
уполномоченный уполномоченные уполномоченных исполнительный исполнительного исполнительным комитет
комитета комитетом совет совета советом глав министров иностранных дел группа группы группой экспертов
эксперты экспертам сотрудничество сотрудничества сотрудничают сотрудничать взаимодействие
взаимодействия взаимодействуют область области областях сфера сфере сферах безопасность безопасности
информационный информационной информационные информационных информационно-коммуникационных технологии
технологий технологиями технологическом обеспечение обеспечения обеспечивают обеспечить защита защиты
защищают защищать критической критически важной инфраструктуры инфраструктура объектов объекты
мера меры мер мерами принимают принимать принятие принятия предупреждение предупреждения пресечение
пресечения расследование расследования преступлений преступления преступных целях целей цели
использования использование использовать национальное национального национальным национальных
законодательство законодательства законодательством законодательств гармонизация гармонизации
сближение сближения норм нормы правовых правовой правовые право права правом обязательства
обязательств обязуются обязуется выполнять выполнение выполнения исполнение исполнения порядок порядке
порядка определяемом определяется определяют определенных установленном установленных установленные
соответствии соответствие соответствующих соответствующие рамках рамки основе основании основ
взаимного взаимной взаимное уважения уважение равноправия равноправие суверенитета суверенитет
территориальной целостности невмешательства внутренние дела делах принципов принципы принципами
международного международные международных международными нормами права обмен обмена обмениваются
информацией информации информацию сведениями сведения запрос запроса запросу запросов ответ ответа
исполняющая запрашивающая запрашиваемая сторона стороной стороне письменной письменном форме форма
уведомление уведомления уведомляют уведомляет депозитарий депозитария депозитарию подписания подписание
ратификации ратификация присоединение присоединения вступает вступления силу силы действия действие
действует прекращения прекращение денонсации выхода изменения изменений дополнения дополнений протокол
протокола протоколами протоколом неотъемлемой частью часть части пункт пункта пунктом пунктах статья
статьи статьей статье приложение приложения приложением глава главы раздел раздела подпункт подпункта
споры споров разногласия разногласий толкования применения консультаций переговоров путем путём
мирным урегулирования урегулирование расходы расходов несут самостоятельно пределах средств
предусмотренных выделяемых бюджетов бюджета ежегодно ежегодных совещания совещаний проводят проводить
проведение заседания заседаний решения решение решений принимаются консенсусом большинством голосов
представителей представители представителями делегаций делегации делегаций специалистов подготовки
подготовка повышения квалификации кадров научных исследований разработок совместных совместные
совместно разрабатывают разработка программ программы программе планов плана мероприятий мероприятия
реализации реализация реализуют оказывают оказание помощи помощь содействие содействия содействуют
развитию развития развитие укреплению укрепления доверия доверие пространстве пространства
глобального региональном региональной уровне уровня уровнях каналов каналы связи связь связью
конфиденциальности конфиденциальной персональных данных данные данными передаваемой передачи передача
третьей третьим лицам согласия предварительного письменного без или и в на с по для при от до из к о
об не а также либо если когда которые который которая которого которой которых такой такие этом этого
все всех всем любые любой каждая каждой каждый другой другие иных иные один одного два двух три трех
`
  .split(/\s+/)
  .filter(Boolean)

// Tajik words in Cyrillic script (ғ ӣ қ ӯ ҳ ҷ), as in a bilingual text.
const TG = `
ҳуқуқ ҳуқуқи қонун қонуни тарафҳо тарафи ҷумҳурии тоҷикистон ҳамкорӣ ҳамкории амният амнияти иттилоотӣ
мақомот мақомоти салоҳиятдор созишнома созишномаи мувофиқи қонунгузорӣ миллӣ дӯстӣ ғайр баъд
`
  .split(/\s+/)
  .filter(Boolean)

const VOCAB = [...RU, ...TG]

const pick = (rand, list) => list[Math.floor(rand() * list.length)]

function capitalize(word) {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

/**
 * A provision's words as pieces `{ w, after }`: `after` is the separator that follows the
 * word (a space, ", ", "; ", " – ", ". " ...); a quoted or parenthesised stretch and a
 * reference such as "пунктом 2.1" appear now and then.
 */
function provisionPieces(rand) {
  const count = 40 + Math.floor(rand() * 81)
  const pieces = []
  let sentenceStart = true
  let open = null
  for (let k = 0; k < count; k++) {
    let w = pick(rand, VOCAB)
    if (sentenceStart) w = capitalize(w)
    sentenceStart = false
    const r = rand()
    if (!open && r < 0.02) {
      w = `«${w}`
      open = '»'
    } else if (!open && r < 0.035) {
      w = `(${w}`
      open = ')'
    } else if (r < 0.045) {
      w = pick(rand, ['1.', '2.1', '3', '5', '12', '2020', 'а)', 'б)', 'в)', 'ст. 4', 'п. 2'])
    }
    let after = ' '
    const s = rand()
    if (open && (s < 0.25 || k === count - 1)) {
      w += open
      open = null
    }
    if (k === count - 1) after = ''
    else if (s < 0.07) {
      after = '. '
      sentenceStart = true
    } else if (s < 0.15) after = ', '
    else if (s < 0.17) after = '; '
    else if (s < 0.18) after = ': '
    else if (s < 0.19) after = ' – '
    pieces.push({ w, after })
  }
  const last = pieces[pieces.length - 1]
  last.w += rand() < 0.8 ? '.' : ';'
  return pieces
}

const render = (pieces) => pieces.map((p) => p.w + p.after).join('')

/** The base document: provisions as pieces, until it holds `chars` characters. */
export function baseDocument(seed = 20200821, chars = 1_000_000) {
  const rand = prng(seed)
  const provisions = []
  let total = 0
  while (total < chars) {
    const pieces = provisionPieces(rand)
    provisions.push({ eid: `para_${provisions.length + 1}`, pieces })
    total += render(pieces).length + 2
  }
  return provisions
}

/** `count` scattered word edits (70% replace, 15% delete, 15% insert), in place. */
function scatterEdits(provisions, fraction, rand) {
  const totalWords = provisions.reduce((n, p) => n + p.pieces.length, 0)
  const count = Math.round(totalWords * fraction)
  // Positions over all words, applied per provision from the end so indexes stay valid.
  const at = new Map()
  for (let k = 0; k < count; k++) {
    let g = Math.floor(rand() * totalWords)
    let i = 0
    while (g >= provisions[i].pieces.length) g -= provisions[i++].pieces.length
    if (!at.has(i)) at.set(i, [])
    at.get(i).push(g)
  }
  for (const [i, positions] of at) {
    const pieces = provisions[i].pieces
    positions.sort((x, y) => y - x)
    for (const g of positions) {
      const r = rand()
      if (g >= pieces.length) continue
      const piece = pieces[g]
      if (r < 0.7) {
        const w = pick(rand, VOCAB)
        // Keep the punctuation glued to the word.
        const m = piece.w.match(/^([«(]?)(.*?)([»).;]*)$/u)
        pieces[g] = { w: `${m[1]}${w}${m[3]}`, after: piece.after }
      } else if (r < 0.85 && pieces.length > 1) {
        pieces.splice(g, 1)
        if (g === pieces.length) pieces[g - 1].after = ''
      } else {
        pieces.splice(g, 0, { w: pick(rand, VOCAB), after: ' ' })
      }
    }
  }
  return count
}

const clone = (provisions) => provisions.map((p) => ({ eid: p.eid, pieces: p.pieces.map((x) => ({ ...x })) }))

/** The edited copy for a case, and a description of what was done. */
export function editedDocument(base, name, seed = 31415) {
  const rand = prng(seed)
  const provisions = clone(base)
  if (name === '1pct' || name === '10pct') {
    const edits = scatterEdits(provisions, name === '1pct' ? 0.01 : 0.1, rand)
    return {
      provisions,
      description: `${edits} scattered word edits (${name === '1pct' ? 1 : 10}% of words)`,
    }
  }
  if (name !== 'rewrite') throw new Error(`unknown redline case ${name}`)
  // One section of ~50,000 characters, from 40% of the document, rewritten from scratch.
  const from = Math.floor(provisions.length * 0.4)
  let to = from
  let chars = 0
  while (chars < 50_000 && to < provisions.length) {
    chars += render(provisions[to].pieces).length + 2
    to++
  }
  let rewritten = 0
  for (let i = from; i < to; i++) {
    provisions[i].pieces = provisionPieces(rand)
    rewritten += render(provisions[i].pieces).length + 2
  }
  // 20 provisions outside that section moved elsewhere, one by one.
  const movable = provisions.map((_, i) => i).filter((i) => i < from || i >= to)
  const chosen = new Set()
  while (chosen.size < 20) chosen.add(movable[Math.floor(rand() * movable.length)])
  const movedEids = [...chosen].map((i) => provisions[i].eid)
  for (const eid of movedEids) {
    const i = provisions.findIndex((p) => p.eid === eid)
    const [p] = provisions.splice(i, 1)
    let j = Math.floor(rand() * provisions.length)
    // At least 50 positions away, so that it is a move and not a swap with a neighbour.
    if (Math.abs(j - i) < 50) j = (j + Math.floor(provisions.length / 2)) % provisions.length
    provisions.splice(j, 0, p)
  }
  return {
    provisions,
    description: `provisions ${from + 1}-${to} (${to - from} provisions, ${chars} characters) rewritten as ${rewritten} new characters; 20 provisions moved (${movedEids.join(', ')})`,
  }
}

/** concord-text/1 content of a list of provisions (body of paras numbered in order). */
export function toContent(provisions) {
  return {
    format: 'concord-text/1',
    languages: ['ru'],
    title: { ru: 'Соглашение о сотрудничестве в области обеспечения информационной безопасности' },
    preamble: [],
    body: provisions.map((p, i) => ({
      eid: p.eid,
      kind: 'para',
      num: String(i + 1),
      text: { ru: [{ type: 'text', text: render(p.pieces) }] },
    })),
    conclusions: [],
  }
}

/** The plain text the peers diff: the provisions' texts joined by a blank line. */
export function toPlainText(provisions) {
  return provisions.map((p) => render(p.pieces)).join('\n\n')
}
