/**
 * Bodies that stall: a small proxy in front of a dev server sends a response's headers and
 * half of its body, then neither sends more nor closes the connection (a hung upstream, a
 * stuck proxy). The dev server's own faults cannot do this (its truncation closes the
 * socket). The per-attempt timeout must cover reading the body: the SDK gives up on the
 * stalled attempt, retries, and returns the exact bytes; a body that always stalls ends in
 * `PhasNetworkError` code `timeout`, never a hang.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevServer } from '@phas/dev-server';
import { Client, PhasNetworkError, SamplingROITask, Slide } from '../src/index.node.js';
import { reliabilityLog } from '../../../test/reliability-log.js';
import { errorCollector } from './helpers/errors.js';
import { deadline, failOnUnhandledRejections, faultServer, SAMPLING_TASK, TAU_IMAGE, TAU_SLIDE } from './helpers/fault-harness.js';
import { singleRead } from './helpers/slide-fixtures.js';

const log = reliabilityLog('faults', import.meta.url);
failOnUnhandledRejections();
const { failure } = errorCollector();

let upstream: DevServer;
let proxy: Server;
let proxyUrl: string;
const sockets = new Set<Socket>();
/** Paths whose next answers stall (each entry: how many more to stall). */
const stalls = new Map<string, number>();
let stalled = 0;

beforeAll(async () => {
  upstream = await faultServer();
  const target = new URL(upstream.url);
  proxy = createServer((req, res) => {
    const forward = request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        const path = (req.url ?? '').split('?')[0]!;
        const left = stalls.get(path) ?? 0;
        if (left <= 0) {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          return;
        }
        stalls.set(path, left - 1);
        stalled++;
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          const body = Buffer.concat(chunks);
          res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'content-length': String(body.length) });
          res.write(body.subarray(0, body.length >> 1)); // …and nothing more, the socket stays open
        });
      },
    );
    req.pipe(forward);
  });
  proxy.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => proxy?.close(resolve));
  await upstream?.stop();
});

const PATCH = { center: [1500, 1000] as [number, number], level: 0, size: [160, 120] as [number, number], tileSize: 0 };
const PATCH_PATH = '/dzi/patch/hippocampus/2/raw/0/1500_1000_160_120.png'; // E16 names the centre

async function slide(timeout: number): Promise<Slide> {
  const client = await Client.connect(proxyUrl, {
    apiKey: upstream.keys.admin.apiKey,
    timeout,
    retry: { count: 2, baseDelayMs: 10, maxDelayMs: 50 },
    signal: deadline(),
  });
  return Slide.open(await SamplingROITask.open(client, SAMPLING_TASK), TAU_SLIDE);
}

describe('a body that stalls half-way with the connection open', () => {
  it('times the stalled attempt out and returns the exact pixels on the retry', async () => {
    const s = await slide(400);
    stalls.set(PATCH_PATH, 1);
    const before = stalled;
    const image = await s.getPatch(PATCH);
    expect(stalled - before).toBe(1);
    expect(image.data).toEqual(singleRead(TAU_IMAGE, PATCH.center, 0, PATCH.size));
    log.observe('a patch body stalls half-way once (headers and half the PNG sent, socket left open), timeout 400 ms', 'the attempt times out, the retry returns the exact pixels', '1 stalled attempt; RGBA byte-exact');
  });

  it('fails with PhasNetworkError code timeout when the body always stalls', async () => {
    const s = await slide(300);
    stalls.set(PATCH_PATH, 99);
    const before = stalled;
    const error = await failure(s.getPatch(PATCH));
    stalls.clear();
    expect(error).toBeInstanceOf(PhasNetworkError);
    expect(error).toMatchObject({ code: 'timeout', timedOut: true });
    expect(stalled - before).toBe(3);
    log.observe('the body stalls on every attempt, timeout 300 ms', 'PhasNetworkError code timeout after 3 attempts, no hang', `${(error as PhasNetworkError).code} after ${stalled - before} stalled attempts`);
  });
});
