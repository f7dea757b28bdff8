/**
 * Symbol counts of a run of DEFLATE tokens, and their entropy-coded size.
 *
 * @module
 */
import { DISTANCE_EXTRA, LENGTH_EXTRA_OF } from './tables.js';

/** Literal/length symbols (0…285) and distance codes (0…29) counted for one block. */
export class Histogram {
  readonly lit = new Int32Array(286);
  readonly dist = new Int32Array(30);
  #bits = -1;

  /** Sets every count to zero. */
  clear(): void {
    this.lit.fill(0);
    this.dist.fill(0);
    this.#bits = -1;
  }

  /** Adds `other`'s counts to this one. */
  merge(other: Histogram): void {
    for (let i = 0; i < 286; i++) this.lit[i] += other.lit[i];
    for (let i = 0; i < 30; i++) this.dist[i] += other.dist[i];
    this.#bits = -1;
  }

  /** Entropy-coded size of the symbols in bits (a lower bound of their Huffman size). */
  bits(): number {
    if (this.#bits < 0) this.#bits = entropyBits(this.lit) + entropyBits(this.dist);
    return this.#bits;
  }

  /** Entropy-coded size of this and `other` together, in bits. */
  mergedBits(other: Histogram): number {
    return entropyBits(this.lit, other.lit) + entropyBits(this.dist, other.dist);
  }

  /** The extra bits of the length and distance codes counted. */
  extraBits(): number {
    let bits = 0;
    for (let i = 0; i < 29; i++) bits += this.lit[257 + i] * LENGTH_EXTRA_OF[i];
    for (let i = 0; i < 30; i++) bits += this.dist[i] * DISTANCE_EXTRA[i];
    return bits;
  }
}

/** `f · log2(f)` for small counts, looked up instead of computed. */
const F_LOG_F = /* @__PURE__ */ (() => {
  const table = new Float64Array(1 << 14);
  for (let f = 2; f < table.length; f++) table[f] = f * Math.log2(f);
  return table;
})();

function fLogF(f: number): number {
  return f < F_LOG_F.length ? F_LOG_F[f] : f * Math.log2(f);
}

function entropyBits(a: Int32Array, b?: Int32Array): number {
  // Σ f·log2(total/f) = total·log2(total) − Σ f·log2(f)
  let total = 0;
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const f = b === undefined ? a[i] : a[i] + b[i];
    if (f > 1) sum += fLogF(f);
    total += f;
  }
  return total > 0 ? fLogF(total) - sum : 0;
}
