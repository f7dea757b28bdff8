/**
 * Transport behaviour with a scripted fetch (no server): URL building, login, session
 * renewal, retries, timeouts, aborts, error mapping, response checking, and that the API key
 * never leaks into URLs, errors or logs.
 */
import { describe, expect, it } from 'vitest';
import {
  Client,
  PhasAbortError,
  PhasAuthError,
  PhasError,
  PhasForbiddenError,
  PhasHttpError,
  PhasInputError,
  PhasNetworkError,
  PhasNotFoundError,
  PhasResponseError,
  PhasServerError,
} from '@phas/sdk';
import { fakeFetch, htmlJson, loginOk, opaqueRedirect, redirect, werkzeugPage, type FakeHandler } from './helpers/fake-fetch.js';
import { errorCollector, serialiseError } from './helpers/errors.js';
import { Transport } from '../src/transport/transport.js';
import * as z from 'zod/mini';

const KEY = '94df38ae-7c0f-46d7-b324-9c161edb5603';
const PROJECTS = [{ id: 'p1', admin: 1, disp_name: 'P', desc: null, nslides: 3, nblocks: 2, nspecimens: 2, extra: 'kept' }];

const { thrown, failure } = errorCollector();

function logger() {
  const lines: string[] = [];
  return { lines, debug: (line: string) => lines.push(line) };
}

/** Connects through a fake fetch whose login succeeds; later calls go to `handler`. */
async function connect(handler: FakeHandler, options: Parameters<typeof Client.connect>[1] = {}, url = 'http://phas.test') {
  const log = logger();
  const fake = fakeFetch((call, i) => (call.url.endsWith('/auth/api/login') ? loginOk() : handler(call, i)));
  const client = await Client.connect(url, { apiKey: KEY, fetch: fake.fetch, logger: log, retry: { count: 2, baseDelayMs: 1, maxDelayMs: 2 }, ...options });
  return { client, calls: fake.calls, log };
}

describe('URLs and login', () => {
  it('logs in with a form-encoded key under the path prefix and builds routes without trailing slashes', async () => {
    const { client, calls } = await connect(() => htmlJson(PROJECTS), {}, 'http://phas.test/histo/');
    expect(client.url).toBe('http://phas.test/histo');
    const projects = await client.projectListing();
    expect(projects).toEqual(PROJECTS);
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST http://phas.test/histo/auth/api/login',
      'GET http://phas.test/histo/api/projects',
    ]);
    expect(calls[0].headers.get('content-type')).toMatch(/^application\/x-www-form-urlencoded/);
    expect(new URLSearchParams(calls[0].body).get('api_key')).toBe(KEY);
    expect(calls.every((c) => c.redirect === 'manual')).toBe(true);
  });

  it('percent-encodes string path segments', async () => {
    const { client, calls } = await connect(() => htmlJson([]));
    await client.taskListing('my project&x');
    expect(calls[1].url).toBe('http://phas.test/api/project/my%20project%26x/tasks');
  });

  it('turns E1 401 JSON into PhasAuthError with the server message', async () => {
    const fake = fakeFetch(() => new Response('{"error":"Invalid API key","status":"failed"}\n', { status: 401, headers: { 'content-type': 'application/json' } }));
    const error = await failure(Client.connect('http://phas.test', { apiKey: KEY, fetch: fake.fetch }));
    expect(error).toBeInstanceOf(PhasAuthError);
    expect((error as PhasAuthError).serverMessage).toBe('Invalid API key');
    expect((error as PhasAuthError).status).toBe(401);
    expect(fake.calls).toHaveLength(1);
  });

  it('refuses bad URLs and options before any request', async () => {
    const fake = fakeFetch(() => loginOk());
    for (const [url, options] of [
      ['phas.test', { apiKey: KEY }],
      ['ftp://phas.test', { apiKey: KEY }],
      ['http://user:pw@phas.test', { apiKey: KEY }],
      ['http://phas.test', { apiKey: '  ' }],
      ['http://phas.test', { apiKey: { api_key: '' } }],
      ['http://phas.test', { apiKey: KEY, timeout: -1 }],
      ['http://phas.test', { apiKey: KEY, retry: 1.5 }],
      ['http://phas.test', { apiKey: KEY, concurrency: 0 }],
      ['http://phas.test', { apiKey: KEY, bogus: true }],
    ] as const) {
      const error = await failure(Client.connect(url, { fetch: fake.fetch, ...(options as object) }));
      expect(error, `${url} ${JSON.stringify(options)}`).toBeInstanceOf(PhasInputError);
    }
    expect(fake.calls).toHaveLength(0);
  });

  it('reports a redirected login (a URL that is not a PHAS server) as login_redirected', async () => {
    const fake = fakeFetch(() => redirect('/welcome'));
    const error = await failure(Client.connect('http://phas.test', { apiKey: KEY, fetch: fake.fetch }));
    expect(error).toBeInstanceOf(PhasAuthError);
    expect((error as PhasAuthError).code).toBe('login_redirected');
    expect(fake.calls).toHaveLength(1);
  });

  it('accepts the key file object form', async () => {
    const fake = fakeFetch(() => loginOk());
    await Client.connect('http://phas.test', { apiKey: { api_key: KEY }, fetch: fake.fetch });
    expect(new URLSearchParams(fake.calls[0].body).get('api_key')).toBe(KEY);
  });
});

describe('session renewal', () => {
  it('re-logs in once on a 302 to the login page, re-applies anonymized mode and repeats the request', async () => {
    let dropped = false;
    const { client, calls, log } = await connect((call) => {
      if (call.url.includes('set_anonymize')) return new Response('{"anonymize":true}\n', { headers: { 'content-type': 'application/json' } });
      if (call.url.endsWith('/api/projects') && !dropped) {
        dropped = true;
        return redirect('/auth/login');
      }
      return htmlJson(PROJECTS);
    });
    expect(await client.setAnonymize(true)).toBe(true);
    expect(await client.projectListing()).toEqual(PROJECTS);
    expect(calls.map((c) => `${c.method} ${new URL(c.url).pathname}`)).toEqual([
      'POST /auth/api/login',
      'POST /auth/api/set_anonymize/1',
      'GET /api/projects',
      'POST /auth/api/login',
      'POST /auth/api/set_anonymize/1',
      'GET /api/projects',
    ]);
    expect(log.lines.some((l) => l.includes('logging in again'))).toBe(true);
  });

  it('renews a request with a query without carrying the query into the login', async () => {
    let dropped = false;
    const { client, calls } = await connect((call) => {
      if (call.url.endsWith('/info')) return htmlJson({ id: 1, project: 'p1', name: 'A', restrict_access: 0, anonymize: 0, mode: 'annot' });
      if (!dropped) {
        dropped = true;
        return redirect('/auth/login');
      }
      return new Response('id,block_id,section,slide,stain,slide_name,slide_ext,project,specimen,block_name,specimen_private,specimen_public,task_id,specimen_display\n', { headers: { 'content-type': 'text/csv' } });
    });
    const task = await client.task(1);
    expect(await task.slideManifest({ stain: 'Tau', tagsAny: ['a b'] })).toEqual([]);
    expect(calls.slice(2).map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET http://phas.test/api/task/1/slide_detailed_manifest.csv?stain=Tau&tags_any=a+b',
      'POST http://phas.test/auth/api/login',
      'GET http://phas.test/api/task/1/slide_detailed_manifest.csv?stain=Tau&tags_any=a+b',
    ]);
  });

  it('treats other 3xx answers as errors, not as login redirects', async () => {
    const { client, calls } = await connect(() => new Response(null, { status: 304 }));
    const error = await failure(client.projectListing());
    expect(error).toBeInstanceOf(PhasHttpError);
    expect((error as PhasHttpError).status).toBe(304);
    expect(calls.filter((c) => c.url.endsWith('/auth/api/login'))).toHaveLength(1);
  });

  it('treats a browser opaqueredirect like the login redirect', async () => {
    let first = true;
    const { client, calls } = await connect(() => {
      if (first) {
        first = false;
        return opaqueRedirect();
      }
      return htmlJson(PROJECTS);
    });
    expect(await client.projectListing()).toEqual(PROJECTS);
    expect(calls.filter((c) => c.url.endsWith('/auth/api/login'))).toHaveLength(2);
  });

  it('shares one re-login between concurrent requests', async () => {
    let loggedIn = 1;
    let seen = 0;
    const { client, calls } = await connect(() => {
      seen++;
      return seen <= 3 && loggedIn === 1 ? redirect('/auth/login') : htmlJson(PROJECTS);
    });
    const fake = calls; // logins are counted from the recorded calls
    const results = await Promise.all([client.projectListing(), client.projectListing(), client.projectListing()]);
    loggedIn = fake.filter((c) => c.url.endsWith('/auth/api/login')).length;
    expect(results).toEqual([PROJECTS, PROJECTS, PROJECTS]);
    expect(loggedIn).toBe(2);
  });

  it("one caller's abort during the shared re-login does not fail the others", async () => {
    let release: () => void = () => undefined;
    const loginGate = new Promise<void>((resolve) => (release = resolve));
    let logins = 0;
    let renewed = false;
    const fake = fakeFetch(async (call) => {
      if (call.url.endsWith('/auth/api/login')) {
        logins++;
        if (logins === 2) {
          await loginGate;
          renewed = true;
        }
        return loginOk();
      }
      return renewed ? htmlJson(PROJECTS) : redirect('/auth/login');
    });
    const client = await Client.connect('http://phas.test', { apiKey: KEY, fetch: fake.fetch });
    const controller = new AbortController();
    const a = failure(client.projectListing({ signal: controller.signal }));
    const b = client.projectListing();
    await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    expect(await a).toBeInstanceOf(PhasAbortError);
    release();
    expect(await b).toEqual(PROJECTS);
    expect(logins).toBe(2);
  });

  it('fails with PhasAuthError when the server still redirects after the re-login', async () => {
    const { client, calls } = await connect(() => redirect('/auth/login'));
    const error = await failure(client.projectListing());
    expect(error).toBeInstanceOf(PhasAuthError);
    expect((error as PhasAuthError).code).toBe('session_rejected');
    expect(calls.filter((c) => c.url.endsWith('/auth/api/login'))).toHaveLength(2);
  });

  it('fails with PhasAuthError when the re-login itself is refused', async () => {
    let logins = 0;
    const fake = fakeFetch((call) => {
      if (call.url.endsWith('/auth/api/login')) {
        logins++;
        return logins === 1 ? loginOk() : new Response('{"error":"API key has expired","status":"failed"}\n', { status: 401 });
      }
      return redirect('/auth/login');
    });
    const client = await Client.connect('http://phas.test', { apiKey: KEY, fetch: fake.fetch });
    const error = await failure(client.projectListing());
    expect(error).toBeInstanceOf(PhasAuthError);
    expect((error as PhasAuthError).serverMessage).toBe('API key has expired');
  });

  it('without a way to log in, a login redirect is PhasAuthError not_authenticated', async () => {
    const fake = fakeFetch(() => redirect('/auth/login'));
    const transport = new Transport({ baseUrl: 'http://phas.test', fetch: fake.fetch, cookies: 'browser' });
    const error = await failure(transport.getJson('/api/projects', z.unknown()));
    expect(error).toBeInstanceOf(PhasAuthError);
    expect((error as PhasAuthError).code).toBe('not_authenticated');
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0].credentials).toBe('include');
  });

  it('maps a 302 to /auth/profile/edit to PhasAuthError profile_incomplete without re-login', async () => {
    const { client, calls } = await connect(() => redirect('/auth/profile/edit'));
    const error = await failure(client.projectListing());
    expect(error).toBeInstanceOf(PhasAuthError);
    expect((error as PhasAuthError).code).toBe('profile_incomplete');
    expect(calls).toHaveLength(2);
  });
});

describe('retries', () => {
  it('repeats idempotent requests on 5xx with backoff and returns the eventual answer', async () => {
    const { client, calls, log } = await connect((_c, i) => (i < 3 ? werkzeugPage(503, 'Service Unavailable', 'busy') : htmlJson(PROJECTS)));
    expect(await client.projectListing()).toEqual(PROJECTS);
    expect(calls).toHaveLength(4);
    expect(log.lines.filter((l) => l.includes('retry'))).toHaveLength(2);
  });

  it('gives up after the retry count with the typed, retryable error', async () => {
    const { client, calls } = await connect(() => werkzeugPage(500, 'Internal Server Error', 'The server encountered an internal error'));
    const error = await failure(client.projectListing());
    expect(error).toBeInstanceOf(PhasServerError);
    expect((error as PhasServerError).retryable).toBe(true);
    expect(calls).toHaveLength(1 + 3);
  });

  it('honours Retry-After in seconds and as an HTTP date, capped by maxRetryAfterMs', async () => {
    const pastDate = new Date(Date.now() - 60_000).toUTCString();
    const answers = [
      werkzeugPage(429, 'Too Many Requests', 'slow down', { 'retry-after': '120' }),
      werkzeugPage(503, 'Service Unavailable', 'busy', { 'retry-after': pastDate }),
    ];
    const { client, log } = await connect((_c, i) => answers[i - 1] ?? htmlJson(PROJECTS), {
      retry: { count: 2, baseDelayMs: 1000, maxDelayMs: 1000, maxRetryAfterMs: 7 },
    });
    expect(await client.projectListing()).toEqual(PROJECTS);
    const delays = log.lines.filter((l) => l.includes('retry')).map((l) => /in (\d+) ms/.exec(l)?.[1]);
    expect(delays).toEqual(['7', '0']);
  });

  it('retries network errors of idempotent requests, then reports PhasNetworkError', async () => {
    const { client, calls } = await connect(() => {
      throw new TypeError('fetch failed');
    });
    const error = await failure(client.projectListing());
    expect(error).toBeInstanceOf(PhasNetworkError);
    expect((error as PhasNetworkError).timedOut).toBe(false);
    expect((error as PhasNetworkError).retryable).toBe(true);
    expect(calls).toHaveLength(4);
  });

  it('does not repeat a non-idempotent POST', async () => {
    const { client, calls } = await connect((call) =>
      call.url.endsWith('/info')
        ? htmlJson({ id: 3, project: 'p1', name: 'S', restrict_access: 0, anonymize: 0, mode: 'sampling' })
        : werkzeugPage(503, 'Service Unavailable', 'busy'),
    );
    const task = await client.task(3);
    expect(task.constructor.name).toBe('SamplingROITask');
    const sampling = task as import('@phas/sdk').SamplingROITask;
    const error = await failure(sampling.createSamplingRoi(2, 1, { type: 'polygon', data: [[0, 0], [10, 0], [5, 5]] }));
    expect(error).toBeInstanceOf(PhasServerError);
    expect(calls.filter((c) => c.url.endsWith('/create'))).toHaveLength(1);
  });
});

describe('timeouts and aborts', () => {
  const hang: FakeHandler = (call) =>
    new Promise((_, reject) => call.signal?.addEventListener('abort', () => reject(call.signal?.reason), { once: true }));

  it('reports a timeout as PhasNetworkError with timedOut', async () => {
    const { client } = await connect(hang, { timeout: 20, retry: 0 });
    const error = await failure(client.projectListing());
    expect(error).toBeInstanceOf(PhasNetworkError);
    expect((error as PhasNetworkError).timedOut).toBe(true);
    expect((error as PhasNetworkError).code).toBe('timeout');
  });

  it('a per-request timeout overrides the client default', async () => {
    const { client } = await connect(hang, { retry: 0 });
    const error = await failure(client.projectListing({ timeout: 10 }));
    expect((error as PhasNetworkError).timedOut).toBe(true);
  });

  it('reports the caller abort as PhasAbortError, during a request and during a retry wait', async () => {
    const { client } = await connect(hang, { retry: 0 });
    const controller = new AbortController();
    const pending = failure(client.projectListing({ signal: controller.signal }));
    controller.abort();
    expect(await pending).toBeInstanceOf(PhasAbortError);

    const slow = await connect(() => werkzeugPage(503, 'Service Unavailable', 'busy', { 'retry-after': '30' }), {
      retry: { count: 1, maxRetryAfterMs: 60_000 },
    });
    const waiting = new AbortController();
    const during = failure(slow.client.projectListing({ signal: waiting.signal }));
    await new Promise((r) => setTimeout(r, 20));
    waiting.abort();
    expect(await during).toBeInstanceOf(PhasAbortError);
    expect(slow.calls).toHaveLength(2);
  });

  it('checks the per-request options before sending', async () => {
    const { client, calls } = await connect(() => htmlJson(PROJECTS));
    for (const options of [{ signal: 'stop' }, { signal: {} }, { timeout: -5 }, { timeout: 1.5 }, { timeout: '10' }, { timout: 5 }]) {
      expect(await failure(client.projectListing(options as never)), JSON.stringify(options)).toBeInstanceOf(PhasInputError);
    }
    expect(calls).toHaveLength(1);
  });

  it('an already aborted signal sends nothing', async () => {
    const { client, calls } = await connect(() => htmlJson(PROJECTS));
    const error = await failure(client.projectListing({ signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(PhasAbortError);
    expect(calls).toHaveLength(1);
  });

  it('the client-wide signal cancels later requests', async () => {
    const controller = new AbortController();
    const { client } = await connect(hang, { signal: controller.signal, retry: 0 });
    const pending = failure(client.projectListing());
    controller.abort();
    expect(await pending).toBeInstanceOf(PhasAbortError);
  });
});

describe('errors and response checks', () => {
  it('maps HTML error pages to typed errors with the <p> message', async () => {
    const cases: [Response, new (...a: never[]) => PhasHttpError, string][] = [
      [werkzeugPage(403, 'Forbidden', 'Insufficient privileges on task 4'), PhasForbiddenError, 'Insufficient privileges on task 4'],
      [werkzeugPage(404, 'Not Found', 'Requested dimensions exceed permitted download size (2000)'), PhasNotFoundError, 'Requested dimensions exceed permitted download size (2000)'],
      [werkzeugPage(405, 'Method Not Allowed', 'The method is not allowed for the requested URL.'), PhasHttpError, 'The method is not allowed for the requested URL.'],
      [werkzeugPage(403, 'Forbidden', 'a &lt;b&gt; &amp; &quot;c&quot;'), PhasForbiddenError, 'a <b> & "c"'],
      [new Response('Box is too small', { status: 401 }), PhasHttpError, 'Box is too small'],
    ];
    for (const [response, type, message] of cases) {
      const { client } = await connect(() => response.clone());
      const error = (await failure(client.projectListing())) as PhasHttpError;
      expect(error).toBeInstanceOf(type);
      expect(error.serverMessage).toBe(message);
      expect(error.status).toBe(response.status);
      expect(error.method).toBe('GET');
      expect(error.url).toBe('http://phas.test/api/projects');
      expect(error.message).toContain(message);
    }
    const { client } = await connect(() => new Response('Box is too small', { status: 401 }));
    expect(await failure(client.projectListing())).not.toBeInstanceOf(PhasAuthError);
  });

  it('parses JSON whatever the content type and checks its shape with zod', async () => {
    const { client } = await connect(() => new Response(JSON.stringify(PROJECTS), { headers: { 'content-type': 'text/plain' } }));
    expect(await client.projectListing()).toEqual(PROJECTS);

    const bad = await connect(() => htmlJson([{ id: 5, admin: 1 }]));
    const error = (await failure(bad.client.projectListing())) as PhasResponseError;
    expect(error).toBeInstanceOf(PhasResponseError);
    expect(error.url).toBe('http://phas.test/api/projects');
    expect(error.issues.some((i) => i.startsWith('[0].id:'))).toBe(true);
    expect(error.issues.some((i) => i.startsWith('[0].disp_name:'))).toBe(true);

    const html = await connect(() => new Response('<html>login</html>', { status: 200 }));
    const notJson = (await failure(html.client.projectListing())) as PhasResponseError;
    expect(notJson).toBeInstanceOf(PhasResponseError);
    expect(notJson.message).toContain('not JSON');
  });
});

describe('secrets', () => {
  it('never puts the key in URLs, logs or any error the transport raised', async () => {
    const seen: string[] = [];
    const { client, calls, log } = await connect((call) => {
      seen.push(call.url);
      return werkzeugPage(403, 'Forbidden', 'no');
    });
    await failure(client.projectListing());
    for (const call of calls) {
      expect(call.url).not.toContain(KEY);
      for (const [, value] of call.headers) expect(value).not.toContain(KEY);
    }
    expect(log.lines.join('\n')).not.toContain(KEY);
    expect(Object.getOwnPropertyNames(client).join(' ')).not.toMatch(/key/i);
    expect(JSON.stringify(client)).not.toContain(KEY);
    expect(thrown.length).toBeGreaterThan(20);
    for (const error of thrown) {
      expect(error).toBeInstanceOf(PhasError);
      expect(serialiseError(error)).not.toContain(KEY);
    }
  });
});
