/**
 * Verifying a copy of a text: what kind of file it is, the SHA-256 of the canonical content
 * it carries, and whether it is exactly what Concord wrote for that content.
 *
 * - JSON (the canonical content, or any JSON copy of it): parsed, validated against the
 *   content schema (core/text/model.ts) and hashed with `canonicalHash`.
 * - DOCX (the Word text of a version, server/exports/docx/version-text.ts): the canonical
 *   JSON embedded in its custom XML part is re-hashed; the hash written in
 *   docProps/custom.xml must be the same; and the visible text of document.xml and
 *   footnotes.xml must be exactly the text `versionTextParts` produces from that content and
 *   the header data, so a DOCX whose words were edited fails even though its embedded JSON
 *   still hashes to the agreed text.
 */
import { isLang } from '@core/i18n/languages.js'
import { CanonicalJsonError, canonicalHash } from '@core/text/canonical.js'
import { contentSchema, type DocumentContent } from '@core/text/model.js'
import { unzipSync } from 'fflate'
import {
  CONTENT_XML_NS,
  CUSTOM_PROPS,
  DEFAULT_TIME_ZONE,
  versionTextParts,
} from '../exports/docx/version-text.js'
import { customProperties, elementText, visibleParagraphs } from './docx-text.js'

export type VerifyKind = 'json' | 'docx' | 'unknown'

export type VerifyProblemCode =
  | 'invalid_json'
  | 'invalid_content'
  | 'not_integer'
  | 'docx_unreadable'
  | 'no_embedded_content'
  | 'metadata_missing'
  | 'declared_hash_mismatch'
  | 'text_mismatch'

export interface VerifyProblem {
  code: VerifyProblemCode
  /** Values for the message `verify.problem.<code>`. */
  params?: Record<string, string | number>
  /** Machine-readable details (for text_mismatch: what was expected and what was found). */
  details?: Record<string, unknown>
}

export interface VerifyResult {
  kind: VerifyKind
  /** SHA-256 (hex) of the canonical content; null when no content could be read. */
  hash: string | null
  /** True when the file is exactly a Concord text of that content: no problem found. */
  ok: boolean
  problems: VerifyProblem[]
}

/** Largest part of a DOCX we inflate (a defence against zip bombs). */
const MAX_PART_BYTES = 64 * 1024 * 1024

const decoder = new TextDecoder('utf-8', { fatal: true })

function firstSignificantByte(bytes: Uint8Array): number {
  let i = 0
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3
  while (i < bytes.length) {
    const b = bytes[i]!
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return b
    i++
  }
  return -1
}

/** The kind of a file, from its first bytes. */
export function identify(bytes: Uint8Array): { kind: VerifyKind } {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return { kind: 'docx' }
  const b = firstSignificantByte(bytes)
  if (b === 0x7b || b === 0x5b) return { kind: 'json' }
  return { kind: 'unknown' }
}

interface ParsedContent {
  hash: string | null
  content: DocumentContent | null
  problems: VerifyProblem[]
}

/** Parses JSON text as content and hashes it; problems say what is wrong. */
function hashJsonText(text: string): ParsedContent {
  let value: unknown
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    return { hash: null, content: null, problems: [{ code: 'invalid_json' }] }
  }
  const problems: VerifyProblem[] = []
  const parsed = contentSchema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const detail = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'
    problems.push({
      code: 'invalid_content',
      params: { detail },
      details: { issues: parsed.error.issues.length },
    })
  }
  let hash: string | null = null
  try {
    hash = canonicalHash(value)
  } catch (err) {
    if (!(err instanceof CanonicalJsonError)) throw err
    problems.push({ code: 'not_integer' })
  }
  return { hash, content: parsed.success ? parsed.data : null, problems }
}

function verifyJson(bytes: Uint8Array): VerifyResult {
  let text: string
  try {
    text = decoder.decode(bytes)
  } catch {
    return { kind: 'json', hash: null, ok: false, problems: [{ code: 'invalid_json' }] }
  }
  const { hash, problems } = hashJsonText(text)
  return { kind: 'json', hash, ok: hash !== null && problems.length === 0, problems }
}

const WANTED = /^(?:word\/document\.xml|word\/footnotes\.xml|docProps\/custom\.xml|customXml\/item\d+\.xml)$/

function verifyDocx(bytes: Uint8Array): VerifyResult {
  const fail = (code: VerifyProblemCode): VerifyResult => ({
    kind: 'docx',
    hash: null,
    ok: false,
    problems: [{ code }],
  })
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes, {
      filter: (f) => WANTED.test(f.name) && f.originalSize <= MAX_PART_BYTES,
    })
  } catch {
    return fail('docx_unreadable')
  }
  const text = (name: string): string | null => {
    const data = files[name]
    if (!data) return null
    try {
      return decoder.decode(data)
    } catch {
      return null
    }
  }
  const documentXml = text('word/document.xml')
  if (documentXml === null) return fail('docx_unreadable')

  // The embedded canonical content: the custom XML item in our namespace.
  let json: string | null = null
  for (const name of Object.keys(files)
    .filter((n) => n.startsWith('customXml/'))
    .sort()) {
    const xml = text(name)
    if (!xml?.includes(CONTENT_XML_NS)) continue
    const m = /<((?:[\w.-]+:)?content)\b[^>]*>([\s\S]*?)<\/\1>/.exec(xml)
    if (m) {
      json = elementText(m[2]!)
      break
    }
  }
  if (json === null) return fail('no_embedded_content')
  const parsed = hashJsonText(json)
  const problems = [...parsed.problems]
  const hash = parsed.hash
  if (hash === null) return { kind: 'docx', hash, ok: false, problems }

  // The header data, to regenerate the visible text.
  const customXml = text('docProps/custom.xml')
  const props = customXml ? customProperties(customXml) : new Map<string, string>()
  const declared = props.get(CUSTOM_PROPS.hash)
  const lang = props.get(CUSTOM_PROPS.lang)
  if (declared === undefined || !isLang(lang)) {
    problems.push({ code: 'metadata_missing' })
    return { kind: 'docx', hash, ok: false, problems }
  }
  if (declared !== hash) problems.push({ code: 'declared_hash_mismatch', params: { declared } })
  if (parsed.content) {
    const regenerated = versionTextParts(
      parsed.content,
      {
        title: props.get(CUSTOM_PROPS.title) ?? '',
        label: props.get(CUSTOM_PROPS.label) ?? '',
        reference: props.get(CUSTOM_PROPS.reference) ?? '',
        frozenAt: props.get(CUSTOM_PROPS.frozenAt) || null,
        contentHash: declared,
      },
      lang,
      props.get(CUSTOM_PROPS.timeZone) || DEFAULT_TIME_ZONE,
    )
    const expected = [...visibleParagraphs(regenerated.document), ...visibleParagraphs(regenerated.footnotes)]
    const found = [...visibleParagraphs(documentXml), ...visibleParagraphs(text('word/footnotes.xml') ?? '')]
    const n = Math.max(expected.length, found.length)
    for (let i = 0; i < n; i++) {
      if (expected[i] !== found[i]) {
        const cut = (s: string | undefined) =>
          s === undefined ? null : s.length > 300 ? `${s.slice(0, 300)}…` : s
        problems.push({
          code: 'text_mismatch',
          params: { paragraph: i + 1 },
          details: { paragraph: i + 1, expected: cut(expected[i]), found: cut(found[i]) },
        })
        break
      }
    }
  }
  return { kind: 'docx', hash, ok: problems.length === 0, problems }
}

/** The SHA-256 of the canonical content a file carries, and whether the file is exactly a Concord text. */
export function canonicalHashOf(bytes: Uint8Array): VerifyResult {
  const { kind } = identify(bytes)
  if (kind === 'json') return verifyJson(bytes)
  if (kind === 'docx') return verifyDocx(bytes)
  return { kind, hash: null, ok: false, problems: [] }
}
