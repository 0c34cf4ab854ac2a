/** Optimistic concurrency on the wire: the version a write is based on. */
import type { FastifyRequest } from 'fastify'
import { validationFailed } from '../errors.js'

/**
 * The version the client read: `If-Match: "3"` (or `3`), else the body's `version`.
 * A write without either is refused (422 naming `version`): no blind overwrites.
 */
export function versionFrom(req: FastifyRequest): number {
  const header = req.headers['if-match']
  if (typeof header === 'string' && header.length) {
    const n = Number(header.replace(/^W\//, '').replace(/"/g, ''))
    if (Number.isSafeInteger(n) && n > 0) return n
    throw validationFailed([{ path: 'headers.if-match', message: 'expected a version number' }])
  }
  const body = req.body as { version?: unknown } | undefined
  if (typeof body?.version === 'number') return body.version
  throw validationFailed([{ path: 'body.version', message: 'required (or send If-Match)' }])
}
