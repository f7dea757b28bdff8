/**
 * Load with injected failures (Node, a dev server of this spec's own): `patches()` over about
 * 200 tiles at the default concurrency while 5% of the patch reads get 503 with
 * `Retry-After: 1`. Every tile arrives once and exactly right. (The 1,000-tile run with the
 * SDK's default retry policy is `bench/load.bench.ts`, which reports success rate, retries and
 * time.)
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DevServer } from '@phas/dev-server';
import { reliabilityLog } from '../../../test/reliability-log.js';
import { failOnUnhandledRejections, faultServer } from './helpers/fault-harness.js';
import { runLoad } from './helpers/load-run.js';

const log = reliabilityLog('load', import.meta.url);
failOnUnhandledRejections();
let server: DevServer;

beforeAll(async () => {
  server = await faultServer();
});

afterAll(async () => {
  await server?.stop();
});

it('patches() over ~200 tiles with 5% 503s delivers every tile exactly once, exact', async () => {
  // The SDK's default retry policy (4 retries: a tile fails only if 5 draws in a row hit the 5%).
  const r = await runLoad({ server, cols: 20, rows: 10, errorRate: 0.05, retryAfterSec: 1 });
  expect(r.error).toBeUndefined();
  expect(r.total).toBeGreaterThanOrEqual(200);
  expect([r.delivered, r.exact, r.duplicates]).toEqual([r.total, r.total, 0]);
  expect(r.injected503).toBeGreaterThan(0);
  expect(r.reads).toBe(r.total + r.injected503);
  log.observe(
    `patches() over ${r.total} tiles (256 px + 16 padding), concurrency ${r.concurrency}, 5% of patch reads → 503 Retry-After: 1`,
    'every tile delivered once and pixel-exact (image and mask)',
    `${r.exact}/${r.total} exact, ${r.injected503} injected 503s retried (${r.reads} reads)`,
  );
}, 120_000); // ~220 tiles rendered, encoded, decoded and checked on a shared 2-core machine
