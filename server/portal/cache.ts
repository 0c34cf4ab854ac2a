/**
 * Rendered portal responses kept in memory, bounded by bytes (server/http/byte-lru.ts), and
 * sent with a strong ETag (304 when the browser has it) and a short public Cache-Control
 * with stale-while-revalidate.
 *
 * Every key carries what the page depends on that can change: a news page's key holds the
 * item's id and row version (read with one lookup on the unique (organization, language,
 * slug) index before the cache is consulted), a list's key holds the count and newest
 * publication time of what it lists. What a key cannot see (another item's title in the
 * "other news" list, a rubric renamed) is bounded by a short time to live, so a node never
 * serves stale content for long — with several nodes each keeps its own cache, and the
 * database decides. A cache, never the only copy.
 */
import { createHash } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { ByteLru, type CachedBody } from '../http/byte-lru.js'

export interface CachedResponse extends CachedBody {
  type: string
  /** Epoch ms after which the entry is rebuilt. */
  expires: number
}

/** How long a rendered page is reused before it is rebuilt even if its key did not change. */
export const PAGE_TTL_MS = 30_000
/** Cache-Control of public pages and feeds. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600'

export function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
}

export class PageCache {
  private readonly lru: ByteLru

  constructor(
    maxBytes = 32 * 1024 * 1024,
    private readonly ttlMs = PAGE_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {
    this.lru = new ByteLru(maxBytes)
  }

  get(key: string): CachedResponse | undefined {
    const hit = this.lru.get(key) as CachedResponse | undefined
    return hit && hit.expires > this.now() ? hit : undefined
  }

  /** The cached response, or builds, keeps and returns it. */
  async getOrBuild(
    key: string,
    type: string,
    build: () => Promise<string | Buffer>,
  ): Promise<CachedResponse> {
    const hit = this.get(key)
    if (hit) return hit
    const built = await build()
    const body = Buffer.isBuffer(built) ? built : Buffer.from(built, 'utf8')
    const entry: CachedResponse = { body, etag: etagOf(body), type, expires: this.now() + this.ttlMs }
    this.lru.set(key, entry)
    return entry
  }

  get size(): number {
    return this.lru.size
  }
}

/** True when the request's If-None-Match names this ETag. */
export function notModified(req: FastifyRequest, etag: string): boolean {
  const header = req.headers['if-none-match']
  if (!header) return false
  return header
    .split(',')
    .map((s) => s.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*')
}

/** Sends a cached response: 304 when the browser has it, else the bytes. */
export function sendCached(
  req: FastifyRequest,
  reply: FastifyReply,
  entry: Pick<CachedResponse, 'body' | 'etag' | 'type'>,
  cacheControl = PUBLIC_CACHE_CONTROL,
): FastifyReply {
  reply.header('etag', entry.etag).header('cache-control', cacheControl)
  if (notModified(req, entry.etag)) return reply.status(304).send()
  return reply.type(entry.type).send(entry.body)
}
