/**
 * Fuzzing the rasteriser: seeded random and mutated polygons through the WASM core (via the
 * `Raster` wrapper and through the raw exports) against the plain-TS reference, with canaries
 * that catch any write outside the buffers, plus garbage input that must be refused with a
 * RangeError/TypeError and leave the instance usable.
 *
 * Canaries:
 * - wrapper: the caller's canvas is a window into a larger buffer whose bytes around it are
 *   guard values; they must be untouched;
 * - raw exports: in WebAssembly memory, guard zones between canvas, coordinates and scratch
 *   space, padding bytes at the end of every canvas row (stride > width), the rows outside the
 *   band handed to the core, the static data below the heap base, and the coordinates
 *   themselves must all be unchanged.
 */
import { RASTER_WASM_BASE64 } from '../src/generated/raster-wasm.js';
import { initRaster, type Raster, type FillPolygonOptions } from '../src/index.js';
import type { RasterExports } from '../src/raster.js';
import { referenceFillPolygon, referenceTileSums } from '../src/reference/index.js';
import { count, fail, forEachIteration, newTally, type FuzzRunOptions, type FuzzTally, type Rand } from './random.js';

const GUARD = 0xa5;
const GUARD_BYTES = 64;

/** A job: a canvas size, a flat coordinate list and inks. */
interface Job {
  width: number;
  height: number;
  xy: number[];
  options: FillPolygonOptions;
  /** Background bytes the canvas starts with (fillPolygon draws in place). */
  background: number;
}

function randomJob(rand: Rand): Job {
  const width = rand.int(1, 72);
  const height = rand.int(1, 72);
  const n = rand.pick([2, 3, 3, 4, 5, 8, 13, 40]);
  const snap = rand.pick([1, 2, 4, 0]);
  const q = (v: number) => (snap === 0 ? v : Math.round(v * snap) / snap);
  const huge = rand.chance(0.08);
  const xy: number[] = [];
  for (let i = 0; i < n; i++) {
    if (huge) xy.push(q((rand() * 2 - 1) * 1e9), q((rand() * 2 - 1) * 1e9));
    else xy.push(q((rand() * 2 - 0.5) * width), q((rand() * 2 - 0.5) * height));
  }
  const ink = () => rand.pick([null, 0, 1, 99, 255, 256, -3]);
  // The reference replays Bresenham step by step: no outline with huge coordinates.
  const fill = huge ? rand.pick([1, 255]) : ink();
  const outline = huge ? null : ink();
  return { width, height, xy, options: { fill, outline, pillow: rand.pick(['12', '9.4'] as const) }, background: rand.pick([0, 0, 7, 200]) };
}

/** Mutations of a valid job that keep it valid: extreme but legal values. */
function mutateJob(rand: Rand, job: Job): Job {
  const xy = [...job.xy];
  const extremes = [0, -0, 0.5, -0.5, 0.999999, 2 ** 31 - 1, -(2 ** 31) + 1, 2 ** 24 + 0.5, 1e-300, job.width, job.height, -1];
  const edits = rand.int(1, 3);
  let huge = false;
  for (let e = 0; e < edits; e++) {
    const k = rand.int(0, xy.length - 1);
    const v = rand.pick(extremes);
    if (Math.abs(v) > 1e6) huge = true;
    xy[k] = v;
  }
  if (rand.chance(0.3)) xy.push(xy[0]!, xy[1]!); // closing vertex repeated
  if (rand.chance(0.2)) xy.push(...xy.slice(0, 4)); // vertices repeated
  const options = huge ? { ...job.options, outline: null, fill: job.options.fill ?? 255 } : job.options;
  return { ...job, xy, options };
}

function referenceCanvas(job: Job): Uint8Array {
  const c = { width: job.width, height: job.height, data: new Uint8Array(job.width * job.height).fill(job.background) };
  referenceFillPolygon(c, job.xy, job.options);
  return c.data;
}

function firstDifference(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return -2;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

/** Through the wrapper: the canvas is a window into a guarded buffer. */
function wrapperCase(raster: Raster, job: Job): string | null {
  const pixels = job.width * job.height;
  const before = 1 + (job.width % 13);
  const buffer = new Uint8Array(before + pixels + GUARD_BYTES).fill(GUARD);
  const data = buffer.subarray(before, before + pixels).fill(job.background);
  raster.fillPolygon({ width: job.width, height: job.height, data }, new Float64Array(job.xy), job.options);
  for (let i = 0; i < before; i++) if (buffer[i] !== GUARD) return `wrote before the canvas (byte -${before - i})`;
  for (let i = before + pixels; i < buffer.length; i++) if (buffer[i] !== GUARD) return `wrote after the canvas (byte +${i - before - pixels})`;
  const at = firstDifference(data, referenceCanvas(job));
  return at === -1 ? null : `differs from the reference at pixel ${at}`;
}

/** A raw raster.wasm instance of our own, so its memory can be inspected. */
export async function rawRasterExports(): Promise<RasterExports> {
  const binary = atob(RASTER_WASM_BASE64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const { instance } = await WebAssembly.instantiate(bytes, {});
  return instance.exports as unknown as RasterExports;
}

const align16 = (v: number) => Math.ceil(v / 16) * 16;

/**
 * Through the raw exports, with guard zones in WebAssembly memory. Like the wrapper, only the
 * band of rows the polygon spans is handed to the core (`rowOrigin`); the rows above and below
 * it are laid out too, filled with guard bytes, and must stay so.
 */
function rawCase(wasm: RasterExports, job: Job, stride: number, staticData: Uint8Array): string | null {
  const { width, height } = job;
  const n = job.xy.length / 2;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 1; i < job.xy.length; i += 2) {
    const y = Math.trunc(job.xy[i]!);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const r0 = Math.max(0, minY);
  const r1 = Math.min(height - 1, maxY);
  if (r0 > r1) return null; // nothing to draw: the wrapper does not call the core either
  const base = align16(wasm.heapBase());
  const canvasAt = base + GUARD_BYTES; // row 0 of the whole canvas
  const canvasEnd = canvasAt + stride * height;
  const xyAt = align16(canvasEnd + GUARD_BYTES);
  const scratchAt = align16(xyAt + n * 16 + GUARD_BYTES);
  const scratchEnd = scratchAt + wasm.scratchBytes(n, height); // as the wrapper asks
  const end = scratchEnd + GUARD_BYTES;
  const have = wasm.memory.buffer.byteLength;
  if (end > have) wasm.memory.grow(Math.ceil((end - have) / 65536));
  const u8 = new Uint8Array(wasm.memory.buffer);
  u8.fill(GUARD, base, end);
  for (let y = r0; y <= r1; y++) u8.fill(job.background, canvasAt + y * stride, canvasAt + y * stride + width);
  const xy = new Float64Array(wasm.memory.buffer, xyAt, 2 * n);
  xy.set(job.xy);
  const band = canvasAt + r0 * stride;
  const fill = job.options.fill == null ? -1 : Math.max(0, Math.min(255, job.options.fill));
  const outline = job.options.outline == null ? -1 : Math.max(0, Math.min(255, job.options.outline));
  wasm.fillPolygon(band, width, height, stride, r0, xyAt, n, fill, outline, job.options.pillow === '9.4' ? 1 : 0, scratchAt);

  const mem = new Uint8Array(wasm.memory.buffer);
  for (let i = 0; i < staticData.length; i++) if (mem[i] !== staticData[i]) return `static data changed at byte ${i}`;
  const guarded = (from: number, to: number, what: string): string | null => {
    for (let i = from; i < to; i++) if (mem[i] !== GUARD) return `${what} overwritten at +${i - from}`;
    return null;
  };
  const problem =
    guarded(base, canvasAt, 'guard before the canvas') ??
    guarded(canvasAt, band, 'rows above the band') ??
    guarded(canvasAt + (r1 + 1) * stride, canvasEnd, 'rows below the band') ??
    guarded(canvasEnd, xyAt, 'guard after the canvas') ??
    guarded(xyAt + 16 * n, scratchAt, 'guard after the coordinates') ??
    guarded(scratchEnd, end, 'guard after the scratch space');
  if (problem) return problem;
  for (let y = r0; y <= r1; y++) {
    const pad = guarded(canvasAt + y * stride + width, canvasAt + (y + 1) * stride, `row ${y} padding (stride ${stride})`);
    if (pad) return pad;
  }
  const after = new Float64Array(wasm.memory.buffer, xyAt, 2 * n);
  for (let i = 0; i < 2 * n; i++) if (!Object.is(after[i], job.xy[i])) return `coordinate ${i} modified`;
  const expected = referenceCanvas(job);
  for (let y = r0; y <= r1; y++) {
    for (let x = 0; x < width; x++) {
      if (mem[canvasAt + y * stride + x] !== expected[y * width + x]) return `differs from the reference at (${x}, ${y})`;
    }
  }
  return null;
}

/** Definitely invalid calls, each with the error type it must raise. */
function garbageCall(rand: Rand, raster: Raster): { name: string; call: () => void } {
  const canvas = () => ({ width: 6, height: 5, data: new Uint8Array(30) });
  const good = [1, 1, 4, 1, 4, 4];
  const badValue = rand.pick([NaN, Infinity, -Infinity, 2 ** 31, -(2 ** 31), 1e20, '3' as unknown as number, null as unknown as number, undefined as unknown as number]);
  const kinds: { name: string; call: () => void }[] = [
    { name: 'xy with a non-finite or out-of-range value', call: () => { const xy = [...good]; xy[rand.int(0, 5)] = badValue; raster.fillPolygon(canvas(), xy, { fill: 1 }); } },
    { name: 'xy of odd length', call: () => raster.fillPolygon(canvas(), good.slice(0, rand.pick([1, 3, 5])), { fill: 1 }) },
    { name: 'xy with fewer than 2 points', call: () => raster.fillPolygon(canvas(), good.slice(0, rand.pick([0, 2])), { fill: 1 }) },
    { name: 'xy not array-like', call: () => raster.fillPolygon(canvas(), rand.pick([null, 42, { length: -1 }, 'x']) as unknown as number[], { fill: 1 }) },
    { name: 'canvas with a wrong data length', call: () => raster.fillPolygon({ width: 6, height: 5, data: new Uint8Array(rand.pick([0, 29, 31, 60])) }, good, { fill: 1 }) },
    { name: 'canvas with a non-positive or fractional size', call: () => raster.fillPolygon({ width: rand.pick([0, -6, 6.5, NaN]), height: 5, data: new Uint8Array(30) }, good, { fill: 1 }) },
    { name: 'canvas above 2^28 pixels', call: () => raster.fillPolygon({ width: 2 ** 16, height: 2 ** 13, data: new Uint8Array(8) }, good, { fill: 1 }) },
    { name: 'canvas data not bytes', call: () => raster.fillPolygon({ width: 6, height: 5, data: rand.pick([new Float32Array(30), new Array(30).fill(0), null]) as unknown as Uint8Array }, good, { fill: 1 }) },
    { name: 'fractional or non-numeric ink', call: () => raster.fillPolygon(canvas(), good, { fill: rand.pick([0.5, NaN, '1' as unknown as number, {} as unknown as number]) }) },
    { name: 'unknown Pillow version', call: () => raster.fillPolygon(canvas(), good, { fill: 1, pillow: rand.pick(['11', '', 'latest']) as '12' }) },
    { name: 'padded mask with a bad size or padding', call: () => raster.drawPaddedMask(good, rand.pick([0, -4, 2.5]), rand.pick([-1, 0.5, 2])) },
    { name: 'tile grid with zero tiles or a huge canvas', call: () => raster.drawTileGrid(good, rand.pick([0, 1 << 20]), 2, 16) },
  ];
  return rand.pick(kinds);
}

/** The instance still draws correctly: a 5×5 block on a fresh canvas. */
function sentinelOk(raster: Raster): boolean {
  const c = { width: 8, height: 8, data: new Uint8Array(64) };
  raster.fillPolygon(c, [2, 2, 6, 2, 6, 6, 2, 6], { fill: 255 });
  let n = 0;
  for (const v of c.data) if (v === 255) n++;
  return n === 25;
}

/** Padded mask vs the reference drawn on the inner canvas; the ring must stay 0. */
function paddedMaskCase(raster: Raster, job: Job, padding: number): string | null {
  const size = job.width;
  const inner = { ...job, height: size, background: 0, options: { fill: job.options.fill ?? 255, outline: null, pillow: job.options.pillow } };
  const mask = raster.drawPaddedMask(new Float64Array(job.xy), size, padding, inner.options);
  const expected = referenceCanvas(inner);
  const outer = size + 2 * padding;
  for (let y = 0; y < outer; y++) {
    for (let x = 0; x < outer; x++) {
      const inside = x >= padding && x < padding + size && y >= padding && y < padding + size;
      const want = inside ? expected[(y - padding) * size + (x - padding)] : 0;
      if (mask.data[y * outer + x] !== want) return `padded mask differs at (${x}, ${y})`;
    }
  }
  return null;
}

/** drawTileGrid (the extractor's sub-tile canvas and sums) vs the reference. */
function tileGridCase(raster: Raster, job: Job, n: number): string | null {
  const tilesX = Math.max(1, Math.ceil(job.width / n));
  const tilesY = Math.max(1, Math.ceil(job.height / n));
  const grid = { ...job, width: tilesX * n, height: tilesY * n, background: 0, options: { fill: 255, outline: 255, pillow: job.options.pillow } };
  const { image, sums } = raster.drawTileGrid(new Float64Array(job.xy), tilesX, tilesY, n, grid.options);
  const expected = referenceCanvas(grid);
  const at = firstDifference(image.data, expected);
  if (at !== -1) return `tile grid canvas differs at pixel ${at}`;
  const want = referenceTileSums({ width: grid.width, height: grid.height, data: expected }, n);
  for (let i = 0; i < want.length; i++) if (sums[i] !== want[i]) return `tile sum ${i} is ${sums[i]}, expected ${want[i]}`;
  return null;
}

/**
 * Runs the raster fuzzer and returns the tally (failures list what reproduces them).
 *
 * @example
 * ```ts
 * const tally = await fuzzRaster({ seed: 1, iterations: 500 });
 * if (tally.failures.length) throw new Error(tally.failures.join('\n'));
 * ```
 */
export async function fuzzRaster(options: FuzzRunOptions): Promise<FuzzTally> {
  const raster = await initRaster();
  const wasm = await rawRasterExports();
  if (wasm.memory.buffer.byteLength === 0) wasm.memory.grow(1); // the module starts with no pages
  // Below the heap base: the module's static data (none today: then zeros), never written.
  const staticData = new Uint8Array(wasm.memory.buffer, 0, wasm.heapBase()).slice();
  const tally = newTally('raster', options.seed);
  forEachIteration(options, tally, (rand, i) => {
    const kind = rand.pick(['random', 'mutated', 'raw', 'raw', 'padded', 'grid', 'garbage', 'garbage'] as const);
    try {
      if (kind === 'garbage') {
        const { name, call } = garbageCall(rand, raster);
        let error: unknown;
        try {
          call();
        } catch (e) {
          error = e;
        }
        if (!(error instanceof RangeError || error instanceof TypeError)) {
          fail(tally, i, `garbage "${name}" gave ${error === undefined ? 'no error' : String(error)}`);
          count(tally, `garbage: ${name} → NOT REFUSED`);
        } else count(tally, `garbage: ${name} → ${error.name}`, error.message);
        if (!sentinelOk(raster)) fail(tally, i, `the instance draws wrongly after garbage "${name}"`);
        return;
      }
      const base = randomJob(rand);
      const job = kind === 'mutated' ? mutateJob(rand, base) : base;
      let problem: string | null;
      if (kind === 'raw') problem = rawCase(wasm, job, job.width + rand.int(0, 9), staticData);
      else if (kind === 'padded') problem = paddedMaskCase(raster, job, rand.int(0, 5));
      else if (kind === 'grid') problem = tileGridCase(raster, job, rand.pick([1, 2, 4, 8, 16]));
      else problem = wrapperCase(raster, job);
      const label = { random: 'random polygon via Raster', mutated: 'mutated polygon via Raster', raw: 'random polygon via raw exports, guarded memory', padded: 'drawPaddedMask', grid: 'drawTileGrid (canvas and sums)' }[kind];
      if (problem) {
        fail(tally, i, `${label}: ${problem}; job ${JSON.stringify(job)}`);
        count(tally, `${label} → MISMATCH`);
      } else count(tally, `${label} → equal to the reference, canaries intact`);
    } catch (e) {
      fail(tally, i, `${kind}: unexpected ${String(e)}`);
      count(tally, `${kind} → UNEXPECTED ERROR`, String(e));
    }
  });
  return tally;
}
