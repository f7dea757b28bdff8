/**
 * Fault injection (`faults` option and `server.faults`) and request recording.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FaultController } from '../src/faults.js';
import { startTestServer, type TestServer } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterEach(() => {
  t.server.faults.clear();
});
afterAll(async () => {
  await t.server.stop();
});

describe('faults', () => {
  it('answers 503 with Retry-After on the matching routes only', async () => {
    t.server.faults.set([{ match: '/auth/api/anonymize', errorRate: 1, errorStatus: 503, retryAfterSec: 7 }]);
    const res = await t.get('/auth/api/anonymize');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(res.text).toContain('<title>503 Service Unavailable</title>');
    expect((await t.get('/auth/api/project/x/private_access')).status).toBe(200);
  });

  it('supports 500 and 502, RegExp matches, method filters and a limited number of times', async () => {
    t.server.faults.set([{ match: /^\/auth\/api\/anon/, methods: ['GET'], errorRate: 1, errorStatus: 502, times: 2 }]);
    expect((await t.get('/auth/api/anonymize')).status).toBe(502);
    expect((await t.get('/auth/api/anonymize')).status).toBe(502);
    expect((await t.get('/auth/api/anonymize')).status).toBe(200);
    t.server.faults.set([{ errorRate: 1, errorStatus: 500, methods: ['POST'] }]);
    expect((await t.get('/auth/api/anonymize')).status).toBe(200);
    expect((await t.post('/auth/api/set_anonymize/1')).status).toBe(500);
  });

  it('drops connections (the client sees a network error)', async () => {
    t.server.faults.set([{ match: '/auth/api/anonymize', dropRate: 1 }]);
    await expect(fetch(`${t.server.url}/auth/api/anonymize`)).rejects.toThrow();
  });

  it('truncates bodies: Content-Length promises more than arrives', async () => {
    t.server.faults.set([{ match: '/api/projects', truncateRate: 1 }]);
    const cookie = await t.login('admin');
    const res = await fetch(`${t.server.url}/api/projects`, { headers: { cookie } });
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(0);
    await expect(res.text()).rejects.toThrow();
  });

  it('adds the latency of every matching rule (decision), and a delayed response is still complete', async () => {
    const f = new FaultController([{ match: '/a', latencyMs: 30 }, { latencyMs: 5 }, { match: '/b', latencyMs: 1000 }], () => {});
    expect(f.decide('GET', '/a/x').latencyMs).toBe(35);
    expect(f.decide('GET', '/c').latencyMs).toBe(5);
    t.server.faults.set([{ match: '/auth/api/anonymize', latencyMs: 50 }]);
    const res = await t.get('/auth/api/anonymize');
    expect([res.status, res.text]).toEqual([200, '{"anonymize":false}\n']);
  });

  it('expires sessions: the next guarded call gets the 302 to login; a new login works', async () => {
    const cookie = await t.login('admin');
    expect((await t.get('/api/projects', cookie)).status).toBe(200);
    t.server.faults.expireSessions();
    const res = await t.get('/api/projects', cookie);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/auth/login');
    expect((await t.get('/api/projects', await t.login('admin'))).status).toBe(200);
  });

  it('is deterministic for a seed', () => {
    const run = (seedValue: number) => {
      const f = new FaultController({ seed: seedValue, rules: [{ errorRate: 0.5 }] }, () => {});
      return Array.from({ length: 32 }, () => (f.decide('GET', '/x').error ? 1 : 0)).join('');
    };
    expect(run(7)).toBe(run(7));
    expect(run(7)).not.toBe(run(8));
    expect(run(7)).toMatch(/1/);
    expect(run(7)).toMatch(/0/);
  });

  it('validates rules', () => {
    expect(() => t.server.faults.set([{ errorRate: 2 }])).toThrow(RangeError);
    expect(() => t.server.faults.add({ latencyMs: -1 })).toThrow(RangeError);
  });
});

describe('request recording', () => {
  it('lists every request (method, path without query, status) and calls hooks', async () => {
    t.server.requests.length = 0;
    const seen: string[] = [];
    const off = t.server.onRequest((r) => seen.push(`${r.method} ${r.path}`));
    await t.get('/auth/api/anonymize?x=1');
    await t.post('/auth/api/set_anonymize/0');
    off();
    await t.get('/auth/api/anonymize');
    expect(seen).toEqual(['GET /auth/api/anonymize', 'POST /auth/api/set_anonymize/0']);
    expect(t.server.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ['GET', '/auth/api/anonymize', 200],
      ['POST', '/auth/api/set_anonymize/0', 200],
      ['GET', '/auth/api/anonymize', 200],
    ]);
  });
});

describe('faults option', () => {
  it('applies rules given at start-up', async () => {
    const s = await startTestServer({ faults: { seed: 3, rules: [{ match: '/api/projects', errorRate: 1, errorStatus: 500 }] } });
    try {
      expect((await s.get('/api/projects')).status).toBe(500);
      expect((await s.get('/auth/api/anonymize')).status).toBe(200);
    } finally {
      await s.server.stop();
    }
  });
});
