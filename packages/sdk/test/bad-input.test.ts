/**
 * Bad input, in Node and in Chromium: every call of the bad-input table (geometry, ids, levels,
 * sizes, `maxDim`, annotation JSON, connect options) fails with a `PhasInputError` that names
 * the argument and the problem, and sends nothing: the client's `fetch`, which every request
 * goes through, sees no call. The error never contains the API key.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { Client, PhasInputError } from '../src/index.js';
import { reliabilityLog } from '../../../test/reliability-log.js';
import { badInputCases, openBadInputContext, type BadInputContext } from './helpers/bad-input-cases.js';
import { countingFetch } from './helpers/counting-fetch.js';
import { errorCollector, serialiseError } from './helpers/errors.js';

const url = inject('phasUrl');
const keys = inject('phasKeys');
const log = reliabilityLog('bad-input', import.meta.url);
const { thrown, failure } = errorCollector();
const counting = countingFetch();
let ctx: BadInputContext;

beforeAll(async () => {
  const client = await Client.connect(url, { apiKey: keys.admin.apiKey, fetch: counting.fetch });
  ctx = await openBadInputContext(url, client);
});

const cases = badInputCases();

describe.each([...new Set(cases.map((c) => c.group))])('%s', (group) => {
  it.each(cases.filter((c) => c.group === group).map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = counting.requests.length;
    const error = await failure(c.call(ctx));
    expect(error).toBeInstanceOf(PhasInputError);
    const { message, argument, code } = error as PhasInputError;
    expect(message).toMatch(c.message);
    expect(argument?.startsWith(c.argument), `argument ${argument}`).toBe(true);
    expect(counting.requests.slice(before)).toEqual([]);
    log.observe(c.name, `PhasInputError naming ${c.argument}, no request`, `${code} (${argument}): ${message.slice(0, 120)}; 0 requests`);
  });
});

it('none of the errors contains the API key', () => {
  expect(thrown.length).toBe(cases.length);
  for (const error of thrown) expect(serialiseError(error)).not.toContain(keys.admin.apiKey);
  log.observe(`the ${thrown.length} errors of the table, serialised`, 'no API key', `${thrown.length} errors checked: none contains the key`);
});
