/**
 * Contract tests for login, session, anonymized mode and private access (E1–E4, X34–X36),
 * written from protocol §3 and §14.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../src/seed.js';
import { redirectBody, startTestServer, werkzeugPage, type TestServer } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.server.stop();
});

const P = seed.projects.main.id;

describe('E1 login', () => {
  it('accepts a valid key: jsonify body, HttpOnly session cookie on Path=/', async () => {
    const res = await t.post('/auth/api/login', new URLSearchParams({ api_key: t.server.keys.admin.apiKey }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.text).toBe('{"status":"ok"}\n');
    expect(res.headers.get('set-cookie')).toMatch(/^session=[.A-Za-z0-9_-]+; HttpOnly; Path=\/$/);
  });

  it('signs the session like Flask: the payload for user 1 equals the one recorded from real PHAS', async () => {
    const cookie = await t.login('admin');
    // §3.3: zlib-compressed {"user_api_key":true,"user_id":1,"user_is_site_admin":0}
    expect(cookie).toMatch(/^session=\.eJyrViotTi2KTyzIjM9OrVSyKikqTdWBiGWmKFkZwtjF8cWZJanxiSm5mXlKVga1AEojFE0\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{27}$/);
  });

  it.each([
    ['an unknown key', '00000000-0000-0000-0000-000000000000', 'Invalid API key'],
    ['a disabled user', 'disabled', 'User account is disabled'],
    ['an expired key', 'expired', 'API key has expired'],
  ] as const)('rejects %s with 401 and the JSON failure body', async (_, key, message) => {
    const apiKey = key === 'disabled' || key === 'expired' ? t.server.keys[key].apiKey : key;
    const res = await t.post('/auth/api/login', new URLSearchParams({ api_key: apiKey }));
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.text).toBe(`{"error":"${message}","status":"failed"}\n`);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('answers 400 when the form field is missing (JSON body, Q53)', async () => {
    const res = await t.post('/auth/api/login', JSON.stringify({ api_key: t.server.keys.admin.apiKey }), undefined, { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.text).toBe(werkzeugPage(400, 'Bad Request', 'The browser (or proxy) sent a request that this server could not understand.'));
  });

  it('answers 405 with Allow on GET', async () => {
    const res = await t.get('/auth/api/login');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('OPTIONS, POST');
    expect(res.text).toBe(werkzeugPage(405, 'Method Not Allowed', 'The method is not allowed for the requested URL.'));
  });

  it('also accepts multipart form bodies', async () => {
    const form = new FormData();
    form.set('api_key', t.server.keys.writer.apiKey);
    const res = await fetch(`${t.server.url}/auth/api/login`, { method: 'POST', body: form });
    expect(res.status).toBe(200);
  });
});

describe('session guard', () => {
  it('redirects without a session: 302, relative Location, exact body', async () => {
    const res = await t.get('/api/projects');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/auth/login');
    expect(res.text).toBe(redirectBody('/auth/login'));
  });

  it('treats a tampered cookie as no session', async () => {
    const cookie = await t.login('admin');
    const tampered = cookie.slice(0, -2) + (cookie.endsWith('AA') ? 'BB' : 'AA');
    expect((await t.get('/api/projects', tampered)).status).toBe(302);
    expect((await t.get('/api/projects', cookie)).status).toBe(200);
  });

  it('redirects a user without e-mail to /auth/profile/edit', async () => {
    const cookie = await t.login('noemail');
    const res = await t.get(`/api/task/${seed.tasks.annot.id}/info`, cookie);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/auth/profile/edit');
    expect(res.text).toBe(redirectBody('/auth/profile/edit'));
  });

  it('re-issues the cookie on guarded GETs with Vary: Cookie', async () => {
    const cookie = await t.login('admin');
    const res = await t.get('/api/projects', cookie);
    expect(res.headers.get('set-cookie')).toMatch(/^session=.+; HttpOnly; Path=\/$/);
    expect(res.headers.get('vary')).toBe('Cookie');
  });

  it('the redirect targets exist: a 200 login page, the profile page (session needed), the index', async () => {
    const login = await t.get('/auth/login');
    expect([login.status, login.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    expect(login.text).toContain('<form method=post>');
    const noemail = await t.login('noemail');
    expect((await t.get('/auth/profile/edit', noemail)).status).toBe(200);
    expect((await t.get('/auth/profile/edit')).headers.get('location')).toBe('/auth/login');
    expect((await t.get('/', await t.login('admin'))).status).toBe(200);
    expect((await t.get('/')).status).toBe(302);
  });

  it('logout (X35) clears the cookie and redirects to /', async () => {
    const cookie = await t.login('admin');
    const res = await t.get('/auth/logout', cookie);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/');
    expect(res.headers.get('set-cookie')).toMatch(/^session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0;/);
  });
});

describe('E2/E3 anonymized mode', () => {
  it('defaults to false, needs no login', async () => {
    const res = await t.get('/auth/api/anonymize');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.text).toBe('{"anonymize":false}\n');
  });

  it('sets the flag in a new cookie, keeps the login, and re-login clears it (Q32)', async () => {
    const cookie = await t.login('admin');
    const set = await t.post('/auth/api/set_anonymize/1', undefined, cookie);
    expect(set.status).toBe(200);
    expect(set.text).toBe('{"anonymize":true}\n');
    const anonCookie = set.headers.get('set-cookie')!.split(';')[0];
    expect((await t.get('/auth/api/anonymize', anonCookie)).text).toBe('{"anonymize":true}\n');
    expect((await t.get('/api/projects', anonCookie)).status).toBe(200);
    const off = await t.post('/auth/api/set_anonymize/0', undefined, anonCookie);
    expect(off.text).toBe('{"anonymize":false}\n');
    const relogin = await t.post('/auth/api/login', new URLSearchParams({ api_key: t.server.keys.admin.apiKey }), anonCookie);
    const fresh = relogin.headers.get('set-cookie')!.split(';')[0];
    expect((await t.get('/auth/api/anonymize', fresh)).text).toBe('{"anonymize":false}\n');
  });

  it('works for anonymous callers, accepts leading zeros, rejects non-integers and GET', async () => {
    const res = await t.post('/auth/api/set_anonymize/007');
    expect(res.text).toBe('{"anonymize":true}\n');
    expect(res.headers.get('set-cookie')).toMatch(/^session=/);
    expect((await t.post('/auth/api/set_anonymize/true')).status).toBe(404);
    expect((await t.post('/auth/api/set_anonymize/-1')).status).toBe(404);
    expect((await t.get('/auth/api/set_anonymize/1')).status).toBe(405);
  });
});

describe('E4 private access', () => {
  it('is true only for a user whose project row grants PHI access', async () => {
    const path = `/auth/api/project/${P}/private_access`;
    expect((await t.get(path, await t.login('admin'))).text).toBe('{"private_access":true}\n');
    expect((await t.get(path, await t.login('writer'))).text).toBe('{"private_access":false}\n');
    expect((await t.get(path)).text).toBe('{"private_access":false}\n');
    expect((await t.get('/auth/api/project/nope/private_access', await t.login('admin'))).text).toBe('{"private_access":false}\n');
  });
});

describe('X34 generate_key', () => {
  it('mints a key that logs in, while the old key stays valid', async () => {
    const res = await t.get('/auth/api/generate_key', await t.login('writer'));
    expect(res.status).toBe(200);
    const { api_key } = JSON.parse(res.text) as { api_key: string };
    expect(res.text).toBe(`{"api_key": "${api_key}"}`);
    expect((await t.post('/auth/api/login', new URLSearchParams({ api_key }))).status).toBe(200);
    expect((await t.post('/auth/api/login', new URLSearchParams({ api_key: t.server.keys.writer.apiKey }))).status).toBe(200);
  });
});

describe('path prefix deployment', () => {
  it('serves only below the prefix and puts it into redirects', async () => {
    const p = await startTestServer({ pathPrefix: '/phas/' });
    try {
      expect(p.server.url).toMatch(/\/phas$/);
      const res = await p.get('/api/projects'); // url already ends with /phas
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/phas/auth/login');
      expect(res.text).toBe(redirectBody('/phas/auth/login'));
      const cookie = await p.login('admin');
      expect((await p.get('/api/projects', cookie)).status).toBe(200);
      const outside = await fetch(p.server.url.replace(/\/phas$/, '') + '/api/projects', { headers: { cookie } });
      expect(outside.status).toBe(404);
    } finally {
      await p.server.stop();
    }
  });
});
