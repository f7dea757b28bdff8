/**
 * `.nii.gz` writing benchmark: the two cases of `inputs/nifti_inputs.json` (a 2000×2000
 * label mask drawn with the WASM `fillPolygon`, and the 1000×1000 RGB formula image),
 * encoded with `encodeNifti`, against the Python medians of
 * `inputs/python-baseline-results.json` (nibabel + `gzip.compress` level 9).
 *
 * Run: `npm run bench -- nifti` (or `node --import tsx packages/raster-wasm/bench/nifti.bench.ts`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeNifti, encodeNifti, initRaster, type RasterImage } from '../src/index.js';

interface NiftiInputs {
  mask_2000: { size: [number, number]; spacing: [number, number]; polygons: { label: number; vertices: [number, number][] }[] };
  rgb_1000: { size: [number, number]; spacing: [number, number] };
}
interface PythonCase {
  timing_total: { median_s: number };
  nii_bytes: number;
  nii_gz_bytes: number;
}

const here = (name: string) => fileURLToPath(new URL(`./inputs/${name}`, import.meta.url));
const inputs = JSON.parse(readFileSync(here('nifti_inputs.json'), 'utf8')) as NiftiInputs;
const python = (JSON.parse(readFileSync(here('python-baseline-results.json'), 'utf8')) as { nifti: Record<string, PythonCase> })
  .nifti;

async function maskImage(): Promise<RasterImage> {
  const [width, height] = inputs.mask_2000.size;
  const raster = await initRaster();
  const canvas = { width, height, data: new Uint8Array(width * height) };
  for (const { label, vertices } of inputs.mask_2000.polygons) {
    raster.fillPolygon(canvas, vertices.flat(), { fill: label });
  }
  return { ...canvas, channels: 1 };
}

function rgbImage(): RasterImage {
  const [width, height] = inputs.rgb_1000.size;
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      data[i] = Math.floor((x * 255) / 999);
      data[i + 1] = Math.floor((y * 255) / 999);
      data[i + 2] = (x * y + 17 * x + 31 * y) % 256;
    }
  }
  return { width, height, channels: 3, data };
}

/** Untimed runs before timing (JIT tier-up). */
const WARM_UP = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Wall-clock and CPU (user + system, all threads) milliseconds of each run, after a full
 * GC (when `--expose-gc`) and {@link WARM_UP} runs that let V8 optimise the code. No forced
 * GC between runs: a full GC discards optimised code, which would time the JIT instead.
 */
function time(repeats: number, run: () => unknown): { wall: number[]; cpu: number[] } {
  (globalThis as { gc?: () => void }).gc?.();
  for (let i = 0; i < WARM_UP; i++) run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    run();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpu0);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu };
}

const cases = [
  { name: 'mask_2000 (2000×2000 L)', py: python.mask_2000_L, image: await maskImage(), spacing: inputs.mask_2000.spacing },
  { name: 'rgb_1000 (1000×1000 RGB)', py: python.rgb_1000_RGB, image: rgbImage(), spacing: inputs.rgb_1000.spacing },
];

const repeats = 15;
console.log(`encodeNifti .nii.gz, median of ${repeats} runs after ${WARM_UP} warm-up runs (Node ${process.version})`);
console.log('Speed-up = Python median (wall) / our median wall; CPU time is shown because a busy machine inflates wall time.');
console.log('| image | ours wall ms | ours CPU ms | Python ms | speed-up | ours .nii.gz B | Python .nii.gz B | size ratio | decode ms |');
console.log('|---|---|---|---|---|---|---|---|---|');
let ok = true;
for (const { name, py, image, spacing } of cases) {
  let out: Uint8Array = new Uint8Array(0);
  const encode = time(repeats, () => (out = encodeNifti(image, { spacing })));
  const decoded = decodeNifti(out);
  if (decoded.image.data.length !== image.data.length || decoded.image.data.some((v, i) => v !== image.data[i])) {
    throw new Error(`${name}: decodeNifti(encodeNifti(image)) differs from the image`);
  }
  const decodeMs = median(time(repeats, () => decodeNifti(out)).wall);
  const wallMs = median(encode.wall);
  const pyMs = py.timing_total.median_s * 1000;
  const speedUp = pyMs / wallMs;
  ok &&= speedUp >= 2 && out.length <= py.nii_gz_bytes;
  console.log(
    `| ${name} | ${wallMs.toFixed(1)} | ${median(encode.cpu).toFixed(1)} | ${pyMs.toFixed(1)} | ${speedUp.toFixed(2)}× | ` +
      `${out.length} | ${py.nii_gz_bytes} | ${(out.length / py.nii_gz_bytes).toFixed(4)} | ${decodeMs.toFixed(1)} |`,
  );
}
console.log(ok ? 'target met: ≥2× faster and no larger on both' : 'target NOT met on at least one case');
