/**
 * Bounded-concurrency work with progress and cancellation, used for bulk reads (patch tiles,
 * extractor tiles).
 *
 * Rules shared by {@link mapConcurrent} and {@link iterateConcurrent}:
 * * at most `concurrency` workers run at once; work is started in input order;
 * * every worker gets an `AbortSignal` that fires when the caller's signal aborts, when another
 *   worker failed, or (iterator) when the consumer stopped early: pass it to requests;
 * * the caller's abort rejects at once with {@link PhasAbortError}; work not yet started never
 *   starts;
 * * the first worker error is the one thrown; the rest are cancelled and their outcomes ignored;
 * * `onProgress` gets `{ loaded, total }` after each item (and `{ 0, total }` first); it is
 *   never awaited, and a callback that throws or rejects does not affect the work.
 */
import { PhasAbortError, PhasInputError } from './errors/index.js';

/** Progress of a bulk operation: `loaded` of `total` items are done. */
export interface Progress {
  loaded: number;
  total: number;
}

/** Receives {@link Progress} updates; its result is ignored (never awaited). */
export type ProgressCallback = (progress: Progress) => unknown;

/** Options of {@link mapConcurrent} and {@link iterateConcurrent}. */
export interface ConcurrencyOptions {
  /** Maximum number of workers running at once (a positive integer). */
  concurrency: number;
  /** Cancels the work: pending items never start, running ones see their signal abort. */
  signal?: AbortSignal | undefined;
  /** Called with `{ loaded, total }` after each finished item. */
  onProgress?: ProgressCallback | undefined;
}

/** A unit of work: gets the item, its index and a signal to pass on to requests. */
export type Worker<T, R> = (item: T, index: number, signal: AbortSignal) => Promise<R>;

/**
 * Run `worker` over `items` with at most `concurrency` running at once and resolve with the
 * results in input order.
 *
 * @example
 * ```ts
 * const images = await mapConcurrent(urls, (url, i, signal) => fetchImage(url, { signal }), {
 *   concurrency: 6,
 *   onProgress: ({ loaded, total }) => console.log(`${loaded}/${total}`),
 * });
 * ```
 */
export async function mapConcurrent<T, R>(
  items: readonly T[],
  worker: Worker<T, R>,
  options: ConcurrencyOptions,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  for await (const { index, value } of iterateConcurrent(items, worker, { ...options, ordered: false })) {
    results[index] = value;
  }
  return results;
}

/** Options of {@link iterateConcurrent}. */
export interface IterateOptions extends ConcurrencyOptions {
  /** Yield in input order (true) or as items finish (false, the default). */
  ordered?: boolean;
}

/** One finished item of {@link iterateConcurrent}. */
export interface Finished<R> {
  /** Position of the item in the input. */
  index: number;
  value: R;
}

/**
 * Run `worker` over `items`, at most `concurrency` at once, and yield each result as soon as
 * it may be consumed (input order when `ordered`, else completion order).
 *
 * Back-pressure: no more than `concurrency` items are started ahead of the consumer, so memory
 * does not grow with the number of items. Leaving the `for await` loop early (`break`,
 * `return`, an exception) aborts the running workers' signals.
 *
 * @example
 * ```ts
 * for await (const { index, value } of iterateConcurrent(tiles, readTile, { concurrency: 4 })) {
 *   save(index, value);
 * }
 * ```
 */
export async function* iterateConcurrent<T, R>(
  items: readonly T[],
  worker: Worker<T, R>,
  options: IterateOptions,
): AsyncGenerator<Finished<R>, void, undefined> {
  const { concurrency, signal, onProgress, ordered = false } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new PhasInputError(`concurrency must be a positive integer, got ${String(concurrency)}`, {
      argument: 'concurrency',
    });
  }
  throwIfAborted(signal);
  const total = items.length;
  const cancel = new AbortController();
  // Finished items not yet yielded, by index (Map keeps completion order for unordered mode).
  const ready = new Map<number, R>();
  let failure: { error: unknown } | undefined;
  let aborted: PhasAbortError | undefined;
  // The consumer waits on a fresh promise each time and the workers wake it. (Racing the
  // workers against one long-lived promise would keep every result reachable from that
  // promise's reaction list until the end: memory growing with the number of items.)
  let wake: (() => void) | undefined;
  const notify = () => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };
  const onAbort = () => {
    aborted = abortError(signal as AbortSignal);
    cancel.abort(aborted);
    notify();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  let next = 0;
  let loaded = 0;

  // At most `concurrency` items are started and not yet yielded (running or waiting in `ready`).
  const start = () => {
    while (next - loaded < concurrency && next < total) {
      const index = next++;
      void settle(index, () => worker(items[index] as T, index, cancel.signal)).then((outcome) => {
        if (outcome.ok) ready.set(index, outcome.value);
        else failure ??= outcome;
        notify();
      });
    }
  };

  /** The index of the item to yield next, once it is ready; throws on abort or failure. */
  const nextReady = async (): Promise<number> => {
    for (;;) {
      if (aborted) throw aborted;
      // A failure anywhere (not only at the head in ordered mode) cancels the rest at once.
      if (failure) throw failure.error;
      const index = ordered ? (ready.has(loaded) ? loaded : undefined) : ready.keys().next().value;
      if (index !== undefined) return index;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  };

  try {
    reportProgress(onProgress, 0, total);
    start();
    while (loaded < total) {
      const index = await nextReady();
      const value = ready.get(index) as R;
      ready.delete(index);
      loaded++;
      reportProgress(onProgress, loaded, total);
      start();
      yield { index, value };
    }
  } finally {
    cancel.abort(new PhasAbortError('Cancelled: the operation stopped early'));
    signal?.removeEventListener('abort', onAbort);
  }
}

/** Throw {@link PhasAbortError} if `signal` has aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(signal);
}

/** The {@link PhasAbortError} for an aborted signal (its reason as `cause`). */
export function abortError(signal: AbortSignal): PhasAbortError {
  const reason: unknown = signal.reason;
  return reason instanceof PhasAbortError ? reason : new PhasAbortError(undefined, { cause: reason });
}

/** Call a progress callback without letting it break or delay the work. */
export function reportProgress(callback: ProgressCallback | undefined, loaded: number, total: number): void {
  if (!callback) return;
  try {
    const result = callback({ loaded, total });
    if (result && typeof (result as PromiseLike<unknown>).then === 'function') {
      (result as PromiseLike<unknown>).then(undefined, () => undefined);
    }
  } catch {
    // A failing progress callback must not fail the work it reports on.
  }
}

type Outcome<R> = { index: number; ok: true; value: R } | { index: number; ok: false; error: unknown };

/** Run one worker; the promise never rejects (so abandoned work cannot cause unhandled rejections). */
function settle<R>(index: number, run: () => Promise<R>): Promise<Outcome<R>> {
  return Promise.resolve()
    .then(run)
    .then(
      (value): Outcome<R> => ({ index, ok: true, value }),
      (error: unknown): Outcome<R> => ({ index, ok: false, error }),
    );
}
