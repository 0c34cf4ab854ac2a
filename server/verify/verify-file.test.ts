import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { canonicalJson } from '@core/text/canonical.js'
import { versionFreezer } from '@server/commands/positions.js'
import { inTransaction } from '@server/context.js'
import { findVersionSummary } from '@server/repositories/documents.js'
import { createTestDb, type TestDb } from '@test/support/db.js'
import { buildDossier, type DossierWorld, sampleContent } from '@test/support/factories.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyFile } from '../cli/verify.js'
import { versionTextDocx } from '../exports/docx/version-text.js'

let db: TestDb
let w: DossierWorld
let dir: string

beforeAll(async () => {
  db = await createTestDb()
  w = await buildDossier(db.handle)
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-verify-'))
})
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true })
  await db.destroy()
})

const write = (name: string, bytes: Uint8Array | string) => {
  const file = path.join(dir, name)
  fs.writeFileSync(file, bytes)
  return file
}

describe('concord verify <file>', () => {
  it('exits 1 for a text that was circulated but not agreed', async () => {
    const out = await verifyFile(db.handle.db, write('draft.json', canonicalJson(sampleContent())))
    expect(out.exitCode).toBe(1)
    expect(out.lines.join('\n')).toContain(`SHA-256 of the canonical content: ${w.published.content_hash}`)
    expect(out.lines.join('\n')).toContain('Does NOT match any agreed (frozen) text')
  })

  it('exits 0 for the JSON or the DOCX of a frozen version, naming it', async () => {
    await inTransaction(db.handle, null, 'test', async (ctx) => {
      const summary = await findVersionSummary(ctx.trx, w.document.id, w.published.id)
      await versionFreezer(ctx, w.dossier, summary)
    })
    const json = await verifyFile(db.handle.db, write('agreed.json', canonicalJson(sampleContent())))
    expect(json.exitCode).toBe(0)
    expect(json.matches.map((m) => m.versionId)).toEqual([w.published.id])
    expect(json.lines.join('\n')).toMatch(
      /MATCHES the agreed text: "Statement", Draft, dossier REF-\d+, agreed on /,
    )

    const content = sampleContent()
    const meta = {
      title: 'Заявление',
      label: 'Проект',
      reference: w.dossier.reference,
      frozenAt: null,
      contentHash: w.published.content_hash,
    }
    const docx = await verifyFile(
      db.handle.db,
      write('agreed.docx', versionTextDocx(content, meta, 'ru')),
      'ru',
    )
    expect(docx.exitCode).toBe(0)
    expect(docx.lines[0]).toContain('текст редакции в формате Word (DOCX)')
    expect(docx.lines.join('\n')).toContain('СОВПАДАЕТ с согласованным текстом: «Заявление», Проект')
  })

  it('exits 1 for an edited DOCX, saying the identity is right but the file is not an exact copy', async () => {
    const { strFromU8, strToU8, unzipSync, zipSync } = await import('fflate')
    const meta = {
      title: 'Заявление',
      label: 'Проект',
      reference: w.dossier.reference,
      frozenAt: null,
      contentHash: w.published.content_hash,
    }
    const parts = unzipSync(versionTextDocx(sampleContent(), meta, 'ru'))
    parts['word/document.xml'] = strToU8(
      strFromU8(parts['word/document.xml']!).replace('Пункт 2', 'Пункт 22'),
    )
    const out = await verifyFile(db.handle.db, write('edited.docx', zipSync(parts)))
    expect(out.exitCode).toBe(1)
    expect(out.result.problems[0]?.code).toBe('text_mismatch')
    expect(out.lines.join('\n')).toContain('but the file is not an exact copy of it')
  })

  it('exits 1 for a file it cannot read', async () => {
    const out = await verifyFile(db.handle.db, write('photo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47])))
    expect(out.exitCode).toBe(1)
    expect(out.lines.join('\n')).toContain('The file cannot be read')
  })
})
