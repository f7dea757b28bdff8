/**
 * LZ77 parsing for raster data: instead of hashing every position, each position tries a
 * short list of candidate distances that suit images (the previous pixel, the pixel above,
 * its neighbours). The nearest distance is tried first (cheapest to code), then the
 * previous match's distance, then the rest; the longest match wins. Matching is lazy, as
 * in zlib's higher levels: a match is deferred by one byte when the next position has a
 * longer one.
 *
 * @module
 */
import type { Histogram } from './histogram.js';
import { LENGTH_CODE, MAX_MATCH, MIN_MATCH, WINDOW, distanceCode } from './tables.js';

/** Length of the common run of `data[a…]` and `data[b…]`, at most `max` (4 bytes a step). */
function matchLength(data: Uint8Array, view: DataView, a: number, b: number, max: number): number {
  let n = 0;
  while (n + 4 <= max && view.getInt32(a + n) === view.getInt32(b + n)) n += 4;
  while (n < max && data[a + n] === data[b + n]) n++;
  return n;
}

/**
 * The longest match at `p` (at most `max` bytes) among `dists` and `last`, as a token
 * `(length << 16) | distance`, or 0 when no match reaches 3 bytes.
 */
function longest(data: Uint8Array, view: DataView, dists: Int32Array, p: number, max: number, last: number): number {
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
  return bestLen >= MIN_MATCH ? (bestLen << 16) | bestDist : 0;
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
  /** Distance of the last emitted match. */
  #last: number;

  constructor(data: Uint8Array, candidates: readonly number[]) {
    this.#data = data;
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
   * Encodes input until the position reaches at least `stop` (or the end of the data),
   * counting the symbols of the new tokens into `histogram`.
   */
  parseUntil(stop: number, histogram: Histogram): void {
    const data = this.#data;
    const view = this.#view;
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
    // With at most two candidates (the last match's distance is always one of them), a
    // literal run is scanned by a tight loop that checks the next three bytes at both.
    const twoCandidates = dists.length <= 2;
    const fastFrom = Math.max(d0, d1);
    let last = this.#last;
    let t = this.count;
    let p = this.position;
    while (p < limit) {
      if (twoCandidates && p >= fastFrom) {
        const stopAt = Math.min(limit, end - 3);
        while (p < stopAt) {
          const here = view.getInt32(p);
          if (((here ^ view.getInt32(p - d0)) & -256) === 0 || ((here ^ view.getInt32(p - d1)) & -256) === 0) break;
          const v = here >>> 24;
          tokens[t++] = v;
          lit[v]++;
          p++;
        }
        if (p >= limit) break;
      }
      const v = data[p];
      let match = longest(data, view, dists, p, Math.min(MAX_MATCH, end - p), last);
      if (match === 0) {
        tokens[t++] = v;
        lit[v]++;
        p++;
        continue;
      }
      // Lazy matching: emit a literal instead when the next position matches longer.
      while (match >>> 16 < MAX_MATCH && p + 1 < end) {
        const next = longest(data, view, dists, p + 1, Math.min(MAX_MATCH, end - p - 1), last);
        if (next >>> 16 <= match >>> 16) break;
        const u = data[p++];
        tokens[t++] = u;
        lit[u]++;
        match = next;
      }
      const len = match >>> 16;
      last = match & 0xffff;
      tokens[t++] = match;
      lit[257 + LENGTH_CODE[len]]++;
      dist[distanceCode(last)]++;
      p += len;
    }
    this.#last = last;
    this.count = t;
    this.position = p;
  }
}
