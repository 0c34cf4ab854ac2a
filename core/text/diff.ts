/**
 * Word-level diff and the provision-aligned redline of two versions (docs/redline.md).
 *
 * `diffWords` tokenizes into words, whitespace runs and single punctuation characters,
 * strips the common prefix and suffix (at the character level, backed off to a token
 * boundary), interns the remaining tokens to integers, drops tokens absent from the other
 * side, and runs Myers' O((N+M)·D) linear-space diff with the cost bounds of git's xdiff
 * (long-snake split, and the furthest-reaching split once a region costs more than about
 * √(N+M)), so that the work stays bounded when D is large. A light semantic cleanup then
 * folds short equalities sandwiched between larger changes into the change, so that a
 * rewritten phrase reads as one deletion and one insertion. Never below token granularity.
 *
 * `diffContents` matches provisions by eid, diffs the words of changed ones, and marks as
 * moved the matched provisions outside a longest increasing subsequence of positions.
 *
 * Pure: no Node or DOM imports (core runs in the browser too).
 */
import type { ProvisionChangeDTO } from '../api/contributions.js'
import type { Lang } from '../i18n/languages.js'
import { type DocumentContent, type FlatProvision, flattenProvisions, runsToPlainText } from './model.js'

export interface DiffOp {
  op: 'equal' | 'insert' | 'delete'
  text: string
}

// ---------------------------------------------------------------------------------------
// Tokens

const WORD = 0
const SPACE = 1
const OTHER = 2

const WORD_RE = /^[\p{L}\p{N}\p{M}]$/u
/** Classes of the BMP, computed lazily: 0 unknown, else class + 1. */
let bmpClass: Uint8Array | null = null

function isSpace(cp: number): boolean {
  // Exactly the characters of JavaScript's `\s`.
  return (
    (cp >= 0x09 && cp <= 0x0d) ||
    cp === 0x20 ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000 ||
    cp === 0xfeff
  )
}

function slowClass(cp: number): number {
  if (isSpace(cp)) return SPACE
  if (cp >= 0xd800 && cp <= 0xdfff) return OTHER // a lone surrogate
  return WORD_RE.test(String.fromCodePoint(cp)) ? WORD : OTHER
}

/** WORD (letters, digits, combining marks), SPACE (`\s`) or OTHER (punctuation, symbols). */
function classOf(cp: number): number {
  if (cp < 0x80) {
    if ((cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x30 && cp <= 0x39)) return WORD
    if (cp === 0x20 || (cp >= 0x09 && cp <= 0x0d)) return SPACE
    return OTHER
  }
  // Cyrillic (Russian, Tajik ғ ӣ қ ӯ ҳ ҷ …): all letters or combining marks but U+0482 ҂.
  if (cp >= 0x0400 && cp <= 0x04ff) return cp === 0x0482 ? OTHER : WORD
  if (cp > 0xffff) return slowClass(cp)
  if (!bmpClass) bmpClass = new Uint8Array(0x10000)
  let c = bmpClass[cp]!
  if (c === 0) {
    c = slowClass(cp) + 1
    bmpClass[cp] = c
  }
  return c - 1
}

/** The code point at offset `i` (a surrogate pair only when complete before `end`). */
function codePointAt(text: string, i: number, end: number): number {
  const hi = text.charCodeAt(i)
  if (hi >= 0xd800 && hi <= 0xdbff && i + 1 < end) {
    const lo = text.charCodeAt(i + 1)
    if (lo >= 0xdc00 && lo <= 0xdfff) return ((hi - 0xd800) << 10) + (lo - 0xdc00) + 0x10000
  }
  return hi
}

/**
 * Start offsets of the tokens of text[from, to), followed by `to`, appended to `out`.
 * `from` and `to` must be token boundaries of the whole text.
 */
function tokenStarts(text: string, from: number, to: number, out: number[]): void {
  let prev = -1
  let i = from
  while (i < to) {
    const cp = codePointAt(text, i, to)
    const c = classOf(cp)
    if (c !== prev || c === OTHER) out.push(i)
    prev = c
    i += cp > 0xffff ? 2 : 1
  }
  out.push(to)
}

/**
 * Word-level tokens: runs of letters, digits and combining marks, runs of whitespace, and
 * every other character (punctuation, symbols) alone. `tokenize(t).join('') === t`.
 */
export function tokenize(text: string): string[] {
  const starts: number[] = []
  tokenStarts(text, 0, text.length, starts)
  const tokens: string[] = new Array(starts.length - 1)
  for (let k = 0; k + 1 < starts.length; k++) tokens[k] = text.slice(starts[k], starts[k + 1])
  return tokens
}

/** The class of the code point that ends just before `i`. */
function classBefore(text: string, i: number): number {
  const lo = text.charCodeAt(i - 1)
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = text.charCodeAt(i - 2)
    if (hi >= 0xd800 && hi <= 0xdbff) return classOf(((hi - 0xd800) << 10) + (lo - 0xdc00) + 0x10000)
  }
  return classOf(lo)
}

/** True when a token of `text` starts (or ends) at offset `i`. */
function isBoundary(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return true
  const here = text.charCodeAt(i)
  if (here >= 0xdc00 && here <= 0xdfff) {
    const before = text.charCodeAt(i - 1)
    if (before >= 0xd800 && before <= 0xdbff) return false // inside a surrogate pair
  }
  const c = classOf(codePointAt(text, i, text.length))
  return c === OTHER || c !== classBefore(text, i)
}

// ---------------------------------------------------------------------------------------
// Myers' diff with xdiff's cost bounds, on interned token ids

const SNAKE_CNT = 20
const HEUR_MIN = 256
const K_HEUR = 4
const MAX_COST_MIN = 256
const LINE_MAX = 0x7fffffff

interface SplitPoint {
  i1: number
  i2: number
  minLo: boolean
  minHi: boolean
}

/**
 * Finds where to split the box [off1, lim1) × [off2, lim2) (xdiff's xdl_split): the middle
 * snake of a minimal path, or, unless `needMin`, a good-enough point once the cost bounds
 * are reached. `kvdf`/`kvdb` are indexed by diagonal + `koff`.
 */
function split(
  ha1: Int32Array,
  off1: number,
  lim1: number,
  ha2: Int32Array,
  off2: number,
  lim2: number,
  kvdf: Int32Array,
  kvdb: Int32Array,
  koff: number,
  needMin: boolean,
  mxcost: number,
  spl: SplitPoint,
): void {
  const dmin = off1 - lim2
  const dmax = lim1 - off2
  const fmid = off1 - off2
  const bmid = lim1 - lim2
  const odd = ((fmid - bmid) & 1) !== 0
  let fmin = fmid
  let fmax = fmid
  let bmin = bmid
  let bmax = bmid
  kvdf[fmid + koff] = off1
  kvdb[bmid + koff] = lim1

  for (let ec = 1; ; ec++) {
    let gotSnake = false

    // Extend the forward paths by one edit.
    if (fmin > dmin) kvdf[--fmin - 1 + koff] = -1
    else ++fmin
    if (fmax < dmax) kvdf[++fmax + 1 + koff] = -1
    else --fmax
    for (let d = fmax; d >= fmin; d -= 2) {
      const left = kvdf[d - 1 + koff]!
      const right = kvdf[d + 1 + koff]!
      let i1 = left >= right ? left + 1 : right
      const prev1 = i1
      let i2 = i1 - d
      while (i1 < lim1 && i2 < lim2 && ha1[i1] === ha2[i2]) {
        i1++
        i2++
      }
      if (i1 - prev1 > SNAKE_CNT) gotSnake = true
      kvdf[d + koff] = i1
      if (odd && bmin <= d && d <= bmax && kvdb[d + koff]! <= i1) {
        spl.i1 = i1
        spl.i2 = i2
        spl.minLo = true
        spl.minHi = true
        return
      }
    }

    // Extend the backward paths by one edit.
    if (bmin > dmin) kvdb[--bmin - 1 + koff] = LINE_MAX
    else ++bmin
    if (bmax < dmax) kvdb[++bmax + 1 + koff] = LINE_MAX
    else --bmax
    for (let d = bmax; d >= bmin; d -= 2) {
      const left = kvdb[d - 1 + koff]!
      const right = kvdb[d + 1 + koff]!
      let i1 = left < right ? left : right - 1
      const prev1 = i1
      let i2 = i1 - d
      while (i1 > off1 && i2 > off2 && ha1[i1 - 1] === ha2[i2 - 1]) {
        i1--
        i2--
      }
      if (prev1 - i1 > SNAKE_CNT) gotSnake = true
      kvdb[d + koff] = i1
      if (!odd && fmin <= d && d <= fmax && i1 <= kvdf[d + koff]!) {
        spl.i1 = i1
        spl.i2 = i2
        spl.minLo = true
        spl.minHi = true
        return
      }
    }

    if (needMin) continue

    // A long snake after enough work: split at the best point that ends one.
    if (gotSnake && ec > HEUR_MIN) {
      let best = 0
      for (let d = fmax; d >= fmin; d -= 2) {
        const dd = d > fmid ? d - fmid : fmid - d
        const i1 = kvdf[d + koff]!
        const i2 = i1 - d
        const v = i1 - off1 + (i2 - off2) - dd
        if (
          v > K_HEUR * ec &&
          v > best &&
          off1 + SNAKE_CNT <= i1 &&
          i1 < lim1 &&
          off2 + SNAKE_CNT <= i2 &&
          i2 < lim2
        ) {
          for (let k = 1; ha1[i1 - k] === ha2[i2 - k]; k++) {
            if (k === SNAKE_CNT) {
              best = v
              spl.i1 = i1
              spl.i2 = i2
              break
            }
          }
        }
      }
      if (best > 0) {
        spl.minLo = true
        spl.minHi = false
        return
      }
      for (let d = bmax; d >= bmin; d -= 2) {
        const dd = d > bmid ? d - bmid : bmid - d
        const i1 = kvdb[d + koff]!
        const i2 = i1 - d
        const v = lim1 - i1 + (lim2 - i2) - dd
        if (
          v > K_HEUR * ec &&
          v > best &&
          off1 < i1 &&
          i1 <= lim1 - SNAKE_CNT &&
          off2 < i2 &&
          i2 <= lim2 - SNAKE_CNT
        ) {
          for (let k = 0; ha1[i1 + k] === ha2[i2 + k]; k++) {
            if (k === SNAKE_CNT - 1) {
              best = v
              spl.i1 = i1
              spl.i2 = i2
              break
            }
          }
        }
      }
      if (best > 0) {
        spl.minLo = false
        spl.minHi = true
        return
      }
    }

    // Enough: split at the furthest-reaching point, forward or backward.
    if (ec >= mxcost) {
      let fbest = -1
      let fbest1 = -1
      for (let d = fmax; d >= fmin; d -= 2) {
        let i1 = Math.min(kvdf[d + koff]!, lim1)
        let i2 = i1 - d
        if (lim2 < i2) {
          i1 = lim2 + d
          i2 = lim2
        }
        if (fbest < i1 + i2) {
          fbest = i1 + i2
          fbest1 = i1
        }
      }
      let bbest = LINE_MAX
      let bbest1 = LINE_MAX
      for (let d = bmax; d >= bmin; d -= 2) {
        let i1 = Math.max(off1, kvdb[d + koff]!)
        let i2 = i1 - d
        if (i2 < off2) {
          i1 = off2 + d
          i2 = off2
        }
        if (i1 + i2 < bbest) {
          bbest = i1 + i2
          bbest1 = i1
        }
      }
      if (lim1 + lim2 - bbest < fbest - (off1 + off2)) {
        spl.i1 = fbest1
        spl.i2 = fbest - fbest1
        spl.minLo = true
        spl.minHi = false
      } else {
        spl.i1 = bbest1
        spl.i2 = bbest - bbest1
        spl.minLo = false
        spl.minHi = true
      }
      return
    }
  }
}

// ---------------------------------------------------------------------------------------
// Scratch buffers, reused from one diff to the next (diffs are synchronous)

const POOL_MAX = 1 << 20
const pool: (Int32Array | undefined)[] = []

/** An Int32Array of at least `size` entries, with whatever contents it last had. */
function scratch(slot: number, size: number): Int32Array {
  const have = pool[slot]
  if (have && have.length >= size) return have
  const arr = new Int32Array(Math.max(size, 2 * (have?.length ?? 0), 256))
  // Very large buffers are not kept.
  if (arr.length <= POOL_MAX) pool[slot] = arr
  return arr
}

const S_START1 = 0
const S_END1 = 1
const S_HASH1 = 2
const S_START2 = 3
const S_END2 = 4
const S_HASH2 = 5
const S_ID1 = 6
const S_ID2 = 7
const S_CH1 = 8
const S_CH2 = 9
const S_R1 = 10
const S_X1 = 11
const S_R2 = 12
const S_X2 = 13
const S_RC1 = 14
const S_RC2 = 15
const S_KVDF = 16
const S_KVDB = 17
const S_TABLE = 18
const S_REP = 19
const S_CNT1 = 20
const S_CNT2 = 21

/**
 * Marks in `ch1`/`ch2` the entries of ha1[0, n1) / ha2[0, n2) that are not in the common
 * subsequence found (xdiff's xdl_recs_cmp, with an explicit stack instead of recursion).
 */
function compareSeqs(
  ha1: Int32Array,
  n1: number,
  ha2: Int32Array,
  n2: number,
  ch1: Int32Array,
  ch2: Int32Array,
): void {
  const size = n1 + n2 + 3
  const kvdf = scratch(S_KVDF, size)
  const kvdb = scratch(S_KVDB, size)
  const koff = n2 + 1
  const mxcost = Math.max(MAX_COST_MIN, Math.ceil(Math.sqrt(size)))
  const spl: SplitPoint = { i1: 0, i2: 0, minLo: false, minHi: false }
  // Boxes to compare: off1, lim1, off2, lim2, needMin.
  const stack: number[] = [0, n1, 0, n2, 0]
  while (stack.length) {
    const needMin = stack.pop() === 1
    let lim2 = stack.pop()!
    let off2 = stack.pop()!
    let lim1 = stack.pop()!
    let off1 = stack.pop()!
    while (off1 < lim1 && off2 < lim2 && ha1[off1] === ha2[off2]) {
      off1++
      off2++
    }
    while (off1 < lim1 && off2 < lim2 && ha1[lim1 - 1] === ha2[lim2 - 1]) {
      lim1--
      lim2--
    }
    if (off1 === lim1) {
      ch2.fill(1, off2, lim2)
    } else if (off2 === lim2) {
      ch1.fill(1, off1, lim1)
    } else {
      split(ha1, off1, lim1, ha2, off2, lim2, kvdf, kvdb, koff, needMin, mxcost, spl)
      const { i1, i2, minLo, minHi } = spl
      stack.push(i1, lim1, i2, lim2, minHi ? 1 : 0)
      stack.push(off1, i1, off2, i2, minLo ? 1 : 0)
    }
  }
}

// ---------------------------------------------------------------------------------------
// Words and punctuation of a text, hashed; whitespace only separates them

const FNV_OFFSET = 0x811c9dc5 | 0
const FNV_PRIME = 0x01000193

/**
 * The non-whitespace tokens of text[from, to): start and end offsets and an FNV-1a hash
 * of their UTF-16 units, in `starts`/`ends`/`hashes` (room for to - from entries). Returns
 * how many.
 */
function scanTokens(
  text: string,
  from: number,
  to: number,
  starts: Int32Array,
  ends: Int32Array,
  hashes: Int32Array,
): number {
  let n = 0
  let i = from
  while (i < to) {
    let cp = codePointAt(text, i, to)
    let c = classOf(cp)
    if (c === SPACE) {
      i++
      continue
    }
    const start = i
    let h = FNV_OFFSET
    if (c === OTHER) {
      h = Math.imul(h ^ text.charCodeAt(i++), FNV_PRIME)
      if (cp > 0xffff) h = Math.imul(h ^ text.charCodeAt(i++), FNV_PRIME)
    } else {
      do {
        h = Math.imul(h ^ text.charCodeAt(i++), FNV_PRIME)
        if (cp > 0xffff) h = Math.imul(h ^ text.charCodeAt(i++), FNV_PRIME)
        if (i >= to) break
        cp = codePointAt(text, i, to)
        c = classOf(cp)
      } while (c === WORD)
    }
    starts[n] = start
    ends[n] = i
    hashes[n] = h
    n++
  }
  return n
}

function sameText(x: string, xs: number, xe: number, y: string, ys: number, ye: number): boolean {
  if (xe - xs !== ye - ys) return false
  for (let k = 0; k < xe - xs; k++) if (x.charCodeAt(xs + k) !== y.charCodeAt(ys + k)) return false
  return true
}

/** The end of the run of whitespace that starts text[from, to). */
function spaceEnd(text: string, from: number, to: number): number {
  while (from < to && isSpace(text.charCodeAt(from))) from++
  return from
}

/** The start of the run of whitespace that ends text[from, to). */
function spaceStart(text: string, from: number, to: number): number {
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--
  return to
}

/**
 * Builds the op list from ranges: equal ranges of a, deleted ranges of a, inserted ranges
 * of b, merging neighbours (ranges arrive in order and are contiguous on each side).
 */
class OpBuilder {
  readonly ops: WorkOp[] = []
  private eqFrom = 0
  private eqTo = 0
  private delFrom = 0
  private delTo = 0
  private insFrom = 0
  private insTo = 0

  constructor(
    private readonly a: string,
    private readonly b: string,
  ) {}

  equal(from: number, to: number): void {
    if (from === to) return
    if (this.delTo > this.delFrom || this.insTo > this.insFrom) this.flushChange()
    if (this.eqTo === this.eqFrom) this.eqFrom = from
    this.eqTo = to
  }

  change(delFrom: number, delTo: number, insFrom: number, insTo: number): void {
    if (delFrom === delTo && insFrom === insTo) return
    if (this.eqTo > this.eqFrom) this.flushEqual()
    if (delTo > delFrom) {
      if (this.delTo === this.delFrom) this.delFrom = delFrom
      this.delTo = delTo
    }
    if (insTo > insFrom) {
      if (this.insTo === this.insFrom) this.insFrom = insFrom
      this.insTo = insTo
    }
  }

  private flushEqual(): void {
    this.ops.push({ kind: EQUAL, text: this.a.slice(this.eqFrom, this.eqTo) })
    this.eqFrom = this.eqTo = 0
  }

  private flushChange(): void {
    if (this.delTo > this.delFrom) this.ops.push({ kind: DELETE, text: this.a.slice(this.delFrom, this.delTo) })
    if (this.insTo > this.insFrom) this.ops.push({ kind: INSERT, text: this.b.slice(this.insFrom, this.insTo) })
    this.delFrom = this.delTo = this.insFrom = this.insTo = 0
  }

  finish(): WorkOp[] {
    if (this.eqTo > this.eqFrom) this.flushEqual()
    if (this.delTo > this.delFrom || this.insTo > this.insFrom) this.flushChange()
    return this.ops
  }

  /**
   * What lies between two matched tokens (or an end): a[pa, qa) and b[pb, qb), whole
   * tokens. Leading and trailing whitespace equal on both sides stays equal; the rest is
   * a change.
   */
  between(pa: number, qa: number, pb: number, qb: number): void {
    const a = this.a
    const b = this.b
    if (pa === qa && pb === qb) return
    const la = spaceEnd(a, pa, qa)
    const lb = spaceEnd(b, pb, qb)
    if (la > pa && sameText(a, pa, la, b, pb, lb)) {
      this.equal(pa, la)
      pa = la
      pb = lb
      if (pa === qa && pb === qb) return
    }
    const ta = spaceStart(a, pa, qa)
    const tb = spaceStart(b, pb, qb)
    if (ta < qa && sameText(a, ta, qa, b, tb, qb)) {
      this.change(pa, ta, pb, tb)
      this.equal(ta, qa)
    } else {
      this.change(pa, qa, pb, qb)
    }
  }
}

/**
 * Diffs a[from1, to1) with b[from2, to2) (both bounded by token boundaries) and adds the
 * ops to `out`: the words and punctuation are matched (Myers with xdiff's bounds), the
 * whitespace between them follows.
 */
function diffMiddle(a: string, from1: number, to1: number, b: string, from2: number, to2: number, out: OpBuilder) {
  const cap1 = to1 - from1
  const cap2 = to2 - from2
  const st1 = scratch(S_START1, cap1)
  const en1 = scratch(S_END1, cap1)
  const hs1 = scratch(S_HASH1, cap1)
  const st2 = scratch(S_START2, cap2)
  const en2 = scratch(S_END2, cap2)
  const hs2 = scratch(S_HASH2, cap2)
  const n1 = scanTokens(a, from1, to1, st1, en1, hs1)
  const n2 = scanTokens(b, from2, to2, st2, en2, hs2)

  // Intern: open addressing on the hashes; an id's representative token is its first.
  let cap = 16
  while (cap < 2 * (n1 + n2)) cap <<= 1
  const mask = cap - 1
  const table = scratch(S_TABLE, cap)
  table.fill(0, 0, cap)
  const rep = scratch(S_REP, n1 + n2) // token index: k for a, n1 + k for b
  const id1 = scratch(S_ID1, n1)
  const id2 = scratch(S_ID2, n2)
  const cnt1 = scratch(S_CNT1, n1 + n2)
  const cnt2 = scratch(S_CNT2, n1 + n2)
  let ids = 0
  for (let side = 0; side < 2; side++) {
    const text = side ? b : a
    const n = side ? n2 : n1
    const st = side ? st2 : st1
    const en = side ? en2 : en1
    const hs = side ? hs2 : hs1
    const idOut = side ? id2 : id1
    for (let k = 0; k < n; k++) {
      const h = hs[k]!
      let slot = h & mask
      let id = -1
      for (;;) {
        const v = table[slot]!
        if (v === 0) {
          id = ids++
          table[slot] = id + 1
          rep[id] = side ? n1 + k : k
          cnt1[id] = 0
          cnt2[id] = 0
          break
        }
        const r = rep[v - 1]!
        const sameHash = r < n1 ? hs1[r] === h : hs2[r - n1] === h
        if (
          sameHash &&
          (r < n1
            ? sameText(text, st[k]!, en[k]!, a, st1[r]!, en1[r]!)
            : sameText(text, st[k]!, en[k]!, b, st2[r - n1]!, en2[r - n1]!))
        ) {
          id = v - 1
          break
        }
        slot = (slot + 1) & mask
      }
      idOut[k] = id
      if (side) cnt2[id]!++
      else cnt1[id]!++
    }
  }

  // Tokens absent from the other side are changed for sure: leave them out of the search.
  const ch1 = scratch(S_CH1, n1)
  const ch2 = scratch(S_CH2, n2)
  const r1 = scratch(S_R1, n1)
  const x1 = scratch(S_X1, n1)
  const r2 = scratch(S_R2, n2)
  const x2 = scratch(S_X2, n2)
  let m1 = 0
  for (let k = 0; k < n1; k++) {
    const id = id1[k]!
    if (cnt2[id]! > 0) {
      ch1[k] = 0
      r1[m1] = id
      x1[m1++] = k
    } else ch1[k] = 1
  }
  let m2 = 0
  for (let k = 0; k < n2; k++) {
    const id = id2[k]!
    if (cnt1[id]! > 0) {
      ch2[k] = 0
      r2[m2] = id
      x2[m2++] = k
    } else ch2[k] = 1
  }
  const rc1 = scratch(S_RC1, m1)
  const rc2 = scratch(S_RC2, m2)
  rc1.fill(0, 0, m1)
  rc2.fill(0, 0, m2)
  compareSeqs(r1, m1, r2, m2, rc1, rc2)
  for (let j = 0; j < m1; j++) if (rc1[j]) ch1[x1[j]!] = 1
  for (let j = 0; j < m2; j++) if (rc2[j]) ch2[x2[j]!] = 1

  // Walk both sides: unchanged tokens pair up in order; whitespace goes with its neighbours.
  let pa = from1
  let pb = from2
  let i = 0
  let j = 0
  for (;;) {
    while (i < n1 && ch1[i]) i++
    while (j < n2 && ch2[j]) j++
    if (i === n1 || j === n2) {
      if (i !== n1 || j !== n2) throw new Error('diffWords: unpaired unchanged tokens')
      out.between(pa, to1, pb, to2)
      return
    }
    out.between(pa, st1[i]!, pb, st2[j]!)
    out.equal(st1[i]!, en1[i]!)
    pa = en1[i++]!
    pb = en2[j++]!
  }
}

// ---------------------------------------------------------------------------------------
// Ops: semantic cleanup and normal form

const EQUAL = 0
const DELETE = 1
const INSERT = 2
/** An equality folded into the change around it: deleted and inserted again. */
const BOTH = 3

interface WorkOp {
  kind: number
  text: string
}

/**
 * Folds into the change every equality that is no longer than the larger side of the
 * change on its left and of the change on its right (diff-match-patch's semantic cleanup,
 * first pass, without splicing: the folded equality becomes BOTH).
 */
function cleanupSemantic(ops: WorkOp[]): void {
  const equalities: number[] = []
  let lastEquality = -1
  let ins1 = 0
  let del1 = 0
  let ins2 = 0
  let del2 = 0
  for (let p = 0; p < ops.length; p++) {
    const op = ops[p]!
    if (op.kind === EQUAL) {
      equalities.push(p)
      ins1 = ins2
      del1 = del2
      ins2 = 0
      del2 = 0
      lastEquality = p
      continue
    }
    const len = op.text.length
    if (op.kind !== DELETE) ins2 += len
    if (op.kind !== INSERT) del2 += len
    if (lastEquality >= 0) {
      const eqLen = ops[lastEquality]!.text.length
      if (eqLen <= Math.max(ins1, del1) && eqLen <= Math.max(ins2, del2)) {
        ops[lastEquality]!.kind = BOTH
        equalities.pop() // this equality
        equalities.pop() // and the one before: its right-hand change grew, look again
        p = equalities.length ? equalities[equalities.length - 1]! : -1
        ins1 = 0
        del1 = 0
        ins2 = 0
        del2 = 0
        lastEquality = -1
      }
    }
  }
}

/** Merges equalities, and each run of changes into one delete then one insert. */
function normalize(ops: WorkOp[]): DiffOp[] {
  const out: DiffOp[] = []
  let p = 0
  while (p < ops.length) {
    if (ops[p]!.kind === EQUAL) {
      let text = ''
      while (p < ops.length && ops[p]!.kind === EQUAL) text += ops[p++]!.text
      if (text) out.push({ op: 'equal', text })
      continue
    }
    let del = ''
    let ins = ''
    while (p < ops.length && ops[p]!.kind !== EQUAL) {
      const { kind, text } = ops[p++]!
      if (kind !== INSERT) del += text
      if (kind !== DELETE) ins += text
    }
    if (del) out.push({ op: 'delete', text: del })
    if (ins) out.push({ op: 'insert', text: ins })
  }
  // Changes that cancelled out can leave two equalities side by side.
  for (let k = out.length - 1; k > 0; k--) {
    if (out[k]!.op === out[k - 1]!.op) {
      out[k - 1]!.text += out[k]!.text
      out.splice(k, 1)
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------
// Public API: words

/**
 * The word-level diff of `a` into `b`. Equal and deleted texts concatenate to `a`, equal
 * and inserted texts to `b`; no op is empty and no two neighbours are of the same kind;
 * within a change, the deletion comes before the insertion.
 */
export function diffWords(a: string, b: string): DiffOp[] {
  if (a === b) return a ? [{ op: 'equal', text: a }] : []
  // Common prefix and suffix, in characters, backed off to a boundary of both texts.
  const min = Math.min(a.length, b.length)
  let pre = 0
  while (pre < min && a.charCodeAt(pre) === b.charCodeAt(pre)) pre++
  while (pre > 0 && !(isBoundary(a, pre) && isBoundary(b, pre))) pre--
  let suf = 0
  while (suf < min - pre && a.charCodeAt(a.length - 1 - suf) === b.charCodeAt(b.length - 1 - suf)) suf++
  while (suf > 0 && !(isBoundary(a, a.length - suf) && isBoundary(b, b.length - suf))) suf--

  const out = new OpBuilder(a, b)
  out.equal(0, pre)
  const end1 = a.length - suf
  const end2 = b.length - suf
  if (pre === end1 || pre === end2) out.change(pre, end1, pre, end2)
  else diffMiddle(a, pre, end1, b, pre, end2, out)
  out.equal(end1, a.length)
  const ops = out.finish()
  cleanupSemantic(ops)
  return normalize(ops)
}

/** The text that `ops` turn `a` into; throws when an equal or deleted text is not in `a`. */
export function applyOps(a: string, ops: readonly DiffOp[]): string {
  let pos = 0
  const out: string[] = []
  for (const { op, text } of ops) {
    if (op === 'insert') {
      out.push(text)
      continue
    }
    if (!a.startsWith(text, pos)) {
      throw new Error(`applyOps: the ${op} text at offset ${pos} does not match the source`)
    }
    if (op === 'equal') out.push(text)
    pos += text.length
  }
  if (pos !== a.length) throw new Error(`applyOps: the ops cover ${pos} of ${a.length} characters`)
  return out.join('')
}

/** The two texts of a diff: equal + delete (from) and equal + insert (to). */
export function opsSides(ops: readonly DiffOp[]): { from: string; to: string } {
  const from: string[] = []
  const to: string[] = []
  for (const { op, text } of ops) {
    if (op !== 'insert') from.push(text)
    if (op !== 'delete') to.push(text)
  }
  return { from: from.join(''), to: to.join('') }
}

// ---------------------------------------------------------------------------------------
// Public API: provisions

/** The text of a provision that the redline compares: its heading, a newline, its text. */
export function provisionPlainText(p: FlatProvision, lang: Lang): string {
  const text = runsToPlainText(p.text[lang])
  const heading = p.heading?.[lang]
  return heading ? (text ? `${heading}\n${text}` : heading) : text
}

/** Indexes (into `seq`) of one longest strictly increasing subsequence of `seq`. */
function longestIncreasing(seq: readonly number[]): Set<number> {
  const tails: number[] = [] // tails[l]: index of the smallest tail of an increasing run of l + 1
  const prev = new Int32Array(seq.length)
  for (let i = 0; i < seq.length; i++) {
    const v = seq[i]!
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (seq[tails[mid]!]! < v) lo = mid + 1
      else hi = mid
    }
    prev[i] = lo > 0 ? tails[lo - 1]! : -1
    tails[lo] = i
  }
  const keep = new Set<number>()
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) keep.add(i)
  return keep
}

/**
 * The provision-aligned redline of `a` into `b` in one language. Provisions are matched by
 * eid; a matched provision whose text differs is 'changed' (word diff), one only in b is
 * 'inserted', one only in a 'deleted'; matched provisions outside a longest increasing
 * subsequence of their positions are `moved`. Unchanged provisions are left out unless
 * `includeUnchanged` or moved. In b's order; a deleted provision follows its predecessor
 * in a. `sources` is left empty for the caller to fill.
 */
export function diffContents(
  a: DocumentContent,
  b: DocumentContent,
  lang: Lang,
  options: { includeUnchanged?: boolean } = {},
): ProvisionChangeDTO[] {
  const flatA = flattenProvisions(a)
  const flatB = flattenProvisions(b)
  const indexA = new Map<string, number>()
  flatA.forEach((p, i) => {
    indexA.set(p.eid, i)
  })
  const inB = new Set<string>()
  for (const p of flatB) inB.add(p.eid)

  // Moves: the matched provisions, in b's order, by their position in a.
  const matchedB: number[] = []
  const matchedPos: number[] = []
  flatB.forEach((p, j) => {
    const i = indexA.get(p.eid)
    if (i !== undefined) {
      matchedB.push(j)
      matchedPos.push(i)
    }
  })
  const stay = longestIncreasing(matchedPos)
  const moved = new Set<number>()
  matchedB.forEach((j, k) => {
    if (!stay.has(k)) moved.add(j)
  })

  // Deleted provisions, each after its predecessor in a (null: at the start).
  const deletedAfter = new Map<string | null, ProvisionChangeDTO[]>()
  let anchor: string | null = null
  flatA.forEach((p, i) => {
    if (inB.has(p.eid)) {
      anchor = p.eid
      return
    }
    const text = provisionPlainText(p, lang)
    const change: ProvisionChangeDTO = {
      eid: p.eid,
      status: 'deleted',
      moved: false,
      fromNum: p.num,
      toNum: null,
      fromIndex: i,
      toIndex: null,
      ops: text ? [{ op: 'delete', text }] : [],
      sources: [],
    }
    // A run of deletions stays together, in a's order, after the last provision kept.
    const list = deletedAfter.get(anchor)
    if (list) list.push(change)
    else deletedAfter.set(anchor, [change])
  })

  const out: ProvisionChangeDTO[] = []
  const flushDeleted = (key: string | null) => {
    const list = deletedAfter.get(key)
    if (list) for (const change of list) out.push(change)
  }
  flushDeleted(null)
  flatB.forEach((p, j) => {
    const i = indexA.get(p.eid)
    const to = provisionPlainText(p, lang)
    if (i === undefined) {
      out.push({
        eid: p.eid,
        status: 'inserted',
        moved: false,
        fromNum: null,
        toNum: p.num,
        fromIndex: null,
        toIndex: j,
        ops: to ? [{ op: 'insert', text: to }] : [],
        sources: [],
      })
      return
    }
    const old = flatA[i]!
    const from = provisionPlainText(old, lang)
    const isMoved = moved.has(j)
    if (from !== to || isMoved || options.includeUnchanged) {
      out.push({
        eid: p.eid,
        status: from === to ? 'unchanged' : 'changed',
        moved: isMoved,
        fromNum: old.num,
        toNum: p.num,
        fromIndex: i,
        toIndex: j,
        ops: diffWords(from, to),
        sources: [],
      })
    }
    flushDeleted(p.eid)
  })
  return out
}

/** Counts of a redline's changes (RedlineDTO.stats). */
export function redlineStats(changes: readonly ProvisionChangeDTO[]): {
  changed: number
  inserted: number
  deleted: number
  moved: number
} {
  const stats = { changed: 0, inserted: 0, deleted: 0, moved: 0 }
  for (const c of changes) {
    if (c.status === 'changed') stats.changed++
    else if (c.status === 'inserted') stats.inserted++
    else if (c.status === 'deleted') stats.deleted++
    if (c.moved) stats.moved++
  }
  return stats
}
