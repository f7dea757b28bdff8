/**
 * The retry policy: how many times an idempotent request is repeated and how long to wait.
 * Exponential backoff with full jitter (a uniformly random delay in `[0, min(max, base·2^n)]`),
 * except that a server's `Retry-After` is honoured (capped).
 */
import { PhasInputError } from '../errors/index.js';
import { checkInteger } from '../util/validate.js';

/** Fine-grained retry settings; `Client.connect({ retry })` also accepts a plain count. */
export interface RetryPolicy {
  /**
   * Repeats after the first attempt (default 4, i.e. at most 5 attempts). 0 disables retries.
   * Four, not fewer, because bulk reads (a `patches()` run over thousands of tiles) stop at the
   * first request that fails for good: at a sustained 5 % error rate a tile then fails with
   * probability 0.05^5 ≈ 3·10⁻⁷ instead of 0.05^3 ≈ 10⁻⁴ (12 % of 1,000-tile runs).
   */
  count?: number;
  /** Backoff base in ms (default 250): attempt n waits up to `base·2^n`. */
  baseDelayMs?: number;
  /** Upper bound of one backoff delay in ms (default 8000). */
  maxDelayMs?: number;
  /** Upper bound of a server-requested `Retry-After` wait in ms (default 30000). */
  maxRetryAfterMs?: number;
}

/** A complete policy. */
export type ResolvedRetryPolicy = Required<RetryPolicy>;

/** The default policy: 4 retries, 250 ms base, 8 s cap, `Retry-After` capped at 30 s. */
export const DEFAULT_RETRY: ResolvedRetryPolicy = Object.freeze({
  count: 4,
  baseDelayMs: 250,
  maxDelayMs: 8000,
  maxRetryAfterMs: 30_000,
});

/** Validates and completes a `retry` option. */
export function resolveRetry(retry: number | RetryPolicy | undefined, argument = 'retry'): ResolvedRetryPolicy {
  if (retry === undefined) return DEFAULT_RETRY;
  if (typeof retry === 'number') return { ...DEFAULT_RETRY, count: checkInteger(retry, argument) };
  if (retry === null || typeof retry !== 'object') {
    throw new PhasInputError(`${argument} must be a count or a RetryPolicy object`, { argument });
  }
  return {
    count: retry.count === undefined ? DEFAULT_RETRY.count : checkInteger(retry.count, `${argument}.count`),
    baseDelayMs:
      retry.baseDelayMs === undefined ? DEFAULT_RETRY.baseDelayMs : checkInteger(retry.baseDelayMs, `${argument}.baseDelayMs`),
    maxDelayMs:
      retry.maxDelayMs === undefined ? DEFAULT_RETRY.maxDelayMs : checkInteger(retry.maxDelayMs, `${argument}.maxDelayMs`),
    maxRetryAfterMs:
      retry.maxRetryAfterMs === undefined
        ? DEFAULT_RETRY.maxRetryAfterMs
        : checkInteger(retry.maxRetryAfterMs, `${argument}.maxRetryAfterMs`),
  };
}

/**
 * Parses a `Retry-After` header: delay-seconds or an HTTP date. Returns milliseconds
 * (never negative), or `undefined` when absent or unparseable.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // HTTP dates (IMF-fixdate, RFC 850, asctime) start with the weekday name; anything else,
  // e.g. "-1" (which Date.parse reads as a year), is not a valid Retry-After.
  if (!/^[A-Za-z]{3}/.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * Delay before retry number `retryIndex` (0 for the first retry): the capped `Retry-After`
 * when the server sent one, else full-jitter exponential backoff.
 */
export function retryDelay(
  policy: ResolvedRetryPolicy,
  retryIndex: number,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxRetryAfterMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
  return Math.floor(random() * ceiling);
}
