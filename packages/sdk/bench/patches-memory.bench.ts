/**
 * `SamplingROIPatchExtractor.patches()` over 500+ tiles: memory must stay flat (the iterator
 * keeps at most `concurrency` tiles in flight and buffers nothing). Prints heap and RSS after
 * 100 and 500 tiles and at the end, plus the throughput.
 */
import { Client, SamplingROIPatchExtractor, Slide, Task } from '../src/index.node.js';
import { startServerProcess } from './dev-server-process.js';
import { memoryMiB, printTable } from './table.js';

const server = await startServerProcess(0);
try {
  const client = await Client.connect(server.url, { apiKey: server.apiKey });
  const task = await Task.open(client, 1);
  const slide = await Slide.open(task, 1); // 100,000 × 80,000
  // A 7000 × 6000 hexagon in the tissue: with 256-px tiles about 640 tiles touch it.
  const geometry = {
    type: 'polygon' as const,
    data: [[46_000, 37_000], [50_000, 36_500], [53_000, 39_000], [52_500, 42_500], [48_000, 43_000], [46_500, 40_500]] as [number, number][],
  };
  const ex = await SamplingROIPatchExtractor.create(slide, geometry, { tileSize: 256, padding: 16 });
  const total = ex.tiles().indices.length;
  const rows: (string | number)[][] = [];
  const before = memoryMiB();
  rows.push(['start', 0, before.heap, before.buffers, before.rss]);
  const start = performance.now();
  let count = 0;
  let checksum = 0;
  for await (const item of ex.patches()) {
    count++;
    checksum = (checksum + item.image.data[0]! + item.mask.data[item.mask.data.length >> 1]!) & 0xffff;
    if (count === 100 || count === 500) {
      const m = memoryMiB();
      rows.push([`after ${count} tiles`, count, m.heap, m.buffers, m.rss]);
    }
  }
  const seconds = (performance.now() - start) / 1000;
  const end = memoryMiB();
  rows.push([`end (${count} tiles)`, count, end.heap, end.buffers, end.rss]);
  printTable(`patches() over ${total} tiles of 256 px (+2·16 padding), concurrency ${client.concurrency}`, ['point', 'tiles', 'heap MiB', 'buffers MiB', 'RSS MiB'], rows);
  console.log(`${(count / seconds).toFixed(0)} tiles/s; heap growth 100→500 tiles: ${(rows[2]![2] as number - (rows[1]![2] as number)).toFixed(2)} MiB (checksum ${checksum})`);
} finally {
  await server.stop();
}
