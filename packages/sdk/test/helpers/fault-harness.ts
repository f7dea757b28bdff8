/**
 * Harness of the reliability specs (Node only): a dev server of the spec's own with fault
 * injection, a `fetch` that sees every cookie the SDK sends or receives (so specs can search
 * errors and logs for the session cookie), a logger capturing the SDK's lines, a watch for
 * unhandled rejections, and the expected pixels of the synthetic slides.
 */
import { afterEach, beforeEach, expect } from 'vitest';
import { startDevServer, type DevServer, type DevServerOptions } from '@phas/dev-server';
import { syntheticSlide } from '@phas/dev-server/pixels';
import { seed } from '@phas/dev-server/seed';
import { tileMask, type ExtractorPatch, type Geometry, type TilePlan } from '../../src/index.node.js';
import { serialiseError } from './errors.js';
import { level0Rgb, sameImage } from './slide-fixtures.js';

/** The sampling task and its 3000 × 2000 slide (synthetic image 2, spacing 0.5 µm). */
export const SAMPLING_TASK = seed.tasks.sampling.id;
/** The annotation task (same project, same slides). */
export const ANNOT_TASK = seed.tasks.annot.id;
export const TAU_SLIDE = seed.slides.tau.id;
export const TAU_IMAGE = syntheticSlide(seed.slides.tau.image)!;

/** Protocol §10.3's worked example on the Tau slide: 12 tiles of 512 px plus 16 padding. */
export const WORKED: Geometry = { type: 'polygon', data: [[1000, 500], [2500, 700], [2200, 1800], [900, 1500]] };
export const WORKED_OPTIONS = { tileSize: 512, padding: 16, subTilesPerTile: 8 };

/**
 * Whether an extractor item of the worked example is exact: its RGB equals the synthetic
 * slide's level-0 region (black outside) and its mask equals `tileMask` of a clean plan.
 */
export async function isExactWorkedTile(item: ExtractorPatch, plan: TilePlan): Promise<boolean> {
  const { tileSize, padding } = WORKED_OPTIONS;
  const size = tileSize + 2 * padding;
  const [col, row] = item.index;
  const rgb = level0Rgb(TAU_IMAGE, plan.tx + col * tileSize - padding, plan.ty + row * tileSize - padding, size, size);
  return (
    sameImage(item.image, { width: size, height: size, channels: 3, data: rgb }) &&
    sameImage(item.mask, await tileMask(WORKED, plan, item.index, { padding }))
  );
}

/** Starts a dev server on loopback with the given options (faults, dataDir, port, …). */
export function faultServer(options: DevServerOptions = {}): Promise<DevServer> {
  return startDevServer({ host: '127.0.0.1', port: 0, ...options });
}

/** A `fetch` passing everything through, remembering every cookie value and URL it sees. */
export interface SpyFetch {
  fetch: typeof globalThis.fetch;
  /** Values (`name=value` without attributes) of every `Cookie` sent and `Set-Cookie` received. */
  cookies: Set<string>;
  /** Every request URL (with query). */
  urls: string[];
}

export function spyFetch(): SpyFetch {
  const cookies = new Set<string>();
  const urls: string[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    urls.push(String(input instanceof Request ? input.url : input));
    const sent = new Headers(init?.headers).get('cookie');
    if (sent) for (const part of sent.split(';')) addCookie(cookies, part);
    const response = await globalThis.fetch(input, init);
    for (const line of response.headers.getSetCookie()) addCookie(cookies, line.split(';')[0] ?? '');
    return response;
  }) as typeof globalThis.fetch;
  return { fetch, cookies, urls };
}

function addCookie(into: Set<string>, pair: string): void {
  const value = pair.slice(pair.indexOf('=') + 1).trim();
  // Only real session values: the expiry cookie `session=` carries nothing secret.
  if (value.length >= 8) into.add(value);
}

/** A `Logger` keeping every line. */
export function captureLogger(): { lines: string[]; debug(line: string): void } {
  const lines: string[] = [];
  return { lines, debug: (line: string) => lines.push(line) };
}

/**
 * Registers hooks that fail the current test when a promise rejection went unhandled while it
 * ran (an SDK bug: a request or a concurrent read left dangling).
 */
export function failOnUnhandledRejections(): void {
  let seen: unknown[] = [];
  const listener = (reason: unknown) => {
    seen.push(reason);
  };
  beforeEach(() => {
    seen = [];
    process.on('unhandledRejection', listener);
  });
  afterEach(async () => {
    // Rejections are reported after the microtask queue drains: give them one macrotask.
    await new Promise((resolve) => setTimeout(resolve, 0));
    process.off('unhandledRejection', listener);
    expect(seen.map((r) => String(r))).toEqual([]);
  });
}

/** Asserts that none of `texts` (errors serialised, log lines, URLs) contains a secret. */
export function expectNoSecrets(texts: Iterable<unknown>, secrets: Iterable<string>): number {
  const all = [...secrets].filter((s) => s.length > 0);
  let checked = 0;
  for (const item of texts) {
    const text = typeof item === 'string' ? item : serialiseError(item);
    for (const secret of all) expect(text.includes(secret), `a secret appears in: ${text.slice(0, 200)}`).toBe(false);
    checked++;
  }
  return checked;
}

/**
 * The bound of one test: a signal that aborts after `ms`, given to the client (every request of
 * it), so a hang ends in `PhasAbortError` instead of a test timeout. Not a timing assertion.
 */
export function deadline(ms = 20_000): AbortSignal {
  return AbortSignal.timeout(ms);
}
