import { describe, expect, it } from 'vitest';
import { iterateConcurrent, mapConcurrent, type Progress } from '../src/concurrency.js';
import { PhasAbortError, PhasInputError } from '../src/errors/index.js';

/** A promise whose settlement the test controls. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Let every queued microtask and promise job run. */
const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Workers that wait until the test releases them, recording what started and what was aborted. */
function controlledWorkers(count: number) {
  const gates = Array.from({ length: count }, () => deferred<number>());
  const started: number[] = [];
  const signals = new Map<number, AbortSignal>();
  let running = 0;
  let maxRunning = 0;
  const worker = async (item: number, index: number, signal: AbortSignal) => {
    started.push(index);
    signals.set(index, signal);
    running++;
    maxRunning = Math.max(maxRunning, running);
    try {
      const abort = new Promise<never>((_, reject) => {
        if (signal.aborted) reject(signal.reason);
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
      return await Promise.race([gates[index]!.promise, abort]);
    } finally {
      running--;
    }
  };
  return { gates, started, signals, worker, maxRunning: () => maxRunning };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('mapConcurrent', () => {
  it('returns results in input order with at most `concurrency` running', async () => {
    const c = controlledWorkers(10);
    const result = mapConcurrent(range(10), c.worker, { concurrency: 3 });
    await flush();
    expect(c.started).toEqual([0, 1, 2]);
    // Repeatedly finish the most recently started item (completion order ≠ input order).
    const released = new Set<number>();
    while (released.size < 10) {
      const newest = c.started.filter((i) => !released.has(i)).pop()!;
      released.add(newest);
      c.gates[newest]!.resolve(newest * 10);
      await flush();
      expect(c.started.length - released.size).toBeLessThanOrEqual(3);
    }
    expect(await result).toEqual(range(10).map((i) => i * 10));
    expect(c.maxRunning()).toBe(3);
    expect(c.started.slice().sort((a, b) => a - b)).toEqual(range(10));
  });

  it('reports progress from 0 to total and survives callbacks that throw or reject', async () => {
    const seen: Progress[] = [];
    const result = await mapConcurrent(range(5), async (i) => i + 1, {
      concurrency: 2,
      onProgress: (p) => {
        seen.push(p);
        if (p.loaded === 2) throw new Error('callback bug');
        if (p.loaded === 3) return Promise.reject(new Error('async callback bug'));
        return undefined;
      },
    });
    expect(result).toEqual([1, 2, 3, 4, 5]);
    expect(seen).toEqual(range(6).map((loaded) => ({ loaded, total: 5 })));
  });

  it('does not wait for a progress callback', async () => {
    const never = new Promise<void>(() => undefined);
    await expect(mapConcurrent([1, 2], async (i) => i, { concurrency: 1, onProgress: () => never })).resolves.toEqual([1, 2]);
  });

  it('handles an empty input', async () => {
    const seen: Progress[] = [];
    expect(await mapConcurrent([], async () => 1, { concurrency: 2, onProgress: (p) => seen.push(p) })).toEqual([]);
    expect(seen).toEqual([{ loaded: 0, total: 0 }]);
  });

  it('rejects with the first error, aborts the running work and starts nothing more', async () => {
    const c = controlledWorkers(8);
    const result = mapConcurrent(range(8), c.worker, { concurrency: 3 });
    await flush();
    const boom = new Error('tile 1 failed');
    c.gates[1]!.reject(boom);
    await expect(result).rejects.toBe(boom);
    expect(c.signals.get(0)!.aborted).toBe(true);
    expect(c.signals.get(2)!.aborted).toBe(true);
    await flush();
    expect(c.started).toEqual([0, 1, 2]);
  });

  it('cancels through the caller signal: PhasAbortError, pending work never starts, running work aborted', async () => {
    const c = controlledWorkers(8);
    const controller = new AbortController();
    const result = mapConcurrent(range(8), c.worker, { concurrency: 2, signal: controller.signal });
    await flush();
    c.gates[0]!.resolve(0);
    await flush();
    expect(c.started).toEqual([0, 1, 2]);
    const reason = new Error('user pressed stop');
    controller.abort(reason);
    const error = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PhasAbortError);
    expect((error as PhasAbortError).cause).toBe(reason);
    expect(c.signals.get(1)!.aborted).toBe(true);
    expect(c.signals.get(2)!.aborted).toBe(true);
    await flush();
    expect(c.started).toEqual([0, 1, 2]);
  });

  it('starts nothing when the signal is already aborted', async () => {
    const c = controlledWorkers(3);
    await expect(mapConcurrent(range(3), c.worker, { concurrency: 2, signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      PhasAbortError,
    );
    expect(c.started).toEqual([]);
  });

  it('refuses a concurrency that is not a positive integer', async () => {
    for (const concurrency of [0, -1, 1.5, Number.NaN]) {
      await expect(mapConcurrent([1], async (i) => i, { concurrency })).rejects.toBeInstanceOf(PhasInputError);
    }
  });
});

describe('iterateConcurrent', () => {
  it('yields in input order when ordered, whatever the completion order', async () => {
    const c = controlledWorkers(6);
    const out: number[] = [];
    const consume = (async () => {
      for await (const { index, value } of iterateConcurrent(range(6), c.worker, { concurrency: 3, ordered: true })) {
        expect(value).toBe(index * 2);
        out.push(index);
      }
    })();
    await flush();
    c.gates[2]!.resolve(4);
    c.gates[1]!.resolve(2);
    await flush();
    expect(out).toEqual([]);
    c.gates[0]!.resolve(0);
    await flush();
    expect(out).toEqual([0, 1, 2]);
    for (const i of [5, 4, 3]) c.gates[i]!.resolve(i * 2);
    await consume;
    expect(out).toEqual(range(6));
  });

  it('yields in completion order by default', async () => {
    const c = controlledWorkers(3);
    const out: number[] = [];
    const consume = (async () => {
      for await (const { index } of iterateConcurrent(range(3), c.worker, { concurrency: 3 })) out.push(index);
    })();
    await flush();
    c.gates[2]!.resolve(0);
    await flush();
    c.gates[0]!.resolve(0);
    await flush();
    c.gates[1]!.resolve(0);
    await consume;
    expect(out).toEqual([2, 0, 1]);
  });

  it('never runs more than `concurrency` items ahead of a slow consumer', async () => {
    const started: number[] = [];
    const iterator = iterateConcurrent(
      range(100),
      async (i) => {
        started.push(i);
        return i;
      },
      { concurrency: 4 },
    );
    const first = await iterator.next();
    expect(first.value).toEqual({ index: 0, value: 0 });
    await flush();
    // One consumed, at most four more started (running or finished, waiting for the consumer).
    expect(started.length).toBeLessThanOrEqual(5);
    await iterator.next();
    await flush();
    expect(started.length).toBeLessThanOrEqual(6);
    await iterator.return();
  });

  it('aborts running work when the consumer breaks out early', async () => {
    const c = controlledWorkers(10);
    const consume = (async () => {
      for await (const item of iterateConcurrent(range(10), c.worker, { concurrency: 3 })) {
        if (item.index === 0) break;
      }
    })();
    await flush();
    c.gates[0]!.resolve(0);
    await consume;
    expect(c.signals.get(1)!.aborted).toBe(true);
    expect(c.signals.get(3)!.aborted).toBe(true);
    await flush();
    expect(c.started).toEqual([0, 1, 2, 3]);
  });

  it('aborts running work at once when the caller aborts while the consumer is busy', async () => {
    const c = controlledWorkers(5);
    const controller = new AbortController();
    const iterator = iterateConcurrent(range(5), c.worker, { concurrency: 2, signal: controller.signal });
    const first = iterator.next();
    await flush();
    c.gates[0]!.resolve(0);
    expect((await first).value).toEqual({ index: 0, value: 0 });
    // The consumer has not asked for the next item yet; the abort still reaches item 1 and 2.
    controller.abort();
    expect(c.signals.get(1)!.aborted).toBe(true);
    expect(c.signals.get(2)!.aborted).toBe(true);
    await expect(iterator.next()).rejects.toBeInstanceOf(PhasAbortError);
  });
});
