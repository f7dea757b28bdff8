/**
 * Raster benchmark (run with `npx tsx packages/raster-wasm/bench/raster.bench.ts`): the
 * SamplingROIPatchExtractor grid and one 50,000-vertex tile mask, WebAssembly vs the plain-TS
 * reference, against the Python baseline in bench/inputs/python-baseline-results.json (and
 * Python measured live when Pillow and numpy are importable). Medians over repeats, wall clock.
 *
 * Each WASM/reference run is the whole computation from the geometry: validation, bounding box,
 * grid, translated/scaled vertices, drawing, tile sums, densities and non-empty tiles (for the
 * mask: translation, drawing, padding), like Python's `construct` and its tile-mask timing.
 * "WASM" leaves the sub-tile canvas in WebAssembly memory (as planTiles does until `subtiles` is
 * read); "WASM + image" also copies it out into a fresh array, as Python always builds it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  geometryDrawingXY,
  initRaster,
  referenceFillPolygon,
  referenceTileSums,
  tileDensity,
  tileGridLayout,
  validateGeometry,
  type Geometry,
  type Raster,
  type RasterImage,
  type TileDensity,
} from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const inputs = join(here, 'inputs');
const CASES = ['40k_x_30k', '200k_x_150k'].flatMap((e) => [20, 2000, 50000].map((v) => `poly_${e}_${v}v`));

interface BenchInput {
  id: string;
  geom: Geometry;
  tile_size: number;
  sub_tiles_per_tile: number;
  padding: number;
}
interface PyTiming {
  median_s: number;
  min_s: number;
}

/** Median and minimum of a timing series, ms. */
interface Timing {
  median: number;
  min: number;
}
interface PyBaseline {
  extractor: { id: string; construct: PyTiming; tiles: [number, number]; nonzero_tiles: number }[];
  inner_mask: { id: string; tile_index: [number, number]; mask_nonzero: number; timing: PyTiming }[];
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Median and minimum wall time (ms) of `fn` over enough repeats (>= 7, about `budgetMs` in total). */
function time(fn: () => unknown, budgetMs = 1500): Timing {
  gc?.(); // start each series from a collected heap (npm run bench passes --expose-gc)
  fn(); // warm-up
  const first = performance.now();
  fn();
  const once = Math.max(performance.now() - first, 0.001);
  const repeats = Math.max(7, Math.min(500, Math.floor(budgetMs / once)));
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return { median: median(samples), min: Math.min(...samples) };
}

function fromPython(t: PyTiming | undefined): Timing {
  return t ? { median: t.median_s * 1000, min: t.min_s * 1000 } : { median: NaN, min: NaN };
}

function check(g: Geometry): void {
  const problem = validateGeometry(g);
  if (problem) throw new Error(problem);
}

/** Validation, grid layout and the translated, scaled vertices of the sub-tile canvas. */
function prepareGrid(input: BenchInput) {
  check(input.geom);
  const n = input.sub_tiles_per_tile;
  const l = tileGridLayout(input.geom, input.tile_size, n);
  const s = n / input.tile_size;
  return { n, l, xy: geometryDrawingXY(input.geom, s, s, [-l.tx, -l.ty]) };
}

function gridWasm(raster: Raster, input: BenchInput): TileDensity {
  const { n, l, xy } = prepareGrid(input);
  const sums = raster.tileGridSums(xy, l.tilesX, l.tilesY, n, { fill: 255, outline: 255 });
  return tileDensity(sums, l.tilesX, l.tilesY, n);
}

/** The same plus the sub-tile canvas copied out of WebAssembly memory (Python always makes it). */
function gridWasmWithImage(raster: Raster, input: BenchInput): RasterImage {
  const { n, l, xy } = prepareGrid(input);
  const { image, sums } = raster.drawTileGrid(xy, l.tilesX, l.tilesY, n, { fill: 255, outline: 255 });
  tileDensity(sums, l.tilesX, l.tilesY, n);
  return image;
}

function gridReference(input: BenchInput): TileDensity {
  const { n, l, xy } = prepareGrid(input);
  const canvas = { width: l.tilesX * n, height: l.tilesY * n, data: new Uint8Array(l.tilesX * n * l.tilesY * n) };
  referenceFillPolygon(canvas, xy, { fill: 255, outline: 255 });
  return tileDensity(referenceTileSums(canvas, n), l.tilesX, l.tilesY, n);
}

function maskWasm(raster: Raster, input: BenchInput, px: number, py: number): RasterImage {
  check(input.geom);
  const xy = geometryDrawingXY(input.geom, 1, 1, [-px, -py]);
  return raster.drawPaddedMask(xy, input.tile_size, input.padding, { fill: 255 });
}

function maskReference(input: BenchInput, px: number, py: number): RasterImage {
  check(input.geom);
  const ts = input.tile_size;
  const p = input.padding;
  const xy = geometryDrawingXY(input.geom, 1, 1, [-px, -py]);
  const inner = { width: ts, height: ts, data: new Uint8Array(ts * ts) };
  referenceFillPolygon(inner, xy, { fill: 255 });
  const size = ts + 2 * p;
  const out = new Uint8Array(size * size);
  for (let y = 0; y < ts; y++) out.set(inner.data.subarray(y * ts, (y + 1) * ts), (y + p) * size + p);
  return { width: size, height: size, channels: 1, data: out };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Whether python3 can import Pillow and numpy (then Python is also timed live). */
function pythonAvailable(): boolean {
  try {
    execFileSync('python3', ['-c', 'import PIL, numpy'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

type LiveResult = Record<string, { grid: [number, number]; mask?: [number, number] }>;

/** Times the cases in Python (bench/raster-live.py); `specs` are `id:col:row` or `id:-:-`. */
function timePythonLive(specs: string[]): LiveResult | string {
  try {
    const out = execFileSync('python3', [join(here, 'raster-live.py'), inputs, ...specs], { encoding: 'utf8', maxBuffer: 1 << 20 });
    return JSON.parse(out) as LiveResult;
  } catch (e) {
    return `failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
  }
}

const num = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3));
/** "median (min)" */
const fmt = (t: Timing) => `${num(t.median)} (${num(t.min)})`;
/** slower/faster, on medians and (in brackets) on minimums */
const ratio = (slow: Timing, fast: Timing) => `${(slow.median / fast.median).toFixed(1)}x (${(slow.min / fast.min).toFixed(1)}x)`;
const live = (t: [number, number] | undefined, fast: Timing) => (t ? `${fmt({ median: t[0], min: t[1] })}, ${ratio({ median: t[0], min: t[1] }, fast)}` : 'n/a');

const raster = await initRaster();
const baseline = JSON.parse(readFileSync(join(inputs, 'python-baseline-results.json'), 'utf8')) as PyBaseline;

interface GridRow {
  id: string;
  tiles: string;
  wasm: Timing;
  withImage: Timing;
  reference: Timing;
  python: Timing;
}
interface MaskRow {
  id: string;
  tile: [number, number];
  wasm: Timing;
  reference: Timing;
  python: Timing;
}

const gridRows: GridRow[] = [];
const maskRows: MaskRow[] = [];
for (const id of CASES) {
  const input = JSON.parse(readFileSync(join(inputs, `${id}.json`), 'utf8')) as BenchInput;
  const a = gridWasm(raster, input);
  const b = gridReference(input);
  if (!sameBytes(new Uint8Array(a.density.buffer), new Uint8Array(b.density.buffer))) throw new Error(`${id}: WASM and reference densities differ`);
  const py = baseline.extractor.find((e) => e.id === id);
  if (py && py.nonzero_tiles !== a.indices.length) throw new Error(`${id}: ${a.indices.length} non-zero tiles, Python had ${py.nonzero_tiles}`);
  const l = tileGridLayout(input.geom, input.tile_size, input.sub_tiles_per_tile);
  gridRows.push({
    id,
    tiles: `${l.tilesX}x${l.tilesY} (${a.indices.length})`,
    wasm: time(() => gridWasm(raster, input)),
    withImage: time(() => gridWasmWithImage(raster, input)),
    reference: time(() => gridReference(input), 3000),
    python: fromPython(py?.construct),
  });
  if (!id.endsWith('50000v')) continue;
  // the tile mask of the non-empty tile whose overlap is closest to 0.5
  let best = 0;
  a.overlap.forEach((v, i) => {
    if (Math.abs(v - 0.5) < Math.abs(a.overlap[best] - 0.5)) best = i;
  });
  const [col, row] = a.indices[best];
  const px = l.tx + col * input.tile_size;
  const py0 = l.ty + row * input.tile_size;
  const mask = maskWasm(raster, input, px, py0);
  if (!sameBytes(mask.data, maskReference(input, px, py0).data)) throw new Error(`${id}: masks differ`);
  const pyMask = baseline.inner_mask.find((m) => m.id === id);
  if (pyMask && (pyMask.tile_index.join() !== `${col},${row}` || pyMask.mask_nonzero !== mask.data.filter((v) => v !== 0).length)) {
    throw new Error(`${id}: tile or mask pixel count differs from Python's`);
  }
  maskRows.push({
    id,
    tile: [col, row],
    wasm: time(() => maskWasm(raster, input, px, py0)),
    reference: time(() => maskReference(input, px, py0), 3000),
    python: fromPython(pyMask?.timing),
  });
}

let liveNote: string;
let liveResults: LiveResult = {};
if (pythonAvailable()) {
  const specs = CASES.map((id) => {
    const m = maskRows.find((r) => r.id === id);
    return m ? `${id}:${m.tile[0]}:${m.tile[1]}` : `${id}:-:-`;
  });
  const result = timePythonLive(specs);
  if (typeof result === 'string') liveNote = `Python live: ${result}`;
  else {
    liveResults = result;
    liveNote = 'Python live: measured in this run by bench/raster-live.py (Pillow + numpy), same inputs.';
  }
} else {
  liveNote = 'Python live: not measured (python3 cannot import PIL and numpy on this machine); the Python columns are the recorded baseline (AMD EPYC VM, 2 vCPUs).';
}

console.log('Extractor grid (SamplingROIPatchExtractor construction), ms: median (min); ratios on medians (on mins)');
console.log('| case | tiles (non-zero) | WASM | WASM + image | TS reference | ref/WASM | Python baseline | Python/WASM | Python/(WASM + image) | Python live, /WASM |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of gridRows) {
  console.log(
    `| ${r.id} | ${r.tiles} | ${fmt(r.wasm)} | ${fmt(r.withImage)} | ${fmt(r.reference)} | ${ratio(r.reference, r.wasm)} | ${fmt(r.python)} | ${ratio(r.python, r.wasm)} | ${ratio(r.python, r.withImage)} | ${live(liveResults[r.id]?.grid, r.wasm)} |`,
  );
}
console.log('\nOne tile mask of a 50,000-vertex ROI (tile with overlap closest to 0.5), ms: median (min); ratios on medians (on mins)');
console.log('| case | tile | WASM | TS reference | ref/WASM | Python baseline | Python/WASM | Python live, /WASM |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of maskRows) {
  console.log(
    `| ${r.id} | [${r.tile.join(', ')}] | ${fmt(r.wasm)} | ${fmt(r.reference)} | ${ratio(r.reference, r.wasm)} | ${fmt(r.python)} | ${ratio(r.python, r.wasm)} | ${live(liveResults[r.id]?.mask, r.wasm)} |`,
  );
}
console.log(`\n${liveNote}`);
