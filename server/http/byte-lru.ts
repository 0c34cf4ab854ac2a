/**
 * A least-recently-used cache of response bodies, bounded by bytes. Used for
 * representations that are immutable under their key (a circulated version; a
 * consolidated table at a given change count): a cache, never the only copy of anything.
 */
export interface CachedBody {
  body: Buffer
  etag: string
}

export class ByteLru {
  private readonly entries = new Map<string, CachedBody>()
  private bytes = 0

  constructor(
    private readonly maxBytes: number,
    /** Entries larger than this are not kept at all. */
    private readonly maxEntryBytes = maxBytes / 4,
  ) {}

  get(key: string): CachedBody | undefined {
    const hit = this.entries.get(key)
    if (hit) {
      this.entries.delete(key)
      this.entries.set(key, hit)
    }
    return hit
  }

  set(key: string, value: CachedBody): void {
    if (value.body.length > this.maxEntryBytes) return
    const old = this.entries.get(key)
    if (old) {
      this.entries.delete(key)
      this.bytes -= old.body.length
    }
    this.entries.set(key, value)
    this.bytes += value.body.length
    while (this.bytes > this.maxBytes) {
      const [oldestKey, oldest] = this.entries.entries().next().value!
      this.entries.delete(oldestKey)
      this.bytes -= oldest.body.length
    }
  }

  get size(): number {
    return this.entries.size
  }
}
