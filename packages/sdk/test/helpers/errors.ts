/**
 * Collects the errors a spec provokes, so the spec can finally check that none of them
 * exposes a secret.
 */
export interface ErrorCollector {
  /** Every error caught by `failure`, in order. */
  thrown: unknown[];
  /** Awaits `promise`, expecting a rejection; returns (and records) the error. */
  failure(promise: Promise<unknown>): Promise<unknown>;
}

export function errorCollector(): ErrorCollector {
  const thrown: unknown[] = [];
  return {
    thrown,
    async failure(promise) {
      try {
        await promise;
      } catch (error) {
        thrown.push(error);
        return error;
      }
      throw new Error('expected a rejection');
    },
  };
}

/** Everything an error exposes, for "no secret inside" checks: own properties and causes. */
export function serialiseError(error: unknown, depth = 0): string {
  if (error === null || typeof error !== 'object' || depth > 5) return String(error);
  const own = JSON.stringify(error, Object.getOwnPropertyNames(error));
  const cause = (error as { cause?: unknown }).cause;
  return `${own} ${String(error)} ${cause === undefined ? '' : serialiseError(cause, depth + 1)}`;
}
