/**
 * The session cookie in Node: kept by the SDK, fed only by POST responses like the Python
 * client (Q31), sent back on every request, dropped when the server expires it.
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Client } from '@phas/sdk';
import { fakeFetch, htmlJson, loginOk } from './helpers/fake-fetch.js';

describe('cookie jar (Node)', () => {
  it('stores cookies from POST answers only and sends them back', async () => {
    const fake = fakeFetch((call) => {
      const path = new URL(call.url).pathname;
      if (path === '/auth/api/login') return loginOk('session=one');
      if (path === '/auth/api/set_anonymize/1') {
        return new Response('{"anonymize":true}\n', { headers: { 'set-cookie': 'session=three; HttpOnly; Path=/' } });
      }
      if (path === '/auth/api/set_anonymize/0') {
        return new Response('{"anonymize":false}\n', { headers: [['set-cookie', 'session=; Max-Age=0; Path=/'], ['set-cookie', 'other=x; Path=/']] });
      }
      return htmlJson([], { headers: { 'set-cookie': 'session=two; HttpOnly; Path=/' } });
    });
    const client = await Client.connect('http://phas.test', { apiKey: 'k', fetch: fake.fetch });
    await client.projectListing();
    await client.projectListing();
    await client.setAnonymize(true);
    await client.projectListing();
    await client.setAnonymize(false);
    await client.projectListing();
    expect(fake.calls.map((c) => c.headers.get('cookie'))).toEqual([
      null,
      'session=one',
      'session=one',
      'session=one',
      'session=three',
      'session=three',
      'other=x',
    ]);
    expect(fake.calls.every((c) => c.credentials === undefined)).toBe(true);
  });

  it('starts a fresh session on re-login', async () => {
    let n = 0;
    const fake = fakeFetch((call) => {
      if (call.url.endsWith('/auth/api/login')) return loginOk(`session=s${++n}`);
      return n === 1 ? new Response(null, { status: 302, headers: { location: '/auth/login' } }) : htmlJson([]);
    });
    const client = await Client.connect('http://phas.test', { apiKey: 'k', fetch: fake.fetch });
    await client.projectListing();
    expect(fake.calls.map((c) => `${new URL(c.url).pathname} ${c.headers.get('cookie')}`)).toEqual([
      '/auth/api/login null',
      '/api/projects session=s1',
      '/auth/api/login null',
      '/api/projects session=s2',
    ]);
  });

  it('keeps the key and the session cookie out of inspection and serialisation', async () => {
    const key = 'a3f1c2d4-0000-4000-8000-secretkey001';
    const fake = fakeFetch(() => loginOk('session=cookie-value-xyz'));
    const client = await Client.connect('http://phas.test', { apiKey: key, fetch: fake.fetch, logger: { debug: () => undefined } });
    for (const text of [inspect(client, { showHidden: true, depth: 20 }), JSON.stringify(client), Object.getOwnPropertyNames(client).join()]) {
      expect(text).not.toContain(key);
      expect(text).not.toContain('cookie-value-xyz');
    }
  });
});
