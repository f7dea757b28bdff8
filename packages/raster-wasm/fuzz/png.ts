/**
 * Fuzzing a PNG decoder (the SDK's `decodePng`, passed in so this package does not depend on
 * the SDK): valid PNGs (the SDK encoder's 1/3/4-channel images; palette, low-depth grey,
 * grey+alpha and colour-keyed RGB images assembled here)
 * decode back exactly; mutated ones (truncation, bit flips, bit flips with the chunk CRC
 * repaired so they reach the zlib and filter stages, IHDR fields set to extreme values,
 * chunks dropped, duplicated or invented) must decode to a consistent image or fail with an
 * error the caller accepts as clear. A decode that never returns would hang the run; the
 * runner reports the slowest decode.
 */
import { zlibSync } from 'fflate';
import type { RasterImage } from '../src/image.js';
import { crc32 } from '../src/nifti/index.js';
import { count, fail, forEachIteration, newTally, type FuzzRunOptions, type FuzzTally, type Rand } from './random.js';

/** The decoder under test and how to judge its errors. */
export interface PngCodec {
  decode(bytes: Uint8Array): RasterImage;
  encode(image: RasterImage): Uint8Array;
  /** A short name for an acceptable, clear error (e.g. `PhasInputError invalid_png`), or null. */
  classify(error: unknown): string | null;
}

interface Chunk {
  type: string;
  data: Uint8Array;
}

function chunksOf(png: Uint8Array): Chunk[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: Chunk[] = [];
  for (let at = 8; at + 12 <= png.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    chunks.push({ type, data: png.slice(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return chunks;
}

/** Writes chunks with correct lengths and CRCs after the PNG signature. */
function assemble(chunks: readonly Chunk[]): Uint8Array {
  const size = 8 + chunks.reduce((n, c) => n + 12 + c.data.length, 0);
  const out = new Uint8Array(size);
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(out.buffer);
  let at = 8;
  for (const { type, data } of chunks) {
    view.setUint32(at, data.length);
    for (let k = 0; k < 4; k++) out[at + 4 + k] = type.charCodeAt(k) & 0xff;
    out.set(data, at + 8);
    view.setUint32(at + 8 + data.length, crc32(out, at + 4, at + 8 + data.length) >>> 0);
    at += 12 + data.length;
  }
  return out;
}

function randomImage(rand: Rand): RasterImage {
  const width = rand.int(1, 48);
  const height = rand.int(1, 32);
  const channels = rand.pick([1, 3, 4] as const);
  const data = new Uint8Array(width * height * channels);
  const smooth = rand.chance(0.5); // compressible content exercises the filters
  for (let i = 0; i < data.length; i++) data[i] = smooth ? (i * 7 + (i >> 5)) & 0xff : rand.int(0, 255);
  return { width, height, channels, data };
}

/**
 * A valid PNG of a kind the SDK encoder does not write: palette (bit depth 1…8, optional
 * tRNS), greyscale below 8 bits, grey+alpha, or RGB with a tRNS colour key; filter type 0.
 */
function otherPng(rand: Rand): Uint8Array {
  const width = rand.int(1, 40);
  const height = rand.int(1, 30);
  const kind = rand.pick(['palette', 'grey', 'grey-alpha', 'rgb-key'] as const);
  const depth = kind === 'palette' || kind === 'grey' ? rand.pick([1, 2, 4, 8]) : 8;
  const colourType = { palette: 3, grey: 0, 'grey-alpha': 4, 'rgb-key': 2 }[kind];
  const samples = { palette: 1, grey: 1, 'grey-alpha': 2, 'rgb-key': 3 }[kind];
  const rowBytes = Math.ceil((width * samples * depth) / 8);
  const raw = new Uint8Array((rowBytes + 1) * height);
  const entries = Math.min(1 << depth, 256);
  for (let y = 0; y < height; y++) {
    for (let k = 1; k <= rowBytes; k++) raw[y * (rowBytes + 1) + k] = rand.int(0, 255);
    if (kind === 'palette' && depth === 8) {
      // indices must stay inside a palette that may be shorter than 256 entries
      for (let k = 1; k <= rowBytes; k++) raw[y * (rowBytes + 1) + k] %= entries;
    }
  }
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr.set([depth, colourType, 0, 0, 0], 8);
  const chunks: Chunk[] = [{ type: 'IHDR', data: ihdr }];
  if (kind === 'palette') {
    chunks.push({ type: 'PLTE', data: new Uint8Array(3 * entries).map(() => rand.int(0, 255)) });
    if (rand.chance(0.5)) chunks.push({ type: 'tRNS', data: new Uint8Array(rand.int(1, entries)).map(() => rand.int(0, 255)) });
  }
  if (kind === 'rgb-key') chunks.push({ type: 'tRNS', data: new Uint8Array(6).map(() => rand.int(0, 1)) });
  chunks.push({ type: 'IDAT', data: zlibSync(raw) }, { type: 'IEND', data: new Uint8Array(0) });
  return assemble(chunks);
}

const IHDR_FIELDS: [string, number, 'u32' | 'u8', number[]][] = [
  ['width', 0, 'u32', [0, 1, 2 ** 31 - 1, 2 ** 31, 0xffffffff, 65536, 16385]],
  ['height', 4, 'u32', [0, 1, 2 ** 31, 0xffffffff, 65536, 16385]],
  ['bit depth', 8, 'u8', [0, 1, 2, 3, 4, 8, 16, 255]],
  ['colour type', 9, 'u8', [0, 1, 2, 3, 4, 5, 6, 7]],
  ['compression', 10, 'u8', [1, 255]],
  ['filter method', 11, 'u8', [1, 255]],
  ['interlace', 12, 'u8', [1, 2]],
];

function mutate(rand: Rand, png: Uint8Array): { name: string; bytes: Uint8Array } {
  const chunks = chunksOf(png);
  const kind = rand.pick(['truncate', 'flip', 'flip-fixed', 'flip-fixed', 'ihdr', 'ihdr', 'drop', 'duplicate', 'invent', 'tiny'] as const);
  switch (kind) {
    case 'truncate':
      return { name: 'truncated', bytes: png.slice(0, rand.int(0, png.length - 1)) };
    case 'flip': {
      const bytes = png.slice();
      for (let k = rand.int(1, 6); k > 0; k--) bytes[rand.int(0, bytes.length - 1)] ^= 1 << rand.int(0, 7);
      return { name: 'bits flipped (CRC left wrong)', bytes };
    }
    case 'flip-fixed': {
      const target = rand.pick(chunks.filter((c) => c.data.length > 0));
      for (let k = rand.int(1, 4); k > 0; k--) target.data[rand.int(0, target.data.length - 1)] ^= 1 << rand.int(0, 7);
      return { name: `bits flipped in ${target.type}, CRC repaired`, bytes: assemble(chunks) };
    }
    case 'ihdr': {
      const ihdr = chunks.find((c) => c.type === 'IHDR')!;
      const [field, offset, size, values] = rand.pick(IHDR_FIELDS);
      const view = new DataView(ihdr.data.buffer, ihdr.data.byteOffset);
      if (size === 'u32') view.setUint32(offset, rand.pick(values));
      else view.setUint8(offset, rand.pick(values));
      return { name: `IHDR ${field} set to an extreme value, CRC repaired`, bytes: assemble(chunks) };
    }
    case 'drop': {
      const i = rand.int(0, chunks.length - 1);
      const type = chunks[i]!.type;
      chunks.splice(i, 1);
      return { name: `${type} chunk removed`, bytes: assemble(chunks) };
    }
    case 'duplicate': {
      const i = rand.int(0, chunks.length - 1);
      chunks.splice(rand.int(0, chunks.length), 0, { type: chunks[i]!.type, data: chunks[i]!.data.slice() });
      return { name: `${chunks[i]!.type} chunk duplicated elsewhere`, bytes: assemble(chunks) };
    }
    case 'invent': {
      const type = rand.pick(['ABCD', 'abcd', 'IDAT', 'PLTE', 'tRNS']);
      const data = new Uint8Array(rand.int(0, 40)).map(() => rand.int(0, 255));
      chunks.splice(rand.int(1, chunks.length), 0, { type, data });
      return { name: `random ${type} chunk inserted`, bytes: assemble(chunks) };
    }
    case 'tiny':
      return { name: 'empty, signature only or random bytes', bytes: rand.pick([new Uint8Array(0), png.slice(0, 8), new Uint8Array(rand.int(1, 64)).map(() => rand.int(0, 255))]) };
  }
}

function consistent(image: RasterImage): string | null {
  const { width, height, channels, data } = image;
  if (!(width > 0 && height > 0 && Number.isInteger(width) && Number.isInteger(height))) return `bad size ${width}×${height}`;
  if (channels !== 1 && channels !== 3 && channels !== 4) return `bad channels ${channels}`;
  if (!(data instanceof Uint8Array) || data.length !== width * height * channels) return `data length ${data?.length} for ${width}×${height}×${channels}`;
  return null;
}

/** The slowest decode of the run, for the runner's report. */
export interface PngFuzzTally extends FuzzTally {
  slowestMs: number;
}

/**
 * Runs the PNG fuzzer against `codec`.
 *
 * @example
 * ```ts
 * const tally = fuzzPng({ seed: 1, iterations: 300 }, { decode: decodePng, encode: encodePng, classify });
 * ```
 */
export function fuzzPng(options: FuzzRunOptions, codec: PngCodec): PngFuzzTally {
  const tally: PngFuzzTally = { ...newTally('png', options.seed), slowestMs: 0 };
  forEachIteration(options, tally, (rand, i) => {
    let png: Uint8Array;
    if (rand.chance(0.7)) {
      const image = randomImage(rand);
      png = codec.encode(image);
      const back = codec.decode(png);
      const exact = back.width === image.width && back.height === image.height && back.channels === image.channels && back.data.every((v, k) => v === image.data[k]);
      if (!exact) fail(tally, i, `a valid ${image.width}×${image.height}×${image.channels} PNG does not decode to its image`);
      else count(tally, 'valid PNG (SDK encoder) → decodes exactly');
    } else {
      png = otherPng(rand);
      const problem = consistent(codec.decode(png));
      if (problem) fail(tally, i, `a valid palette/low-depth PNG decodes inconsistently: ${problem}`);
      else count(tally, 'valid palette / low-depth / tRNS PNG → decodes consistently');
    }
    const m = mutate(rand, png);
    const start = performance.now();
    try {
      const problem = consistent(codec.decode(m.bytes));
      if (problem) {
        fail(tally, i, `${m.name}: decoded inconsistently (${problem})`);
        count(tally, `${m.name} → INCONSISTENT`);
      } else count(tally, `${m.name} → decodes (consistent)`);
    } catch (e) {
      const name = codec.classify(e);
      if (name === null) {
        fail(tally, i, `${m.name}: unclear error ${String(e)}`);
        count(tally, `${m.name} → UNCLEAR ERROR`, String(e));
      } else count(tally, `${m.name} → ${name}`, (e as Error).message);
    } finally {
      tally.slowestMs = Math.max(tally.slowestMs, performance.now() - start);
    }
  });
  return tally;
}
