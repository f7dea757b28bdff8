/**
 * What `Slide` sends, seen from the server: a dev server of its own (its request log), so the
 * exact request sequence of a tiled `getPatch` (protocol §6.1) can be compared with the
 * Python client's, plus the Node-only `filename` option of `thumbnailNiftiImage`.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '@phas/dev-server';
import { Client, Slide, Task } from '../src/index.node.js';

let server: DevServer;
let client: Client;
let task: Task;
let dir: string;

beforeAll(async () => {
  server = await startDevServer({ host: '127.0.0.1', port: 0 });
  client = await Client.connect(server.url, { apiKey: server.keys.admin.apiKey });
  task = await Task.open(client, 3);
  dir = await mkdtemp(join(tmpdir(), 'phas-slide-'));
});

afterAll(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Paths the server received while `run` ran. */
async function received(run: () => Promise<unknown>): Promise<string[]> {
  const start = server.requests.length;
  await run();
  return server.requests.slice(start).map((r) => r.path);
}

describe('the request sequence of getPatch (protocol §6.1)', () => {
  const example = [
    '/dzi/patch/hippocampus/2/raw/1/1328_928_128_128.png',
    '/dzi/patch/hippocampus/2/raw/1/1328_1128_128_72.png',
    '/dzi/patch/hippocampus/2/raw/1/1584_928_128_128.png',
    '/dzi/patch/hippocampus/2/raw/1/1584_1128_128_72.png',
    '/dzi/patch/hippocampus/2/raw/1/1756_928_44_128.png',
    '/dzi/patch/hippocampus/2/raw/1/1756_1128_44_72.png',
  ];
  const options = { center: [1500, 1000] as [number, number], level: 1, size: [300, 200] as [number, number], tileSize: 128 };

  it("is Python's when one tile is read at a time: the header once, then x outer, y inner", async () => {
    const slide = await Slide.open(task, 2);
    expect(await received(() => slide.getPatch({ ...options, concurrency: 1 }))).toEqual([
      '/dzi/download/hippocampus/slide_2_raw_header.json',
      ...example,
    ]);
    // The header is cached: a second read sends only the tiles.
    expect(await received(() => slide.getPatch({ ...options, concurrency: 1 }))).toEqual(example);
  });

  it('sends the same requests, each once, when reading in parallel', async () => {
    const slide = await Slide.open(task, 2);
    const paths = await received(() => slide.getPatch(options));
    expect(paths[0]).toBe('/dzi/download/hippocampus/slide_2_raw_header.json');
    expect(paths.slice(1).sort()).toEqual([...example].sort());
  });

  it('sends a single region request and no header for tileSize 0 at level 0', async () => {
    const slide = await Slide.open(task, 2);
    expect(await received(() => slide.getPatch({ center: [100.7, 50.2], level: 0, size: [20, 10], tileSize: 0 }))).toEqual([
      '/dzi/patch/hippocampus/2/raw/0/100_50_20_10.png',
    ]);
  });

  it('never sends a negative centre; every request succeeds (Q4)', async () => {
    const slide = await Slide.open(task, 2);
    const start = server.requests.length;
    await slide.getPatch({ center: [-100, 40], level: 0, size: [512, 256], tileSize: 128 });
    const sent = server.requests.slice(start);
    expect(sent.every((r) => r.status === 200)).toBe(true);
    expect(sent.some((r) => r.path.includes('-'))).toBe(false);
    // Tile columns 0 and 1 cover level-0 x −356…−101, wholly left of the slide: not requested.
    expect(sent.filter((r) => r.path.startsWith('/dzi/patch/'))).toHaveLength(2 * 2);
  });
});

describe('thumbnailNiftiImage with a filename (Node)', () => {
  it('writes the bytes atomically and returns undefined', async () => {
    const slide = await Slide.open(task, 2);
    const file = join(dir, 'thumb.nii.gz');
    expect(await slide.thumbnailNiftiImage({ maxDim: 64, filename: file })).toBeUndefined();
    const written = new Uint8Array(await readFile(file));
    expect(written).toEqual(await slide.thumbnailNiftiImage({ maxDim: 64 }));
    expect(written.subarray(0, 2)).toEqual(new Uint8Array([0x1f, 0x8b])); // gzip
    expect(await readdir(dir)).toEqual(['thumb.nii.gz']); // no temporary file left behind
  });
});
