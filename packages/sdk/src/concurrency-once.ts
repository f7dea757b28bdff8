/**
 * A value fetched at most once and shared: concurrent first calls wait for the same request,
 * later calls get the cached result, a failure is not cached (the next call tries again).
 */
import { abortError, throwIfAborted } from './concurrency.js';

/**
 * A lazily fetched, shared value. `get(signal)` lets one caller stop waiting (with
 * `PhasAbortError`) without cancelling the shared request other callers may need.
 *
 * @example
 * ```ts
 * const header = new SharedValue(() => transport.getJson(path, schema));
 * const [a, b] = await Promise.all([header.get(), header.get()]); // one request
 * ```
 */
export class SharedValue<T> {
  readonly #load: () => Promise<T>;
  #pending: Promise<T> | undefined;

  constructor(load: () => Promise<T>) {
    this.#load = load;
  }

  /** The value, fetching it on the first call (or after a failed one). */
  get(signal?: AbortSignal): Promise<T> {
    throwIfAborted(signal);
    if (!this.#pending) {
      const pending = this.#load();
      this.#pending = pending;
      pending.catch(() => {
        if (this.#pending === pending) this.#pending = undefined;
      });
    }
    return signal ? raceAbort(this.#pending, signal) : this.#pending;
  }
}

/** `promise`, or a rejection with `PhasAbortError` as soon as `signal` aborts. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
