/**
 * LZ77 parsing for raster data. Each position tries a short list of candidate distances
 * that suit images (the previous pixel, the pixel above, its neighbours), nearest first
 * (cheapest to code), then the previous match's distance, then the rest, and one
 * short hash chain (earlier positions with the same next 4 bytes) for repeats elsewhere,
 * like textures. The longest match wins; matching is lazy, as in zlib's higher
 * levels (a match is deferred by one byte when the next position has a longer one).
 *
 * The hash table is adaptive: when it finds (almost) nothing for a while, as on noisy
 * colour data, it is switched off for a stretch and then probed again, so such data is
 * not slowed down by lookups that never pay.
 *
 * @module
 */
import type { Histogram } from './histogram.js';
import { LENGTH_CODE, MAX_MATCH, MIN_MATCH, WINDOW, distanceCode } from './tables.js';

const HASH_BITS = 15;
/** Hash of 4 bytes read as a big-endian int32. */
function hash4(x: number): number {
  return Math.imul(x, 0x9e3779b1) >>> (32 - HASH_BITS);
}
/** Hash-chain positions tried per lookup. */
const CHAIN = 8;

/** Chunks in a row with hash matches covering under 1/64 of their bytes before hashing pauses. */
const IDLE_CHUNKS = 1;
/** Chunks hashing stays paused before it is probed again: doubles after each failed probe. */
const MIN_PAUSE_CHUNKS = 8;
const MAX_PAUSE_CHUNKS = 64;

/** Length of the common run of `data[a…]` and `data[b…]`, at most `max` (4 bytes a step). */
function matchLength(data: Uint8Array, view: DataView, a: number, b: number, max: number): number {
  let n = 0;
  while (n + 4 <= max && view.getInt32(a + n) === view.getInt32(b + n)) n += 4;
  while (n < max && data[a + n] === data[b + n]) n++;
  return n;
}

function isCandidate(dists: Int32Array, distance: number): boolean {
  for (let i = 0; i < dists.length; i++) if (dists[i] === distance) return true;
  return false;
}

/**
 * Parses a whole buffer into tokens, a piece at a time: literal bytes and
 * `(length << 16) | distance` matches. Matches may run past the end of a piece (the next
 * piece then starts where the match ends), so pieces cost nothing in compression.
 */
export class RasterParser {
  /** Tokens not yet discarded (`tokens[0, count)`); the buffer grows as needed. */
  tokens: Uint32Array;
  count = 0;
  /** Input position reached (the next byte to encode). */
  position = 0;
  readonly #data: Uint8Array;
  readonly #view: DataView;
  readonly #dists: Int32Array;
  /** Last position + 1 of each 4-byte hash (0: none). */
  readonly #head = new Int32Array(1 << HASH_BITS);
  /** For position p (mod the window), the previous position + 1 with the same hash. */
  readonly #prev = new Int32Array(WINDOW);
  /** Whether the hash table is in use (never when disabled at construction). */
  #hashing: boolean;
  readonly #hashEnabled: boolean;
  #idle = 0;
  #paused = 0;
  #pause = MIN_PAUSE_CHUNKS;
  /** Whether the last {@link #longest} result came from the hash table. */
  #fromHash = false;
  /** Distance of the last emitted match. */
  #last: number;

  /**
   * @param candidates Match distances to try at every position, most useful first.
   * @param hashMatches Also look for repeats anywhere in the window through the hash table.
   */
  constructor(data: Uint8Array, candidates: readonly number[], hashMatches = true) {
    this.#data = data;
    this.#hashing = hashMatches;
    this.#hashEnabled = hashMatches;
    this.#view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    this.tokens = new Uint32Array(1 << 16);
    this.#dists = Int32Array.from(candidates.filter((d) => d >= 1 && d <= WINDOW));
    if (this.#dists.length === 0) throw new RangeError('RasterParser needs at least one candidate distance');
    this.#last = this.#dists[0];
  }

  /** Drops the first `n` tokens (already written out); the rest move to the front. */
  discard(n: number): void {
    this.tokens.copyWithin(0, n, this.count);
    this.count -= n;
  }

  /**
   * The longest match at `p` (at most `max` bytes) as a token `(length << 16) | distance`,
   * or 0 when none reaches 3 bytes. Adds `p` to the hash table when hashing.
   */
  #longest(p: number, max: number, last: number): number {
    const data = this.#data;
    const view = this.#view;
    const dists = this.#dists;
    if (max < MIN_MATCH) return 0;
    let bestLen = 0;
    let bestDist = 0;
    const near = dists[0];
    if (near <= p && data[p - near] === data[p]) {
      bestLen = matchLength(data, view, p, p - near, max);
      bestDist = near;
    }
    if (bestLen < max && last !== near && last <= p && data[p - last + bestLen] === data[p + bestLen]) {
      const len = matchLength(data, view, p, p - last, max);
      if (len > bestLen) {
        bestLen = len;
        bestDist = last;
      }
    }
    for (let i = 1; i < dists.length && bestLen < max; i++) {
      const d = dists[i];
      if (d > p || d === last) continue;
      const q = p - d;
      // Quick rejects: the first byte, and the byte that would make this match longer.
      if (data[q] !== data[p] || data[q + bestLen] !== data[p + bestLen]) continue;
      const len = matchLength(data, view, p, q, max);
      if (len > bestLen) {
        bestLen = len;
        bestDist = d;
      }
    }
    this.#fromHash = false;
    if (this.#hashing && p + 4 <= data.length) {
      const h = hash4(view.getInt32(p));
      const prev = this.#prev;
      let q = this.#head[h] - 1;
      prev[p & (WINDOW - 1)] = q + 1;
      this.#head[h] = p + 1;
      for (let chain = CHAIN; chain > 0 && q >= 0 && p - q <= WINDOW && bestLen < max; chain--) {
        if (data[q + bestLen] === data[p + bestLen] && data[q] === data[p]) {
          const len = matchLength(data, view, p, q, max);
          if (len > bestLen) {
            bestLen = len;
            bestDist = p - q;
            this.#fromHash = true;
          }
        }
        const next = prev[q & (WINDOW - 1)] - 1;
        if (next >= q) break;
        q = next;
      }
    }
    return bestLen >= MIN_MATCH ? (bestLen << 16) | bestDist : 0;
  }

  /**
   * Turns hashing off after idle chunks and back on (a probe) after a pause; each probe
   * that finds nothing doubles the next pause, one that pays resets it.
   */
  #adapt(hashBytes: number, chunkBytes: number): void {
    if (!this.#hashEnabled) return;
    if (!this.#hashing) {
      if (--this.#paused <= 0) {
        this.#hashing = true;
        this.#idle = 0;
      }
    } else if (hashBytes * 64 < chunkBytes) {
      if (++this.#idle >= IDLE_CHUNKS) {
        this.#hashing = false;
        this.#paused = this.#pause;
        this.#pause = Math.min(MAX_PAUSE_CHUNKS, this.#pause * 2);
      }
    } else {
      this.#idle = 0;
      this.#pause = MIN_PAUSE_CHUNKS;
    }
  }

  /**
   * Encodes input until the position reaches at least `stop` (or the end of the data),
   * counting the symbols of the new tokens into `histogram`.
   */
  parseUntil(stop: number, histogram: Histogram): void {
    const data = this.#data;
    const view = this.#view;
    const head = this.#head;
    const prev = this.#prev;
    const end = data.length;
    const limit = Math.min(stop, end);
    // At most one token per input byte, plus a match that started before `limit`.
    if (this.tokens.length < this.count + (limit - this.position) + 1) {
      const grown = new Uint32Array(Math.max(this.tokens.length * 2, this.count + (limit - this.position) + 1));
      grown.set(this.tokens.subarray(0, this.count));
      this.tokens = grown;
    }
    const tokens = this.tokens;
    const lit = histogram.lit;
    const dist = histogram.dist;
    const dists = this.#dists;
    const d0 = dists[0];
    const d1 = dists.length > 1 ? dists[1] : d0;
    // With at most two candidates, a literal run is scanned by a tight loop that checks the
    // next 3 bytes at both (and at the last match's distance) and the next 4 at the hash
    // table's position.
    const twoCandidates = dists.length <= 2;
    const fastFrom = Math.max(d0, d1);
    const hashing = this.#hashing;
    const start = this.position;
    let hashBytes = 0;
    let last = this.#last;
    let t = this.count;
    let p = start;
    while (p < limit) {
      if (twoCandidates && p >= fastFrom) {
        const stopAt = Math.min(limit, end - 3);
        // The last match's distance, when the hash table found it, is a third candidate.
        const third = last !== d0 && last !== d1 && last <= p;
        while (p < stopAt) {
          const here = view.getInt32(p);
          if (
            ((here ^ view.getInt32(p - d0)) & -256) === 0 ||
            ((here ^ view.getInt32(p - d1)) & -256) === 0 ||
            (third && ((here ^ view.getInt32(p - last)) & -256) === 0)
          ) {
            break;
          }
          if (hashing) {
            const h = hash4(here);
            const q = head[h] - 1;
            if (q >= 0 && p - q <= WINDOW && view.getInt32(q) === here) break;
            prev[p & (WINDOW - 1)] = q + 1;
            head[h] = p + 1;
          }
          const v = here >>> 24;
          tokens[t++] = v;
          lit[v]++;
          p++;
        }
        if (p >= limit) break;
      }
      const v = data[p];
      let match = this.#longest(p, Math.min(MAX_MATCH, end - p), last);
      let fromHash = this.#fromHash;
      if (match === 0) {
        tokens[t++] = v;
        lit[v]++;
        p++;
        continue;
      }
      // Lazy matching: emit a literal instead when the next position matches longer.
      while (match >>> 16 < MAX_MATCH && p + 1 < end) {
        const next = this.#longest(p + 1, Math.min(MAX_MATCH, end - p - 1), last);
        if (next >>> 16 <= match >>> 16) break;
        const u = data[p++];
        tokens[t++] = u;
        lit[u]++;
        match = next;
        fromHash = this.#fromHash;
      }
      const len = match >>> 16;
      last = match & 0xffff;
      tokens[t++] = match;
      lit[257 + LENGTH_CODE[len]]++;
      dist[distanceCode(last)]++;
      // Bytes the hash table earned: matches it found, or that reuse a distance it found.
      if (fromHash || !isCandidate(dists, last)) hashBytes += len;
      if (hashing) {
        // Every position goes into the table (repeats often start inside earlier matches).
        for (let i = p + 1; i < p + len && i + 4 <= end; i++) {
          const h = hash4(view.getInt32(i));
          prev[i & (WINDOW - 1)] = head[h];
          head[h] = i + 1;
        }
      }
      p += len;
    }
    this.#last = last;
    this.count = t;
    this.position = p;
    this.#adapt(hashBytes, p - start);
  }
}
