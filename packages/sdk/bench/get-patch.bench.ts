/**
 * `slide.getPatch` of a 4096 × 4096 level-0 region (16 tiles of 1024²) against a dev server
 * that adds 20 ms to every response: parallel (the client's default concurrency, 6) versus one
 * tile at a time (the Python client's way). Target: parallel ≥ 4× faster.
 *
 * The server runs in its own process, so its rendering does not compete with the client.
 */
import { Client, Slide, Task } from '../src/index.node.js';
import { startServerProcess } from './dev-server-process.js';
import { median, printTable, timeIt } from './table.js';

const LATENCY_MS = 20;
const RUNS = 3;
const server = await startServerProcess(LATENCY_MS);
try {
  const client = await Client.connect(server.url, { apiKey: server.apiKey });
  const task = await Task.open(client, 1);
  const slide = await Slide.open(task, 1); // 100,000 × 80,000
  const read = (concurrency: number) =>
    slide.getPatch({ center: [50_000, 40_000], level: 0, size: [4096, 4096], concurrency });
  await read(6); // warm-up: header cached, JIT warm, server tables built
  const rows: (string | number)[][] = [];
  const results: Record<string, number> = {};
  for (const [name, concurrency] of [
    ['one tile at a time (Python)', 1],
    ['parallel (default, 6)', client.concurrency],
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await timeIt(() => read(concurrency)));
    results[name] = median(times);
    rows.push([name, concurrency, median(times), Math.min(...times)]);
  }
  const speedup = results['one tile at a time (Python)']! / results['parallel (default, 6)']!;
  printTable(
    `getPatch 4096×4096 level 0, tile 1024, +${LATENCY_MS} ms latency (median of ${RUNS})`,
    ['mode', 'concurrency', 'median ms', 'best ms'],
    rows,
  );
  console.log(`speed-up: ${speedup.toFixed(2)}× (target ≥ 4×)`);
} finally {
  await server.stop();
}
