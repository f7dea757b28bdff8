/**
 * PNG container: writing chunks, and walking/validating them before any pixel decoding.
 *
 * @module
 */
import { PhasInputError } from '../errors/index.js';
import { crc32 } from '@phas/raster-wasm';

/** The 8-byte PNG signature. */
export const PNG_SIGNATURE: readonly number[] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A chunk to write: four-letter type and payload. */
export interface PngChunk {
  type: string;
  data: Uint8Array;
}

/** The IHDR fields. */
export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  interlace: number;
  /** Whether a `tRNS` chunk is present. */
  transparency: boolean;
  /** Total length of the IDAT chunks (compressed image data). */
  idatBytes: number;
}

function invalid(message: string): PhasInputError {
  return new PhasInputError(message, { argument: 'bytes', code: 'invalid_png' });
}

/** Writes the signature and `chunks` (length, type, data, CRC) into one buffer. */
export function writePngChunks(chunks: readonly PngChunk[]): Uint8Array {
  const size = chunks.reduce((sum, chunk) => sum + 12 + chunk.data.length, PNG_SIGNATURE.length);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(PNG_SIGNATURE);
  let at = PNG_SIGNATURE.length;
  for (const { type, data } of chunks) {
    view.setUint32(at, data.length);
    for (let i = 0; i < 4; i++) out[at + 4 + i] = type.charCodeAt(i);
    out.set(data, at + 8);
    view.setUint32(at + 8 + data.length, crc32(out, at + 4, at + 8 + data.length));
    at += 12 + data.length;
  }
  return out;
}

/** The valid bit depths per colour type (PNG spec table 11.1). */
const DEPTHS: Record<number, readonly number[]> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

function parseIhdr(view: DataView, at: number, length: number): Omit<PngHeader, 'transparency' | 'idatBytes'> {
  if (length !== 13) throw invalid(`PNG IHDR chunk has ${length} bytes, expected 13`);
  const width = view.getUint32(at);
  const height = view.getUint32(at + 4);
  const bitDepth = view.getUint8(at + 8);
  const colourType = view.getUint8(at + 9);
  const interlace = view.getUint8(at + 12);
  if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff) {
    throw invalid(`PNG size ${width} × ${height} is invalid`);
  }
  const depths = DEPTHS[colourType];
  if (depths === undefined) throw invalid(`PNG colour type ${colourType} is invalid`);
  if (!depths.includes(bitDepth)) throw invalid(`PNG bit depth ${bitDepth} is invalid for colour type ${colourType}`);
  if (view.getUint8(at + 10) !== 0 || view.getUint8(at + 11) !== 0 || interlace > 1) {
    throw invalid('PNG IHDR has an unknown compression, filter or interlace method');
  }
  return { width, height, bitDepth, colourType, interlace };
}

/** DEFLATE expands at most 1032:1 (a 258-byte match in 2 bits). */
const MAX_INFLATE_RATIO = 1032;
const SAMPLES: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/**
 * Refuses a header whose image the compressed data cannot possibly fill, before anything is
 * inflated or allocated: a few hundred bytes claiming 2^28 pixels would otherwise cost
 * gigabytes and seconds before being found short.
 */
export function checkDataCanFill(header: PngHeader): void {
  const { width, height, bitDepth, colourType, idatBytes } = header;
  const sampleBytes = Math.floor((width * height * SAMPLES[colourType] * bitDepth) / 8); // a lower bound, interlaced or not
  if (idatBytes * MAX_INFLATE_RATIO + 1024 < sampleBytes) {
    throw invalid(`PNG image data is shorter than its size says: ${idatBytes} compressed bytes cannot hold a ${width} × ${height} image`);
  }
}

/** A checked PNG: its header, its image data (the IDAT payloads, in order) and the tables. */
export interface PngStructure {
  header: PngHeader;
  /** The IDAT chunks' payloads (views into the input, not copies). */
  idat: Uint8Array[];
  /** The last `PLTE` payload, if any. */
  plte?: Uint8Array;
  /** The last `tRNS` payload, if any. */
  trns?: Uint8Array;
}

/**
 * Checks that `bytes` is a complete PNG: signature, every chunk inside the buffer with a
 * correct CRC, IHDR first and valid, at least one IDAT, and IEND. Returns the header.
 *
 * @throws PhasInputError (code `'invalid_png'`) naming what is wrong.
 */
export function readPngHeader(bytes: Uint8Array): PngHeader {
  return readPngStructure(bytes).header;
}

/**
 * {@link readPngHeader}'s checks, returning the image data and tables too.
 *
 * @throws PhasInputError (code `'invalid_png'`) naming what is wrong.
 */
export function readPngStructure(bytes: Uint8Array): PngStructure {
  if (bytes.length < PNG_SIGNATURE.length || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) {
    throw invalid('not a PNG image (the PNG signature is missing)');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let header: Omit<PngHeader, 'transparency' | 'idatBytes'> | undefined;
  const idat: Uint8Array[] = [];
  let plte: Uint8Array | undefined;
  let trns: Uint8Array | undefined;
  let idatBytes = 0;
  let at = PNG_SIGNATURE.length;
  for (;;) {
    if (at + 12 > bytes.length) throw invalid(`PNG is truncated: a chunk header at byte ${at} is cut off (no IEND)`);
    const length = view.getUint32(at);
    const type = String.fromCharCode(bytes[at + 4], bytes[at + 5], bytes[at + 6], bytes[at + 7]);
    const end = at + 8 + length;
    if (length > 0x7fffffff || end + 4 > bytes.length) {
      throw invalid(`PNG is truncated: chunk ${JSON.stringify(type)} at byte ${at} needs ${length} bytes`);
    }
    if (view.getUint32(end) !== crc32(bytes, at + 4, end)) throw invalid(`PNG chunk ${JSON.stringify(type)} has a bad CRC`);
    if (header === undefined) {
      if (type !== 'IHDR') throw invalid(`PNG must start with IHDR, found ${JSON.stringify(type)}`);
      header = parseIhdr(view, at + 8, length);
    } else if (type === 'IDAT') {
      idat.push(bytes.subarray(at + 8, end));
      idatBytes += length;
    } else if (type === 'PLTE') {
      plte = bytes.subarray(at + 8, end);
    } else if (type === 'tRNS') {
      trns = bytes.subarray(at + 8, end);
    } else if (type === 'IEND') {
      if (idat.length === 0) throw invalid('PNG has no image data (IDAT)');
      const structure: PngStructure = { header: { ...header, transparency: trns !== undefined, idatBytes }, idat };
      if (plte !== undefined) structure.plte = plte;
      if (trns !== undefined) structure.trns = trns;
      return structure;
    }
    at = end + 4;
  }
}
