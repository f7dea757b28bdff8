/**
 * Secrets (Node, a dev server of this spec's own with its verbose log captured): every kind of
 * error the SDK throws is provoked end to end (auth, forbidden, not found, server, network,
 * timeout, abort, response shape, input, profile) alongside retries and a transparent
 * re-login; then the API keys of every seeded user and every session cookie seen on the wire
 * are searched for in the errors (own properties, causes, `util.inspect` as `console.log`
 * would print them), in every line of the SDK's `logger`, in the server's verbose log and in
 * every request URL. None may contain them.
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevServer } from '@phas/dev-server';
import { seed } from '@phas/dev-server/seed';
import {
  AnnotationTask,
  Client,
  PhasAbortError,
  PhasAuthError,
  PhasForbiddenError,
  PhasInputError,
  PhasNetworkError,
  PhasNotFoundError,
  PhasResponseError,
  PhasServerError,
  Slide,
  Task,
} from '../src/index.node.js';
import { reliabilityLog } from '../../../test/reliability-log.js';
import { errorCollector, serialiseError } from './helpers/errors.js';
import { captureLogger, expectNoSecrets, failOnUnhandledRejections, faultServer, spyFetch } from './helpers/fault-harness.js';

const log = reliabilityLog('secrets', import.meta.url);
failOnUnhandledRejections();
const { thrown, failure } = errorCollector();
const spy = spyFetch();
const logger = captureLogger();
const serverLines: string[] = [];
let server: DevServer;

beforeAll(async () => {
  server = await faultServer({ verbose: (line) => serverLines.push(line) });
});

afterAll(async () => {
  await server?.stop();
});

/** The errors thrown since `from`, as `Name(code)`. */
const since = (from: number) => thrown.slice(from).map((e) => `${(e as Error).name}(${(e as { code?: string }).code})`).join(', ');

function connect(user: keyof typeof seed.users, extra: Parameters<typeof Client.connect>[1] = {}): Promise<Client> {
  return Client.connect(server.url, {
    apiKey: server.keys[user].apiKey,
    fetch: spy.fetch,
    logger,
    retry: { count: 2, baseDelayMs: 5, maxDelayMs: 20 },
    ...extra,
  });
}

describe('provoking every kind of error', () => {
  it('auth: a wrong key, a disabled account, an expired key, a profile without e-mail', async () => {
    const from = thrown.length;
    const wrong = await failure(Client.connect(server.url, { apiKey: `${server.keys.admin.apiKey.slice(0, -4)}0000`, fetch: spy.fetch, logger }));
    expect(wrong).toBeInstanceOf(PhasAuthError);
    expect(await failure(connect('disabled'))).toBeInstanceOf(PhasAuthError);
    expect(await failure(connect('expired'))).toBeInstanceOf(PhasAuthError);
    const noemail = await connect('noemail');
    expect(await failure(noemail.projectListing())).toMatchObject({ code: 'profile_incomplete' });
    log.observe('wrong key, disabled account, expired key, account without e-mail', 'PhasAuthError with the right code each', since(from));
  });

  it('forbidden, not found (download limit), server error, response shape', async () => {
    const from = thrown.length;
    const writer = await connect('writer');
    expect(await failure(writer.task(seed.tasks.restricted.id))).toBeInstanceOf(PhasForbiddenError);
    const admin = await connect('admin');
    const browse = await Task.open(admin, seed.tasks.browse.id);
    const big = await Slide.open(browse, seed.slides.big.id);
    expect(await failure(big.thumbnailNiftiImage({ maxDim: 5000 }))).toBeInstanceOf(PhasNotFoundError);
    server.faults.set([{ match: '/api/projects', errorRate: 1, errorStatus: 500 }]);
    expect(await failure(admin.projectListing())).toBeInstanceOf(PhasServerError);
    server.faults.clear();
    const shapeless = await Client.connect(server.url, {
      apiKey: server.keys.admin.apiKey,
      logger,
      fetch: async (input, init) => {
        const response = await spy.fetch(input, init);
        return String(input).endsWith('/api/projects') ? new Response('{"not":"a list"}', { status: 200 }) : response;
      },
    });
    expect(await failure(shapeless.projectListing())).toBeInstanceOf(PhasResponseError);
    log.observe('restricted task as writer, thumbnail beyond the download limit, 500 burst, a body of the wrong shape', 'PhasForbiddenError, PhasNotFoundError, PhasServerError, PhasResponseError', since(from));
  });

  it('network: dropped, truncated, too slow, aborted; input errors', async () => {
    const from = thrown.length;
    const admin = await connect('admin', { timeout: 150 });
    server.faults.set([{ match: '/api/projects', dropRate: 1 }]);
    expect(await failure(admin.projectListing())).toBeInstanceOf(PhasNetworkError);
    server.faults.set([{ match: '/api/projects', truncateRate: 1 }]);
    expect(await failure(admin.projectListing())).toBeInstanceOf(PhasNetworkError);
    server.faults.set([{ match: '/api/projects', latencyMs: 1000 }]);
    expect(await failure(admin.projectListing())).toMatchObject({ code: 'timeout' });
    server.faults.clear();
    const controller = new AbortController();
    controller.abort();
    expect(await failure(admin.projectListing({ signal: controller.signal }))).toBeInstanceOf(PhasAbortError);
    expect(await failure(admin.task(-1))).toBeInstanceOf(PhasInputError);
    const annot = await AnnotationTask.open(admin, seed.tasks.annot.id);
    expect(await failure(annot.setSlideAnnotJson(seed.slides.tau.id, [['Layer', { children: [['Path', { segments: [[NaN, 0]] }]] }]]))).toBeInstanceOf(PhasInputError);
    log.observe('dropped and truncated answers, 1 s latency with a 150 ms timeout, an aborted signal, bad ids and annotation JSON', 'PhasNetworkError (network_error, timeout), PhasAbortError, PhasInputError', since(from));
  });

  it('a transparent re-login after the session expired, then a refused one', async () => {
    const from = thrown.length;
    const admin = await connect('admin');
    server.faults.expireSessions();
    expect((await admin.projectListing()).length).toBeGreaterThan(0);
    expect(logger.lines.some((l) => /logging in again/.test(l))).toBe(true);
    const key = server.state.apiKeys.find((k) => k.key === server.keys.admin.apiKey)!;
    const expires = key.tExpires;
    try {
      key.tExpires = 1;
      server.faults.expireSessions();
      expect(await failure(admin.projectListing())).toBeInstanceOf(PhasAuthError);
    log.observe('session expired (re-login succeeds), then session and key expired (re-login refused)', 'the listing after one re-login, then PhasAuthError', since(from));
    } finally {
      key.tExpires = expires;
    }
  });
});

describe('no secret anywhere', () => {
  it('errors, their causes and inspect() output, SDK log lines, server log lines and URLs hold no key or cookie', () => {
    const keys = Object.values(server.keys).map((k) => k.apiKey);
    const cookies = [...spy.cookies];
    expect(cookies.length).toBeGreaterThan(3);
    expect(thrown.length).toBe(15);
    const kinds = new Set(thrown.map((e) => (e as Error).name));
    expect([...kinds].sort()).toEqual(
      ['PhasAbortError', 'PhasAuthError', 'PhasForbiddenError', 'PhasInputError', 'PhasNetworkError', 'PhasNotFoundError', 'PhasResponseError', 'PhasServerError'],
    );
    const texts = [
      ...thrown.map((e) => serialiseError(e)),
      ...thrown.map((e) => inspect(e, { depth: 6, showHidden: true })),
      ...logger.lines,
      ...serverLines,
      ...spy.urls,
    ];
    expect(logger.lines.length).toBeGreaterThan(20);
    expect(serverLines.length).toBeGreaterThan(20);
    const checked = expectNoSecrets(texts, [...keys, ...cookies]);
    log.observe(
      `${thrown.length} errors of ${kinds.size} classes (wrong/disabled/expired key, no e-mail, 403, 404, 500, bad shape, drop, truncation, timeout, abort, bad input, refused re-login)`,
      'no API key (of any of the 6 users) and no session cookie in errors, causes, inspect() output, SDK logger lines, server verbose log, URLs',
      `${checked} texts checked (${thrown.length * 2} error renderings, ${logger.lines.length} SDK lines, ${serverLines.length} server lines, ${spy.urls.length} URLs) against ${keys.length} keys and ${cookies.length} cookies: none found`,
    );
  });
});
