/**
 * `concord verify <file>`: the SHA-256 of the canonical content a file carries (the canonical
 * JSON of a version, or its DOCX export), and whether it is exactly an agreed (frozen) text in
 * this database. Exit code 0 when it is, 1 otherwise. The operator of the server sees every
 * agreed version (no need-to-know filter: the CLI has the database).
 */
import fs from 'node:fs/promises'
import { t } from '@core/i18n/index.js'
import { pickText, type UiLang } from '@core/i18n/languages.js'
import { type Command, Option } from 'commander'
import { loadConfig } from '../config.js'
import type { Queryable } from '../context.js'
import { openDb } from '../db/index.js'
import { formatInstant } from '../exports/docx/version-text.js'
import { type AgreedVersion, canonicalHashOf, findAgreed, type VerifyResult } from '../verify/index.js'

export interface VerifyFileOutcome {
  /** 0: exactly an agreed text; 1: anything else. */
  exitCode: 0 | 1
  /** What the command prints, line by line. */
  lines: string[]
  result: VerifyResult
  matches: AgreedVersion[]
}

/** Verifies the file at `file` against the agreed versions in the database. */
export async function verifyFile(
  db: Queryable,
  file: string,
  lang: UiLang = 'en',
): Promise<VerifyFileOutcome> {
  const bytes = new Uint8Array(await fs.readFile(file))
  const result = canonicalHashOf(bytes)
  const lines = [t(lang, 'verify.cli.file', { file, kind: t(lang, `verify.kind.${result.kind}`) })]
  if (result.kind === 'unknown' || result.hash === null) {
    lines.push(t(lang, 'error.verify_unreadable'))
    for (const p of result.problems)
      lines.push(t(lang, 'verify.cli.problem', { message: t(lang, `verify.problem.${p.code}`, p.params) }))
    return { exitCode: 1, lines, result, matches: [] }
  }
  lines.push(t(lang, 'verify.cli.hash', { hash: result.hash }))
  for (const p of result.problems)
    lines.push(t(lang, 'verify.cli.problem', { message: t(lang, `verify.problem.${p.code}`, p.params) }))
  const matches = await findAgreed(db, result.hash)
  for (const m of matches) {
    const params = {
      title: pickText(m.title, lang),
      label: pickText(m.label, lang),
      reference: m.reference,
      date: formatInstant(m.frozenAt, lang),
    }
    lines.push(t(lang, result.ok ? 'verify.cli.match' : 'verify.cli.hashOnly', params))
  }
  if (!matches.length) lines.push(t(lang, 'verify.cli.noMatch'))
  return { exitCode: result.ok && matches.length > 0 ? 0 : 1, lines, result, matches }
}

/** Adds `verify <file>` to the `concord` program. */
export function registerVerifyCommand(cli: Command): void {
  cli
    .command('verify')
    .description(
      'check whether a file (canonical JSON or DOCX export) is exactly an agreed text; exit 0 if so',
    )
    .argument('<file>', 'the file to check')
    .addOption(new Option('--lang <lang>', 'language of the report').choices(['ru', 'en']).default('en'))
    .action(async (file: string, opts: { lang: UiLang }) => {
      const config = loadConfig()
      const handle = openDb({ databaseUrl: config.DATABASE_URL, sqlitePath: config.sqlitePath })
      try {
        const outcome = await verifyFile(handle.db, file, opts.lang)
        process.stdout.write(`${outcome.lines.join('\n')}\n`)
        process.exitCode = outcome.exitCode
      } finally {
        await handle.close()
      }
    })
}
