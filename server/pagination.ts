/**
 * Cursor pagination over time-ordered ids: the cursor is the last id of the page,
 * base64url-encoded so that clients treat it as opaque.
 */
import { validationFailed } from './errors.js'
import { isId } from './ids.js'

export function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url')
}

export function decodeCursor(cursor: string | undefined): string | null {
  if (!cursor) return null
  const id = Buffer.from(cursor, 'base64url').toString('utf8')
  if (!isId(id)) throw validationFailed([{ path: 'cursor', message: 'invalid cursor' }])
  return id
}

/** Splits `limit + 1` fetched rows into the page and the next cursor. */
export function pageOf<T extends { id: string }>(
  rows: T[],
  limit: number,
): { items: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null }
  const items = rows.slice(0, limit)
  return { items, nextCursor: encodeCursor(items[items.length - 1]!.id) }
}
