// Seeded randomised differential test: the WebAssembly rasteriser (active-edge table, clipped
// Bresenham) against the plain-TS reference (Pillow's per-row loop over all edges) on thousands
// of polygons, in both Pillow modes. Any difference fails with the reproducing input.
import { expect, it } from 'vitest';
import { initRaster, referenceFillPolygon, referenceTileSums, type FillPolygonOptions } from '../src/index.js';

/** mulberry32: a small deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Job {
  kind: string;
  width: number;
  height: number;
  xy: number[];
  options: FillPolygonOptions;
}

function makeJob(rand: () => number, index: number): Job {
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const width = int(1, 64);
  const height = int(1, 64);
  const kinds = ['convex', 'concave', 'self-intersecting', 'tiny', 'huge', 'many', 'grid', 'degenerate', 'off-canvas'] as const;
  const kind = kinds[index % kinds.length];
  // coordinate quantisation: integers, halves and quarters hit the rounding ties and corner rule
  const snap = pick([1, 2, 4, 0]);
  const q = (v: number) => (snap === 0 ? v : Math.round(v * snap) / snap);
  const cx = rand() * width;
  const cy = rand() * height;
  const xy: number[] = [];
  const polar = (n: number, rMin: number, rMax: number, sorted: boolean) => {
    const angles = Array.from({ length: n }, () => rand() * 2 * Math.PI);
    if (sorted) angles.sort((a, b) => a - b);
    for (const a of angles) {
      const r = rMin + rand() * (rMax - rMin);
      xy.push(q(cx + r * Math.cos(a)), q(cy + r * Math.sin(a)));
    }
  };
  const size = Math.max(width, height);
  switch (kind) {
    case 'convex':
      polar(int(3, 12), size * 0.4, size * 0.4, true);
      break;
    case 'concave':
      polar(int(4, 30), 1, size * 0.7, true);
      break;
    case 'self-intersecting':
      polar(int(3, 25), 1, size * 0.8, false);
      break;
    case 'tiny':
      polar(int(2, 6), 0, 1.5, rand() < 0.5);
      break;
    case 'huge': {
      // coordinates up to ~1e8: float32 rounding of crossings and of x0 beyond 2^24
      const r = 10 ** (5 + rand() * 3);
      polar(int(3, 10), r * 0.5, r, rand() < 0.5);
      break;
    }
    case 'many':
      polar(int(100, 600), size * 0.1, size * 0.6, rand() < 0.7);
      break;
    case 'grid':
      for (let k = int(3, 10); k > 0; k--) xy.push(int(-4, width + 4) + pick([0, 0.5, 0.25, 0.999, -0.5]), int(-4, height + 4) + pick([0, 0.5, 0.75]));
      break;
    case 'degenerate': {
      const x = q(rand() * width);
      const y = q(rand() * height);
      const shapes = [
        [x, y, x, y],
        [x, y, q(rand() * width), q(rand() * height)],
        [x, y, x + 5, y, x + 10, y],
        [x, y, x, y + 7, x, y + 3],
        [x, y, x + 3, y + 3, x + 6, y + 6, x + 3, y + 3],
      ];
      xy.push(...pick(shapes));
      break;
    }
    case 'off-canvas':
      for (let k = int(3, 8); k > 0; k--) xy.push(q((rand() * 3 - 1) * width * 2), q((rand() * 3 - 1) * height * 2));
      break;
  }
  const ink = () => pick([null, 0, 1, 17, 128, 255, 300, -5]);
  // the reference replays Bresenham step by step: no outline at huge coordinates (a null
  // fill and outline would mean Pillow's default outline, so the fill must be set there)
  const huge = kind === 'huge';
  const fill = huge ? pick([1, 128, 255]) : ink();
  const outline = huge ? null : ink();
  return { kind, width, height, xy, options: { fill, outline, pillow: index % 2 ? '9.4' : '12' } };
}

function firstDifference(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

it('WASM equals the TS reference on 3000 seeded random polygons', async () => {
  const raster = await initRaster();
  const rand = prng(20260829);
  const failures: string[] = [];
  let painted = 0;
  for (let i = 0; i < 3000; i++) {
    const job = makeJob(rand, i);
    const a = { width: job.width, height: job.height, data: new Uint8Array(job.width * job.height) };
    const b = { width: job.width, height: job.height, data: new Uint8Array(job.width * job.height) };
    raster.fillPolygon(a, job.xy, job.options);
    referenceFillPolygon(b, job.xy, job.options);
    const at = firstDifference(a.data, b.data);
    if (at >= 0 && failures.length < 5) failures.push(`#${i} ${JSON.stringify(job)} differs at pixel ${at}`);
    if (a.data.some((v) => v !== 0)) painted++;
  }
  expect(failures).toEqual([]);
  // the generator must actually exercise painting, not compare empty canvases
  expect(painted).toBeGreaterThan(2000);
});

it('clips long outline segments exactly like step-by-step Bresenham', async () => {
  const raster = await initRaster();
  const rand = prng(7);
  for (let i = 0; i < 200; i++) {
    const r = 10 ** (2 + rand() * 3);
    const xy = Array.from({ length: 2 * (2 + (i % 4)) }, () => Math.round((rand() * 2 - 1) * r) + 20);
    const a = { width: 40, height: 40, data: new Uint8Array(1600) };
    const b = { width: 40, height: 40, data: new Uint8Array(1600) };
    raster.fillPolygon(a, xy, { outline: 200 });
    referenceFillPolygon(b, xy, { outline: 200 });
    expect(firstDifference(a.data, b.data), JSON.stringify(xy)).toBe(-1);
  }
});

it('agrees on very tall canvases, where edges are ordered by sorting instead of counting', async () => {
  const raster = await initRaster();
  const rand = prng(99);
  for (let i = 0; i < 20; i++) {
    const width = 3 + (i % 5);
    const height = 70_000 + i * 1000; // more rows than 4 * vertices + 65536
    const xy = Array.from({ length: 2 * (3 + (i % 6)) }, (_, k) => (k % 2 ? rand() * height * 1.2 - height * 0.1 : rand() * width * 1.5 - 1));
    const a = { width, height, data: new Uint8Array(width * height) };
    const b = { width, height, data: new Uint8Array(width * height) };
    raster.fillPolygon(a, xy, { fill: 255, outline: i % 2 ? 7 : null, pillow: i % 3 ? '12' : '9.4' });
    referenceFillPolygon(b, xy, { fill: 255, outline: i % 2 ? 7 : null, pillow: i % 3 ? '12' : '9.4' });
    expect(firstDifference(a.data, b.data), JSON.stringify(xy)).toBe(-1);
    expect(a.data.some((v) => v !== 0)).toBe(true);
  }
});

it('counts tile coverage without a canvas exactly like summing the reference canvas', async () => {
  const raster = await initRaster();
  const rand = prng(4242);
  let covered = 0;
  for (let i = 0; i < 1500; i++) {
    const job = makeJob(rand, i);
    const n = [1, 2, 3, 4, 5, 8, 16][i % 7];
    const tilesX = Math.max(1, Math.ceil(job.width / n));
    const tilesY = Math.max(1, Math.ceil(job.height / n));
    const fill = job.options.fill ?? 255;
    // one ink: no outline, or the same ink as the fill (Pillow then draws no outline)
    const options: FillPolygonOptions = { fill, outline: i % 2 ? null : fill, pillow: job.options.pillow };
    const canvas = { width: tilesX * n, height: tilesY * n, data: new Uint8Array(tilesX * n * tilesY * n) };
    referenceFillPolygon(canvas, job.xy, options);
    const want = referenceTileSums(canvas, n);
    const got = raster.tileCoverage(job.xy, tilesX, tilesY, n, { fill, pillow: job.options.pillow });
    expect(Array.from(raster.tileGridSums(job.xy, tilesX, tilesY, n, options))).toEqual(Array.from(got));
    expect(Array.from(got), `#${i} n=${n} ${JSON.stringify(job)}`).toEqual(Array.from(want));
    if (want.some((v) => v !== 0)) covered++;
  }
  expect(covered).toBeGreaterThan(900);
});
