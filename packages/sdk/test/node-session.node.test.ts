/**
 * Session renewal, retries and timeouts against a real server with fault injection (an own
 * dev server, so the faults do not disturb other spec files).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '@phas/dev-server';
import { seed } from '@phas/dev-server/seed';
import { Client, PhasAbortError, PhasNetworkError, PhasServerError, SamplingROITask } from '@phas/sdk';
import { errorCollector, serialiseError } from './helpers/errors.js';

let server: DevServer;
const { thrown, failure } = errorCollector();
const fast = { count: 2, baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 5 };

beforeAll(async () => {
  server = await startDevServer({ port: 0 });
});
afterAll(async () => {
  await server.stop();
});
afterEach(() => {
  server.faults.clear();
});

function connect(options: Parameters<typeof Client.connect>[1] = {}) {
  return Client.connect(server.url, { apiKey: server.keys.admin.apiKey, retry: fast, ...options });
}

/** Requests received since `mark`, as `METHOD path`. */
function since(mark: number): string[] {
  return server.requests.slice(mark).map((r) => `${r.method} ${r.path}`);
}

describe('session renewal', () => {
  it('logs in again when the server drops the session and re-applies anonymized mode (Q32)', async () => {
    const client = await connect();
    const task = await client.task(seed.tasks.annot.id);
    expect(await client.setAnonymize(true)).toBe(true);
    server.faults.expireSessions();
    const mark = server.requests.length;
    const rows = await task.slideManifest();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.slide_name === null && r.specimen_private === null)).toBe(true);
    expect(await client.getAnonymize()).toBe(true);
    const path = `/api/task/${seed.tasks.annot.id}/slide_detailed_manifest.csv`;
    expect(since(mark)).toEqual([`GET ${path}`, 'POST /auth/api/login', 'POST /auth/api/set_anonymize/1', `GET ${path}`, 'GET /auth/api/anonymize']);
    expect(server.requests.slice(mark)[0].status).toBe(302);
  });

  it('renews without anonymized mode when the user never chose it', async () => {
    const client = await connect();
    server.faults.expireSessions();
    const mark = server.requests.length;
    expect((await client.projectListing()).length).toBeGreaterThan(0);
    expect(since(mark)).toEqual(['GET /api/projects', 'POST /auth/api/login', 'GET /api/projects']);
  });
});

describe('faults', () => {
  it('retries a 503, honouring Retry-After', async () => {
    const client = await connect();
    server.faults.set([{ match: '/api/projects', errorRate: 1, errorStatus: 503, retryAfterSec: 0, times: 2 }]);
    const mark = server.requests.length;
    expect((await client.projectListing()).map((p) => p.id)).toContain(seed.projects.main.id);
    expect(since(mark)).toEqual(['GET /api/projects', 'GET /api/projects', 'GET /api/projects']);
    expect(server.requests.slice(mark).map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it('retries dropped connections and truncated bodies', async () => {
    const client = await connect();
    server.faults.set([{ match: '/api/projects', dropRate: 1, times: 1 }]);
    expect((await client.projectListing()).length).toBeGreaterThan(0);
    server.faults.set([{ match: '/api/projects', truncateRate: 1, times: 2 }]);
    const mark = server.requests.length;
    expect((await client.projectListing()).length).toBeGreaterThan(0);
    expect(since(mark)).toHaveLength(3);
  });

  it('gives up after the retry count with the typed error', async () => {
    const client = await connect({ retry: { ...fast, count: 1 } });
    server.faults.set([{ match: '/api/projects', errorRate: 1, errorStatus: 502 }]);
    const mark = server.requests.length;
    const error = await failure(client.projectListing());
    expect(error).toBeInstanceOf(PhasServerError);
    expect((error as PhasServerError).status).toBe(502);
    expect(since(mark)).toHaveLength(2);
  });

  it('never repeats a POST that is not idempotent', async () => {
    const client = await connect();
    const task = await SamplingROITask.open(client, seed.tasks.sampling.id);
    server.faults.set([{ match: /sampling_roi\/create$/, errorRate: 1, errorStatus: 503, retryAfterSec: 0 }]);
    const mark = server.requests.length;
    const error = await failure(task.createSamplingRoi(seed.slides.plain.id, 1, { type: 'polygon', data: [[0, 0], [50, 0], [25, 40]] }));
    expect(error).toBeInstanceOf(PhasServerError);
    expect(since(mark).filter((r) => r.endsWith('/create'))).toHaveLength(1);
  });

  it('times out slow answers, and aborts on request', async () => {
    const client = await connect({ retry: 0, timeout: 50 });
    server.faults.set([{ match: '/api/projects', latencyMs: 2000 }]);
    const error = await failure(client.projectListing());
    expect(error).toBeInstanceOf(PhasNetworkError);
    expect((error as PhasNetworkError).timedOut).toBe(true);
    const controller = new AbortController();
    const pending = failure(client.projectListing({ timeout: 0, signal: controller.signal }));
    setTimeout(() => controller.abort(), 20);
    expect(await pending).toBeInstanceOf(PhasAbortError);
  });

  it('reports an unreachable server at login as PhasNetworkError without the key', async () => {
    const closed = await startDevServer({ port: 0 });
    const address = closed.url;
    await closed.stop();
    const error = await failure(Client.connect(address, { apiKey: server.keys.admin.apiKey, retry: 0 }));
    expect(error).toBeInstanceOf(PhasNetworkError);
    expect((error as Error).message).toContain('ECONNREFUSED');
    expect((error as PhasNetworkError).url).toBe(`${address}/auth/api/login`);
    expect(serialiseError(error)).not.toContain(server.keys.admin.apiKey);
  });

  it('no error thrown in this file contains the key', () => {
    expect(thrown.length).toBeGreaterThan(3);
    for (const error of thrown) expect(serialiseError(error)).not.toContain(server.keys.admin.apiKey);
  });
});
