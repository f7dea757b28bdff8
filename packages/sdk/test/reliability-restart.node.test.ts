/**
 * The server restarts in the middle of an extraction: a dev server with a persistent
 * `dataDir` is stopped (open connections cut) while `patches()` has reads in flight, and a new
 * one is started on the same port from the same state. The extraction must finish with every
 * tile exact (reads retried, the session renewed when the new server rejects the old cookie),
 * or, when the server stays down, fail with `PhasNetworkError`, never hang.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevServer } from '@phas/dev-server';
import { Client, PhasNetworkError, planTiles, SamplingROIPatchExtractor, SamplingROITask, Slide } from '../src/index.node.js';
import { reliabilityLog } from '../../../test/reliability-log.js';
import { errorCollector } from './helpers/errors.js';
import * as harness from './helpers/fault-harness.js';

const { captureLogger, deadline, expectNoSecrets, faultServer, isExactWorkedTile, SAMPLING_TASK, spyFetch, TAU_SLIDE, WORKED, WORKED_OPTIONS } = harness;

const log = reliabilityLog('faults', import.meta.url);
harness.failOnUnhandledRejections();
const { thrown, failure } = errorCollector();

let dataDir: string;
let server: DevServer | undefined;
let port: number;
const spy = spyFetch();
const logger = captureLogger();
/** The servers' verbose log (checked for secrets, and shown when a test fails). */
const serverLines: string[] = [];
const verbose = (line: string) => serverLines.push(line);

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'phas-restart-'));
  server = await faultServer({ dataDir, verbose });
  port = Number(new URL(server.url).port);
});

afterAll(async () => {
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function restart(newSecret = false): Promise<void> {
  await server!.stop();
  server = await faultServer({ dataDir, port, verbose });
  // A server whose session secret changed at restart rejects every old cookie.
  if (newSecret) server.faults.expireSessions();
}

async function connect(): Promise<Client> {
  return Client.connect(server!.url, {
    apiKey: server!.keys.admin.apiKey,
    fetch: spy.fetch,
    logger,
    signal: deadline(),
    concurrency: 4,
    // generous: the restart must fall inside the retry window even on a loaded machine
    retry: { count: 10, baseDelayMs: 50, maxDelayMs: 500 },
  });
}

describe('server restart during an extraction', () => {
  it('finishes with all 12 tiles exact after the server restarts (same dataDir and port)', async () => {
    const client = await connect();
    const slide = await Slide.open(await SamplingROITask.open(client, SAMPLING_TASK), TAU_SLIDE);
    const ex = await SamplingROIPatchExtractor.create(slide, WORKED, WORKED_OPTIONS);
    const plan = await planTiles(WORKED, WORKED_OPTIONS);
    const first = server!;
    const seen = new Set<string>();
    let restartedAfter = -1;
    for await (const item of ex.patches()) {
      seen.add(item.index.join(','));
      if (seen.size === 3) {
        restartedAfter = seen.size;
        await restart();
      }
      expect(await isExactWorkedTile(item, plan)).toBe(true);
    }
    expect(server).not.toBe(first);
    expect(seen.size).toBe(12);
    const afterRestart = server!.requests;
    const patchReads = afterRestart.filter((r) => r.path.startsWith('/dzi/patch/')).length;
    const logins = afterRestart.filter((r) => r.path === '/auth/api/login').length;
    const retries = logger.lines.filter((l) => /retry \d+ of/.test(l)).length;
    log.observe(
      'server stopped (connections cut) after 3 of 12 tiles, restarted on the same port from the same dataDir',
      'reads retried, session renewed if needed, every tile exact',
      `12/12 tiles pixel-exact; the new server served ${patchReads} patch reads and ${logins} login(s); ${retries} retries logged`,
    );
  });

  it('renews the session when the restarted server rejects the old cookie, all tiles exact', async () => {
    const client = await connect();
    const slide = await Slide.open(await SamplingROITask.open(client, SAMPLING_TASK), TAU_SLIDE);
    const ex = await SamplingROIPatchExtractor.create(slide, WORKED, WORKED_OPTIONS);
    const plan = await planTiles(WORKED, WORKED_OPTIONS);
    let count = 0;
    for await (const item of ex.patches()) {
      if (++count === 5) await restart(true);
      expect(await isExactWorkedTile(item, plan)).toBe(true);
    }
    expect(count).toBe(12);
    const logins = server!.requests.filter((r) => r.path === '/auth/api/login').length;
    const rejected = server!.requests.filter((r) => r.status === 302).length;
    expect(logins).toBe(1);
    log.observe(
      'server restarted after 5 of 12 tiles with a new session secret (old cookies rejected)',
      'reads retried, one re-login, every tile exact',
      `12/12 tiles pixel-exact; the new server answered ${rejected} request(s) with the 302 and saw ${logins} login`,
    );
  });

  it('fails with PhasNetworkError when the server stays down', async () => {
    const client = await connect();
    const slide = await Slide.open(await SamplingROITask.open(client, SAMPLING_TASK), TAU_SLIDE);
    await server!.stop();
    server = undefined;
    try {
      const error = await failure(slide.getPatch({ center: [1500, 1000], level: 0, size: [64, 64], tileSize: 0 }));
      expect(error).toBeInstanceOf(PhasNetworkError);
      expect(error).toMatchObject({ code: 'network_error', retryable: true });
      log.observe('server stopped and not restarted', 'PhasNetworkError after the retries, no hang', `${(error as PhasNetworkError).code}: ${(error as Error).message.replace(/http:\/\/[^/ ]+/, '<server>')}`);
    } finally {
      server = await faultServer({ dataDir, port, verbose });
    }
  });

  it('no error, log line or URL contains the API key or a session cookie', () => {
    expect(spy.cookies.size).toBeGreaterThan(0);
    const n = expectNoSecrets([...thrown, ...logger.lines, ...spy.urls, ...serverLines], [server!.keys.admin.apiKey, ...spy.cookies]);
    expect(n).toBeGreaterThan(0);
    log.observe('errors, SDK log lines, URLs and both servers\' verbose logs of the restart runs', 'neither the key nor any session cookie', `${n} texts checked against the key and ${spy.cookies.size} cookies`);
  });
});
