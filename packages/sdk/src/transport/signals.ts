/**
 * Composition of the caller's signals with a per-request timeout, telling afterwards which of
 * them fired (so an abort and a timeout become different errors).
 */

/** The combined signal of one attempt. Call `dispose()` when the attempt is over. */
export interface AttemptSignal {
  readonly signal: AbortSignal;
  /** True when the timeout, not a caller's signal, ended the attempt. */
  timedOut(): boolean;
  /** True when one of the caller's signals is aborted. */
  callerAborted(): boolean;
  dispose(): void;
}

/**
 * Combines `sources` (undefined entries ignored) and a timeout of `timeoutMs` milliseconds
 * (`0` or `Infinity`: none) into one signal, like `AbortSignal.any` plus `AbortSignal.timeout`
 * but with listeners removed on `dispose()` and a record of the cause.
 */
export function attemptSignal(sources: readonly (AbortSignal | undefined)[], timeoutMs: number): AttemptSignal {
  const controller = new AbortController();
  const active = sources.filter((s): s is AbortSignal => s !== undefined);
  let timedOut = false;
  const onAbort = (event: Event) => {
    controller.abort((event.target as AbortSignal).reason);
  };
  for (const source of active) {
    if (source.aborted) {
      controller.abort(source.reason);
      break;
    }
    source.addEventListener('abort', onAbort, { once: true });
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (!controller.signal.aborted && Number.isFinite(timeoutMs) && timeoutMs > 0) {
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException('The request timed out', 'TimeoutError'));
    }, timeoutMs);
  }
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    callerAborted: () => active.some((s) => s.aborted),
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      for (const source of active) source.removeEventListener('abort', onAbort);
    },
  };
}

/**
 * Resolves after `ms` milliseconds, or rejects with the signal's reason as soon as one of
 * `signals` aborts.
 */
export function sleep(ms: number, signals: readonly (AbortSignal | undefined)[]): Promise<void> {
  const active = signals.filter((s): s is AbortSignal => s !== undefined);
  const aborted = active.find((s) => s.aborted);
  if (aborted) return Promise.reject(aborted.reason);
  return new Promise((resolve, reject) => {
    const onAbort = (event: Event) => {
      clearTimeout(timer);
      for (const s of active) s.removeEventListener('abort', onAbort);
      reject((event.target as AbortSignal).reason);
    };
    const timer = setTimeout(() => {
      for (const s of active) s.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    for (const s of active) s.addEventListener('abort', onAbort, { once: true });
  });
}
