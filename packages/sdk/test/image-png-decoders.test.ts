/**
 * The PNG decoders against each other (Node and Chromium): the synchronous `decodePng`
 * (fflate inflate, own unfilter), `decodePngAsync` (native `DecompressionStream` inflate),
 * `decodePngInto` (rows straight into a canvas), upng-js, an fflate-based reference written
 * here, and the pixels each generated PNG was built from, on hundreds of seeded PNGs (every colour type and bit depth, all five
 * filters, widths 1…70, split and empty IDAT chunks, stored and compressed zlib, palettes and
 * tRNS keys) and hand-made edge cases; plus the error contract of the asynchronous paths.
 */
import { describe, expect, it } from 'vitest';
import { unzlibSync, zlibSync } from 'fflate';
import UPNG from 'upng-js';
import type { RasterImage } from '@phas/raster-wasm';
import { PhasInputError } from '../src/errors/index.js';
import { decodePng, encodePng } from '../src/image/index.js';
import { decodePngAsync, decodePngInto } from '../src/image/png-decode-async.js';
import { hasNativeInflate } from '../src/image/inflate.js';
import { pasteRgba, transparentRgba } from '../src/patch-paste.js';

// ---- PNG building ---------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 255]! ^ (c >>> 8);
  return ~c >>> 0;
}
const be32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
function chunk(type: string, data: ArrayLike<number>): number[] {
  const body = new Uint8Array([...type].map((c) => c.charCodeAt(0)).concat(Array.from(data)));
  return [...be32(data.length), ...body, ...be32(crc(body))];
}
const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
const predict = (t: number, a: number, b: number, c: number) => [0, a, b, (a + b) >> 1, paeth(a, b, c)][t]!;

/** Filters byte rows (`stride` bytes, filter distance `bpp`) with the given per-row types. */
function filterRows(rows: Uint8Array, height: number, stride: number, bpp: number, types: number[]): Uint8Array {
  const out = new Uint8Array(height * (stride + 1));
  for (let y = 0; y < height; y++) {
    const t = types[y]!;
    out[y * (stride + 1)] = t;
    for (let x = 0; x < stride; x++) {
      const at = (i: number, j: number) => (i >= 0 && j >= 0 ? rows[j * stride + i]! : 0);
      out[y * (stride + 1) + 1 + x] = (rows[y * stride + x]! - predict(t, at(x - bpp, y), at(x, y - 1), at(x - bpp, y - 1))) & 255;
    }
  }
  return out;
}

interface PngSpec {
  width: number;
  height: number;
  depth: number;
  colourType: number;
  /** Unfiltered, packed rows. */
  rows: Uint8Array;
  filters: number[];
  /** Sizes the zlib stream is cut into (one IDAT each; the rest goes in a last one). */
  splits?: number[];
  level?: 0 | 1 | 6 | 9;
  plte?: number[];
  trns?: number[];
}

const SAMPLES: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const rowBytesOf = (s: { width: number; depth: number; colourType: number }) => Math.ceil((s.width * SAMPLES[s.colourType]! * s.depth) / 8);

function buildPng(spec: PngSpec): Uint8Array {
  const { width, height, depth, colourType, rows, filters } = spec;
  const stride = rowBytesOf(spec);
  const bpp = Math.max(1, (SAMPLES[colourType]! * depth) >> 3);
  const z = zlibSync(filterRows(rows, height, stride, bpp, filters), { level: spec.level ?? 6 });
  const idat: number[][] = [];
  let at = 0;
  for (const size of spec.splits ?? []) {
    idat.push(chunk('IDAT', z.subarray(at, Math.min(at + size, z.length))));
    at = Math.min(at + size, z.length);
  }
  idat.push(chunk('IDAT', z.subarray(at)));
  const ihdr = [...be32(width), ...be32(height), depth, colourType, 0, 0, 0];
  const tables = [...(spec.plte ? chunk('PLTE', spec.plte) : []), ...(spec.trns ? chunk('tRNS', spec.trns) : [])];
  return new Uint8Array([...SIGNATURE, ...chunk('IHDR', ihdr), ...tables, ...idat.flat(), ...chunk('IEND', [])]);
}

// ---- references -------------------------------------------------------------------------

/** Any decode result as RGBA (grey → g,g,g,255; RGB → r,g,b,255). */
function asRgba(image: RasterImage): Uint8Array {
  const out = new Uint8Array(image.width * image.height * 4);
  pasteRgba({ width: image.width, height: image.height, channels: 4, data: out }, image, 0, 0);
  return out;
}

/** The RGBA a spec's rows mean (PNG spec §11.2–11.3), computed from the unfiltered rows. */
function specRgba(spec: PngSpec): Uint8Array {
  const { width, height, depth, colourType, rows, plte, trns } = spec;
  const stride = rowBytesOf(spec);
  const samples = SAMPLES[colourType]!;
  const sample = (x: number, y: number, k: number) => {
    const bit = (x * samples + k) * depth;
    return (rows[y * stride + (bit >> 3)]! >> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
  };
  const key = trns && colourType !== 3 ? Array.from({ length: trns.length / 2 }, (_, i) => (trns[2 * i]! << 8) | trns[2 * i + 1]!) : undefined;
  const scale = 255 / ((1 << depth) - 1);
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = Array.from({ length: samples }, (_, k) => sample(x, y, k));
      let rgba: number[];
      if (colourType === 0) rgba = [v[0]! * scale, v[0]! * scale, v[0]! * scale, key && v[0] === key[0] ? 0 : 255];
      else if (colourType === 2) rgba = [...v, key && v.every((c, k) => c === key[k]) ? 0 : 255];
      else if (colourType === 3) rgba = [...plte!.slice(v[0]! * 3, v[0]! * 3 + 3), trns && v[0]! < trns.length ? trns[v[0]!]! : 255];
      else if (colourType === 4) rgba = [v[0]!, v[0]!, v[0]!, v[1]!];
      else rgba = v;
      out.set(rgba, (y * width + x) * 4);
    }
  }
  return out;
}

/** upng-js's decode as RGBA8. */
function upngRgba(png: Uint8Array): Uint8Array {
  const decoded = UPNG.decode(png.slice().buffer);
  return new Uint8Array(UPNG.toRGBA8(decoded)[0]!);
}

/** An fflate-based reference for 8-bit grey/RGB/RGBA: concatenated IDATs, unzlibSync, unfilter. */
function fflateReference(png: Uint8Array): Uint8Array {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const idat: number[] = [];
  for (let at = 8; at < png.length; ) {
    const len = view.getUint32(at);
    if (String.fromCharCode(...png.subarray(at + 4, at + 8)) === 'IDAT') idat.push(...png.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  const bpp = SAMPLES[png[25]!]!;
  const stride = width * bpp;
  const raw = unzlibSync(new Uint8Array(idat));
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const t = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const at = (i: number, j: number) => (i >= 0 && j >= 0 ? out[j * stride + i]! : 0);
      out[y * stride + x] = (raw[y * (stride + 1) + 1 + x]! + predict(t, at(x - bpp, y), at(x, y - 1), at(x - bpp, y - 1))) & 255;
    }
  }
  return out;
}

// ---- seeded PNGs ---------------------------------------------------------------------------

/** mulberry32: a uniform integer in [0, n). */
function random(seed: number): (n: number) => number {
  let s = Math.imul(seed, 0x9e3779b1) >>> 0;
  return (n) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n);
  };
}

const DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8], 2: [8], 3: [1, 2, 4, 8], 4: [8], 6: [8] };

function randomSpec(seed: number): PngSpec {
  const r = random(seed);
  const colourType = [0, 2, 3, 4, 6][r(5)]!;
  const depth = DEPTHS[colourType]![r(DEPTHS[colourType]!.length)]!;
  const width = 1 + r(70);
  const height = 1 + r(12);
  const stride = rowBytesOf({ width, depth, colourType });
  const rows = new Uint8Array(stride * height);
  // Smooth, noisy and flat stretches, so every predictor sees realistic neighbours.
  for (let i = 0; i < rows.length; i++) rows[i] = r(3) === 0 ? r(256) : r(2) === 0 ? (i * 3) & 255 : 200;
  const filters = Array.from({ length: height }, () => r(5));
  const spec: PngSpec = { width, height, depth, colourType, rows, filters, level: ([0, 1, 6, 9] as const)[r(4)]! };
  if (r(3) === 0) spec.splits = Array.from({ length: 1 + r(4) }, () => r(40)); // includes empty IDATs
  if (colourType === 3) {
    const entries = 1 << depth;
    spec.plte = Array.from({ length: entries * 3 }, () => r(256));
    if (r(2) === 0) spec.trns = Array.from({ length: r(entries + 1) }, () => r(256));
  } else if (colourType === 0 && r(3) === 0) {
    spec.trns = [0, depth === 8 ? 200 : r(1 << depth)];
  } else if (colourType === 2 && r(3) === 0) {
    spec.trns = [0, 200, 0, 200, 0, 200];
  }
  return spec;
}

async function expectInputError(promise: Promise<unknown>, code: string, message?: RegExp): Promise<void> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(PhasInputError);
  expect((caught as PhasInputError).code).toBe(code);
  if (message) expect((caught as Error).message).toMatch(message);
}

// ---- tests ---------------------------------------------------------------------------------

describe('PNG decoders agree', () => {
  it('the runtime inflates natively (DecompressionStream)', () => {
    expect(hasNativeInflate()).toBe(true);
  });

  it('400 seeded PNGs: decodePng == decodePngAsync == decodePngInto == upng-js (== fflate reference for 8-bit)', async () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 400; seed++) {
      const spec = randomSpec(seed);
      const png = buildPng(spec);
      const label = `seed ${seed}: type ${spec.colourType}, depth ${spec.depth}, ${spec.width}×${spec.height}`;
      const sync = decodePng(png);
      const async = await decodePngAsync(png);
      expect(async, label).toEqual(sync);
      expect(asRgba(sync), label).toEqual(specRgba(spec));
      // upng-js unfilters to the same rows; its RGBA conversion is right except for grey below
      // 8 bits (it ignores row padding and a key of 0).
      expect(new Uint8Array(UPNG.decode(png.slice().buffer).data).subarray(0, spec.rows.length), label).toEqual(spec.rows);
      if (spec.colourType !== 0 || spec.depth === 8) expect(asRgba(sync), label).toEqual(upngRgba(png));
      if (spec.depth === 8 && spec.colourType !== 3 && spec.colourType !== 4 && spec.trns === undefined) {
        expect(sync.data, label).toEqual(fflateReference(png));
        expect(sync.data, label).toEqual(spec.rows);
      }
      // Into a larger canvas, wholly inside and partly outside.
      for (const [left, top] of [[3, 2], [-5, 4]] as const) {
        const canvas = transparentRgba(spec.width + 6, spec.height + 4);
        canvas.data.fill(77);
        const expected = { ...canvas, data: canvas.data.slice() };
        pasteRgba(expected, sync, left, top);
        expect(await decodePngInto(png, { image: canvas, left, top }), label).toEqual([spec.width, spec.height]);
        expect(canvas.data, `${label} at ${left},${top}`).toEqual(expected.data);
      }
      spec.filters.forEach((f) => seen.add(`filter ${f}`));
      seen.add(`type ${spec.colourType} depth ${spec.depth}`);
      if ((spec.splits?.length ?? 0) > 0) seen.add('split IDAT');
    }
    // The seeds cover the 5 filters, the 11 colour type/depth pairs and split IDATs.
    expect(seen.size).toBe(5 + 11 + 1);
  });

  it('wide RGBA rows (rows cut by inflate chunk boundaries), every filter, stored and compressed', async () => {
    for (const level of [0, 9] as const) {
      const width = 1031;
      const height = 24;
      const r = random(level + 7);
      const rows = new Uint8Array(width * 4 * height).map((_, i) => (r(4) === 0 ? r(256) : (i >> 2) & 255));
      const filters = Array.from({ length: height }, (_, y) => y % 5);
      const png = buildPng({ width, height, depth: 8, colourType: 6, rows, filters, level });
      const expected: RasterImage = { width, height, channels: 4, data: rows };
      expect(decodePng(png)).toEqual(expected);
      expect(await decodePngAsync(png)).toEqual(expected);
      const canvas = transparentRgba(width + 1, height + 1);
      await decodePngInto(png, { image: canvas, left: 1, top: 1 });
      const reference = transparentRgba(width + 1, height + 1);
      pasteRgba(reference, expected, 1, 1);
      expect(canvas.data).toEqual(reference.data);
    }
  });

  it("the SDK encoder's adaptively filtered PNGs (1, 3, 4 channels)", async () => {
    for (const channels of [1, 3, 4] as const) {
      const r = random(channels);
      const width = 257;
      const height = 33;
      const data = new Uint8Array(width * height * channels).map((_, i) => (i % 97 < 40 ? (i * 5) & 255 : r(256)));
      const image: RasterImage = { width, height, channels, data };
      const png = encodePng(image);
      expect(decodePng(png)).toEqual(image);
      expect(await decodePngAsync(png)).toEqual(image);
      expect(await decodePngAsync(png.slice().buffer)).toEqual(image); // ArrayBuffer input
    }
  });

  it('hand-made edge cases: 1×1, one column, grey key 0, a stream with data after the image', async () => {
    const one = buildPng({ width: 1, height: 1, depth: 8, colourType: 6, rows: new Uint8Array([1, 2, 3, 4]), filters: [4] });
    expect(await decodePngAsync(one)).toEqual({ width: 1, height: 1, channels: 4, data: new Uint8Array([1, 2, 3, 4]) });
    const column = new Uint8Array([10, 250, 3, 129, 7]);
    const tall = buildPng({ width: 1, height: 5, depth: 8, colourType: 0, rows: column, filters: [1, 2, 3, 4, 2] });
    expect(await decodePngAsync(tall)).toEqual({ width: 1, height: 5, channels: 1, data: column });
    // A grey key of 0 makes black transparent (PNG spec §11.3.2.1; upng-js's toRGBA8 misses it).
    const keyed = buildPng({ width: 4, height: 1, depth: 2, colourType: 0, rows: new Uint8Array([0b00011011]), filters: [0], trns: [0, 0] });
    const keyedRgba = new Uint8Array([0, 0, 0, 0, 85, 85, 85, 255, 170, 170, 170, 255, 255, 255, 255, 255]);
    expect(decodePng(keyed)).toEqual({ width: 4, height: 1, channels: 4, data: keyedRgba });
    expect(await decodePngAsync(keyed)).toEqual({ width: 4, height: 1, channels: 4, data: keyedRgba });
    // Three rows of data for a two-row image: the extra row is ignored by every decoder.
    const extra = buildPng({ width: 2, height: 3, depth: 8, colourType: 2, rows: new Uint8Array(18).map((_, i) => i * 9), filters: [0, 2, 4] });
    extra.set([0, 0, 0, 2], 20); // height 2
    extra.set(be32(crc(extra.subarray(12, 29))), 29);
    const expected = decodePng(extra);
    expect(expected.data).toEqual(new Uint8Array(12).map((_, i) => i * 9));
    expect(await decodePngAsync(extra)).toEqual(expected);
  });
});

describe('asynchronous decoding errors', () => {
  const png = encodePng({ width: 40, height: 30, channels: 4, data: new Uint8Array(4800).map((_, i) => (i * 7) & 255) });

  it('every truncation is PhasInputError invalid_png (async and into a canvas)', async () => {
    for (let n = 0; n < png.length; n += n < 60 ? 1 : 37) {
      await expectInputError(decodePngAsync(png.subarray(0, n)), 'invalid_png');
      await expectInputError(decodePngInto(png.subarray(0, n), { image: transparentRgba(40, 30), left: 0, top: 0 }), 'invalid_png');
    }
  });

  it('corrupt image data behind a repaired CRC, a cut zlib stream, a bad filter type: invalid_png', async () => {
    const view = new DataView(png.buffer, png.byteOffset);
    const idatLength = view.getUint32(33);
    const corrupt = png.slice();
    for (let i = 45; i < 33 + 8 + idatLength; i += 3) corrupt[i] ^= 0x5a;
    corrupt.set(be32(crc(corrupt.subarray(37, 41 + idatLength))), 41 + idatLength);
    await expectInputError(decodePngAsync(corrupt), 'invalid_png');
    expect(() => decodePng(corrupt)).toThrow(PhasInputError);

    const rows = new Uint8Array(2 * 3 * 3);
    const cut = buildPng({ width: 2, height: 3, depth: 8, colourType: 2, rows, filters: [0, 0, 0] });
    const cutLength = new DataView(cut.buffer).getUint32(33);
    const shortened = new Uint8Array([...cut.subarray(0, 33), ...chunk('IDAT', cut.subarray(41, 41 + cutLength - 6)), ...chunk('IEND', [])]);
    await expectInputError(decodePngAsync(shortened), 'invalid_png');
    expect(() => decodePng(shortened)).toThrow(PhasInputError);

    const badFilter = new Uint8Array([...cut.subarray(0, 33), ...chunk('IDAT', zlibSync(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5, 6, 0, 1, 2, 3, 4, 5, 6]))), ...chunk('IEND', [])]);
    await expectInputError(decodePngAsync(badFilter), 'invalid_png', /filter type 7/);
    expect(() => decodePng(badFilter)).toThrow(/filter type 7/);
  });

  it('image data too short for the size: invalid_png naming the rows present', async () => {
    const short = buildPng({ width: 4, height: 1, depth: 8, colourType: 2, rows: new Uint8Array(12), filters: [0] });
    short.set([0, 0, 0, 4], 20);
    short.set(be32(crc(short.subarray(12, 29))), 29);
    await expectInputError(decodePngAsync(short), 'invalid_png', /1 of 4 rows/);
    expect(() => decodePng(short)).toThrow(/1 of 4 rows/);
  });

  it('decodePngInto: the size check runs before any pixel is written; non-image input is refused', async () => {
    const canvas = transparentRgba(50, 50);
    await expect(
      decodePngInto(png, { image: canvas, left: 0, top: 0 }, (w, h) => {
        throw new RangeError(`${w}×${h} refused`);
      }),
    ).rejects.toThrow('40×30 refused');
    expect(canvas.data.every((v) => v === 0)).toBe(true);
    await expectInputError(decodePngAsync('png' as unknown as Uint8Array), 'invalid_input');
  });
});
