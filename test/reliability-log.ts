/**
 * The reliability report's data source: specs of the "Reliability and security" suites record,
 * for every case, what was tried, what was expected and what was observed; the outcome (held
 * or not) is taken from the test's own result. In Node, the records of a spec file are written
 * to `test-results/reliability/<area>-<file>.json` when the file finishes;
 * `scripts/reliability-report.mjs` turns them into `docs/reliability.md`. In browsers the
 * records are kept in memory only (nothing to write to).
 *
 * @example
 * ```ts
 * const log = reliabilityLog('faults', import.meta.url);
 * it('recovers from 503 bursts', async () => {
 *   // … provoke, assert …
 *   log.observe('503 ×2 with Retry-After on /dzi/patch/', 'pixels exact after 2 retries', `server saw ${n} requests`);
 * });
 * ```
 */
import { afterAll, beforeEach } from 'vitest';

/** One row of the report. */
export interface ReliabilityRecord {
  /** `faults`, `bad-input`, `fuzz`, `secrets`, `load`. */
  area: string;
  /** The spec file (base name). */
  file: string;
  /** The test's name (describe › it). */
  test: string;
  /** What was done to the SDK / the server. */
  tried: string;
  /** What the SDK must do. */
  expected: string;
  /** What actually happened (measured in the test). */
  observed: string;
  /** Whether the test passed. */
  held: boolean;
}

/** The recorder of one spec file. */
export interface ReliabilityLog {
  /** Notes one case of the current test (call after its assertions, with measured facts). */
  observe(tried: string, expected: string, observed: string): void;
}

const nodeFs = 'node:fs/promises';

function isNode(): boolean {
  return typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === 'string';
}

function baseName(fileUrl: string): string {
  const path = fileUrl.split(/[?#]/)[0] ?? fileUrl;
  return (path.split('/').pop() ?? path).replace(/\.ts$/, '');
}

/**
 * Creates the recorder for a spec file and registers the hooks that attach each test's
 * outcome and write the file's records at the end.
 */
export function reliabilityLog(area: string, fileUrl: string): ReliabilityLog {
  const file = baseName(fileUrl);
  const records: ReliabilityRecord[] = [];
  let pending: Omit<ReliabilityRecord, 'held' | 'test'>[] = [];

  beforeEach(({ task, onTestFinished }) => {
    pending = [];
    const name = fullName(task);
    onTestFinished(({ task: finished }) => {
      const held = finished.result?.state === 'pass';
      if (pending.length === 0) {
        // A test that failed before noting anything still appears in the report.
        const message = finished.result?.errors?.[0]?.message ?? '';
        records.push({ area, file, test: name, tried: name, expected: '(see test)', observed: held ? 'passed' : `failed: ${message.split('\n')[0]}`, held });
      } else {
        for (const p of pending) records.push({ ...p, test: name, held });
      }
      pending = [];
    });
  });

  afterAll(async () => {
    if (!isNode() || records.length === 0) return;
    const fs = (await import(/* @vite-ignore */ nodeFs)) as typeof import('node:fs/promises');
    const dir = 'test-results/reliability';
    await fs.mkdir(dir, { recursive: true });
    const out = `${dir}/${area}-${file}.json`;
    const tmp = `${out}.${Math.random().toString(36).slice(2)}.tmp`;
    await fs.writeFile(tmp, `${JSON.stringify({ area, file, finished: new Date().toISOString(), records }, null, 1)}\n`);
    await fs.rename(tmp, out);
  });

  return {
    observe(tried, expected, observed) {
      pending.push({ area, file, tried, expected, observed });
    },
  };
}

function fullName(task: { name: string; suite?: { name: string; suite?: unknown } }): string {
  const parts = [task.name];
  let suite = task.suite as { name: string; suite?: unknown } | undefined;
  while (suite && suite.name) {
    parts.unshift(suite.name);
    suite = suite.suite as { name: string; suite?: unknown } | undefined;
  }
  return parts.join(' › ');
}
