/**
 * Identifiers: UUID version 7 (RFC 9562), time-ordered, so that ids sort by creation and
 * serve as pagination cursors. A malformed id is refused before any query (404).
 */
import { randomBytes } from 'node:crypto'

let lastMs = 0
let counter = 0

/** A new UUIDv7. Monotonic within a process (a counter in rand_a for the same millisecond). */
export function newId(): string {
  let ms = Date.now()
  if (ms <= lastMs) {
    counter++
    if (counter > 0xfff) {
      lastMs++
      counter = 0
    }
    ms = lastMs
  } else {
    lastMs = ms
    counter = 0
  }
  const rand = randomBytes(8)
  const hex = ms.toString(16).padStart(12, '0')
  const randA = (0x7000 | counter).toString(16)
  const variant = ((rand[0]! & 0x3f) | 0x80).toString(16).padStart(2, '0')
  const tail = rand.subarray(1).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${randA}-${variant}${tail.slice(0, 2)}-${tail.slice(2, 14)}`
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** True for a syntactically valid UUID (any version). */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value)
}

/** Now as an ISO 8601 UTC string: the form every timestamp is stored in. */
export function nowIso(): string {
  return new Date().toISOString()
}
