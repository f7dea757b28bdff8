/**
 * The raster DEFLATE/gzip encoder behind `encodeNifti`: every output is decoded by
 * independent inflaters (fflate, and the platform's zlib through DecompressionStream) and
 * must give the input back, across data that exercises matches, literals, dynamic, fixed
 * and stored blocks, block splitting and the Huffman length limit.
 */
import { describe, expect, it } from 'vitest';
import { gunzipSync, inflateSync, unzlibSync } from 'fflate';
import { crc32 } from '../src/nifti/deflate/crc32.js';
import { deflateRaster } from '../src/nifti/deflate/deflate.js';
import { gzipRaster } from '../src/nifti/deflate/gzip.js';
import { codeLengths } from '../src/nifti/deflate/huffman.js';
import { adler32, zlibRaster } from '../src/nifti/deflate/zlib.js';

/** Inflates a zlib stream with the platform's zlib. */
async function nativeUnzlib(z: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([z.slice()]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Decompresses with the platform's zlib (Node's or Chromium's), independent of fflate. */
async function nativeGunzip(gz: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([gz.slice()]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Byte equality without a slow element-wise deep diff: the first differing index, or -1. */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

function random(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1664525 + 1013904223) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

/** A label mask: discs of labels 1…k on zero, like PHAS's sampling-ROI images. */
function discs(width: number, height: number): Uint8Array {
  const data = new Uint8Array(width * height);
  const shapes = [
    [0.3, 0.4, 0.25, 1],
    [0.6, 0.5, 0.2, 2],
    [0.5, 0.8, 0.15, 3],
  ];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (const [cx, cy, r, label] of shapes) {
        if ((x - cx * width) ** 2 + (y - cy * height) ** 2 < (r * width) ** 2) data[y * width + x] = label;
      }
    }
  }
  return data;
}

function gradientRgb(width: number, height: number): Uint8Array {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      data.set([(x * 255) / (width - 1), (y * 255) / (height - 1), (x * y + 17 * x + 31 * y) & 255], i);
    }
  }
  return data;
}

/** RGB rows tiled from a random 37×29-pixel texture (repeats only the hash table finds). */
function texture(width: number, height: number, seed = 3): Uint8Array {
  const tile = random(37 * 29 * 3, seed);
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = ((y % 29) * 37 + (x % 37)) * 3;
      data.set(tile.subarray(t, t + 3), (y * width + x) * 3);
    }
  }
  return data;
}

const cases: { name: string; data: Uint8Array; bytesPerPixel: number; rowBytes: number }[] = [
  { name: 'empty', data: new Uint8Array(0), bytesPerPixel: 1, rowBytes: 1 },
  { name: 'one byte', data: new Uint8Array([42]), bytesPerPixel: 1, rowBytes: 1 },
  { name: 'all zero, 300 kB', data: new Uint8Array(300_000), bytesPerPixel: 1, rowBytes: 600 },
  { name: 'label mask 400×300', data: discs(400, 300), bytesPerPixel: 1, rowBytes: 400 },
  { name: 'RGB formula 200×150', data: gradientRgb(200, 150), bytesPerPixel: 3, rowBytes: 600 },
  { name: 'random 200 kB (stored blocks)', data: random(200_000), bytesPerPixel: 3, rowBytes: 3000 },
  { name: 'rows wider than the window', data: discs(40_000, 3), bytesPerPixel: 1, rowBytes: 40_000 },
  { name: 'RGB texture 300×200 (hash matches)', data: texture(300, 200), bytesPerPixel: 3, rowBytes: 900 },
  {
    name: 'noise, then texture (hashing pauses and resumes)',
    data: new Uint8Array([...random(300 * 100 * 3, 5), ...texture(300, 100)]),
    bytesPerPixel: 3,
    rowBytes: 900,
  },
  {
    name: 'statistics that change (block splits)',
    data: new Uint8Array([...random(20_000, 7).map((v) => v & 3), ...random(20_000, 9), ...new Uint8Array(20_000)]),
    bytesPerPixel: 1,
    rowBytes: 1000,
  },
];

describe('deflateRaster / gzipRaster', () => {
  for (const { name, data, bytesPerPixel, rowBytes } of cases) {
    it(`${name}: fflate and the platform's zlib decode it back (raw, gzip, zlib)`, async () => {
      const layout = { bytesPerPixel, rowBytes };
      expect(firstDifference(inflateSync(deflateRaster(data, layout)), data)).toBe(-1);
      const gz = gzipRaster(data, layout);
      expect(firstDifference(gunzipSync(gz), data)).toBe(-1);
      expect(firstDifference(await nativeGunzip(gz), data)).toBe(-1);
      const z = zlibRaster(data, layout);
      expect(firstDifference(unzlibSync(z), data)).toBe(-1);
      expect(firstDifference(await nativeUnzlib(z), data)).toBe(-1);
      const trailer = new DataView(gz.buffer, gz.byteOffset + gz.length - 8);
      expect(trailer.getUint32(0, true)).toBe(crc32(data));
      expect(trailer.getUint32(4, true)).toBe(data.length);
    });
  }

  it('compresses runs, masks and textures hard, and never grows random data by more than the stored-block overhead', () => {
    expect(gzipRaster(new Uint8Array(300_000), { bytesPerPixel: 1, rowBytes: 600 }).length).toBeLessThan(400);
    expect(gzipRaster(discs(400, 300), { bytesPerPixel: 1, rowBytes: 400 }).length).toBeLessThan(120_000 / 50);
    expect(gzipRaster(texture(300, 200), { bytesPerPixel: 3, rowBytes: 900 }).length).toBeLessThan(180_000 / 20);
    const resumed = gzipRaster(new Uint8Array([...random(90_000, 5), ...texture(300, 100)]), { bytesPerPixel: 3, rowBytes: 900 });
    expect(resumed.length).toBeLessThan(90_000 + 90_000 / 5); // the texture half still compresses ≥ 5×
    const noise = random(200_000);
    expect(gzipRaster(noise, { bytesPerPixel: 3, rowBytes: 3000 }).length).toBeLessThanOrEqual(200_000 + 18 + 5 * 4 + 1);
  });

  it('has a gzip header with no name and mtime 0', () => {
    const gz = gzipRaster(new Uint8Array(10), { bytesPerPixel: 1, rowBytes: 10 });
    expect(Array.from(gz.subarray(0, 10))).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
  });
});

describe('crc32', () => {
  it('gives the standard check value and continues a running checksum', () => {
    const bytes = new TextEncoder().encode('123456789');
    expect(crc32(bytes).toString(16)).toBe('cbf43926');
    expect(crc32(bytes, 4, 9, crc32(bytes, 0, 4))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('adler32', () => {
  it('gives the standard check values, also past the 5552-byte modulo interval', () => {
    expect(adler32(new TextEncoder().encode('Wikipedia')).toString(16)).toBe('11e60398');
    expect(adler32(new Uint8Array(0))).toBe(1);
    // 100 000 bytes of 0xff: a = 1 + 255·n, b = Σ a, both mod 65521, computed without overflow here.
    const n = 100_000;
    const a = (1 + 255 * n) % 65521;
    const b = Number((BigInt(n) + 255n * BigInt(n) * BigInt(n + 1) / 2n) % 65521n);
    expect(adler32(new Uint8Array(n).fill(255))).toBe(((b << 16) | a) >>> 0);
  });
});

describe('codeLengths', () => {
  it('keeps codes within the length limit with a complete prefix code', () => {
    // Fibonacci frequencies make an unrestricted Huffman tree as deep as there are symbols.
    const fib = [1, 1];
    while (fib.length < 30) fib.push(fib[fib.length - 1] + fib[fib.length - 2]);
    for (const maxBits of [7, 15]) {
      const lengths = codeLengths(fib, maxBits);
      expect(Math.max(...lengths)).toBeLessThanOrEqual(maxBits);
      expect(Math.min(...lengths)).toBeGreaterThan(0);
      const kraft = Array.from(lengths).reduce((sum, len) => sum + 2 ** -len, 0);
      expect(kraft).toBe(1);
    }
  });

  it('gives unused symbols no code and a lone symbol one bit', () => {
    expect(Array.from(codeLengths([0, 5, 0], 15))).toEqual([0, 1, 0]);
    expect(Array.from(codeLengths([0, 0], 15))).toEqual([0, 0]);
    expect(Array.from(codeLengths([1, 1, 2, 4], 15))).toEqual([3, 3, 2, 1]);
  });
});
