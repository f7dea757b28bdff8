/**
 * A DEFLATE encoder for raster files (`.nii` headers followed by row-major pixels): LZ77
 * with image-shaped candidate distances plus an adaptive hash chain ({@link RasterParser}),
 * blocks split between rows where the symbol statistics change (so each block's Huffman
 * codes fit its rows), and per block the cheapest of dynamic, fixed and stored coding.
 * Memory: the input, a worst-case output buffer (untouched pages cost nothing), and the
 * tokens of one block.
 *
 * @module
 */
import { BitWriter } from './bits.js';
import { writeBlock } from './block.js';
import { RasterParser } from './parse.js';
import { trimmed } from './trim.js';
import { Histogram } from './histogram.js';

/** How the pixels are laid out in the buffer. */
export interface RasterLayout {
  /** Bytes per pixel (1 grey, 3 RGB). */
  bytesPerPixel: number;
  /** Bytes per image row. */
  rowBytes: number;
}

/**
 * Whether to search repeats through the hash table. Not for 1-byte pixels: label masks are
 * covered by the candidate distances, and far hash matches there cost more bits than they
 * save (measured: +6 % on the benchmark mask).
 */
export function useHashMatches({ bytesPerPixel }: RasterLayout): boolean {
  return bytesPerPixel > 1;
}

/**
 * Estimated cost of starting a new block, in bits: its Huffman table (about 100 bytes with
 * a full literal alphabet) plus the per-block work, which favours fewer, longer blocks.
 */
const BLOCK_HEADER_BITS = 1500;
/** Blocks are closed at this many tokens (bounds the token buffer). */
const MAX_BLOCK_TOKENS = 1 << 20;
/** Blocks are made of chunks of whole rows, about this many bytes (at least one row). */
const CHUNK_BYTES = 4096;
/** Label masks change statistics slowly: longer chunks, fewer block decisions. */
const MASK_CHUNK_BYTES = 65536;

/** Candidate match distances for a layout, most useful first. */
export function candidateDistances({ bytesPerPixel, rowBytes }: RasterLayout): number[] {
  const out = [bytesPerPixel, rowBytes];
  if (bytesPerPixel === 1) {
    // Label masks: an edge moves by a few pixels from one row to the next. (Rows further
    // up find longer matches but cost more to code: measured larger output.)
    for (let dx = 1; dx <= 4; dx++) out.push(rowBytes - dx, rowBytes + dx);
  }
  return out;
}

/** Raw DEFLATE stream (RFC 1951) of `data`. */
export function deflateRaster(
  data: Uint8Array,
  layout: RasterLayout,
  candidates: readonly number[] = candidateDistances(layout),
): Uint8Array {
  const writer = new BitWriter(maxDeflatedBytes(data.length));
  deflateRasterInto(writer, data, layout, candidates);
  return trimmed(writer.finish());
}

/**
 * An upper bound of the DEFLATE size of `n` bytes (stored blocks at worst), so that an
 * output buffer of this size never grows; its untouched pages cost nothing.
 */
export function maxDeflatedBytes(n: number): number {
  return n + 5 * Math.ceil(n / 65535) + 1024;
}

/** Appends the DEFLATE stream of `data` to `writer` (which must be byte-aligned). */
export function deflateRasterInto(
  writer: BitWriter,
  data: Uint8Array,
  layout: RasterLayout,
  candidates: readonly number[] = candidateDistances(layout),
): void {
  const target = layout.bytesPerPixel === 1 ? MASK_CHUNK_BYTES : CHUNK_BYTES;
  const chunkBytes = layout.rowBytes * Math.max(1, Math.floor(target / layout.rowBytes));
  const parser = new RasterParser(data, candidates, useHashMatches(layout));

  // The open block: tokens [0, parser.count) minus the current chunk's, input from blockRaw.
  let blockRaw = 0;
  let block = new Histogram();
  let chunk = new Histogram();
  let first = true;
  do {
    const chunkToken = parser.count;
    const chunkRaw = parser.position;
    chunk.clear();
    parser.parseUntil(chunkRaw + chunkBytes, chunk);
    if (first) {
      [block, chunk] = [chunk, block];
      first = false;
    } else if (
      chunkToken < MAX_BLOCK_TOKENS &&
      block.mergedBits(chunk) <= block.bits() + chunk.bits() + BLOCK_HEADER_BITS
    ) {
      block.merge(chunk);
    } else {
      writeBlock(writer, parser.tokens, 0, chunkToken, block, data.subarray(blockRaw, chunkRaw), false);
      parser.discard(chunkToken);
      blockRaw = chunkRaw;
      [block, chunk] = [chunk, block];
    }
  } while (parser.position < data.length);
  writeBlock(writer, parser.tokens, 0, parser.count, block, data.subarray(blockRaw), true);
  writer.align();
}
