/**
 * `slide.getPatch` of a 4096 × 4096 level-0 region against a dev server that adds 20 ms to
 * every response: parallel (the client's default concurrency, 6) versus one tile at a time
 * (the Python client's way). Target: parallel ≥ 4× faster.
 *
 * Two tilings: the default 1024-px tiles (16 requests) and 256-px tiles (256 requests). The
 * server runs in its own process, so its rendering does not compete with the client; the
 * client's own CPU time is printed too, because with few cores a CPU-bound read (the dev
 * server renders and PNG-encodes every pixel in JavaScript) cannot gain more than the number
 * of cores, whatever the concurrency.
 */
import { cpus } from 'node:os';
import { Client, Slide, Task } from '../src/index.node.js';
import { startServerProcess } from './dev-server-process.js';
import { median, printTable } from './table.js';

const LATENCY_MS = 20;
const RUNS = 3;
const server = await startServerProcess(LATENCY_MS);
try {
  const client = await Client.connect(server.url, { apiKey: server.apiKey });
  const slide = await Slide.open(await Task.open(client, 1), 1); // 100,000 × 80,000
  const read = (tileSize: number, concurrency: number) =>
    slide.getPatch({ center: [50_000, 40_000], level: 0, size: [4096, 4096], tileSize, concurrency });
  await read(1024, 6); // warm-up: header cached, JIT warm, server tables built
  const rows: (string | number)[][] = [];
  const speedups: string[] = [];
  for (const tileSize of [1024, 256]) {
    const wall: Record<number, number> = {};
    for (const concurrency of [1, client.concurrency]) {
      const times: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        const before = process.cpuUsage();
        await read(tileSize, concurrency);
        const used = process.cpuUsage(before);
        times.push(performance.now() - start);
        cpu.push((used.user + used.system) / 1000);
      }
      wall[concurrency] = median(times);
      const name = concurrency === 1 ? 'one tile at a time (Python)' : `parallel (default, ${concurrency})`;
      rows.push([`${name}, tile ${tileSize}`, (4096 / tileSize) ** 2, median(times), Math.min(...times), median(cpu)]);
    }
    speedups.push(`tile ${tileSize}: ${(wall[1]! / wall[client.concurrency]!).toFixed(2)}×`);
  }
  printTable(
    `getPatch 4096×4096 level 0, +${LATENCY_MS} ms latency, ${cpus().length} CPUs (median of ${RUNS})`,
    ['mode', 'requests', 'median ms', 'best ms', 'client CPU ms'],
    rows,
  );
  console.log(`speed-up of parallel over one at a time: ${speedups.join(', ')} (target ≥ 4×)`);
} finally {
  await server.stop();
}
