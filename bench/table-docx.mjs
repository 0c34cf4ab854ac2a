// table.docx: the consolidated table (bench/table-data.mjs: 1,000 provisions, 60 parties,
// 20,000 contributions, the ~5,000 submitted rows of round 3) written as .docx by our OOXML
// writer (server/exports/docx, bundled with esbuild) against a straightforward build with
// the `docx` package (Document + Table of the same rows and cells, Packer.toBuffer). Each
// run is a fresh child node process: it generates the table (not timed), times the export,
// and reports its peak RSS (process.resourceUsage().maxRSS, which includes the data).
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { machine, makeTempDir, median, removeTempDir, round, spawnNode } from './lib.mjs'
import { bundleExports, DATA_MODULE_URL, FILTER_DESCRIPTION, packageUrl, runChild } from './table-data.mjs'

const RUNS = 3
const CAP_MS = 120_000
const GOAL_RATIO = 0.5
const GOAL_RSS_MB = 200

const PEER = 'docx 9.15.2 (new Document with a Table of the same rows and cells, Packer.toBuffer)'

function oursScript(bundleUrl) {
  return `
const { generateTable, rowCount } = await import(${JSON.stringify(DATA_MODULE_URL)})
const exp = await import(${JSON.stringify(bundleUrl)})
const { unzipSync, strFromU8 } = await import(${JSON.stringify(packageUrl('fflate'))})
const table = generateTable()
const rows = rowCount(table)
const dataRssMb = process.memoryUsage().rss / 2 ** 20
const t0 = performance.now()
const bytes = exp.consolidatedTableDocx(table, 'ru')
const ms = performance.now() - t0
const maxRssMb = process.resourceUsage().maxRSS / 1024
const xml = strFromU8(unzipSync(bytes)['word/document.xml'])
const tableRows = (xml.match(/<w:tr>/g) ?? []).length - 1
console.log(JSON.stringify({ ms, bytes: bytes.length, rows, tableRows, maxRssMb, dataRssMb }))
`
}

function peerScript(bundleUrl) {
  return `
const { generateTable, rowCount } = await import(${JSON.stringify(DATA_MODULE_URL)})
const { buildTableModel, COLUMNS } = await import(${JSON.stringify(bundleUrl)})
const docx = await import(${JSON.stringify(packageUrl('docx'))})
const table = generateTable()
const rows = rowCount(table)
const dataRssMb = process.memoryUsage().rss / 2 ** 20
const t0 = performance.now()
const model = buildTableModel(table, 'ru')
const TEXT_W = 16838 - 2 * 851
const sum = COLUMNS.reduce((s, c) => s + c.weight, 0)
const widths = COLUMNS.map((c) => Math.floor((TEXT_W * c.weight) / sum))
const color = (s) => (s.del ? 'C00000' : s.ins ? '0047AB' : s.muted ? '595959' : undefined)
const runs = (para, size) =>
  para.map((s) => new docx.TextRun({ text: s.text, bold: !!s.bold, italics: !!s.italic, strike: !!s.del, color: color(s), underline: s.ins ? {} : undefined, size }))
const paras = (cell) => (cell.length ? cell.map((p) => new docx.Paragraph({ children: runs(p), spacing: { after: 40 } })) : [new docx.Paragraph({})])
const cell = (i, content, verticalMerge) => new docx.TableCell({ children: paras(content), width: { size: widths[i], type: docx.WidthType.DXA }, verticalMerge })
const trs = [
  new docx.TableRow({
    tableHeader: true,
    children: model.headings.map((h, i) => new docx.TableCell({
      children: [new docx.Paragraph({ alignment: docx.AlignmentType.CENTER, children: [new docx.TextRun({ text: h, bold: true })] })],
      width: { size: widths[i], type: docx.WidthType.DXA },
      shading: { fill: 'D9D9D9', type: docx.ShadingType.CLEAR, color: 'auto' },
    })),
  }),
]
for (const g of model.groups) {
  const merge = g.rows.length > 1
  g.rows.forEach((sub, r) => {
    const first = r === 0
    const m = (i, content) => first ? cell(i, content, merge ? docx.VerticalMergeType.RESTART : undefined) : cell(i, [], docx.VerticalMergeType.CONTINUE)
    trs.push(new docx.TableRow({ children: [m(0, g.num), m(1, g.text), ...sub.map((c, k) => cell(k + 2, c)), m(7, g.result)] }))
  })
}
const title = model.titleLines.map((l) => new docx.Paragraph({ children: [new docx.TextRun({ text: l.text, bold: !!l.bold })] }))
const document = new docx.Document({
  creator: 'bench',
  title: model.docTitle,
  styles: { default: { document: { run: { font: 'Times New Roman', size: 20 } } } },
  sections: [{
    properties: { page: { size: { orientation: docx.PageOrientation.LANDSCAPE }, margin: { top: 1134, right: 851, bottom: 851, left: 851 } } },
    children: [...title, new docx.Table({ rows: trs, width: { size: TEXT_W, type: docx.WidthType.DXA }, columnWidths: widths, layout: docx.TableLayoutType.FIXED })],
  }],
})
const bytes = await docx.Packer.toBuffer(document)
const ms = performance.now() - t0
const maxRssMb = process.resourceUsage().maxRSS / 1024
console.log(JSON.stringify({ ms, bytes: bytes.length, rows, maxRssMb, dataRssMb }))
`
}

export async function run() {
  const host = machine()
  const dir = makeTempDir('table-docx')
  try {
    const bundle = await bundleExports(path.join(dir, 'exports.mjs'))
    const bundleUrl = pathToFileURL(bundle).href
    const oursFile = path.join(dir, 'ours.mjs')
    const peerFile = path.join(dir, 'peer.mjs')
    fs.writeFileSync(oursFile, oursScript(bundleUrl))
    fs.writeFileSync(peerFile, peerScript(bundleUrl))
    const ours = []
    const peer = []
    // Interleaved, so that both see the same state of the machine.
    for (let i = 0; i < RUNS; i++) {
      const o = await runChild(spawnNode, oursFile, { timeoutMs: CAP_MS })
      if (o.error) throw new Error(`ours failed: ${o.error}`)
      if (o.tableRows !== o.rows) throw new Error(`ours wrote ${o.tableRows} rows, expected ${o.rows}`)
      ours.push(o)
      const p = await runChild(spawnNode, peerFile, { timeoutMs: CAP_MS })
      if (p.error) throw new Error(`peer failed: ${p.error}`)
      peer.push(p)
    }
    const ms = median(ours.map((r) => r.ms))
    const peerMs = median(peer.map((r) => r.ms))
    const rss = median(ours.map((r) => r.maxRssMb))
    const peerRss = median(peer.map((r) => r.maxRssMb))
    const ratio = ms / peerMs
    const pass = ratio <= GOAL_RATIO && rss <= GOAL_RSS_MB
    const list = (rs, key, d) => rs.map((r) => round(r[key], d)).join(', ')
    const conditions = [
      host,
      `data: bench/table-data.mjs (seeded): 1,000 provisions, 60 parties, 20,000 contributions; shown: ${FILTER_DESCRIPTION} = ${ours[0].rows} table rows; Russian and Tajik text; lang ru`,
      `${RUNS} runs each, interleaved, median; each run a fresh child node process (not pinned); time = the export call only (ours includes building the table model; the peer builds the same model, then its Document, then Packer.toBuffer); table generation not timed`,
      'RSS = process.resourceUsage().maxRSS of the child (includes node and the generated data, about the same for both)',
      `ours: server/exports/docx bundled with esbuild; ours ms: [${list(ours, 'ms', 0)}], rss MB: [${list(ours, 'maxRssMb', 1)}], ${ours[0].bytes} bytes`,
      `peer ms: [${list(peer, 'ms', 0)}], rss MB: [${list(peer, 'maxRssMb', 1)}], ${peer[0].bytes} bytes`,
      `RSS after generating the data, before exporting: ${round(median(ours.map((r) => r.dataRssMb)), 1)} MB`,
      new Date().toISOString(),
    ].join('; ')
    const entry = {
      name: 'table.docx',
      metric: 'time',
      value: round(ms, 0),
      unit: 'ms',
      peer: PEER,
      peer_value: round(peerMs, 0),
      ratio: round(ratio, 3),
      goal: `ratio <= ${GOAL_RATIO} and rss <= ${GOAL_RSS_MB} MB`,
      pass,
      conditions,
      extra: {
        rss_mb: round(rss, 1),
        peer_rss_mb: round(peerRss, 1),
        rows: ours[0].rows,
        bytes: ours[0].bytes,
        peer_bytes: peer[0].bytes,
      },
    }
    const summary = `table.docx: ${entry.value} ms, ${entry.extra.rss_mb} MB RSS vs docx ${entry.peer_value} ms, ${entry.extra.peer_rss_mb} MB (ratio ${entry.ratio}) → ${pass ? 'PASS' : 'FAIL'} (${entry.goal})`
    return { entry, summary, record: true }
  } finally {
    removeTempDir(dir)
  }
}
