/**
 * The load scenario shared by the load spec (200 tiles) and `bench/load.bench.ts` (1,000 tiles):
 * `patches()` over a rectangle of tiles on the 100,000 × 80,000 slide while the dev server
 * answers a share of the patch reads with 503 + `Retry-After`, every tile checked against the
 * synthetic slide (RGB) and a clean `tileMask`.
 */
import type { DevServer } from '@phas/dev-server';
import { syntheticSlide } from '@phas/dev-server/pixels';
import { seed } from '@phas/dev-server/seed';
import {
  Client,
  planTiles,
  SamplingROIPatchExtractor,
  SamplingROITask,
  tileMask,
  type Geometry,
  type RetryPolicy,
} from '../../src/index.node.js';
import { level0Rgb, sameImage } from './slide-fixtures.js';

const BIG = syntheticSlide(seed.slides.big.image)!;

/** What to run. */
export interface LoadOptions {
  server: DevServer;
  /** Tiles across and down of the rectangle ROI (the grid around it may add a row/column). */
  cols: number;
  rows: number;
  /** Share of patch reads answered 503 (0…1). */
  errorRate: number;
  /** `Retry-After` of those answers, seconds. */
  retryAfterSec: number;
  /** The client's retry option (default: the SDK's). */
  retry?: number | RetryPolicy;
  /** Seed of the server's fault PRNG. */
  seed?: number;
}

/** What happened. */
export interface LoadResult {
  /** Tiles `tiles()` lists. */
  total: number;
  /** Tiles the iterator delivered. */
  delivered: number;
  /** Delivered tiles whose image and mask were exactly right. */
  exact: number;
  /** Indices delivered more than once (must be 0). */
  duplicates: number;
  /** Patch reads the server received / answered 503. */
  reads: number;
  injected503: number;
  /** Wall time of the extraction in ms, without the time spent checking tiles. */
  extractMs: number;
  /** The error that ended the iteration early, if any. */
  error?: unknown;
  /** The client's concurrency. */
  concurrency: number;
}

const TILE = 256;
const PADDING = 16;

/**
 * Runs the scenario (the fault rule is installed for the run and removed after).
 *
 * @example
 * ```ts
 * const result = await runLoad({ server, cols: 20, rows: 10, errorRate: 0.05, retryAfterSec: 1 });
 * ```
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { server } = options;
  const client = await Client.connect(server.url, { apiKey: server.keys.admin.apiKey, ...(options.retry === undefined ? {} : { retry: options.retry }) });
  const task = await SamplingROITask.open(client, seed.tasks.sampling.id);
  const slide = await task.slide(seed.slides.big.id);
  // A rectangle aligned a little off the tile grid, in tissue.
  const [x0, y0] = [30_000 + 37, 30_000 + 11];
  const [x1, y1] = [x0 + options.cols * TILE - 74, y0 + options.rows * TILE - 22];
  const geometry: Geometry = { type: 'polygon', data: [[x0, y0], [x1, y0], [x1, y1], [x0, y1]] };
  const ex = await SamplingROIPatchExtractor.create(slide, geometry, { tileSize: TILE, padding: PADDING });
  const plan = await planTiles(geometry, { tileSize: TILE });
  const total = ex.tiles().indices.length;
  const size = TILE + 2 * PADDING;

  const start = server.requests.length;
  server.faults.set({ seed: options.seed ?? 7, rules: [{ match: '/dzi/patch/', errorRate: options.errorRate, errorStatus: 503, retryAfterSec: options.retryAfterSec }] });
  const seen = new Set<string>();
  let delivered = 0;
  let exact = 0;
  let duplicates = 0;
  let checkMs = 0;
  let error: unknown;
  const began = performance.now();
  try {
    for await (const item of ex.patches()) {
      const checking = performance.now();
      delivered++;
      const key = item.index.join(',');
      if (seen.has(key)) duplicates++;
      seen.add(key);
      const [col, row] = item.index;
      const rgb = level0Rgb(BIG, plan.tx + col * TILE - PADDING, plan.ty + row * TILE - PADDING, size, size);
      const imageOk = sameImage(item.image, { width: size, height: size, channels: 3, data: rgb });
      const maskOk = sameImage(item.mask, await tileMask(geometry, plan, item.index, { padding: PADDING }));
      if (imageOk && maskOk) exact++;
      checkMs += performance.now() - checking;
    }
  } catch (e) {
    error = e;
  } finally {
    server.faults.clear();
  }
  const extractMs = performance.now() - began - checkMs;
  const reads = server.requests.slice(start).filter((r) => r.path.startsWith('/dzi/patch/'));
  const result: LoadResult = {
    total,
    delivered,
    exact,
    duplicates,
    reads: reads.length,
    injected503: reads.filter((r) => r.status === 503).length,
    extractMs,
    concurrency: client.concurrency,
  };
  if (error !== undefined) result.error = error;
  return result;
}
