/**
 * The representation of a circulated version is immutable, so its JSON is built once and
 * kept, keyed by version id and row version (a bounded LRU); each request only adds the
 * user's policies around it. The ETag covers the content hash, the row version and the
 * policies, so a client revalidates with If-None-Match and gets a 304.
 */
import type { VersionDTO } from '@core/api/types.js'
import { type DocumentContent, flattenProvisions } from '@core/text/model.js'
import { presentVersionSummary } from '../../../presenters/documents.js'
import type { VersionSummaryRow } from '../../../repositories/documents.js'

const MAX_ENTRIES = 256
const cache = new Map<string, string>()

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

/** The cached `data` JSON of a published version, or undefined. Drafts are never cached. */
export function cachedVersionJson(summary: VersionSummaryRow): string | undefined {
  if (summary.status !== 'published') return undefined
  const key = `${summary.id}:${summary.version}`
  const hit = cache.get(key)
  if (hit !== undefined) {
    cache.delete(key)
    cache.set(key, hit)
  }
  return hit
}

export function rememberVersionJson(summary: VersionSummaryRow, json: string): void {
  if (summary.status !== 'published') return
  cache.set(`${summary.id}:${summary.version}`, json)
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!)
}

/** A strong ETag for the representation seen by a user with these policies. */
export function versionEtag(summary: VersionSummaryRow, policiesJson: string): string {
  let bits = 0
  for (let i = 0; i < policiesJson.length; i++) bits = (bits * 31 + policiesJson.charCodeAt(i)) | 0
  return `"${summary.content_hash.slice(0, 32)}-${summary.version}-${(bits >>> 0).toString(36)}"`
}
