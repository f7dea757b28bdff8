/**
 * Reliability under server faults (dev-server fault injection, a server of this spec's own):
 * bursts of 500/502/503 with `Retry-After`, dropped connections, truncated PNG/NIfTI/JSON
 * bodies, answers slower than the timeout, the session dropped in the middle of an extraction,
 * a refused re-login. For each the SDK either recovers with exactly the right bytes/pixels or
 * fails with the right typed error; every client is bounded by an overall deadline signal, and
 * no promise rejection may go unhandled. Results go to the reliability report.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DevServer } from '@phas/dev-server';
import {
  AnnotationTask,
  Client,
  decodeNifti,
  PhasAbortError,
  PhasAuthError,
  PhasNetworkError,
  PhasServerError,
  planTiles,
  SamplingROIPatchExtractor,
  SamplingROITask,
  Slide,
  type Geometry,
  type RetryPolicy,
} from '../src/index.node.js';
import { reliabilityLog } from '../../../test/reliability-log.js';
import { errorCollector } from './helpers/errors.js';
import {
  captureLogger,
  deadline,
  expectNoSecrets,
  failOnUnhandledRejections,
  faultServer,
  ANNOT_TASK,
  isExactWorkedTile,
  SAMPLING_TASK,
  spyFetch,
  TAU_IMAGE,
  TAU_SLIDE,
  WORKED,
  WORKED_OPTIONS,
} from './helpers/fault-harness.js';
import { singleRead } from './helpers/slide-fixtures.js';

const log = reliabilityLog('faults', import.meta.url);
failOnUnhandledRejections();
const { thrown, failure } = errorCollector();

let server: DevServer;
let dir: string;
const spy = spyFetch();
const logger = captureLogger();
/** The server's verbose log, searched for secrets at the end. */
const serverLines: string[] = [];

/** Short backoff so that a test's retries take milliseconds (the policy itself is what is tested). */
const FAST: RetryPolicy = { count: 2, baseDelayMs: 20, maxDelayMs: 100 };

beforeAll(async () => {
  server = await faultServer({ verbose: (line) => serverLines.push(line) });
  dir = await mkdtemp(join(tmpdir(), 'phas-faults-'));
});

afterAll(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

afterEach(() => server.faults.clear());

async function connect(options: { retry?: RetryPolicy; timeout?: number } = {}): Promise<Client> {
  return Client.connect(server.url, {
    apiKey: server.keys.admin.apiKey,
    fetch: spy.fetch,
    logger,
    signal: deadline(),
    retry: options.retry ?? FAST,
    ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
  });
}

async function tau(client: Client): Promise<Slide> {
  return Slide.open(await SamplingROITask.open(client, SAMPLING_TASK), TAU_SLIDE);
}

/** The requests the server received while `run` ran, as `METHOD path status`. */
async function served<T>(run: () => Promise<T>): Promise<{ result: T; log: string[] }> {
  const start = server.requests.length;
  const result = await run();
  return { result, log: server.requests.slice(start).map((r) => `${r.method} ${r.path} ${r.status ?? 'dropped'}`) };
}

/** A one-request patch of the Tau slide (tileSize 0) and its exact expected RGBA. */
const PATCH = { center: [1500, 1000] as [number, number], level: 0, size: [200, 150] as [number, number], tileSize: 0 };
const PATCH_RGBA = singleRead(TAU_IMAGE, PATCH.center, 0, PATCH.size);
const isPatch = (line: string) => line.includes(' /dzi/patch/');

describe('5xx bursts', () => {
  it('honours Retry-After on a 503 burst and returns the exact pixels', async () => {
    const slide = await tau(await connect());
    server.faults.set([{ match: '/dzi/patch/', errorRate: 1, errorStatus: 503, retryAfterSec: 1, times: 2 }]);
    const mark = logger.lines.length;
    const { result, log: seen } = await served(() => slide.getPatch(PATCH));
    expect(result.data).toEqual(PATCH_RGBA);
    expect(seen.filter(isPatch).map((l) => l.split(' ').pop())).toEqual(['503', '503', '200']);
    const waits = logger.lines.slice(mark).filter((l) => /retry \d of 2 in \d+ ms/.test(l));
    expect(waits.map((l) => /in (\d+) ms/.exec(l)![1])).toEqual(['1000', '1000']);
    log.observe('503 ×2 with Retry-After: 1 on a patch read', 'wait what the server asks, then the exact pixels', `statuses ${seen.filter(isPatch).map((l) => l.split(' ').pop()).join(',')}; waits 1000 ms, 1000 ms; ${result.width}×${result.height} RGBA byte-exact`);
  });

  it.each([500, 502] as const)('retries a %i burst with backoff and returns the exact pixels', async (status) => {
    const slide = await tau(await connect());
    server.faults.set([{ match: '/dzi/patch/', errorRate: 1, errorStatus: status, times: 2 }]);
    const { result, log: seen } = await served(() => slide.getPatch(PATCH));
    expect(result.data).toEqual(PATCH_RGBA);
    expect(seen.filter(isPatch).length).toBe(3);
    log.observe(`${status} ×2 on a patch read`, 'retry with jittered backoff, exact pixels', `3 attempts, RGBA byte-exact`);
  });

  it('gives up after the retry count with PhasServerError (status, retryable)', async () => {
    const slide = await tau(await connect());
    server.faults.set([{ match: '/dzi/patch/', errorRate: 1, errorStatus: 503, retryAfterSec: 0 }]);
    const start = server.requests.length;
    const error = await failure(slide.getPatch(PATCH));
    expect(error).toBeInstanceOf(PhasServerError);
    expect(error).toMatchObject({ status: 503, retryable: true, code: 'http_503', method: 'GET' });
    expect(server.requests.slice(start).filter((r) => r.path.startsWith('/dzi/patch/')).length).toBe(3);
    log.observe('503 on every attempt', 'PhasServerError after 1 + retry.count attempts', `${(error as Error).name} ${(error as PhasServerError).code}, 3 requests`);
  });

  it('never repeats a non-idempotent POST (createSamplingRoi) and stores nothing', async () => {
    const task = await SamplingROITask.open(await connect(), SAMPLING_TASK);
    const before = (await task.slideSamplingRois(TAU_SLIDE)).length;
    server.faults.set([{ match: /\/sampling_roi\/create$/, methods: ['POST'], errorRate: 1, errorStatus: 503, retryAfterSec: 0 }]);
    const start = server.requests.length;
    const geometry: Geometry = { type: 'polygon', data: [[100, 100], [300, 100], [200, 250]] };
    const error = await failure(task.createSamplingRoi(TAU_SLIDE, 1, geometry));
    expect(error).toBeInstanceOf(PhasServerError);
    const posts = server.requests.slice(start).filter((r) => r.method === 'POST' && r.path.endsWith('/create'));
    expect(posts.length).toBe(1);
    server.faults.clear();
    expect((await task.slideSamplingRois(TAU_SLIDE)).length).toBe(before);
    log.observe('503 on POST sampling_roi/create', 'PhasServerError, the POST sent once (not idempotent)', `1 POST, ROI count unchanged (${before})`);
  });
});

describe('waits and aborts', () => {
  it('caps a huge Retry-After at the policy maximum', async () => {
    const client = await Client.connect(server.url, {
      apiKey: server.keys.admin.apiKey,
      fetch: spy.fetch,
      logger,
      signal: deadline(),
      retry: { count: 1, maxRetryAfterMs: 150 },
    });
    const slide = await tau(client);
    server.faults.set([{ match: '/dzi/patch/', errorRate: 1, errorStatus: 503, retryAfterSec: 3600, times: 1 }]);
    const mark = logger.lines.length;
    expect((await slide.getPatch(PATCH)).data).toEqual(PATCH_RGBA);
    expect(logger.lines.slice(mark).filter((l) => /retry 1 of 1 in 150 ms/.test(l)).length).toBe(1);
    log.observe('503 with Retry-After: 3600', 'wait at most maxRetryAfterMs (here 150 ms), then the exact pixels', 'waited 150 ms; RGBA byte-exact');
  });

  it('ends a Retry-After wait at once when the caller aborts (no further request)', async () => {
    const slide = await tau(await connect());
    server.faults.set([{ match: '/dzi/patch/', errorRate: 1, errorStatus: 503, retryAfterSec: 25 }]);
    const controller = new AbortController();
    const start = server.requests.length;
    // Abort as soon as the first 503 has been answered: the SDK is then waiting 25 s.
    const off = server.onRequest((r) => {
      if (r.path.startsWith('/dzi/patch/')) setTimeout(() => controller.abort(new Error('user cancelled')), 50);
    });
    try {
      const bound = deadline(10_000);
      const error = await failure(slide.getPatch({ ...PATCH, signal: AbortSignal.any([controller.signal, bound]) }));
      expect(error).toBeInstanceOf(PhasAbortError);
      expect(bound.aborted).toBe(false);
    } finally {
      off();
    }
    expect(server.requests.slice(start).filter((r) => r.path.startsWith('/dzi/patch/')).length).toBe(1);
    log.observe('caller aborts while the SDK waits out a 25 s Retry-After', 'PhasAbortError promptly (well inside a 10 s bound), no further request', 'PhasAbortError; 1 patch request');
  });

  it('aborts patches() with reads in flight: PhasAbortError, nothing left running', async () => {
    const client = await connect();
    const ex = await SamplingROIPatchExtractor.create(await tau(client), WORKED, WORKED_OPTIONS);
    server.faults.set([{ match: '/dzi/patch/', latencyMs: 400 }]);
    const controller = new AbortController();
    let delivered = 0;
    let sentAtAbort = -1;
    const run = (async () => {
      for await (const _ of ex.patches({ signal: controller.signal, concurrency: 4 })) {
        if (++delivered === 2) {
          sentAtAbort = spy.urls.length;
          controller.abort();
        }
      }
    })();
    const error = await failure(run);
    expect(error).toBeInstanceOf(PhasAbortError);
    server.faults.clear();
    // No fetch is started after the abort, even once the slow answers would have arrived.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(spy.urls.length).toBe(sentAtAbort);
    log.observe('signal aborted after 2 of 12 tiles, 4 reads in flight (400 ms latency)', 'PhasAbortError; no fetch started after the abort; no unhandled rejection', `PhasAbortError after ${delivered} tiles; no later fetch`);
  });

  it('fails a tiled getPatch whose one tile keeps failing, stopping the other reads', async () => {
    const slide = await tau(await connect());
    // 300×200 at level 1 in 64-px tiles: 5 × 4 reads; the 7th of them will always 503.
    const options = { center: [1500, 1000] as [number, number], level: 1, size: [300, 200] as [number, number], tileSize: 64, concurrency: 2 };
    const { log: clean } = await served(() => slide.getPatch(options));
    const reads = clean.filter(isPatch).map((l) => l.split(' ')[1]!);
    expect(reads.length).toBe(20);
    server.faults.set([{ match: new RegExp(`^${reads[6]!.replace(/\./g, '\\.')}$`), errorRate: 1, errorStatus: 503, retryAfterSec: 0 }]);
    let sentAtFailure = -1;
    const error = await failure(
      slide.getPatch(options).finally(() => {
        sentAtFailure = spy.urls.length;
      }),
    );
    expect(error).toBeInstanceOf(PhasServerError);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(spy.urls.length).toBe(sentAtFailure);
    log.observe('a tiled getPatch (20 reads, concurrency 2) with one tile always 503', 'PhasServerError; no read started after the failure; no unhandled rejection', `${(error as Error).name}; no later fetch`);
  });

  it('does not repeat a POST whose answer was cut off', async () => {
    const task = await SamplingROITask.open(await connect(), SAMPLING_TASK);
    server.faults.set([{ match: /\/sampling_roi\/create$/, methods: ['POST'], truncateRate: 1 }]);
    const start = server.requests.length;
    const error = await failure(task.createSamplingRoi(TAU_SLIDE, 1, { type: 'polygon', data: [[100, 100], [300, 100], [200, 250]] }));
    expect(error).toBeInstanceOf(PhasNetworkError);
    expect(server.requests.slice(start).filter((r) => r.method === 'POST').length).toBe(1);
    server.faults.clear();
    const created = (await task.slideSamplingRois(TAU_SLIDE)).filter((r) => r.geometry.type === 'polygon' && r.geometry.data[2]?.[1] === 250);
    for (const roi of created) await task.deleteSamplingRoi(TAU_SLIDE, roi.id);
    log.observe('the answer of POST sampling_roi/create cut off', 'PhasNetworkError, the POST not repeated (the server may have stored it: the caller decides)', `PhasNetworkError; 1 POST; the server had stored ${created.length} ROI(s)`);
  });
});

describe('dropped connections', () => {
  it('recovers from two dropped connections with the exact pixels', async () => {
    const slide = await tau(await connect());
    server.faults.set([{ match: '/dzi/patch/', dropRate: 1, times: 2 }]);
    const { result, log: seen } = await served(() => slide.getPatch(PATCH));
    expect(result.data).toEqual(PATCH_RGBA);
    expect(seen.filter(isPatch).map((l) => l.split(' ').pop())).toEqual(['dropped', 'dropped', '200']);
    log.observe('socket destroyed without an answer, twice', 'retry, exact pixels', 'dropped, dropped, 200; RGBA byte-exact');
  });

  it('fails with PhasNetworkError when every attempt is dropped', async () => {
    const slide = await tau(await connect());
    server.faults.set([{ match: '/dzi/patch/', dropRate: 1 }]);
    const error = await failure(slide.getPatch(PATCH));
    expect(error).toBeInstanceOf(PhasNetworkError);
    expect(error).toMatchObject({ code: 'network_error', retryable: true, timedOut: false });
    log.observe('every attempt dropped', 'PhasNetworkError (network_error)', `${(error as Error).name}: ${(error as Error).message.replace(server.url, '<server>')}`);
  });
});

describe('truncated bodies (Content-Length announces more than is sent)', () => {
  it('re-reads a truncated PNG and returns the exact pixels', async () => {
    const slide = await tau(await connect());
    server.faults.set([{ match: '/dzi/patch/', truncateRate: 1, times: 1 }]);
    const { result, log: seen } = await served(() => slide.getPatch(PATCH));
    expect(result.data).toEqual(PATCH_RGBA);
    expect(seen.filter(isPatch).length).toBe(2);
    log.observe('PNG body cut in half once', 'detected as a network error, retried, exact pixels', '2 attempts, RGBA byte-exact');
  });

  it('fails with PhasNetworkError (not a decode error) when the PNG is always truncated', async () => {
    const slide = await tau(await connect());
    server.faults.set([{ match: '/dzi/patch/', truncateRate: 1 }]);
    const error = await failure(slide.getPatch(PATCH));
    expect(error).toBeInstanceOf(PhasNetworkError);
    log.observe('PNG body always cut', 'PhasNetworkError after the retries', `${(error as Error).name} (${(error as PhasNetworkError).code})`);
  });

  it('re-reads a truncated NIfTI thumbnail: the same bytes as without faults, decodable', async () => {
    const slide = await tau(await connect());
    const clean = (await slide.thumbnailNiftiImage({ maxDim: 300 }))!;
    server.faults.set([{ match: '/dzi/download/task/', truncateRate: 1, times: 1 }]);
    const again = (await slide.thumbnailNiftiImage({ maxDim: 300 }))!;
    expect(again).toEqual(clean);
    const { image } = decodeNifti(again);
    expect([image.width, image.height, image.channels]).toEqual([300, 200, 3]);
    log.observe('NIfTI (.nii.gz) body cut once', 'retried, the same bytes as a clean download', `${again.length} bytes identical, decodes to 300×200 RGB`);
  });

  it('leaves no file (and no temporary file) when a filename= download is always truncated', async () => {
    const slide = await tau(await connect());
    server.faults.set([{ match: '/dzi/download/task/', truncateRate: 1 }]);
    const target = join(dir, 'thumb.nii.gz');
    const error = await failure(slide.thumbnailNiftiImage({ maxDim: 300, filename: target }));
    expect(error).toBeInstanceOf(PhasNetworkError);
    expect(await readdir(dir)).toEqual([]);
    server.faults.clear();
    expect(await slide.thumbnailNiftiImage({ maxDim: 300, filename: target })).toBeUndefined();
    expect(await readdir(dir)).toEqual(['thumb.nii.gz']);
    await rm(target);
    log.observe('thumbnailNiftiImage({ filename }) with the body always cut', 'PhasNetworkError, no file and no temporary file', 'directory empty after the failure; the clean retry writes exactly one file');
  });

  it('keeps every filename= target whole or absent: an existing file survives a failed download', async () => {
    const client = await connect();
    const sampling = await SamplingROITask.open(client, SAMPLING_TASK);
    const annot = await AnnotationTask.open(client, ANNOT_TASK);
    const writers: [string, RegExp, (filename: string) => Promise<unknown>][] = [
      ['slideSamplingRoiNiftiImage', /\/sampling_roi\/make_image_/, (filename) => sampling.slideSamplingRoiNiftiImage(TAU_SLIDE, { maxDim: 200, filename })],
      ['getSlideAnnotSvg', /_annot(_\d+)?\.svg$/, (filename) => annot.getSlideAnnotSvg(TAU_SLIDE, { downsample: 500, filename })],
      ['exportTaskAnnots', /\/annot\/get/, (filename) => annot.exportTaskAnnots({ filename })],
    ];
    const observed: string[] = [];
    for (const [name, match, write] of writers) {
      const target = join(dir, `${name}.out`);
      await writeFile(target, 'previous content');
      server.faults.set([{ match, truncateRate: 1 }]);
      const error = await failure(write(target));
      expect(error, name).toBeInstanceOf(PhasNetworkError);
      expect(await readdir(dir)).toEqual([`${name}.out`]);
      expect(await readFile(target, 'utf8')).toBe('previous content');
      server.faults.clear();
      await write(target); // (exportTaskAnnots also returns the records)
      expect((await readFile(target)).length).toBeGreaterThan(16);
      expect(await readdir(dir)).toEqual([`${name}.out`]);
      await rm(target);
      observed.push(`${name}: ${(error as PhasNetworkError).code}, old file intact`);
    }
    log.observe('filename= writes of ROI NIfTI, annotation SVG and annotation export with every download cut, over an existing file', 'PhasNetworkError; the existing file unchanged, no temporary file; a clean retry replaces it', observed.join('; '));
  });

  it('re-reads a truncated JSON listing and returns the same rows', async () => {
    const client = await connect();
    const clean = await client.projectListing();
    server.faults.set([{ match: '/api/projects', truncateRate: 1, times: 1 }]);
    expect(await client.projectListing()).toEqual(clean);
    server.faults.set([{ match: '/api/projects', truncateRate: 1 }]);
    const error = await failure(client.projectListing());
    expect(error).toBeInstanceOf(PhasNetworkError);
    log.observe('JSON body cut (once / always)', 'same rows after a retry / PhasNetworkError', `${clean.length} projects identical; then ${(error as Error).name}`);
  });
});

describe('answers slower than the timeout', () => {
  it('times out one slow attempt and succeeds on the retry', async () => {
    const slide = await tau(await connect({ timeout: 300 }));
    server.faults.set([{ match: '/dzi/patch/', latencyMs: 3000, times: 1 }]);
    const { result } = await served(() => slide.getPatch(PATCH));
    expect(result.data).toEqual(PATCH_RGBA);
    log.observe('first patch answer delayed 3 s, timeout 300 ms', 'attempt aborted, retried, exact pixels', 'RGBA byte-exact');
  });

  it('fails with PhasNetworkError code timeout when every attempt is too slow', async () => {
    const client = await connect({ timeout: 200 });
    server.faults.set([{ match: '/api/projects', latencyMs: 2000 }]);
    const start = server.requests.length;
    const error = await failure(client.projectListing());
    expect(error).toBeInstanceOf(PhasNetworkError);
    expect(error).toMatchObject({ code: 'timeout', timedOut: true, retryable: true });
    expect(server.requests.slice(start).filter((r) => r.path === '/api/projects').length).toBe(3);
    log.observe('every answer delayed 2 s, timeout 200 ms', 'PhasNetworkError code timeout after 3 attempts', `${(error as PhasNetworkError).code}, 3 requests`);
  });
});

describe('session dropped in the middle of a run (302 to /auth/login)', () => {
  it('logs in again once and finishes the extraction with every tile exact', async () => {
    const client = await connect();
    const ex = await SamplingROIPatchExtractor.create(await tau(client), WORKED, WORKED_OPTIONS);
    const plan = await planTiles(WORKED, WORKED_OPTIONS);
    const start = server.requests.length;
    let count = 0;
    for await (const item of ex.patches({ concurrency: 3 })) {
      if (++count === 4) server.faults.expireSessions();
      expect(await isExactWorkedTile(item, plan)).toBe(true);
    }
    expect(count).toBe(12);
    const requests = server.requests.slice(start);
    const logins = requests.filter((r) => r.path === '/auth/api/login');
    const redirects = requests.filter((r) => r.status === 302);
    expect(logins.length).toBe(1);
    expect(redirects.length).toBeGreaterThanOrEqual(1);
    log.observe('all sessions expired after 4 of 12 tiles (concurrency 3)', 'one transparent re-login, every tile exact', `${redirects.length} requests got the 302, ${logins.length} login, 12/12 tiles pixel-exact (image and mask)`);
  });

  it('re-applies anonymized mode after the re-login: private names stay hidden', async () => {
    const client = await connect();
    expect(await client.setAnonymize(true)).toBe(true);
    server.faults.expireSessions();
    const start = server.requests.length;
    // E2 needs no login (an expired session reads as "not anonymized"), so the first guarded
    // request is what meets the 302: it must come back anonymized after the re-login.
    const slide = await tau(client);
    expect(slide.specimenPrivate).toBeNull();
    expect(await client.getAnonymize()).toBe(true);
    const posts = server.requests.slice(start).filter((r) => r.method === 'POST').map((r) => r.path);
    expect(posts).toEqual(['/auth/api/login', '/auth/api/set_anonymize/1']);
    await client.setAnonymize(false);
    log.observe('session expired while anonymized', 'the re-login re-applies the mode before the request is repeated', `requests: ${posts.join(', ')}; specimen_private null; getAnonymize() true`);
  });

  it('repeats a non-idempotent POST after the re-login (the 302 means it was not executed): one ROI created', async () => {
    const task = await SamplingROITask.open(await connect(), SAMPLING_TASK);
    const geometry: Geometry = { type: 'polygon', data: [[400, 400], [700, 420], [560, 777]] };
    server.faults.expireSessions();
    const start = server.requests.length;
    const id = await task.createSamplingRoi(TAU_SLIDE, 2, geometry);
    const posts = server.requests.slice(start).filter((r) => r.method === 'POST').map((r) => `${r.path.split('/').pop()} ${r.status}`);
    expect(posts).toEqual(['create 302', 'login 200', 'create 200']);
    const mine = (await task.slideSamplingRois(TAU_SLIDE)).filter((r) => r.geometry.type === 'polygon' && r.geometry.data[2]?.[1] === 777);
    expect(mine.map((r) => r.id)).toEqual([id]);
    await task.deleteSamplingRoi(TAU_SLIDE, id);
    log.observe('session expired, then createSamplingRoi (POST)', 'the 302 renews the session and the POST is sent again: exactly one ROI', `POSTs: ${posts.join(', ')}; 1 ROI stored`);
  });

  it('fails with PhasAuthError when the re-login is refused (key expired meanwhile), without looping', async () => {
    const client = await connect();
    const key = server.state.apiKeys.find((k) => k.key === server.keys.admin.apiKey)!;
    const expires = key.tExpires;
    try {
      key.tExpires = 1;
      server.faults.expireSessions();
      const start = server.requests.length;
      const error = await failure(client.projectListing());
      expect(error).toBeInstanceOf(PhasAuthError);
      expect(error).toMatchObject({ status: 401, code: 'auth_failed' });
      expect(server.requests.slice(start).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
        'GET /api/projects 302',
        'POST /auth/api/login 401',
      ]);
      log.observe('session expired and the key expired', 'PhasAuthError from the one re-login, no loop', `${(error as PhasAuthError).code}; requests: GET 302, POST login 401`);
    } finally {
      key.tExpires = expires;
    }
  });
});

describe('chaos', () => {
  it('extracts every tile exactly while all routes randomly fail, drop, truncate and lag', async () => {
    const client = await connect({ retry: { count: 8, baseDelayMs: 10, maxDelayMs: 80 }, timeout: 2000 });
    const ex = await SamplingROIPatchExtractor.create(await tau(client), WORKED, WORKED_OPTIONS);
    const plan = await planTiles(WORKED, WORKED_OPTIONS);
    server.faults.set({
      seed: 99,
      rules: [
        { errorRate: 0.12, errorStatus: 502 },
        { errorRate: 0.08, errorStatus: 503, retryAfterSec: 0 },
        { dropRate: 0.06 },
        { truncateRate: 0.06 },
        { latencyMs: 15 },
      ],
    });
    const start = server.requests.length;
    let exact = 0;
    for await (const item of ex.patches()) {
      if (await isExactWorkedTile(item, plan)) exact++;
      if (exact === 6) server.faults.expireSessions();
    }
    expect(exact).toBe(12);
    const seen = server.requests.slice(start);
    const failed = seen.filter((r) => r.status === undefined || r.status >= 500).length;
    expect(failed).toBeGreaterThan(0);
    log.observe(
      'every route: 12% 502, 8% 503, 6% drops, 6% truncated bodies, +15 ms, and the session expired half-way (retry 8)',
      'all 12 tiles exact',
      `12/12 tiles pixel-exact after ${seen.length} requests, ${failed} of them failed or dropped`,
    );
  });
});

describe('secrets', () => {
  it('no error, log line or URL of this file contains the API key or a session cookie', () => {
    expect(spy.cookies.size).toBeGreaterThan(0);
    expect(thrown.length).toBeGreaterThan(5);
    const secrets = [server.keys.admin.apiKey, ...spy.cookies];
    const n = expectNoSecrets([...thrown, ...logger.lines, ...spy.urls, ...serverLines], secrets);
    log.observe('every error thrown above, every SDK log line, every request URL, the server\'s verbose log', 'neither the key nor any session cookie', `${thrown.length} errors, ${logger.lines.length} SDK log lines, ${spy.urls.length} URLs, ${serverLines.length} server lines checked against ${secrets.length} secrets (${n} texts)`);
  });
});
