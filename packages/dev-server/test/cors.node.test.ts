/**
 * Opt-in CORS: off by default like PHAS; `true` reflects loopback origins; a string allows
 * exactly one origin. Preflights are answered without authentication.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers.js';

let off: TestServer;
let loopback: TestServer;
let single: TestServer;
beforeAll(async () => {
  [off, loopback, single] = await Promise.all([startTestServer(), startTestServer({ cors: true }), startTestServer({ cors: 'http://localhost:5173' })]);
});
afterAll(async () => {
  await Promise.all([off.server.stop(), loopback.server.stop(), single.server.stop()]);
});

const origin = 'http://127.0.0.1:51234';

describe('CORS', () => {
  it('is off by default: no Access-Control headers, OPTIONS is Flask’s plain 200', async () => {
    const res = await off.request('OPTIONS', '/api/projects', { headers: { origin, 'access-control-request-method': 'GET' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect((await off.request('GET', '/auth/api/anonymize', { headers: { origin } })).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a preflight for a loopback origin with credentials, methods and the requested headers', async () => {
    const res = await loopback.request('OPTIONS', '/api/projects', {
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, HEAD, POST, OPTIONS');
    expect(res.headers.get('access-control-allow-headers')).toBe('content-type');
  });

  it('reflects the origin on real responses (including redirects and errors) and exposes Retry-After and Location', async () => {
    const res = await loopback.request('GET', '/api/projects', { headers: { origin } });
    expect(res.status).toBe(302);
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    expect(res.headers.get('access-control-expose-headers')).toContain('Retry-After');
    expect(res.headers.get('access-control-expose-headers')).toContain('Location');
    expect(res.headers.get('vary')).toBe('Origin');
    const cookie = await loopback.login('admin');
    const ok = await loopback.request('GET', '/api/projects', { cookie, headers: { origin } });
    expect(ok.headers.get('vary')).toBe('Cookie, Origin');
  });

  it('refuses non-loopback origins when set to true, and other origins when set to one origin', async () => {
    const foreign = await loopback.request('GET', '/auth/api/anonymize', { headers: { origin: 'http://example.com' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect((await single.request('GET', '/auth/api/anonymize', { headers: { origin } })).headers.get('access-control-allow-origin')).toBeNull();
    const allowed = await single.request('GET', '/auth/api/anonymize', { headers: { origin: 'http://localhost:5173' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });
});
