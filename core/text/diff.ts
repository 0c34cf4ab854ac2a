/**
 * Word-level diff and the provision-aligned redline of two versions (docs/redline.md).
 *
 * Tokens are words (letters, digits, combining marks), runs of whitespace and single other
 * characters. `diffWords`:
 * 1. strips the common prefix and suffix natively (halving with string comparisons),
 *    backed off to token boundaries;
 * 2. anchors: a few words from the middle of a region, unique in both, found with the
 *    native indexOf and widened to all the equal text around them, split the region (as
 *    in patience diff), so that most equal text is never tokenized;
 * 3. in each remaining region, scans the words and punctuation (whitespace only separates
 *    them), hashes and interns them to integers, leaves out those absent from the other
 *    side, and finds a longest common subsequence: Myers' O((N+M)·D) linear-space diff with
 *    the cost bounds of git's xdiff (so that the work stays bounded when D is large), or
 *    Hunt–Szymanski when the texts share little and matching pairs are few;
 * 4. folds short equalities squeezed between larger changes (semantic cleanup), so that a
 *    rewritten phrase reads as one deletion and one insertion.
 * Never below token granularity; every equality is checked against the text.
 *
 * `diffContents` matches provisions by eid, diffs the words of changed ones, and marks as
 * moved the matched provisions outside a longest increasing subsequence of positions.
 *
 * Pure: no Node or DOM imports (core runs in the browser too). Written to be fast also
 * before the JIT has optimized it (one redline is often the first call): small integers
 * only in hot loops, reused buffers, native string search where it can do the work.
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

/**
 * A token: a word (letters, digits, combining marks), a run of whitespace, or any other
 * single code point (punctuation, symbols). The definition; the diff itself scans with the
 * equivalent, faster scanTokens.
 */
const TOKEN_RE = /[\p{L}\p{N}\p{M}]+|\s+|[\s\S]/gu
const WORD_CHAR_RE = /^[\p{L}\p{N}\p{M}]$/u
const SPACE_CHAR_RE = /^\s$/u

const WORD = 0
const SPACE = 1
const OTHER = 2

/**
 * Word-level tokens: runs of letters, digits and combining marks, runs of whitespace, and
 * every other character (punctuation, symbols) alone. `tokenize(t).join('') === t`.
 */
export function tokenize(text: string): string[] {
  return text.match(TOKEN_RE) ?? []
}

/** Classes of the BMP, filled lazily: 0 unknown, else class + 1. */
const bmpClass = new Uint8Array(0x10000)

/** The class of a code point: WORD, SPACE or OTHER (as TOKEN_RE sees it). */
function classOf(cp: number): number {
  if (cp <= 0xffff) {
    const known = bmpClass[cp]!
    if (known) return known - 1
  }
  const ch = String.fromCodePoint(cp)
  const c = WORD_CHAR_RE.test(ch) ? WORD : SPACE_CHAR_RE.test(ch) ? SPACE : OTHER
  if (cp <= 0xffff) bmpClass[cp] = c + 1
  return c
}

/** True for the characters of JavaScript's `\s` (all in the BMP). */
function isSpace(unit: number): boolean {
  if (unit < 0x80) return unit === 0x20 || (unit >= 0x09 && unit <= 0x0d)
  return (
    unit === 0xa0 ||
    unit === 0x1680 ||
    (unit >= 0x2000 && unit <= 0x200a) ||
    unit === 0x2028 ||
    unit === 0x2029 ||
    unit === 0x202f ||
    unit === 0x205f ||
    unit === 0x3000 ||
    unit === 0xfeff
  )
}

/** The code point at offset `i` (a surrogate pair only when complete). */
function codePointAt(text: string, i: number): number {
  const hi = text.charCodeAt(i)
  if (hi >= 0xd800 && hi <= 0xdbff && i + 1 < text.length) {
    const lo = text.charCodeAt(i + 1)
    if (lo >= 0xdc00 && lo <= 0xdfff) return ((hi - 0xd800) << 10) + (lo - 0xdc00) + 0x10000
  }
  return hi
}

/** The code point that ends just before offset `i`. */
function codePointBefore(text: string, i: number): number {
  const lo = text.charCodeAt(i - 1)
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = text.charCodeAt(i - 2)
    if (hi >= 0xd800 && hi <= 0xdbff) return ((hi - 0xd800) << 10) + (lo - 0xdc00) + 0x10000
  }
  return lo
}

/** True when a token of `text` starts (or ends) at offset `i`. */
function isBoundary(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return true
  const here = text.charCodeAt(i)
  if (here >= 0xdc00 && here <= 0xdfff) {
    const before = text.charCodeAt(i - 1)
    if (before >= 0xd800 && before <= 0xdbff) return false // inside a surrogate pair
  }
  const c = classOf(codePointAt(text, i))
  return c === OTHER || c !== classOf(codePointBefore(text, i))
}

// ---------------------------------------------------------------------------------------
// Myers' diff with xdiff's cost bounds, on interned token ids

const SNAKE_CNT = 20
const HEUR_MIN = 256
const K_HEUR = 4
const MAX_COST_MIN = 256
/** Larger than any index; the largest small integer, so never boxed by the interpreter. */
const LINE_MAX = 0x3fffffff

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

const POOL_MAX = 1 << 16
const pool: (Int32Array | undefined)[] = []

/** An Int32Array of at least `size` entries, with whatever contents it last had. */
function scratch(slot: number, size: number): Int32Array {
  const have = pool[slot]
  if (have && have.length >= size) return have
  const arr = new Int32Array(Math.max(size, 2 * (have?.length ?? 0), 256))
  // Large buffers (a whole-document diff) are not kept: at most 256 KiB a slot stays.
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
const S_COUNT2 = 20
const S_FIRST = 21
const S_FILL = 22
const S_POS = 23
const S_THRESH = 24
const S_LINK = 25
const S_NODE_I = 26
const S_NODE_J = 27
const S_NODE_P = 28

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

/** Hunt–Szymanski is used while the matching pairs number at most this times N + M. */
const SPARSE_PAIRS = 4

/**
 * A longest common subsequence of ha1[0, n1) and ha2[0, n2) by Hunt and Szymanski: for
 * each entry of ha1, its matches in ha2 (from the last) update the smallest end of a
 * common subsequence of each length. Ids are below `ids`; count2[id] counts them in ha2;
 * `pairs` is the number of matching pairs. Marks the entries outside it in ch1/ch2.
 */
function lcsSparse(
  ha1: Int32Array,
  n1: number,
  ha2: Int32Array,
  n2: number,
  ids: number,
  count2: Int32Array,
  pairs: number,
  ch1: Int32Array,
  ch2: Int32Array,
): void {
  // Positions of each id in ha2, ascending: pos[first[id], first[id + 1]).
  const first = scratch(S_FIRST, ids + 1)
  const fill = scratch(S_FILL, ids)
  let sum = 0
  for (let id = 0; id < ids; id++) {
    first[id] = sum
    fill[id] = sum
    sum += count2[id]!
  }
  first[ids] = sum
  const pos = scratch(S_POS, sum)
  for (let j = 0; j < n2; j++) pos[fill[ha2[j]!]!++] = j
  // thresh[k]: the smallest j ending a common subsequence of length k + 1; link[k]: its
  // last pair, a node (i, j, previous node).
  const size = Math.min(n1, n2) + 1
  const thresh = scratch(S_THRESH, size)
  const link = scratch(S_LINK, size)
  const ni = scratch(S_NODE_I, pairs)
  const nj = scratch(S_NODE_J, pairs)
  const np = scratch(S_NODE_P, pairs)
  let nodes = 0
  let len = 0
  for (let i = 0; i < n1; i++) {
    const id = ha1[i]!
    for (let p = first[id + 1]! - 1; p >= first[id]!; p--) {
      const j = pos[p]!
      let lo = 0
      let hi = len
      while (lo < hi) {
        const mid = (lo + hi) >>> 1
        if (thresh[mid]! < j) lo = mid + 1
        else hi = mid
      }
      if (lo === len || thresh[lo]! > j) {
        thresh[lo] = j
        ni[nodes] = i
        nj[nodes] = j
        np[nodes] = lo > 0 ? link[lo - 1]! : -1
        link[lo] = nodes++
        if (lo === len) len++
      }
    }
  }
  ch1.fill(1, 0, n1)
  ch2.fill(1, 0, n2)
  for (let node = len > 0 ? link[len - 1]! : -1; node >= 0; node = np[node]!) {
    ch1[ni[node]!] = 0
    ch2[nj[node]!] = 0
  }
}

// ---------------------------------------------------------------------------------------
// Words and punctuation are matched; whitespace only separates them

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
 * of b, merging neighbours (ranges arrive in order and are contiguous on each side). The
 * list is in normal form: no empty op, no two neighbours of a kind, delete before insert.
 */
class OpBuilder {
  readonly ops: DiffOp[] = []
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
    this.ops.push({ op: 'equal', text: this.a.slice(this.eqFrom, this.eqTo) })
    this.eqFrom = this.eqTo = 0
  }

  private flushChange(): void {
    if (this.delTo > this.delFrom)
      this.ops.push({ op: 'delete', text: this.a.slice(this.delFrom, this.delTo) })
    if (this.insTo > this.insFrom)
      this.ops.push({ op: 'insert', text: this.b.slice(this.insFrom, this.insTo) })
    this.delFrom = this.delTo = this.insFrom = this.insTo = 0
  }

  finish(): DiffOp[] {
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

/*
 * Token hash: a polynomial hash of the UTF-16 units on 24 bits, so that every intermediate
 * value stays a small integer (no boxing while the code is not optimized yet, which is
 * most of a single call). Equal hash and length make equal tokens; the equalities found
 * are then checked against the text (COLLISION), so a rare collision only costs a rerun.
 */
const H_MUL = 61
const H_MASK = 0xffffff

/** The class of the code point at text[i] (i < to), off the fast paths. */
function classAt(text: string, i: number, to: number): number {
  const hi = text.charCodeAt(i)
  if (hi >= 0xd800 && hi <= 0xdbff && i + 1 < to) {
    const lo = text.charCodeAt(i + 1)
    if (lo >= 0xdc00 && lo <= 0xdfff) return classOf(((hi - 0xd800) << 10) + (lo - 0xdc00) + 0x10000)
  }
  return classOf(hi)
}

/** The classes of ASCII: letters and digits are WORD, `\t\n\v\f\r` and space SPACE. */
const ASCII_CLASS = new Uint8Array(0x80).map((_, u) =>
  (u >= 0x61 && u <= 0x7a) || (u >= 0x41 && u <= 0x5a) || (u >= 0x30 && u <= 0x39)
    ? WORD
    : u === 0x20 || (u >= 0x09 && u <= 0x0d)
      ? SPACE
      : OTHER,
)

/**
 * The non-whitespace tokens of text[from, to) (TOKEN_RE's words and single characters):
 * start and end offsets and hash, into `starts`, `ends`, `hashes` (room for to - from
 * entries). Returns how many. Hand-written with fast paths for ASCII and Cyrillic.
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
    let u = text.charCodeAt(i)
    const c =
      u < 0x80
        ? ASCII_CLASS[u]!
        : u >= 0x0400 && u <= 0x04ff
          ? u === 0x0482
            ? OTHER
            : WORD
          : classAt(text, i, to)
    if (c === SPACE) {
      i++
      continue
    }
    const start = i
    let h = u
    i++
    if (c === OTHER) {
      if (u >= 0xd800 && u <= 0xdbff && i < to) {
        const lo = text.charCodeAt(i)
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          h = (h * H_MUL + lo) & H_MASK
          i++
        }
      }
    } else {
      // A word: its first unit is hashed; a pair's low surrogate is hashed here.
      if (u >= 0xd800 && u <= 0xdbff) h = (h * H_MUL + text.charCodeAt(i++)) & H_MASK
      while (i < to) {
        u = text.charCodeAt(i)
        if (u >= 0x0400 && u <= 0x04ff) {
          if (u === 0x0482) break
        } else if (u < 0x80) {
          if (ASCII_CLASS[u] !== WORD) break
        } else if (classAt(text, i, to) !== WORD) break
        h = (h * H_MUL + u) & H_MASK
        i++
        if (u >= 0xd800 && u <= 0xdbff) h = (h * H_MUL + text.charCodeAt(i++)) & H_MASK
      }
    }
    starts[n] = start
    ends[n] = i
    hashes[n] = h
    n++
  }
  return n
}

/**
 * Thrown when two different tokens with the same hash and length were taken for one: the
 * diff is then computed again comparing the tokens' text (see `strict`).
 */
const COLLISION = new Error('diffWords: hash collision')

/**
 * Interns the tokens of a (open addressing on their hashes; an id's representative is its
 * first occurrence) into ids[0, n). Tokens are the same when their hashes and length are,
 * or, when `strict`, their text. Returns the number of distinct tokens.
 */
function internTokens(
  a: string,
  n: number,
  st: Int32Array,
  en: Int32Array,
  hs: Int32Array,
  ids: Int32Array,
  strict: boolean,
) {
  let cap = 16
  while (cap < 2 * n) cap <<= 1
  const mask = cap - 1
  const table = scratch(S_TABLE, cap)
  table.fill(0, 0, cap)
  const rep = scratch(S_REP, n)
  let count = 0
  for (let k = 0; k < n; k++) {
    const h = hs[k]!
    let slot = h & mask
    for (;;) {
      const v = table[slot]!
      if (v === 0) {
        table[slot] = ++count
        rep[count - 1] = k
        ids[k] = count - 1
        break
      }
      const r = rep[v - 1]!
      if (
        hs[r] === h &&
        en[r]! - st[r]! === en[k]! - st[k]! &&
        (!strict || sameText(a, st[k]!, en[k]!, a, st[r]!, en[r]!))
      ) {
        ids[k] = v - 1
        break
      }
      slot = (slot + 1) & mask
    }
  }
  return count
}

/**
 * Looks the tokens of b up among a's (after internTokens): ids2[k] is the id, or -1 when a
 * lacks the token; count2[id] counts b's occurrences.
 */
function lookupTokens(
  b: string,
  n2: number,
  st2: Int32Array,
  en2: Int32Array,
  hs2: Int32Array,
  ids2: Int32Array,
  a: string,
  n1: number,
  st1: Int32Array,
  en1: Int32Array,
  hs1: Int32Array,
  count2: Int32Array,
  strict: boolean,
): void {
  let cap = 16
  while (cap < 2 * n1) cap <<= 1
  const mask = cap - 1
  const table = scratch(S_TABLE, cap)
  const rep = scratch(S_REP, n1)
  for (let k = 0; k < n2; k++) {
    const h = hs2[k]!
    let slot = h & mask
    let id = -1
    for (;;) {
      const v = table[slot]!
      if (v === 0) break
      const r = rep[v - 1]!
      if (
        hs1[r] === h &&
        en1[r]! - st1[r]! === en2[k]! - st2[k]! &&
        (!strict || sameText(b, st2[k]!, en2[k]!, a, st1[r]!, en1[r]!))
      ) {
        id = v - 1
        count2[id]!++
        break
      }
      slot = (slot + 1) & mask
    }
    ids2[k] = id
  }
}

/**
 * Emits the ops once the changed tokens are known: unchanged tokens pair up in order, and
 * the whitespace around them follows (OpBuilder.between). A run of paired tokens whose
 * text, whitespace included, is the same on both sides is one equality; every equality is
 * checked against the text (COLLISION otherwise).
 */
function walk(
  a: string,
  n1: number,
  st1: Int32Array,
  en1: Int32Array,
  ch1: Int32Array,
  to1: number,
  b: string,
  n2: number,
  st2: Int32Array,
  en2: Int32Array,
  ch2: Int32Array,
  to2: number,
  pa: number,
  pb: number,
  out: OpBuilder,
): void {
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
    let k = 1
    while (i + k < n1 && j + k < n2 && !ch1[i + k] && !ch2[j + k]) k++
    const sa = st1[i]!
    const ea = en1[i + k - 1]!
    const sb = st2[j]!
    const eb = en2[j + k - 1]!
    if (ea - sa === eb - sb && a.slice(sa, ea) === b.slice(sb, eb)) {
      out.equal(sa, ea)
    } else {
      // The whitespace differs somewhere in the run: token by token.
      for (let q = 0; q < k; q++) {
        if (q) out.between(en1[i + q - 1]!, st1[i + q]!, en2[j + q - 1]!, st2[j + q]!)
        if (!sameText(a, st1[i + q]!, en1[i + q]!, b, st2[j + q]!, en2[j + q]!)) throw COLLISION
        out.equal(st1[i + q]!, en1[i + q]!)
      }
    }
    pa = ea
    pb = eb
    i += k
    j += k
  }
}

/**
 * Diffs a[from1, to1) with b[from2, to2) (both bounded by token boundaries) and adds the
 * ops to `out`: the words and punctuation are matched (Myers with xdiff's bounds), the
 * whitespace between them follows.
 */
function diffMiddle(
  a: string,
  from1: number,
  to1: number,
  b: string,
  from2: number,
  to2: number,
  out: OpBuilder,
  strict: boolean,
) {
  const st1 = scratch(S_START1, to1 - from1)
  const en1 = scratch(S_END1, to1 - from1)
  const hs1 = scratch(S_HASH1, to1 - from1)
  const st2 = scratch(S_START2, to2 - from2)
  const en2 = scratch(S_END2, to2 - from2)
  const hs2 = scratch(S_HASH2, to2 - from2)
  const n1 = scanTokens(a, from1, to1, st1, en1, hs1)
  const n2 = scanTokens(b, from2, to2, st2, en2, hs2)
  const id1 = scratch(S_ID1, n1)
  const id2 = scratch(S_ID2, n2)
  const distinct = internTokens(a, n1, st1, en1, hs1, id1, strict)
  const count2 = scratch(S_COUNT2, distinct)
  count2.fill(0, 0, distinct)
  lookupTokens(b, n2, st2, en2, hs2, id2, a, n1, st1, en1, hs1, count2, strict)

  // Tokens absent from the other side are changed for sure and stay out of the search
  // (xdiff does the same): r1/r2 are the ids of the others, x1/x2 their token indexes.
  const ch1 = scratch(S_CH1, n1)
  const ch2 = scratch(S_CH2, n2)
  const r1 = scratch(S_R1, n1)
  const x1 = scratch(S_X1, n1)
  const r2 = scratch(S_R2, n2)
  const x2 = scratch(S_X2, n2)
  const m1 = keepShared(n1, id1, count2, ch1, r1, x1)
  const m2 = keepShared(n2, id2, null, ch2, r2, x2)
  const rc1 = scratch(S_RC1, m1)
  const rc2 = scratch(S_RC2, m2)
  // Texts that share little (a rewritten provision: at least half the tokens are on one
  // side only, so D is large) and have few matching pairs: Hunt and Szymanski's LCS costs
  // O(pairs · log) where Myers would cost O((N+M)·D).
  let pairs = 0
  if (2 * (n1 - m1 + n2 - m2) >= n1 + n2) for (let k = 0; k < m1; k++) pairs += count2[r1[k]!]!
  if (pairs > 0 && pairs <= SPARSE_PAIRS * (m1 + m2)) {
    lcsSparse(r1, m1, r2, m2, distinct, count2, pairs, rc1, rc2)
  } else {
    rc1.fill(0, 0, m1)
    rc2.fill(0, 0, m2)
    compareSeqs(r1, m1, r2, m2, rc1, rc2)
  }
  for (let j = 0; j < m1; j++) if (rc1[j]) ch1[x1[j]!] = 1
  for (let j = 0; j < m2; j++) if (rc2[j]) ch2[x2[j]!] = 1
  walk(a, n1, st1, en1, ch1, to1, b, n2, st2, en2, ch2, to2, from1, from2, out)
}

/**
 * Marks as changed (ch = 1) the tokens the other side lacks: id -1, or, with `count`, a
 * count of 0; lists the others' ids in r and indexes in x. Returns how many others.
 */
function keepShared(
  n: number,
  ids: Int32Array,
  count: Int32Array | null,
  ch: Int32Array,
  r: Int32Array,
  x: Int32Array,
): number {
  let m = 0
  for (let k = 0; k < n; k++) {
    const id = ids[k]!
    if (id >= 0 && (!count || count[id]! > 0)) {
      ch[k] = 0
      r[m] = id
      x[m++] = k
    } else ch[k] = 1
  }
  return m
}

// ---------------------------------------------------------------------------------------
// Anchors: long stretches equal on both sides, found with native string search

/** Regions shorter than this on either side go to the token level directly. */
const ANCHOR_MIN = 160
/** The shortest probe, in characters (whole words, bounded by spaces). */
const PROBE_MIN = 24

/**
 * Diffs a[p1, q1) with b[p2, q2) (token boundaries). A probe of a few words from a,
 * unique in both regions, found in b with the native indexOf, is an anchor: it is widened
 * to all the equal text around it (again natively), and the regions on either side are
 * diffed on their own, as in patience diff. Most equal text is then never tokenized.
 */
function diffRegion(
  a: string,
  p1: number,
  q1: number,
  b: string,
  p2: number,
  q2: number,
  out: OpBuilder,
  strict: boolean,
): void {
  if (q1 - p1 >= ANCHOR_MIN && q2 - p2 >= ANCHOR_MIN) {
    const regionA = a.slice(p1, q1)
    const regionB = b.slice(p2, q2)
    for (let t = 0; t < 3; t++) {
      // Probes at the middle of a's region, then at a quarter and three quarters.
      const at = ((q1 - p1) * (t === 0 ? 2 : t === 1 ? 1 : 3)) >> 2
      const sp = regionA.indexOf(' ', at)
      if (sp < 0) continue
      const ep = regionA.indexOf(' ', sp + 1 + PROBE_MIN)
      if (ep < 0) continue
      const s = p1 + sp + 1
      const e = p1 + ep
      if (!isBoundary(a, s) || !isBoundary(a, e)) continue
      const probe = regionA.slice(sp + 1, ep)
      if (regionA.indexOf(probe, sp + 2) >= 0) continue
      const jr = regionB.indexOf(probe)
      if (jr < 0 || regionB.indexOf(probe, jr + 1) >= 0) continue
      const j = p2 + jr
      const je = j + probe.length
      if (!isBoundary(b, j) || !isBoundary(b, je)) continue
      // Widen: the equal text before and after, backed off to boundaries of both.
      let k1 = commonSuffixOf(a, p1, s, b, p2, j)
      while (k1 > 0 && !(isBoundary(a, s - k1) && isBoundary(b, j - k1))) k1--
      let k2 = commonPrefixOf(a, e, q1, b, je, q2)
      while (k2 > 0 && !(isBoundary(a, e + k2) && isBoundary(b, je + k2))) k2--
      diffRegion(a, p1, s - k1, b, p2, j - k1, out, strict)
      out.equal(s - k1, e + k2)
      diffRegion(a, e + k2, q1, b, je + k2, q2, out, strict)
      return
    }
  }
  if (p1 === q1 || p2 === q2) out.change(p1, q1, p2, q2)
  else diffMiddle(a, p1, q1, b, p2, q2, out, strict)
}

/** Length of the common prefix of a[p1, q1) and b[p2, q2), by halving with native comparisons. */
function commonPrefixOf(a: string, p1: number, q1: number, b: string, p2: number, q2: number): number {
  let lo = 0
  let hi = Math.min(q1 - p1, q2 - p2)
  if (!hi || a.charCodeAt(p1) !== b.charCodeAt(p2)) return 0
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1
    if (a.slice(p1 + lo, p1 + mid) === b.slice(p2 + lo, p2 + mid)) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** Length of the common suffix of a[p1, q1) and b[p2, q2), by halving with native comparisons. */
function commonSuffixOf(a: string, p1: number, q1: number, b: string, p2: number, q2: number): number {
  let lo = 0
  let hi = Math.min(q1 - p1, q2 - p2)
  if (!hi || a.charCodeAt(q1 - 1) !== b.charCodeAt(q2 - 1)) return 0
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1
    if (a.slice(q1 - mid, q1 - lo) === b.slice(q2 - mid, q2 - lo)) lo = mid
    else hi = mid - 1
  }
  return lo
}

// ---------------------------------------------------------------------------------------
// Ops: semantic cleanup

/**
 * Folds into the change every equality that is no longer than the larger side of the
 * change on its left and of the change on its right (diff-match-patch's semantic cleanup,
 * first pass). Without splicing: returns the flags of the folded equalities (deleted and
 * inserted again), or null when none is.
 */
function cleanupSemantic(ops: readonly DiffOp[]): Uint8Array | null {
  let folded: Uint8Array | null = null
  const equalities: number[] = []
  let lastEquality = -1
  let ins1 = 0
  let del1 = 0
  let ins2 = 0
  let del2 = 0
  for (let p = 0; p < ops.length; p++) {
    const op = ops[p]!
    const both = folded !== null && folded[p] === 1
    if (op.op === 'equal' && !both) {
      equalities.push(p)
      ins1 = ins2
      del1 = del2
      ins2 = 0
      del2 = 0
      lastEquality = p
      continue
    }
    const len = op.text.length
    if (op.op !== 'delete') ins2 += len
    if (op.op !== 'insert') del2 += len
    if (lastEquality >= 0) {
      const eqLen = ops[lastEquality]!.text.length
      if (eqLen <= Math.max(ins1, del1) && eqLen <= Math.max(ins2, del2)) {
        folded ??= new Uint8Array(ops.length)
        folded[lastEquality] = 1
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
  return folded
}

/** After folding: each run of changes and folded equalities as one delete, one insert. */
function mergeFolded(ops: readonly DiffOp[], folded: Uint8Array): DiffOp[] {
  const out: DiffOp[] = []
  let p = 0
  while (p < ops.length) {
    if (ops[p]!.op === 'equal' && !folded[p]) {
      out.push(ops[p++]!)
      continue
    }
    let del = ''
    let ins = ''
    while (p < ops.length && (ops[p]!.op !== 'equal' || folded[p])) {
      const { op, text } = ops[p]!
      if (op !== 'insert') del += text
      if (op !== 'delete') ins += text
      p++
    }
    if (del) out.push({ op: 'delete', text: del })
    if (ins) out.push({ op: 'insert', text: ins })
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
  let pre = commonPrefixOf(a, 0, a.length, b, 0, b.length)
  while (pre > 0 && !(isBoundary(a, pre) && isBoundary(b, pre))) pre--
  let suf = commonSuffixOf(a, pre, a.length, b, pre, b.length)
  while (suf > 0 && !(isBoundary(a, a.length - suf) && isBoundary(b, b.length - suf))) suf--

  const end1 = a.length - suf
  const end2 = b.length - suf
  let ops: DiffOp[]
  try {
    ops = diffRange(a, b, pre, end1, end2, false)
  } catch (err) {
    if (err !== COLLISION) throw err
    ops = diffRange(a, b, pre, end1, end2, true)
  }
  const folded = cleanupSemantic(ops)
  return folded ? mergeFolded(ops, folded) : ops
}

/** The ops of a against b once the common prefix (pre) and suffix are known. */
function diffRange(a: string, b: string, pre: number, end1: number, end2: number, strict: boolean): DiffOp[] {
  const out = new OpBuilder(a, b)
  out.equal(0, pre)
  if (pre === end1 || pre === end2) out.change(pre, end1, pre, end2)
  else diffRegion(a, pre, end1, b, pre, end2, out, strict)
  out.equal(end1, a.length)
  return out.finish()
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
  const runs = p.text[lang]
  const first = runs?.[0]
  const text = runs?.length === 1 && first?.type === 'text' ? first.text : runsToPlainText(runs)
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
