// table.pdf: the consolidated table (bench/table-data.mjs: 1,000 provisions, 60 parties,
// 20,000 contributions, the ~5,000 submitted rows of round 3, Russian with Tajik) written as
// PDF by ours (server/exports/pdf: pdfkit for the file, our own layout, DejaVu embedded)
// against pdfmake 0.3 with the same DejaVu TrueType fonts and, when /usr/bin/chromium
// exists, Chromium's page.pdf() of the same table as HTML (playwright-core). Each run is a
// fresh child node process: it generates the table (not timed), times the export, and
// reports its peak RSS. Our output is then read back with our text extractor: every
// Russian and Tajik letter of the input must be in the extracted text.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { machine, makeTempDir, median, removeTempDir, round, spawnNode } from './lib.mjs'
import {
  bundleExports,
  DATA_MODULE_URL,
  FILTER_DESCRIPTION,
  packageUrl,
  RUSSIAN_LETTERS,
  runChild,
  TAJIK_LETTERS,
} from './table-data.mjs'

const RUNS = 3
const CAP_MS = 120_000
const GOAL_RATIO = 0.5
const GOAL_RSS_MB = 250
const CHROMIUM = '/usr/bin/chromium'
const FONT_DIR = path.join(path.dirname(fileURLToPath(packageUrl('dejavu-fonts-ttf/package.json'))), 'ttf')

const LETTERS = RUSSIAN_LETTERS + TAJIK_LETTERS

function oursScript(bundleUrl) {
  return `
const { generateTable, rowCount } = await import(${JSON.stringify(DATA_MODULE_URL)})
const exp = await import(${JSON.stringify(bundleUrl)})
const table = generateTable()
const rows = rowCount(table)
const dataRssMb = process.memoryUsage().rss / 2 ** 20
const t0 = performance.now()
const bytes = await exp.consolidatedTablePdf(table, 'ru')
const ms = performance.now() - t0
const maxRssMb = process.resourceUsage().maxRSS / 1024
// Read it back (not timed): every letter of the input must be in the extracted text.
const { pages } = exp.extractPdfText(bytes)
const text = pages.join('\\n')
const input = JSON.stringify(table)
const letters = ${JSON.stringify(LETTERS)}
const notInInput = [...letters].filter((c) => !input.includes(c)).join('')
const missing = [...letters].filter((c) => input.includes(c) && !text.includes(c)).join('')
const pageLabels = pages.every((p, i) => p.includes('стр. ' + (i + 1) + ' из ' + pages.length))
console.log(JSON.stringify({ ms, bytes: bytes.length, pages: pages.length, rows, maxRssMb, dataRssMb, missing, notInInput, pageLabels }))
`
}

function pdfmakeScript(bundleUrl) {
  const font = (f) => JSON.stringify(path.join(FONT_DIR, f))
  return `
const { generateTable, rowCount } = await import(${JSON.stringify(DATA_MODULE_URL)})
const { buildTableModel, COLUMNS } = await import(${JSON.stringify(bundleUrl)})
const pdfmake = (await import(${JSON.stringify(packageUrl('pdfmake'))})).default
pdfmake.setUrlAccessPolicy(() => false)
pdfmake.setLocalAccessPolicy(() => true)
pdfmake.setFonts({ DejaVu: { normal: ${font('DejaVuSerifCondensed.ttf')}, bold: ${font('DejaVuSerifCondensed-Bold.ttf')}, italics: ${font('DejaVuSerifCondensed-Italic.ttf')}, bolditalics: ${font('DejaVuSerifCondensed-BoldItalic.ttf')} } })
const table = generateTable()
const rows = rowCount(table)
const dataRssMb = process.memoryUsage().rss / 2 ** 20
const t0 = performance.now()
const model = buildTableModel(table, 'ru')
const sum = COLUMNS.reduce((s, c) => s + c.weight, 0)
const widths = COLUMNS.map((c) => ((841.89 - 68 - 8 * 6) * c.weight) / sum)
const color = (s) => (s.del ? '#C00000' : s.ins ? '#0047AB' : s.muted ? '#595959' : undefined)
const cell = (content) => ({ stack: content.map((p) => ({ text: p.map((s) => ({ text: s.text, bold: !!s.bold, italics: !!s.italic, color: color(s), decoration: s.del ? 'lineThrough' : s.ins ? 'underline' : undefined })), margin: [0, 0, 0, 2] })) })
const body = [model.headings.map((h) => ({ text: h, bold: true, alignment: 'center', fillColor: '#D9D9D9' }))]
for (const g of model.groups) {
  const n = g.rows.length
  g.rows.forEach((sub, r) => {
    const m = (content) => (r === 0 ? { ...cell(content), rowSpan: n } : {})
    body.push([m(g.num), m(g.text), ...sub.map(cell), m(g.result)])
  })
}
const doc = pdfmake.createPdf({
  pageSize: 'A4',
  pageOrientation: 'landscape',
  pageMargins: [34, 34, 34, 42],
  info: { title: model.docTitle, producer: 'bench' },
  defaultStyle: { font: 'DejaVu', fontSize: 8 },
  footer: (page, pages) => ({ text: model.pageLabel(page, pages), alignment: 'right', fontSize: 7.5, margin: [34, 14, 34, 0] }),
  content: [
    ...model.titleLines.map((l) => ({ text: l.text, bold: !!l.bold, fontSize: l.size === 'title' ? 12.5 : l.size === 'subtitle' ? 11 : 9 })),
    { table: { headerRows: 1, widths, body }, layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5 } },
  ],
})
const bytes = await doc.getBuffer()
const ms = performance.now() - t0
const maxRssMb = process.resourceUsage().maxRSS / 1024
console.log(JSON.stringify({ ms, bytes: bytes.length, rows, maxRssMb, dataRssMb }))
`
}

function chromiumScript(bundleUrl) {
  return `
const { generateTable, rowCount, treeRssMiB } = await import(${JSON.stringify(DATA_MODULE_URL)})
const { buildTableModel, COLUMNS } = await import(${JSON.stringify(bundleUrl)})
const { chromium } = await import(${JSON.stringify(packageUrl('playwright-core'))})
const table = generateTable()
const rows = rowCount(table)
const dataRssMb = process.memoryUsage().rss / 2 ** 20
const browser = await chromium.launch({ executablePath: ${JSON.stringify(CHROMIUM)}, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] })
const page = await browser.newPage()
let peakTree = 0
const sampler = setInterval(() => { peakTree = Math.max(peakTree, treeRssMiB(process.pid) ?? 0) }, 200)
const t0 = performance.now()
const model = buildTableModel(table, 'ru')
const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c])
const span = (s) => {
  let h = esc(s.text)
  if (s.bold) h = '<b>' + h + '</b>'
  if (s.italic) h = '<i>' + h + '</i>'
  if (s.del) return '<del>' + h + '</del>'
  if (s.ins) return '<ins>' + h + '</ins>'
  if (s.muted) return '<span class=m>' + h + '</span>'
  return h
}
const cell = (content, attrs = '') => '<td' + attrs + '>' + content.map((p) => '<p>' + p.map(span).join('') + '</p>').join('') + '</td>'
const sum = COLUMNS.reduce((s, c) => s + c.weight, 0)
const parts = ['<!doctype html><html lang=ru><meta charset=utf-8><style>',
  '@page { size: A4 landscape; margin: 34pt 34pt 42pt 34pt }',
  "body { font-family: 'DejaVu Serif'; font-stretch: condensed; font-size: 8pt }",
  'table { width: 100%; border-collapse: collapse; table-layout: fixed } td, th { border: 0.5pt solid #000; padding: 2.5pt 3pt; vertical-align: top }',
  'th { background: #d9d9d9 } p { margin: 0 0 2pt } del { color: #c00000 } ins { color: #0047ab } .m { color: #595959 } h1 { font-size: 12.5pt; text-align: center }',
  '</style><h1>' + esc(model.titleLines[0].text) + '</h1>',
  ...model.titleLines.slice(1).map((l) => '<div>' + esc(l.text) + '</div>'),
  '<table><colgroup>' + COLUMNS.map((c) => '<col style="width:' + ((100 * c.weight) / sum).toFixed(2) + '%">').join('') + '</colgroup>',
  '<thead><tr>' + model.headings.map((h) => '<th>' + esc(h) + '</th>').join('') + '</tr></thead><tbody>']
for (const g of model.groups) {
  const n = g.rows.length
  const span = n > 1 ? ' rowspan=' + n : ''
  g.rows.forEach((sub, r) => {
    parts.push('<tr>' + (r === 0 ? cell(g.num, span) + cell(g.text, span) : '') + sub.map((c) => cell(c)).join('') + (r === 0 ? cell(g.result, span) : '') + '</tr>')
  })
}
parts.push('</tbody></table>')
await page.setContent(parts.join(''), { waitUntil: 'load', timeout: 120000 })
const bytes = await page.pdf({
  format: 'A4', landscape: true, printBackground: true, displayHeaderFooter: true,
  headerTemplate: '<span></span>',
  footerTemplate: "<div style=\\"font-size:7.5pt;width:100%;text-align:right;margin-right:34pt;font-family:'DejaVu Serif'\\">стр. <span class=pageNumber></span> из <span class=totalPages></span></div>",
  margin: { top: '12mm', bottom: '14.8mm', left: '12mm', right: '12mm' },
})
const ms = performance.now() - t0
clearInterval(sampler)
const maxRssMb = process.resourceUsage().maxRSS / 1024
await browser.close()
console.log(JSON.stringify({ ms, bytes: bytes.length, rows, maxRssMb, treeRssMb: peakTree, dataRssMb }))
`
}

export async function run() {
  const host = machine()
  const dir = makeTempDir('table-pdf')
  try {
    const bundleUrl = pathToFileURL(await bundleExports(path.join(dir, 'exports.mjs'))).href
    const files = { ours: path.join(dir, 'ours.mjs'), pdfmake: path.join(dir, 'pdfmake.mjs') }
    fs.writeFileSync(files.ours, oursScript(bundleUrl))
    fs.writeFileSync(files.pdfmake, pdfmakeScript(bundleUrl))
    const withChromium = fs.existsSync(CHROMIUM)
    if (withChromium) {
      files.chromium = path.join(dir, 'chromium.mjs')
      fs.writeFileSync(files.chromium, chromiumScript(bundleUrl))
    }
    const results = { ours: [], pdfmake: [], chromium: [] }
    const errors = { pdfmake: null, chromium: null }
    // Interleaved, so that all see the same state of the machine. A peer that fails or
    // exceeds the cap is reported and left out of the comparison.
    for (let i = 0; i < RUNS; i++) {
      const o = await runChild(spawnNode, files.ours, { timeoutMs: CAP_MS })
      if (o.error) throw new Error(`ours failed: ${o.error}`)
      results.ours.push(o)
      for (const peer of ['pdfmake', 'chromium']) {
        if (!files[peer] || errors[peer]) continue
        const r = await runChild(spawnNode, files[peer], { timeoutMs: CAP_MS })
        if (r.error) errors[peer] = r.error
        else results[peer].push(r)
      }
    }
    const ours = results.ours
    const ms = median(ours.map((r) => r.ms))
    const rss = median(ours.map((r) => r.maxRssMb))
    const peerMs = (name) => (results[name].length ? median(results[name].map((r) => r.ms)) : null)
    const candidates = ['pdfmake', 'chromium'].filter((p) => peerMs(p) !== null)
    const fastest = candidates.sort((a, b) => peerMs(a) - peerMs(b))[0] ?? null
    const fastestMs = fastest ? peerMs(fastest) : null
    const missing = [...new Set(ours.map((r) => r.missing).join(''))].join('')
    const notInInput = ours[0].notInInput
    const ratio = fastestMs ? ms / fastestMs : null
    const pass =
      ratio !== null &&
      ratio <= GOAL_RATIO &&
      rss <= GOAL_RSS_MB &&
      missing === '' &&
      notInInput === '' &&
      ours.every((r) => r.pageLabels)
    const list = (rs, key, d) => rs.map((r) => round(r[key], d)).join(', ')
    const describe = (name) =>
      errors[name]
        ? `${name}: FAILED (${errors[name].slice(0, 200)})`
        : results[name].length
          ? `${name} ms: [${list(results[name], 'ms', 0)}], rss MB: [${list(results[name], 'maxRssMb', 1)}]${name === 'chromium' ? `, node + browser process tree peak RSS MB (sum of VmRSS, shared pages counted in each process): [${list(results[name], 'treeRssMb', 0)}] (browser launch not timed)` : ''}, ${results[name][0].bytes} bytes`
          : `${name}: not run (${CHROMIUM} missing)`
    const conditions = [
      host,
      `data: bench/table-data.mjs (seeded): 1,000 provisions, 60 parties, 20,000 contributions; shown: ${FILTER_DESCRIPTION} = ${ours[0].rows} table rows; Russian text, Tajikistan's comments in Tajik; lang ru`,
      `${RUNS} runs each, interleaved, median; each run a fresh child node process (not pinned); time = the export call only (building the table model included for all; table generation not timed)`,
      'RSS = process.resourceUsage().maxRSS of the child (includes node and the generated data)',
      `ours: server/exports/pdf bundled with esbuild, DejaVu Serif Condensed subset-embedded; ours ms: [${list(ours, 'ms', 0)}], rss MB: [${list(ours, 'maxRssMb', 1)}], ${ours[0].pages} pages, ${ours[0].bytes} bytes; text read back with server/exports/pdf/extract-text.ts: letters missing: ${missing ? `"${missing}"` : 'none'} of ${[...LETTERS].length} Russian and Tajik letters (all present in the input: ${notInInput ? `no, missing "${notInInput}"` : 'yes'})`,
      `pdfmake 0.3.11 (same DejaVu Serif Condensed TTFs, same cells, rowSpan for the provision cells); ${describe('pdfmake')}`,
      `chromium (playwright-core page.setContent + page.pdf of the same table as HTML, rowspan, thead repeated); ${describe('chromium')}`,
      new Date().toISOString(),
    ].join('; ')
    const entry = {
      name: 'table.pdf',
      metric: 'time',
      value: round(ms, 0),
      unit: 'ms',
      peer: fastest === 'chromium' ? 'chromium page.pdf() (faster peer)' : 'pdfmake 0.3.11 (faster peer)',
      peer_value: fastestMs === null ? null : round(fastestMs, 0),
      ratio: ratio === null ? null : round(ratio, 3),
      goal: `ratio <= ${GOAL_RATIO} (vs the faster peer) and rss <= ${GOAL_RSS_MB} MB and every Cyrillic and Tajik letter in the extracted text`,
      pass,
      conditions,
      extra: {
        rss_mb: round(rss, 1),
        pages: ours[0].pages,
        bytes: ours[0].bytes,
        rows: ours[0].rows,
        missing_letters: missing,
        pdfmake_ms: peerMs('pdfmake') === null ? null : round(peerMs('pdfmake'), 0),
        pdfmake_rss_mb: results.pdfmake.length
          ? round(median(results.pdfmake.map((r) => r.maxRssMb)), 1)
          : null,
        chromium_ms: peerMs('chromium') === null ? null : round(peerMs('chromium'), 0),
        chromium_tree_rss_mb: results.chromium.length
          ? round(median(results.chromium.map((r) => r.treeRssMb)), 0)
          : null,
      },
    }
    const summary = `table.pdf: ${entry.value} ms, ${entry.extra.rss_mb} MB RSS, ${entry.extra.pages} pages vs pdfmake ${entry.extra.pdfmake_ms ?? 'n/a'} ms, chromium ${entry.extra.chromium_ms ?? 'n/a'} ms (ratio ${entry.ratio} vs the faster), letters missing: ${missing || 'none'} → ${pass ? 'PASS' : 'FAIL'} (${entry.goal})`
    return { entry, summary, record: true }
  } finally {
    removeTempDir(dir)
  }
}
