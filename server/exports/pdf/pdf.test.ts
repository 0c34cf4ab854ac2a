import { inflateSync } from 'node:zlib'
import type { ConsolidatedTableDTO, TableContributionDTO } from '@core/api/contributions.js'
import { describe, expect, it } from 'vitest'
import { fixtureTable, PARTIES, TAJIK_COMMENT, TAJIK_LETTERS } from '../test-fixture.js'
import { consolidatedTablePdf } from './consolidated-table.js'
import { extractPdfText, parseToUnicode } from './extract-text.js'

const HEADINGS_RU = ['№ пункта', 'Текст проекта', 'Сторона', 'Позиция секретариата']

/** Every ToUnicode CMap in the file, decompressed with node:zlib and parsed. */
function toUnicodeMaps(pdf: Uint8Array): Map<number, string>[] {
  const s = Buffer.from(pdf).toString('latin1')
  const maps: Map<number, string>[] = []
  for (const m of s.matchAll(/\/ToUnicode (\d+) 0 R/g)) {
    const obj = new RegExp(`\\n${m[1]} 0 obj\\n<<([\\s\\S]*?)>>\\nstream\\n`).exec(s)!
    const length = Number(/\/Length (\d+)/.exec(obj[1]!)![1])
    const start = obj.index + obj[0].length
    const data = Buffer.from(pdf).subarray(start, start + length)
    maps.push(parseToUnicode(inflateSync(data).toString('latin1')))
  }
  return maps
}

function manyContributions(n: number): TableContributionDTO[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `c-${i}`,
    party: PARTIES.KAZ!,
    isObserver: false,
    cosponsors: [],
    kind: 'comment' as const,
    type: 'general' as const,
    comment: `Замечание № ${i + 1}: ${'предлагается уточнить формулировку и согласовать её с национальным законодательством '.repeat(1 + (i % 4))}`,
    redline: [],
    justification: null,
    status: 'submitted' as const,
    decision: 'not_accepted' as const,
    reasoning: 'Не поддержано.',
    resultingText: null,
  }))
}

describe('consolidatedTablePdf', async () => {
  const pdf = await consolidatedTablePdf(fixtureTable(), 'ru')
  const extracted = extractPdfText(pdf)
  const text = extracted.pages.join('\n')
  const latin1 = Buffer.from(pdf).toString('latin1')

  it('is a PDF with document information', () => {
    expect(latin1.startsWith('%PDF-1.7')).toBe(true)
    expect(latin1.trimEnd().endsWith('%%EOF')).toBe(true)
    expect(extracted.info.Producer).toBe('Concord')
    expect(extracted.info.Title).toContain('Сводная таблица замечаний и предложений: Совместное заявление')
    expect(latin1).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/)
  })

  it('has the right page count, numbered "стр. N из M"', () => {
    const count = Number(/\/Type \/Pages\s*\/Count (\d+)/.exec(latin1)?.[1])
    expect(count).toBe(extracted.pages.length)
    expect(count).toBe(2)
    extracted.pages.forEach((page, i) => {
      expect(page).toContain(`стр. ${i + 1} из ${count}`)
    })
  })

  it('embeds subset DejaVu fonts whose ToUnicode maps cover Cyrillic and the Tajik letters', () => {
    expect(latin1).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSerifCondensed\b/)
    expect(latin1).toContain('/FontFile2')
    const mapped = new Set(toUnicodeMaps(pdf).flatMap((m) => [...m.values()]))
    // Cyrillic letters of the Russian export (Tajik names and titles are not shown in it).
    const ru = JSON.stringify(fixtureTable(), (key, value) => (key === 'tg' ? undefined : value))
    const used = new Set(ru.match(/[\u0400-\u04FF]/g))
    expect(used.size).toBeGreaterThan(50)
    for (const letter of [...TAJIK_LETTERS, ...used]) expect(mapped, letter).toContain(letter)
  })

  it('extracts to text with the parties, the Tajik letters and every column', () => {
    for (const s of ['Армения (ARM)', 'Казахстан', 'Таджикистан', 'Молдова (MDA)', '(наблюдатель)']) {
      expect(text).toContain(s)
    }
    for (const letter of TAJIK_LETTERS) expect(text).toContain(letter)
    for (const word of TAJIK_COMMENT.split(/\s+/).slice(0, 6)) expect(text).toContain(word)
    expect(text).toContain('мӯҳлати иҷро як рӯз')
    expect(text).toContain('СВОДНАЯ ТАБЛИЦА ЗАМЕЧАНИЙ И ПРЕДЛОЖЕНИЙ')
    expect(text).toContain('Принято частично')
    expect(text).toContain('Учтено в другом')
    expect(text).toContain('Замечаний и предложений нет')
    expect(text).toContain('<Модельного')
    expect(text).toContain('закона>')
    expect(text).not.toContain('\u0007')
  })

  it('repeats the header row on every page', () => {
    for (const page of extracted.pages) for (const h of HEADINGS_RU) expect(page).toContain(h)
  })

  it('draws deletions struck through in red and insertions underlined in blue', () => {
    const content = extracted.pages.length ? pageContents(pdf)[0]! : ''
    expect(content).toMatch(/0\.753 0 0 rg/)
    expect(content).toMatch(/0 0\.278 0\.671 rg/)
    expect(content).toMatch(/0\.753 0 0 RG [\d.]+ [\d.]+ m [\d.]+ [\d.]+ l S/)
    expect(content).toMatch(/0 0\.278 0\.671 RG [\d.]+ [\d.]+ m [\d.]+ [\d.]+ l S/)
  })

  it('writes English headings and page labels', async () => {
    const en = extractPdfText(await consolidatedTablePdf(fixtureTable(), 'en'))
    const all = en.pages.join('\n')
    expect(all).toContain("Secretariat's disposition")
    expect(all).toContain('Moldova (MDA)')
    expect(all).toContain('(observer)')
    expect(all).toContain(`page 1 of ${en.pages.length}`)
  })

  it('breaks rows across pages and keeps every line', async () => {
    const table = fixtureTable()
    table.rows[2]!.contributions.push(...manyContributions(60))
    const out = extractPdfText(await consolidatedTablePdf(table, 'ru'))
    expect(out.pages.length).toBeGreaterThan(4)
    const all = out.pages.join('\n')
    for (let i = 1; i <= 60; i++) expect(all).toContain(`Замечание № ${i}:`)
    out.pages.forEach((page, i) => {
      expect(page).toContain(`стр. ${i + 1} из ${out.pages.length}`)
      expect(page).toContain('Позиция секретариата')
    })
  })

  it('splits a cell taller than a page, with bad characters, without crashing', async () => {
    const table = fixtureTable()
    const nasty = `${Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('')}x\uDFFFy\uD800z\uFFFF😀中文`
    const c = table.rows[2]!.contributions[0]!
    c.comment = `${'Длинноесловобезпробеловкотороенепомещаетсявстолбец'.repeat(3)} ${'очень длинный комментарий '.repeat(1500)}КОНЕЦ ${nasty}`
    table.rows[2]!.text = `${'текст '.repeat(3000)}ФИНАЛ`
    const bytes = await consolidatedTablePdf(table, 'ru')
    const out = extractPdfText(bytes)
    expect(out.pages.length).toBeGreaterThan(5)
    const all = out.pages.join('\n')
    expect(all).toContain('КОНЕЦ')
    expect(all).toContain('ФИНАЛ')
    // Characters no DejaVu face has (emoji, Chinese) become U+FFFD.
    expect(all).toContain('\uFFFD')
    expect(all.match(/комментарий/g)?.length).toBe(1500)
  })

  it('writes an empty table as one page with a message', async () => {
    const empty: ConsolidatedTableDTO = { ...fixtureTable(), rows: [] }
    const out = extractPdfText(await consolidatedTablePdf(empty, 'ru'))
    expect(out.pages).toHaveLength(1)
    expect(out.pages[0]).toContain('Замечаний и предложений, отвечающих условиям отбора, нет.')
    expect(out.pages[0]).toContain('стр. 1 из 1')
  })
})

/** Decompressed content streams of each page (joined), in order. */
function pageContents(pdf: Uint8Array): string[] {
  const buf = Buffer.from(pdf)
  const s = buf.toString('latin1')
  const stream = (id: string) => {
    const obj = new RegExp(`\\n${id} 0 obj\\n<<([\\s\\S]*?)>>\\nstream\\n`).exec(s)!
    const length = Number(/\/Length (\d+)/.exec(obj[1]!)![1])
    const start = obj.index + obj[0].length
    return inflateSync(buf.subarray(start, start + length)).toString('latin1')
  }
  return [...s.matchAll(/\/Type \/Page\n[\s\S]*?\/Contents (?:\[([^\]]*)\]|(\d+) 0 R)/g)].map((m) =>
    [...(m[1] ?? `${m[2]} 0 R`).matchAll(/(\d+) 0 R/g)].map((r) => stream(r[1]!)).join('\n'),
  )
}
