/**
 * Secrets in both runtimes (Node and Chromium, the shared dev server): with the SDK's `logger`
 * capturing every line and a `fetch` wrapper seeing every URL (and, in Node, every cookie; a
 * browser keeps the HttpOnly session cookie out of reach), a session of ordinary work and of
 * failures (wrong key, forbidden task, bad input, abort) leaks no API key or cookie into
 * errors, log lines or URLs.
 */
import { describe, expect, inject, it } from 'vitest';
import { seed } from '@phas/dev-server/seed';
import { Client, PhasAbortError, PhasAuthError, PhasForbiddenError, PhasInputError } from '../src/index.js';
import { reliabilityLog } from '../../../test/reliability-log.js';
import { errorCollector, serialiseError } from './helpers/errors.js';

const url = inject('phasUrl');
const keys = inject('phasKeys');
const log = reliabilityLog('secrets', import.meta.url);
const { thrown, failure } = errorCollector();

const lines: string[] = [];
const logger = { debug: (line: string) => lines.push(line) };
const urls: string[] = [];
const cookies = new Set<string>();
const watching: typeof fetch = async (input, init) => {
  urls.push(String(input instanceof Request ? input.url : input));
  const sent = new Headers(init?.headers).get('cookie');
  if (sent) cookies.add(sent);
  const response = await fetch(input, init);
  for (const line of response.headers.getSetCookie?.() ?? []) cookies.add(line.split(';')[0]!);
  return response;
};

describe('a session of work and failures', () => {
  it('works, fails in the expected ways, and leaks nothing', async () => {
    const admin = await Client.connect(url, { apiKey: keys.admin.apiKey, fetch: watching, logger });
    const writer = await Client.connect(url, { apiKey: keys.writer.apiKey, fetch: watching, logger });
    expect((await admin.projectListing()).length).toBeGreaterThan(0);
    const task = await admin.task(seed.tasks.sampling.id);
    await (await task.slide(seed.slides.tau.id)).getPatch({ center: [1500, 1000], level: 1, size: [64, 64] });
    expect(await failure(Client.connect(url, { apiKey: `${keys.admin.apiKey.slice(0, -4)}beef`, fetch: watching, logger }))).toBeInstanceOf(PhasAuthError);
    expect(await failure(writer.task(seed.tasks.restricted.id))).toBeInstanceOf(PhasForbiddenError);
    expect(await failure(admin.task(0))).toBeInstanceOf(PhasInputError);
    expect(await failure(admin.projectListing({ signal: AbortSignal.abort() }))).toBeInstanceOf(PhasAbortError);

    const secrets = [keys.admin.apiKey, keys.writer.apiKey, ...[...cookies].map((c) => c.slice(c.indexOf('=') + 1)).filter((v) => v.length >= 8)];
    const texts = [...thrown.map((e) => serialiseError(e)), ...thrown.map((e) => String((e as Error).stack)), ...lines, ...urls];
    expect(lines.length).toBeGreaterThan(5);
    for (const text of texts) for (const secret of secrets) expect(text.includes(secret), text.slice(0, 120)).toBe(false);
    log.observe(
      `a session in ${typeof document === 'undefined' ? 'Node' : 'the browser'}: listings, a patch, a wrong key, a forbidden task, bad input, an abort`,
      'no API key or session cookie in errors (incl. stacks), logger lines or URLs',
      `${thrown.length} errors, ${lines.length} log lines, ${urls.length} URLs checked against ${secrets.length} secrets: none found`,
    );
  });
});
