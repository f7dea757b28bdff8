/**
 * PNG scanline reconstruction (the five row filters of PNG spec §9, Paeth exact), fed with
 * inflated data in chunks of any size and writing each row straight into its destination:
 * a `RasterImage`'s bytes, a patch canvas (rows `stride` bytes apart) or a padded scanline
 * buffer. Rows are only buffered when a chunk boundary cuts one.
 *
 * @module
 */
import { PhasInputError } from '../errors/index.js';

function invalid(message: string): PhasInputError {
  return new PhasInputError(message, { argument: 'bytes', code: 'invalid_png' });
}

/**
 * Reconstructs one row: `n` filtered bytes of `src` from `s` (after the filter-type byte)
 * into `dst` at `d`. The previous reconstructed row is in `dst` at `p` (−1 for the first
 * row: all zero). `bpp` is the filter's byte distance (bytes per pixel, at least 1).
 */
export function unfilterRow(type: number, src: Uint8Array, s: number, dst: Uint8Array, d: number, p: number, n: number, bpp: number): void {
  const first = Math.min(bpp, n);
  switch (type) {
    case 0:
      dst.set(src.subarray(s, s + n), d);
      return;
    case 1:
      for (let i = 0; i < first; i++) dst[d + i] = src[s + i]!;
      for (let i = bpp; i < n; i++) dst[d + i] = src[s + i]! + dst[d + i - bpp]!;
      return;
    case 2:
      if (p < 0) dst.set(src.subarray(s, s + n), d);
      else for (let i = 0; i < n; i++) dst[d + i] = src[s + i]! + dst[p + i]!;
      return;
    case 3:
      if (p < 0) {
        for (let i = 0; i < first; i++) dst[d + i] = src[s + i]!;
        for (let i = bpp; i < n; i++) dst[d + i] = src[s + i]! + (dst[d + i - bpp]! >> 1);
      } else {
        for (let i = 0; i < first; i++) dst[d + i] = src[s + i]! + (dst[p + i]! >> 1);
        for (let i = bpp; i < n; i++) dst[d + i] = src[s + i]! + ((dst[d + i - bpp]! + dst[p + i]!) >> 1);
      }
      return;
    case 4:
      if (p < 0) {
        // No row above: Paeth(a, 0, 0) is a, so the filter is Sub.
        for (let i = 0; i < first; i++) dst[d + i] = src[s + i]!;
        for (let i = bpp; i < n; i++) dst[d + i] = src[s + i]! + dst[d + i - bpp]!;
      } else {
        // No pixel to the left: Paeth(0, b, 0) is b.
        for (let i = 0; i < first; i++) dst[d + i] = src[s + i]! + dst[p + i]!;
        paethRest(src, s, dst, d, p, n, bpp);
      }
      return;
    default:
      throw invalid(`PNG row uses filter type ${type}; only 0–4 exist`);
  }
}

/** Paeth for bytes `bpp…n−1` of a row with a row above (spec §9.4, ties a, b, c). */
function paethRest(src: Uint8Array, s: number, dst: Uint8Array, d: number, p: number, n: number, bpp: number): void {
  for (let i = bpp; i < n; i++) {
    const a = dst[d + i - bpp]!;
    const b = dst[p + i]!;
    const c = dst[p + i - bpp]!;
    // p = a + b − c; |p − a| = |b − c|, |p − b| = |a − c|, |p − c| = |a + b − 2c|.
    let pa = b - c;
    let pb = a - c;
    let pc = pa + pb;
    if (pa < 0) pa = -pa;
    if (pb < 0) pb = -pb;
    if (pc < 0) pc = -pc;
    dst[d + i] = src[s + i]! + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
  }
}

/** Where a {@link ScanlineSink} writes: row `y` starts at `offset + y·stride` of `data`. */
export interface RowTarget {
  data: Uint8Array;
  offset: number;
  stride: number;
}

/**
 * Receives the inflated image data (filter byte + row, `rows` times) in chunks of any size
 * and reconstructs each row into a {@link RowTarget}. Bytes after the last row are counted,
 * not stored.
 */
export class ScanlineSink {
  readonly #rowBytes: number;
  readonly #rows: number;
  readonly #bpp: number;
  readonly #target: RowTarget;
  /** A row cut by a chunk boundary: filter byte + row. */
  readonly #pending: Uint8Array;
  #filled = 0;
  #y = 0;
  #extra = 0;

  /**
   * @param rowBytes Bytes per row without the filter byte.
   * @param rows Rows expected.
   * @param bpp Filter byte distance (bytes per complete pixel, at least 1).
   */
  constructor(rowBytes: number, rows: number, bpp: number, target: RowTarget) {
    this.#rowBytes = rowBytes;
    this.#rows = rows;
    this.#bpp = bpp;
    this.#target = target;
    this.#pending = new Uint8Array(rowBytes + 1);
  }

  /** Whether every row has been reconstructed. */
  get complete(): boolean {
    return this.#y === this.#rows;
  }

  /** Bytes the rows need in all (filter bytes included). */
  get expectedBytes(): number {
    return this.#rows * (this.#rowBytes + 1);
  }

  /** Bytes received after the last row (ignored, as other decoders do). */
  get extraBytes(): number {
    return this.#extra;
  }

  /** Consumes `chunk`; throws `PhasInputError` (`invalid_png`) on an unknown filter type. */
  push(chunk: Uint8Array): void {
    const line = this.#rowBytes + 1;
    const length = chunk.length;
    let at = 0;
    while (at < length && this.#y < this.#rows) {
      if (this.#filled === 0 && length - at >= line) {
        this.#emit(chunk, at);
        at += line;
        continue;
      }
      const take = Math.min(line - this.#filled, length - at);
      this.#pending.set(chunk.subarray(at, at + take), this.#filled);
      this.#filled += take;
      at += take;
      if (this.#filled === line) {
        this.#filled = 0;
        this.#emit(this.#pending, 0);
      }
    }
    this.#extra += length - at;
  }

  /** Throws `PhasInputError` (`invalid_png`) unless every row arrived. */
  finish(): void {
    if (!this.complete) {
      throw invalid(`PNG image data is shorter than its size says: ${this.#y} of ${this.#rows} rows present`);
    }
  }

  #emit(src: Uint8Array, s: number): void {
    const { data, offset, stride } = this.#target;
    const y = this.#y;
    unfilterRow(src[s]!, src, s + 1, data, offset + y * stride, y > 0 ? offset + (y - 1) * stride : -1, this.#rowBytes, this.#bpp);
    this.#y = y + 1;
  }
}
