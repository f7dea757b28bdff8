/**
 * The shared dev server as the SDK's browser tests see it: called from another loopback
 * origin (the Vitest page) with `credentials: 'include'` and `redirect: 'manual'`. In
 * Node the same requests run without an Origin. Nothing here logs in, so the browser's
 * cookie jar that other spec files share is left alone.
 */
import { describe, expect, inject, it } from 'vitest';

const url = inject('phasUrl');
const call = (path: string, init: RequestInit = {}) => fetch(url + path, { credentials: 'include', redirect: 'manual', ...init });

describe('cross-origin access to the dev server', () => {
  it('reads a jsonify body', async () => {
    const res = await call('/auth/api/project/nope/private_access');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"private_access":false}\n');
  });

  it('reads a failed login (simple POST with a form body)', async () => {
    const res = await call('/auth/api/login', { method: 'POST', body: new URLSearchParams({ api_key: 'not-a-key' }) });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'Invalid API key', status: 'failed' });
  });

  it('passes a preflighted request (JSON content type) and reads the Werkzeug page', async () => {
    const res = await call('/auth/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('<title>400 Bad Request</title>');
  });

  it('exposes the headers the SDK reads (Content-Length here; Retry-After and Location likewise)', async () => {
    const res = await call('/auth/api/project/nope/private_access');
    expect(res.headers.get('content-length')).toBe(String('{"private_access":false}\n'.length));
  });
});
