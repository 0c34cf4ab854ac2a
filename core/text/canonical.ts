/**
 * Canonical JSON, format `concord-canonical/1`: the form that is hashed to give a
 * version its identity. Specified in docs/canonical-json.md; never change it without a
 * new format version, or every published hash stops verifying.
 *
 * - object keys sorted by UTF-16 code units (JavaScript's default sort), recursively;
 * - strings normalised to Unicode NFC;
 * - `undefined` members dropped; `null` kept;
 * - only finite integers allowed as numbers (no floats in content: no ambiguity);
 * - no whitespace outside strings; JSON.stringify string escaping.
 */
import { sha256Hex } from './sha256.js'

export const CANONICAL_FORMAT = 'concord-canonical/1'

export class CanonicalJsonError extends Error {}

function write(value: unknown, out: string[]): void {
  if (value === null) {
    out.push('null')
    return
  }
  switch (typeof value) {
    case 'string':
      out.push(JSON.stringify(value.normalize('NFC')))
      return
    case 'boolean':
      out.push(value ? 'true' : 'false')
      return
    case 'number':
      if (!Number.isSafeInteger(value)) throw new CanonicalJsonError(`not an integer: ${value}`)
      out.push(String(value))
      return
    case 'object': {
      if (Array.isArray(value)) {
        out.push('[')
        value.forEach((item, i) => {
          if (i > 0) out.push(',')
          write(item === undefined ? null : item, out)
        })
        out.push(']')
        return
      }
      const record = value as Record<string, unknown>
      const keys = Object.keys(record)
        .filter((k) => record[k] !== undefined)
        .map((k) => [k.normalize('NFC'), k] as const)
        .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
      out.push('{')
      keys.forEach(([normalized, original], i) => {
        if (i > 0) out.push(',')
        out.push(JSON.stringify(normalized), ':')
        write(record[original], out)
      })
      out.push('}')
      return
    }
    default:
      throw new CanonicalJsonError(`cannot canonicalise a ${typeof value}`)
  }
}

/** The canonical JSON text of a value. */
export function canonicalJson(value: unknown): string {
  const out: string[] = []
  write(value, out)
  return out.join('')
}

/** SHA-256 (hex) of the canonical JSON of a value: the identity of a version's content. */
export function canonicalHash(value: unknown): string {
  return sha256Hex(canonicalJson(value))
}
