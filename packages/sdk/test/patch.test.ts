/**
 * `readPatch` against an in-memory region reader that behaves like PHAS's E16 on an OpenSlide
 * slide (transparent outside, integer downsamples; regions travel as PNG and are decoded into
 * the canvas like the SDK's reader does), so tiling, pasting, the negative-centre
 * handling and argument checks are tested without a server. The same behaviour against the
 * dev server is in slide-patch.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { RasterImage } from '@phas/raster-wasm';
import type { Progress } from '../src/concurrency.js';
import { PhasAbortError, PhasInputError } from '../src/errors/index.js';
import { encodePng } from '../src/image/index.js';
import { decodePngInto } from '../src/image/png-decode-async.js';
import { readPatch, type PlannedRegion, type RegionReader } from '../src/patch.js';

const W = 700;
const H = 500;
const DOWNSAMPLES = [1, 2, 4];

/** RGBA of level-0 pixel (X, Y): distinct per pixel, opaque; transparent outside W × H. */
function level0(X: number, Y: number): [number, number, number, number] {
  if (X < 0 || Y < 0 || X >= W || Y >= H) return [0, 0, 0, 0];
  return [X & 255, Y & 255, ((X >> 8) << 4) | (Y >> 8), 255];
}

/** What the server's read_region gives for top-left (x, y) in level-0 pixels, any sign. */
function serverRead(level: number, x: number, y: number, w: number, h: number): RasterImage {
  const ds = DOWNSAMPLES[level]!;
  const data = new Uint8Array(w * h * 4);
  for (let j = 0; j < h; j++) {
    for (let i = 0; i < w; i++) data.set(level0(x + i * ds, y + j * ds), (j * w + i) * 4);
  }
  return { width: w, height: h, channels: 4, data };
}

/** A reader speaking E16: a centre must be ≥ 0 (the route's unsigned integers). */
function fakeReader(concurrency = 3) {
  const regions: PlannedRegion[] = [];
  let headers = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const reader: RegionReader = {
    concurrency,
    async levelDownsamples() {
      headers++;
      return DOWNSAMPLES;
    },
    async readRegion(region, signal, into) {
      regions.push(region);
      expect(region.centerX).toBeGreaterThanOrEqual(0);
      expect(region.centerY).toBeGreaterThanOrEqual(0);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 0));
      inFlight--;
      if (signal.aborted) throw new PhasAbortError();
      const ds = DOWNSAMPLES[region.level]!;
      const x = region.centerX - Math.trunc(region.width * 0.5 * ds);
      const y = region.centerY - Math.trunc(region.height * 0.5 * ds);
      // As the SDK's slide reader does: the region as a PNG, decoded straight into the canvas.
      await decodePngInto(encodePng(serverRead(region.level, x, y, region.width, region.height)), into);
    },
  };
  return { reader, regions, headers: () => headers, maxInFlight: () => maxInFlight };
}

/** The patch a single, unrestricted read would give (what Python returns when it works). */
function expected(center: [number, number], level: number, size: [number, number]): RasterImage {
  const ds = DOWNSAMPLES[level]!;
  const cx = Math.trunc(center[0]);
  const cy = Math.trunc(center[1]);
  return serverRead(level, cx - Math.trunc(size[0] * 0.5 * ds), cy - Math.trunc(size[1] * 0.5 * ds), size[0], size[1]);
}

/** Index of the first differing byte (or size mismatch: -2), -1 when equal. */
function firstDifference(a: RasterImage, b: RasterImage): number {
  if (a.width !== b.width || a.height !== b.height || a.channels !== b.channels) return -2;
  for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) return i;
  return -1;
}

describe('readPatch', () => {
  it('assembles tiles into the same pixels as one read, fetching in parallel', async () => {
    const f = fakeReader(3);
    const image = await readPatch(f.reader, { center: [350, 250], level: 0, size: [300, 200], tileSize: 64 });
    expect(image.channels).toBe(4);
    expect(firstDifference(image, expected([350, 250], 0, [300, 200]))).toBe(-1);
    expect(f.regions).toHaveLength(5 * 4);
    expect(f.maxInFlight()).toBe(3);
    expect(f.headers()).toBe(1);
  });

  it('matches a single read at every level with integral centres and even sizes', async () => {
    for (const level of [0, 1, 2]) {
      const f = fakeReader();
      const image = await readPatch(f.reader, { center: [333, 211], level, size: [98, 62], tileSize: 32 });
      expect(firstDifference(image, expected([333, 211], level, [98, 62]))).toBe(-1);
    }
  });

  it("keeps Python's one-pixel seam shift for odd sizes (protocol Q5)", async () => {
    // size 97, tile 32: the first tile's centre is 333 − 32.5 → 300, its left edge 300 − 16 = 284,
    // one column left of a single read's 333 − 48 = 285.
    const f = fakeReader();
    const image = await readPatch(f.reader, { center: [333, 211], level: 0, size: [97, 64], tileSize: 32 });
    const column = (x: number) => image.data[x * 4]! | ((image.data[x * 4 + 2]! >> 4) << 8);
    expect(column(0)).toBe(284);
    expect(column(31)).toBe(315);
    expect(column(32)).toBe(316);
    expect(column(95)).toBe(379);
    expect(column(96)).toBe(381); // the 1-pixel last tile is centred exactly: column 380 is skipped
  });

  it('reads a patch in one request with tileSize 0, without the header at level 0 (like Python)', async () => {
    const f = fakeReader();
    const image = await readPatch(f.reader, { center: [100.9, 50.2], level: 0, size: [20, 10], tileSize: 0 });
    expect(f.regions).toEqual([{ level: 0, centerX: 100, centerY: 50, width: 20, height: 10, offsetX: 0, offsetY: 0 }]);
    expect(f.headers()).toBe(0);
    expect(firstDifference(image, expected([100, 50], 0, [20, 10]))).toBe(-1);
  });

  it('gives transparent pixels beyond the right and bottom edges', async () => {
    const f = fakeReader();
    const image = await readPatch(f.reader, { center: [690, 495], level: 0, size: [40, 30] });
    const px = (x: number, y: number) => Array.from(image.data.subarray((y * 40 + x) * 4, (y * 40 + x) * 4 + 4));
    expect(px(0, 0)).toEqual(level0(670, 480));
    expect(px(29, 19)).toEqual(level0(699, 499));
    expect(px(30, 0)).toEqual([0, 0, 0, 0]);
    expect(px(0, 20)).toEqual([0, 0, 0, 0]);
  });

  it('reads near the top-left corner where Python would 404: transparent outside the slide (Q4)', async () => {
    for (const [center, level, size, tileSize] of [
      [[5, 5], 0, [64, 48], 0],
      [[-10, 20], 0, [40, 30], 0],
      [[3, 2], 0, [200, 120], 32],
      [[10, 7], 1, [90, 70], 16],
      [[0, 0], 2, [50, 50], 0],
      [[-300, -300], 0, [40, 40], 0],
    ] as const) {
      const f = fakeReader();
      const image = await readPatch(f.reader, { center: [...center], level, size: [...size], tileSize });
      expect(firstDifference(image, expected([...center], level, [...size]))).toBe(-1);
    }
  });

  it('skips tiles lying wholly outside the slide', async () => {
    const f = fakeReader();
    const image = await readPatch(f.reader, { center: [0, 100], level: 0, size: [256, 64], tileSize: 64 });
    // Tiles at x = 0 and 64 cover level-0 columns −128…−1: nothing to fetch.
    expect(f.regions).toHaveLength(2);
    expect(firstDifference(image, expected([0, 100], 0, [256, 64]))).toBe(-1);
  });

  it('reports progress per tile and can be cancelled', async () => {
    const f = fakeReader(1);
    const seen: Progress[] = [];
    const controller = new AbortController();
    const read = readPatch(f.reader, {
      center: [350, 250],
      level: 0,
      size: [256, 256],
      tileSize: 64,
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p);
        if (p.loaded === 3) controller.abort();
      },
    });
    await expect(read).rejects.toBeInstanceOf(PhasAbortError);
    expect(seen.map((p) => p.loaded)).toEqual([0, 1, 2, 3]);
    expect(seen.every((p) => p.total === 16)).toBe(true);
    expect(f.regions.length).toBeLessThanOrEqual(4);
  });

  it('refuses bad arguments before any request', async () => {
    const bad: [unknown, string][] = [
      [undefined, 'options'],
      [{ center: [1, 2], level: 0 }, 'size'],
      [{ center: [1], level: 0, size: [2, 2] }, 'center'],
      [{ center: [Number.NaN, 2], level: 0, size: [2, 2] }, 'center[0]'],
      [{ center: [1, Infinity], level: 0, size: [2, 2] }, 'center[1]'],
      [{ center: [1, 2], level: -1, size: [2, 2] }, 'level'],
      [{ center: [1, 2], level: 0.5, size: [2, 2] }, 'level'],
      [{ center: [1, 2], level: 0, size: [0, 2] }, 'size[0]'],
      [{ center: [1, 2], level: 0, size: [2, 2.5] }, 'size[1]'],
      [{ center: [1, 2], level: 0, size: [2, 2], tileSize: -1 }, 'tileSize'],
      [{ center: [1, 2], level: 0, size: [2, 2], onProgress: 3 }, 'onProgress'],
      [{ center: [1, 2], level: 0, size: [2, 2], signal: {} }, 'signal'],
      [{ center: [1, 2], level: 0, size: [2, 2], tile_size: 0 }, 'options.tile_size'],
      [{ center: [1, 2], level: 0, size: [100_000, 80_000] }, 'size'],
      [{ center: [1, 2], level: 3, size: [2, 2] }, 'level'],
    ];
    for (const [options, argument] of bad) {
      const f = fakeReader();
      const error = await readPatch(f.reader, options as never).catch((e: unknown) => e);
      expect(error, argument).toBeInstanceOf(PhasInputError);
      expect((error as PhasInputError).argument).toBe(argument);
      expect(f.regions).toEqual([]);
    }
  });
});
