/**
 * Reliability under load, and large valid input:
 *
 * 1. `patches()` over 1,000 tiles (256 px + 16 padding) on the 100,000 × 80,000 slide at the
 *    default concurrency while 5% of the patch reads get 503 with `Retry-After: 1`, with the
 *    SDK's default retry policy (4 retries) and with 2 retries. Prints, per run: tiles
 *    delivered and exact (every one is checked against the synthetic slide), the injected 503s
 *    (= retries), the success rate and the time (checking excluded).
 * 2. A 10^6-vertex polygon ROI (a circle of radius 20,000 px): time and memory of `planTiles`
 *    and of one `tileMask`.
 *
 * The dev server runs in this process (its fault switchboard is needed), so it shares the CPU
 * with the client: the times are an upper bound of the client's cost.
 */
import { cpus, loadavg } from 'node:os';
import { startDevServer } from '../../dev-server/src/index.js';
import { planTiles, tileMask, type Geometry } from '../src/index.node.js';
import { runLoad, type LoadResult } from '../test/helpers/load-run.js';
import { memoryMiB, printTable } from './table.js';

console.log(`machine: ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} at the start`);
const server = await startDevServer({ host: '127.0.0.1', port: 0 });
try {
  const rows: (string | number)[][] = [];
  const row = (label: string, r: LoadResult) => {
    const failed = r.error === undefined ? '' : ` (stopped: ${(r.error as Error).name} ${(r.error as { status?: number }).status ?? ''})`;
    rows.push([
      label + failed,
      r.total,
      r.delivered,
      r.exact,
      r.injected503,
      `${((100 * r.exact) / r.total).toFixed(1)}%`,
      r.extractMs / 1000,
      (r.delivered / r.extractMs) * 1000,
    ]);
  };
  for (const [label, retry] of [['default retry (4)', undefined], ['retry 2', 2]] as const) {
    const r = await runLoad({ server, cols: 40, rows: 25, errorRate: 0.05, retryAfterSec: 1, retry, seed: 11 });
    row(label, r);
  }
  const clean = await runLoad({ server, cols: 40, rows: 25, errorRate: 0, retryAfterSec: 0 });
  row('no faults (baseline)', clean);
  printTable(
    `patches() over 1,000+ tiles, concurrency ${clean.concurrency}, 5% of patch reads → 503 Retry-After: 1`,
    ['run', 'tiles', 'delivered', 'exact', '503s (retries)', 'success', 'time s', 'tiles/s'],
    rows,
  );
  console.log(
    'A tile fails only when all its attempts draw a 503: p = 0.05^(retries+1) per tile: 3e-7 with the default 4 retries\n' +
      '(0.03% of 1,000-tile runs at a sustained 5% error rate stop early), 1.25e-4 with 2 retries (about 12%). patches()\n' +
      'stops at the first tile that fails (PhasServerError), having delivered the others.',
  );
} finally {
  await server.stop();
}

// 2. A 10^6-vertex ROI.
const N = 1_000_000;
const data: [number, number][] = new Array(N);
for (let i = 0; i < N; i++) {
  const a = (2 * Math.PI * i) / N;
  data[i] = [50_000 + 20_000 * Math.cos(a), 40_000 + 20_000 * Math.sin(a)];
}
const geometry: Geometry = { type: 'polygon', data };
const before = memoryMiB();
let t = performance.now();
const plan = await planTiles(geometry);
const planMs = performance.now() - t;
const afterPlan = memoryMiB();
t = performance.now();
const mask = await tileMask(geometry, plan, plan.indices[0]!);
const maskMs = performance.now() - t;
const afterMask = memoryMiB();
const times: number[] = [];
for (let k = 0; k < 5; k++) {
  t = performance.now();
  await tileMask(geometry, plan, plan.indices[(k * 97) % plan.indices.length]!);
  times.push(performance.now() - t);
}
printTable(
  `A 10^6-vertex polygon ROI (circle r = 20,000 px; geometry itself: ${before.heap.toFixed(0)} MiB heap)`,
  ['step', 'ms', 'heap MiB after', 'buffers MiB after', 'RSS MiB after'],
  [
    [`planTiles (${plan.tilesX}×${plan.tilesY} tiles, ${plan.indices.length} touched)`, planMs, afterPlan.heap, afterPlan.buffers, afterPlan.rss],
    [`first tileMask (${mask.width}×${mask.height}, incl. WASM memory growth)`, maskMs, afterMask.heap, afterMask.buffers, afterMask.rss],
    ['tileMask, median of 5 more tiles', times.sort((a, b) => a - b)[2]!, afterMask.heap, afterMask.buffers, afterMask.rss],
  ],
);
