/**
 * Where the API key comes from in Node: `apiKeyFile`, `PHAS_AUTH_KEY` (a path, Q44), and the
 * failures that must be `PhasInputError` before any request, without echoing the key.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { seed } from '@phas/dev-server/seed';
import { Client, PhasInputError } from '@phas/sdk';
import { countingFetch } from './helpers/counting-fetch.js';
import { errorCollector, serialiseError } from './helpers/errors.js';

const url = inject('phasUrl');
const keys = inject('phasKeys');
const P = seed.projects.main.id;
const { thrown, failure } = errorCollector();
let dir: string;
const savedEnv = process.env.PHAS_AUTH_KEY;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'phas-keys-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  if (savedEnv === undefined) delete process.env.PHAS_AUTH_KEY;
  else process.env.PHAS_AUTH_KEY = savedEnv;
});

async function keyFile(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('key files', () => {
  it('logs in with apiKeyFile (other members ignored)', async () => {
    const path = await keyFile('phas_writer_api_key.json', JSON.stringify({ api_key: keys.writer.apiKey, note: 'x' }));
    const client = await Client.connect(url, { apiKeyFile: path });
    expect(await client.getProjectPrivateAccess(P)).toBe(false); // the writer has no private access
  });

  it('uses PHAS_AUTH_KEY as the path of the key file when no key option is given', async () => {
    process.env.PHAS_AUTH_KEY = await keyFile('phas_admin_api_key.json', JSON.stringify({ api_key: keys.admin.apiKey }));
    const client = await Client.connect(url);
    expect(await client.getProjectPrivateAccess(P)).toBe(true);
    // An explicit option wins over the environment.
    const writer = await Client.connect(url, { apiKey: keys.writer.apiKey });
    expect(await writer.getProjectPrivateAccess(P)).toBe(false);
  });

  it('refuses missing, empty and malformed key files before any request', async () => {
    const counter = countingFetch();
    const cases: [string, string | null][] = [
      ['missing.json', null],
      ['empty.json', ''],
      ['spaces.json', '  \n'],
      ['broken.json', `{"api_key": "${keys.admin.apiKey}"`],
      ['array.json', JSON.stringify([keys.admin.apiKey])],
      ['emptykey.json', JSON.stringify({ api_key: '' })],
      ['numberkey.json', JSON.stringify({ api_key: 5 })],
      ['otherkey.json', JSON.stringify({ key: keys.admin.apiKey })],
    ];
    for (const [name, content] of cases) {
      const path = content === null ? join(dir, name) : await keyFile(name, content);
      const error = await failure(Client.connect(url, { apiKeyFile: path, fetch: counter.fetch }));
      expect(error, name).toBeInstanceOf(PhasInputError);
      expect((error as PhasInputError).argument).toBe('apiKeyFile');
      expect((error as Error).message).toContain(name);
    }
    process.env.PHAS_AUTH_KEY = join(dir, 'missing.json');
    expect(await failure(Client.connect(url, { fetch: counter.fetch }))).toHaveProperty('argument', 'PHAS_AUTH_KEY');
    expect(counter.requests).toEqual([]);
  });

  it('refuses a missing key, and both key options at once, before any request', async () => {
    delete process.env.PHAS_AUTH_KEY;
    const counter = countingFetch();
    const error = await failure(Client.connect(url, { fetch: counter.fetch }));
    expect(error).toBeInstanceOf(PhasInputError);
    expect((error as PhasInputError).code).toBe('missing_api_key');
    const path = await keyFile('both.json', JSON.stringify({ api_key: keys.admin.apiKey }));
    expect(await failure(Client.connect(url, { apiKey: keys.admin.apiKey, apiKeyFile: path, fetch: counter.fetch }))).toBeInstanceOf(PhasInputError);
    expect(counter.requests).toEqual([]);
  });

  it('does not echo a key put into PHAS_AUTH_KEY instead of a path', async () => {
    process.env.PHAS_AUTH_KEY = keys.admin.apiKey;
    const error = await failure(Client.connect(url));
    expect(error).toBeInstanceOf(PhasInputError);
    expect(serialiseError(error)).not.toContain(keys.admin.apiKey);
  });

  it('no error thrown in this file contains a key', () => {
    expect(thrown.length).toBeGreaterThan(10);
    for (const error of thrown) {
      for (const { apiKey } of Object.values(keys)) expect(serialiseError(error)).not.toContain(apiKey);
    }
  });
});
