// A deterministic, realistic bilingual document (core/text/model.ts contentSchema):
// N paragraphs, each 100–200 characters of text in Russian and in English.

/** mulberry32: a small seeded PRNG, so that every run benchmarks the same bytes. */
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

const EN = {
  subjects: [
    'The Parties',
    'The competent authorities of the Parties',
    'The Executive Committee',
    'Each Party',
    'The Council of Heads of State',
    'The expert group',
    'The member states',
    'The designated bodies',
  ],
  verbs: [
    'shall cooperate in',
    'shall take measures to ensure',
    'shall exchange information on',
    'undertake to promote',
    'shall consult each other on',
    'recognize the importance of',
    'shall jointly develop',
    'shall endeavour to strengthen',
  ],
  objects: [
    'the security of information and communication technologies',
    'the prevention of the use of information technologies for criminal purposes',
    'the protection of critical information infrastructure',
    'confidence-building measures in the information space',
    'the training of specialists in information security',
    'the harmonization of national legislation',
    'the response to computer incidents',
    'the exchange of best practices and methodologies',
  ],
  tails: [
    'in accordance with their national legislation',
    'within the framework of the Commonwealth of Independent States',
    'on the basis of mutual respect and equality',
    'taking into account the recommendations of the expert group',
    'in the manner determined by this Agreement',
    'subject to the availability of resources',
  ],
}

const RU = {
  subjects: [
    'Стороны',
    'Компетентные органы Сторон',
    'Исполнительный комитет',
    'Каждая из Сторон',
    'Совет глав государств',
    'Группа экспертов',
    'Государства-участники',
    'Уполномоченные органы',
  ],
  verbs: [
    'сотрудничают в области',
    'принимают меры по обеспечению',
    'обмениваются информацией по вопросам',
    'содействуют развитию',
    'проводят консультации по вопросам',
    'признают важность',
    'совместно разрабатывают',
    'стремятся укреплять',
  ],
  objects: [
    'безопасности информационно-коммуникационных технологий',
    'предупреждения использования информационных технологий в преступных целях',
    'защиты критической информационной инфраструктуры',
    'мер укрепления доверия в информационном пространстве',
    'подготовки специалистов в сфере информационной безопасности',
    'гармонизации национального законодательства',
    'реагирования на компьютерные инциденты',
    'обмена передовым опытом и методиками',
  ],
  tails: [
    'в соответствии с национальным законодательством',
    'в рамках Содружества Независимых Государств',
    'на основе взаимного уважения и равноправия',
    'с учетом рекомендаций группы экспертов',
    'в порядке, определяемом настоящим Соглашением',
    'при наличии необходимых ресурсов',
  ],
}

function sentence(words, pick) {
  const parts = [pick(words.subjects), pick(words.verbs), pick(words.objects)]
  return parts.join(' ')
}

/** One provision's text: clauses joined until it is 100–200 characters long. */
function paragraphText(words, rand) {
  const pick = (list) => list[Math.floor(rand() * list.length)]
  const target = 100 + Math.floor(rand() * 101)
  let text = sentence(words, pick)
  while (text.length < target) {
    let addition =
      rand() < 0.5
        ? `, ${pick(words.tails)}`
        : `; ${sentence(words, pick).replace(/^./, (c) => c.toLowerCase())}`
    // A clause that would overflow 200 characters gives way to a short tail.
    if (text.length + addition.length > 199) addition = `, ${pick(words.tails)}`
    if (text.length + addition.length > 199) break
    text += addition
  }
  return `${text}.`
}

/** The `content` of a version with `count` paragraphs (eid para_N, num "N"). */
export function generateContent(count = 1000, seed = 20200821) {
  const rand = prng(seed)
  const body = []
  for (let n = 1; n <= count; n++) {
    body.push({
      eid: `para_${n}`,
      kind: 'para',
      num: String(n),
      text: {
        ru: [{ type: 'text', text: paragraphText(RU, rand) }],
        en: [{ type: 'text', text: paragraphText(EN, rand) }],
      },
    })
  }
  return {
    format: 'concord-text/1',
    languages: ['ru', 'en'],
    title: {
      ru: 'Соглашение о сотрудничестве в области обеспечения информационной безопасности (нагрузочный тест)',
      en: 'Agreement on cooperation in ensuring information security (load test)',
    },
    preamble: [],
    body,
    conclusions: [],
  }
}
