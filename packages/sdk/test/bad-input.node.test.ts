/**
 * Bad input seen from the server (Node, a dev server of this spec's own): the whole bad-input
 * table leaves the server's request log untouched, and malformed or empty key files (option
 * `apiKeyFile` and `PHAS_AUTH_KEY`) fail `Client.connect` with `PhasInputError` before any
 * request, without quoting the file's content.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevServer } from '@phas/dev-server';
import { Client, PhasInputError } from '../src/index.node.js';
import { reliabilityLog } from '../../../test/reliability-log.js';
import { badInputCases, openBadInputContext, type BadInputContext } from './helpers/bad-input-cases.js';
import { errorCollector, serialiseError } from './helpers/errors.js';
import { faultServer } from './helpers/fault-harness.js';

const log = reliabilityLog('bad-input', import.meta.url);
const { thrown, failure } = errorCollector();
let server: DevServer;
let dir: string;
let ctx: BadInputContext;

beforeAll(async () => {
  server = await faultServer();
  dir = await mkdtemp(join(tmpdir(), 'phas-bad-input-'));
  ctx = await openBadInputContext(server.url, await Client.connect(server.url, { apiKey: server.keys.admin.apiKey }));
});

afterAll(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the server sees no request', () => {
  it('for any call of the bad-input table', async () => {
    const cases = badInputCases();
    const before = server.requests.length;
    for (const c of cases) {
      const error = await failure(c.call(ctx));
      expect(error, c.name).toBeInstanceOf(PhasInputError);
    }
    expect(server.requests.slice(before)).toEqual([]);
    log.observe(`all ${cases.length} calls of the bad-input table`, 'PhasInputError each, the server request log unchanged', `${cases.length} PhasInputErrors, ${server.requests.length - before} requests in the server's log`);
  });
});

describe('malformed or empty key files', () => {
  const SECRET_LOOKING = 'c0ffee00-1234-4321-8888-deadbeef0000';
  const files: [string, string, RegExp][] = [
    ['an empty file', '', /is empty/],
    ['only whitespace', ' \n\t ', /is empty/],
    ['not JSON (a bare key)', SECRET_LOOKING, /not valid JSON/],
    ['a JSON array', JSON.stringify([SECRET_LOOKING]), /JSON object/],
    ['an object without api_key', JSON.stringify({ key: SECRET_LOOKING }), /"api_key"/],
    ['an empty api_key', JSON.stringify({ api_key: ' ' }), /"api_key"/],
    ['a numeric api_key', JSON.stringify({ api_key: 1234 }), /"api_key"/],
    ['truncated JSON', `{"api_key": "${SECRET_LOOKING}`, /not valid JSON/],
  ];

  it.each(files)('apiKeyFile with %s', async (name, content, message) => {
    const path = join(dir, `key-${files.findIndex((f) => f[0] === name)}.json`);
    await writeFile(path, content);
    const before = server.requests.length;
    const error = await failure(Client.connect(server.url, { apiKeyFile: path }));
    expect(error).toBeInstanceOf(PhasInputError);
    expect(error).toMatchObject({ code: 'invalid_key_file', argument: 'apiKeyFile' });
    expect((error as Error).message).toMatch(message);
    expect(serialiseError(error)).not.toContain(SECRET_LOOKING);
    expect(server.requests.length).toBe(before);
    log.observe(`apiKeyFile: ${name}`, 'PhasInputError invalid_key_file, content not quoted, no request', `${(error as Error).message.replace(dir, '<tmp>')}; 0 requests`);
  });

  it('a missing key file and a directory as key file', async () => {
    const before = server.requests.length;
    const missing = await failure(Client.connect(server.url, { apiKeyFile: join(dir, 'nope.json') }));
    expect(missing).toBeInstanceOf(PhasInputError);
    expect((missing as Error).message).toMatch(/no such file/);
    const directory = await failure(Client.connect(server.url, { apiKeyFile: dir }));
    expect(directory).toBeInstanceOf(PhasInputError);
    expect(server.requests.length).toBe(before);
    log.observe('apiKeyFile missing / a directory', 'PhasInputError naming the path, no request', `${(missing as Error).message.replace(dir, '<tmp>')} / ${(directory as Error).message.replace(dir, '<tmp>')}`);
  });

  it('PHAS_AUTH_KEY naming a malformed file, or holding a key instead of a path', async () => {
    const saved = process.env.PHAS_AUTH_KEY;
    const before = server.requests.length;
    try {
      const path = join(dir, 'env-key.json');
      await writeFile(path, '{"api_key": ');
      process.env.PHAS_AUTH_KEY = path;
      const malformed = await failure(Client.connect(server.url));
      expect(malformed).toMatchObject({ code: 'invalid_key_file', argument: 'PHAS_AUTH_KEY' });
      process.env.PHAS_AUTH_KEY = SECRET_LOOKING;
      const pasted = await failure(Client.connect(server.url));
      expect(pasted).toBeInstanceOf(PhasInputError);
      expect(serialiseError(pasted)).not.toContain(SECRET_LOOKING);
      expect(server.requests.length).toBe(before);
      log.observe('PHAS_AUTH_KEY: malformed file / the key itself pasted instead of a path', 'PhasInputError, the value never echoed, no request', `${(malformed as Error).message.replace(dir, '<tmp>')} / ${(pasted as Error).message}`);
    } finally {
      if (saved === undefined) delete process.env.PHAS_AUTH_KEY;
      else process.env.PHAS_AUTH_KEY = saved;
    }
  });
});

it('no error contains an API key of the server', () => {
  expect(thrown.length).toBeGreaterThan(10);
  for (const error of thrown) for (const { apiKey } of Object.values(server.keys)) expect(serialiseError(error)).not.toContain(apiKey);
  log.observe(`the ${thrown.length} errors of this file, serialised`, 'no API key of any seeded user', `${thrown.length} errors × ${Object.keys(server.keys).length} keys: none found`);
});
