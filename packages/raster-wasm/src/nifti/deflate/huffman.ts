/**
 * Length-limited Huffman code lengths and canonical DEFLATE codes (RFC 1951 §3.2.2).
 *
 * @module
 */

/**
 * Code lengths for `freqs`, at most `maxBits` long, optimal up to the length limit
 * (Huffman lengths, then the overflow fixed as in miniz: demote to `maxBits` and rebalance
 * the Kraft sum). Symbols with frequency 0 get length 0. A single used symbol gets
 * length 1 (DEFLATE needs at least one bit per code).
 */
export function codeLengths(freqs: ArrayLike<number>, maxBits: number): Uint8Array {
  const n = freqs.length;
  const lengths = new Uint8Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) if (freqs[i] > 0) m++;
  if (m === 0) return lengths;
  const s = scratch(m);
  const used = s.used;
  sortByFrequency(freqs, n, m, used, s.tmp, s.buckets);
  if (m === 1) {
    lengths[used[0]] = 1;
    return lengths;
  }
  // Two-queue Huffman on sorted weights: leaves 0…m-1, internal nodes m…2m-2.
  const { weight, parent, depth, count } = s;
  for (let i = 0; i < m; i++) weight[i] = freqs[used[i]];
  let leaf = 0;
  let node = m;
  for (let next = m; next < 2 * m - 1; next++) {
    let a: number;
    if (leaf < m && (node >= next || weight[leaf] <= weight[node])) a = leaf++;
    else a = node++;
    let b: number;
    if (leaf < m && (node >= next || weight[leaf] <= weight[node])) b = leaf++;
    else b = node++;
    weight[next] = weight[a] + weight[b];
    parent[a] = next;
    parent[b] = next;
  }
  depth[2 * m - 2] = 0;
  for (let i = 2 * m - 3; i >= 0; i--) depth[i] = depth[parent[i]] + 1;

  // Count lengths, clamp to maxBits, then restore the Kraft equality.
  count.fill(0);
  for (let i = 0; i < m; i++) count[Math.min(depth[i], maxBits)]++;
  let kraft = 0;
  for (let len = 1; len <= maxBits; len++) kraft += count[len] * 2 ** (maxBits - len);
  while (kraft > 2 ** maxBits) {
    count[maxBits]--;
    for (let len = maxBits - 1; len > 0; len--) {
      if (count[len] > 0) {
        count[len]--;
        count[len + 1] += 2;
        break;
      }
    }
    kraft--;
  }
  // Longest codes to the rarest symbols (used[] is sorted by ascending frequency).
  let symbol = 0;
  for (let len = maxBits; len >= 1; len--) {
    for (let k = 0; k < count[len]; k++) lengths[used[symbol++]] = len;
  }
  return lengths;
}

/**
 * Writes the `m` symbols with non-zero frequency into `out`, by ascending frequency (ties
 * by symbol): an LSD radix sort on the frequency, 8 bits a pass, stable so ties stay in
 * symbol order.
 */
function sortByFrequency(
  freqs: ArrayLike<number>,
  n: number,
  m: number,
  out: Int32Array,
  tmp: Int32Array,
  buckets: Int32Array,
): void {
  let maxFreq = 0;
  for (let i = 0, k = 0; i < n; i++) {
    const f = freqs[i];
    if (f > 0) {
      out[k++] = i;
      if (f > maxFreq) maxFreq = f;
    }
  }
  let src = out;
  let dst = tmp;
  for (let shift = 0; maxFreq >>> shift > 0; shift += 8) {
    buckets.fill(0);
    for (let k = 0; k < m; k++) buckets[((freqs[src[k]] >>> shift) & 0xff) + 1]++;
    for (let b = 1; b <= 256; b++) buckets[b] += buckets[b - 1];
    for (let k = 0; k < m; k++) dst[buckets[(freqs[src[k]] >>> shift) & 0xff]++] = src[k];
    [src, dst] = [dst, src];
  }
  if (src !== out) out.set(src.subarray(0, m));
}

interface Scratch {
  tmp: Int32Array;
  buckets: Int32Array;
  used: Int32Array;
  weight: Float64Array;
  parent: Int32Array;
  depth: Int32Array;
  count: Int32Array;
}
let shared: Scratch | undefined;

/** Work arrays for up to `m` symbols, reused between calls (the encoder is synchronous). */
function scratch(m: number): Scratch {
  if (shared === undefined || shared.used.length < m) {
    const size = Math.max(m, 320);
    shared = {
      tmp: new Int32Array(size),
      buckets: new Int32Array(257),
      used: new Int32Array(size),
      weight: new Float64Array(2 * size),
      parent: new Int32Array(2 * size),
      depth: new Int32Array(2 * size),
      count: new Int32Array(64),
    };
  }
  return shared;
}

/** Canonical codes for `lengths`, bit-reversed so they can be written LSB-first. */
export function canonicalCodes(lengths: Uint8Array): Uint16Array {
  const maxBits = lengths.reduce((a, b) => Math.max(a, b), 0);
  const blCount = new Uint16Array(maxBits + 2);
  for (const len of lengths) if (len) blCount[len]++;
  const next = new Uint16Array(maxBits + 2);
  let code = 0;
  for (let bits = 1; bits <= maxBits; bits++) {
    code = (code + blCount[bits - 1]) << 1;
    next[bits] = code;
  }
  const codes = new Uint16Array(lengths.length);
  for (let i = 0; i < lengths.length; i++) {
    const len = lengths[i];
    if (!len) continue;
    let c = next[len]++;
    let reversed = 0;
    for (let b = 0; b < len; b++) {
      reversed = (reversed << 1) | (c & 1);
      c >>= 1;
    }
    codes[i] = reversed;
  }
  return codes;
}
