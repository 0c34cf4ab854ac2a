import type { ConsolidatedTableDTO } from '@core/api/contributions.js'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { fixtureRedline, fixtureTable, TAJIK_LETTERS } from '../test-fixture.js'
import { consolidatedTableDocx } from './consolidated-table.js'
import { redlineDocx } from './redline.js'

const REQUIRED_PARTS = [
  '[Content_Types].xml',
  '_rels/.rels',
  'word/document.xml',
  'word/styles.xml',
  'word/settings.xml',
  'word/_rels/document.xml.rels',
  'docProps/core.xml',
  'docProps/app.xml',
]

function unzip(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes)
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]))
}

/**
 * Well-formedness, as far as a writer of ours can get it wrong: one XML declaration, tags
 * balanced and properly nested, attributes quoted, entities known, no character XML 1.0
 * forbids. Returns the problems found.
 */
function xmlProblems(xml: string): string[] {
  const problems: string[] = []
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for them
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml)) problems.push('forbidden character')
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(xml))
    problems.push('lone surrogate')
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '')
  if (body.includes('<?xml')) problems.push('second XML declaration')
  const entities = body.match(/&[^;\s]*;?/g) ?? []
  for (const e of entities)
    if (!/^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);$/.test(e)) problems.push(`entity ${e}`)
  const stack: string[] = []
  const TAG = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<|>/g
  for (const m of body.matchAll(TAG)) {
    if (m[0] === '<') {
      problems.push(`stray < at ${m.index}`)
      continue
    }
    if (m[0] === '>') {
      problems.push(`stray > at ${m.index}`)
      continue
    }
    const [, close, name, , selfClose] = m
    if (selfClose) continue
    if (close) {
      const open = stack.pop()
      if (open !== name) problems.push(`</${name}> closes <${open}>`)
    } else stack.push(name!)
  }
  if (stack.length) problems.push(`unclosed ${stack.join(', ')}`)
  return problems
}

/** The text of each table row (w:t contents joined, paragraphs separated by a space). */
function rowTexts(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) => textOf(m[1]!))
}
function textOf(xml: string): string {
  return xml
    .replace(/<\/w:p>/g, ' ')
    .replace(/<w:br\/>/g, ' ')
    .replace(/<(w:t|w:delText)(?: [^>]*)?>([^<]*)<\/\1>|<[^>]+>/g, (_, _tag, text) => text ?? '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}

describe('the well-formedness check of these tests', () => {
  it('catches what it should', () => {
    expect(xmlProblems('<a><b></a></b>')).not.toEqual([])
    expect(xmlProblems('<a>x < y</a>')).not.toEqual([])
    expect(xmlProblems('<a>&nbsp;</a>')).not.toEqual([])
    expect(xmlProblems('<a b=c/>')).not.toEqual([])
    expect(xmlProblems('<a>\u0001</a>')).not.toEqual([])
    expect(xmlProblems('<a>\uD800</a>')).not.toEqual([])
    expect(xmlProblems('<a><b/>&amp;<c x="1">т</c></a>')).toEqual([])
  })
})

describe('consolidatedTableDocx', () => {
  const parts = unzip(consolidatedTableDocx(fixtureTable(), 'ru'))
  const doc = parts['word/document.xml']!

  it('writes every part of a Word package, each well-formed', () => {
    for (const name of REQUIRED_PARTS) expect(Object.keys(parts)).toContain(name)
    for (const [name, xml] of Object.entries(parts)) expect(xmlProblems(xml), name).toEqual([])
    expect(parts['[Content_Types].xml']).toContain('wordprocessingml.document.main+xml')
    expect(parts['word/_rels/document.xml.rels']).toContain('Target="styles.xml"')
    expect(parts['docProps/core.xml']).toContain(
      '<dc:title>Сводная таблица замечаний и предложений: Совместное',
    )
    expect(parts['docProps/app.xml']).toContain('<Application>Concord</Application>')
  })

  it('is landscape A4 with the table in Times New Roman 10 pt', () => {
    expect(doc).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/)
    expect(parts['word/styles.xml']).toContain('w:ascii="Times New Roman"')
    expect(parts['word/styles.xml']).toContain('<w:sz w:val="20"/>')
    expect(parts['word/footer1.xml']).toContain('NUMPAGES')
  })

  it('has the title block and a repeated header row with the Russian headings', () => {
    const beforeTable = textOf(doc.slice(0, doc.indexOf('<w:tbl>')))
    expect(beforeTable).toContain('СВОДНАЯ ТАБЛИЦА ЗАМЕЧАНИЙ И ПРЕДЛОЖЕНИЙ')
    expect(beforeTable).toContain('к проекту «Совместное заявление глав государств')
    expect(beforeTable).toContain('Проект')
    expect(beforeTable).toContain('Сформировано: 21.08.2020 18:30')
    expect(beforeTable).toContain('по 31.07.2020 18:00 (Europe/Minsk)')
    const rows = rowTexts(doc)
    expect(doc).toMatch(/<w:tr><w:trPr><w:cantSplit\/><w:tblHeader\/><\/w:trPr>/)
    for (const h of [
      '№ пункта',
      'Текст проекта',
      'Сторона',
      'Вид и характер',
      'Замечание, предложение',
      'Обоснование',
      'Позиция секретариата',
      'Редакция по итогам рассмотрения',
    ]) {
      expect(rows[0]).toContain(h)
    }
  })

  it('writes one row per contribution and one for a provision without any', () => {
    const rows = rowTexts(doc)
    // header + general (1) + recital (2) + para 1 (4) + para 2 (none: 1)
    expect(rows).toHaveLength(9)
    expect(rows[1]).toContain('Общие замечания')
    expect(rows[1]).toContain('Армения (ARM)')
    expect(rows[2]).toContain('Таджикистан (TJK)')
    expect(rows[2]).toContain('отозвано стороной')
    expect(rows[3]).toContain('Казахстан (KAZ)')
    expect(rows[4]).toContain('При поддержке: KAZ')
    expect(rows[7]).toContain('Молдова (MDA) (наблюдатель)')
    expect(rows[8]).toContain('Замечаний и предложений нет')
    expect(rows[8]).toContain('Настоящее Заявление открыто')
  })

  it('merges the provision cells vertically across its contributions', () => {
    // recital (2 contributions) and para 1 (4): number, text and resulting text merged.
    expect(doc.match(/<w:vMerge w:val="restart"\/>/g)).toHaveLength(6)
    expect(doc.match(/<w:vMerge\/>/g)).toHaveLength(3 * (1 + 3))
  })

  it('shows the redline as formatting: red struck-through deletions, blue underlined insertions', () => {
    expect(doc).toMatch(
      /<w:r><w:rPr><w:strike\/><w:color w:val="C00000"\/><\/w:rPr><w:t xml:space="preserve">укреплять<\/w:t><\/w:r>/,
    )
    expect(doc).toMatch(
      /<w:r><w:rPr><w:color w:val="0047AB"\/><w:u w:val="single"\/><\/w:rPr><w:t xml:space="preserve">всемерно развивать<\/w:t><\/w:r>/,
    )
    expect(doc).not.toContain('<w:ins ')
    expect(doc).not.toContain('<w:del ')
  })

  it('labels every decision and keeps Tajik text and escaped characters', () => {
    const text = textOf(doc)
    for (const label of [
      'Принято',
      'Принято частично',
      'Не принято',
      'Снято',
      'Учтено в другом предложении',
      'Не рассмотрено',
    ]) {
      expect(text).toContain(label)
    }
    for (const letter of TAJIK_LETTERS) expect(text).toContain(letter)
    expect(text).toContain('Терминология <Модельного закона> & рекомендаций СНГ.')
    expect(doc).toContain('&lt;Модельного закона&gt; &amp; рекомендаций')
  })

  it('writes English headings and labels', () => {
    const en = unzip(consolidatedTableDocx(fixtureTable(), 'en'))['word/document.xml']!
    const text = textOf(en)
    for (const s of [
      'CONSOLIDATED TABLE OF COMMENTS AND PROPOSALS',
      "Secretariat's disposition",
      'Resulting text',
      'Moldova (MDA) (observer)',
      'Accepted in part',
      'Merged with another proposal',
      'Generated: 21 August 2020 18:30',
    ]) {
      expect(text).toContain(s)
    }
    expect(en).toMatch(/<w:lang w:val="en-GB"|w:orient="landscape"/)
  })

  it('survives an empty table, bad characters and very long cells', () => {
    const empty: ConsolidatedTableDTO = { ...fixtureTable(), rows: [] }
    const emptyParts = unzip(consolidatedTableDocx(empty, 'ru'))
    expect(xmlProblems(emptyParts['word/document.xml']!)).toEqual([])
    expect(rowTexts(emptyParts['word/document.xml']!)).toHaveLength(2)
    expect(textOf(emptyParts['word/document.xml']!)).toContain(
      'Замечаний и предложений, отвечающих условиям отбора, нет.',
    )

    const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('')
    const nasty = `${controls}x\uDFFFy\uD800z\uFFFE\uFFFF😀`
    const table = fixtureTable()
    const row = table.rows[2]!
    row.text = `${'Очень длинный текст положения '.repeat(7000)}${nasty}`
    row.contributions[0]!.comment = `<w:p>${nasty}]]></x>&amp;`
    row.contributions[0]!.redline = [{ op: 'insert', text: nasty }]
    table.document.title = { ru: `Заголовок ${nasty}` }
    const bytes = consolidatedTableDocx(table, 'ru')
    const out = unzip(bytes)
    for (const [name, xml] of Object.entries(out)) expect(xmlProblems(xml), name).toEqual([])
    expect(out['word/document.xml']).toContain('😀')
    expect(textOf(out['word/document.xml']!)).toContain('<w:p>')
  })
})

describe('redlineDocx', () => {
  const parts = unzip(
    redlineDocx(fixtureRedline(), 'Совместное заявление', 'ru', { date: '2020-08-21T12:00:00Z' }),
  )
  const doc = parts['word/document.xml']!

  it('writes a well-formed package with revision tracking on', () => {
    for (const name of REQUIRED_PARTS) expect(Object.keys(parts)).toContain(name)
    for (const [name, xml] of Object.entries(parts)) expect(xmlProblems(xml), name).toEqual([])
    expect(parts['word/settings.xml']).toContain('<w:trackRevisions/>')
  })

  it('marks changes as real tracked changes by Concord', () => {
    const attrs = 'w:author="Concord" w:date="2020-08-21T12:00:00Z"'
    expect(doc).toMatch(
      new RegExp(
        `<w:del w:id="\\d+" ${attrs}><w:r><w:delText xml:space="preserve">укреплять</w:delText></w:r></w:del>`,
      ),
    )
    expect(doc).toMatch(
      new RegExp(
        `<w:ins w:id="\\d+" ${attrs}><w:r><w:t xml:space="preserve">всемерно развивать</w:t></w:r></w:ins>`,
      ),
    )
    expect(doc).toContain(
      '<w:t xml:space="preserve"> на основе общепризнанных принципов международного права</w:t>',
    )
    const ids = [...doc.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1])
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('writes inserted and deleted provisions as whole inserted and deleted paragraphs', () => {
    const paragraphs = [...doc.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]!)
    const inserted = paragraphs.find((p) => p.includes('обмену опытом'))!
    expect(inserted).toMatch(/<w:pPr>.*<w:rPr><w:ins w:id="\d+" w:author="Concord"[^>]*\/><\/w:rPr><\/w:pPr>/)
    expect(inserted).toMatch(/<w:ins [^>]*><w:r><w:t xml:space="preserve">2\. Стороны будут содействовать/)
    expect(inserted).toContain('ҳамкорӣ')
    const deleted = paragraphs.find((p) => p.includes('Настоящее Заявление'))!
    expect(deleted).toMatch(/<w:pPr>.*<w:rPr><w:del w:id="\d+" w:author="Concord"[^>]*\/><\/w:rPr><\/w:pPr>/)
    expect(deleted).toContain('<w:delText xml:space="preserve">2. Настоящее Заявление открыто')
    expect(deleted).not.toContain('<w:t ')
    const unchanged = paragraphs.find((p) => p.includes('Главы государств'))!
    expect(unchanged).not.toMatch(/<w:(ins|del) /)
  })

  it('numbers the provisions and shows a renumbering as a change', () => {
    expect(doc).toContain('<w:r><w:t xml:space="preserve">1. </w:t></w:r>')
    const redline = fixtureRedline()
    redline.changes[1]!.fromNum = '3'
    const renumbered = unzip(redlineDocx(redline, 'T', 'en'))['word/document.xml']!
    expect(renumbered).toMatch(
      /<w:del [^>]*><w:r><w:delText xml:space="preserve">3\. <\/w:delText><\/w:r><\/w:del><w:ins [^>]*><w:r><w:t xml:space="preserve">1\. <\/w:t>/,
    )
    expect(textOf(renumbered)).toContain('Comparison: “Rev.1” against “Draft”')
  })
})
