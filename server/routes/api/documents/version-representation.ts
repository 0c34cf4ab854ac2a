/**
 * The representation of a circulated version is immutable, so the whole response body is
 * built once per (version, row version, policies) and kept as UTF-8 bytes in a bounded
 * LRU: a request then costs its queries and a buffer write, not the encoding of a large
 * string. There are only a few distinct policy sets (one per kind of user), so entries stay
 * few. The ETag covers content hash, row version and policies; a client revalidates with
 * If-None-Match and gets a 304. Drafts are never cached. A cache of immutable data, never
 * the only copy of anything.
 */
import { createHash } from 'node:crypto'
import type { VersionDTO } from '@core/api/types.js'
import { type DocumentContent, flattenProvisions } from '@core/text/model.js'
import { ByteLru, type CachedBody } from '../../../http/byte-lru.js'
import { presentVersionSummary } from '../../../presenters/documents.js'
import type { VersionSummaryRow } from '../../../repositories/documents.js'

export type Representation = CachedBody

/** Up to 64 MiB of response bodies. */
const cache = new ByteLru(64 * 1024 * 1024)

/** Builds the `data` JSON of a version from its canonical content. */
export function buildVersionJson(
  summary: VersionSummaryRow,
  content: string,
  names: Map<string, string>,
): string {
  const parsed = JSON.parse(content) as DocumentContent
  const dto: VersionDTO = {
    ...presentVersionSummary(summary, names),
    title: parsed.title,
    provisions: flattenProvisions(parsed),
  }
  return JSON.stringify(dto)
}

function keyOf(summary: VersionSummaryRow, policiesJson: string): string {
  return `${summary.id}:${summary.version}:${policiesJson}`
}

/** The cached representation for this user's policies, or undefined. */
export function cachedRepresentation(
  summary: VersionSummaryRow,
  policiesJson: string,
): Representation | undefined {
  if (summary.status !== 'published') return undefined
  return cache.get(keyOf(summary, policiesJson))
}

/** Assembles `{ data, policies }` as bytes with its ETag, and keeps it if the version is circulated. */
export function representation(
  summary: VersionSummaryRow,
  dataJson: string,
  policiesJson: string,
): Representation {
  const body = Buffer.from(`{"data":${dataJson},"policies":${policiesJson}}`, 'utf8')
  const policiesTag = createHash('sha256').update(policiesJson).digest('hex').slice(0, 8)
  const rep = { body, etag: `"${summary.content_hash.slice(0, 32)}-${summary.version}-${policiesTag}"` }
  if (summary.status === 'published') cache.set(keyOf(summary, policiesJson), rep)
  return rep
}
