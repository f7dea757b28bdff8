/**
 * Base class of every error the SDK throws.
 *
 * `code` is a stable, machine-readable string for `switch` statements; `retryable` says
 * whether repeating the same call may succeed (network trouble, 5xx, rate limits).
 * Messages are for people and never contain API keys or session cookies.
 *
 * @example
 * ```ts
 * try {
 *   await client.projectListing();
 * } catch (e) {
 *   if (e instanceof PhasError && e.retryable) scheduleRetry();
 *   else throw e;
 * }
 * ```
 */
export class PhasError extends Error {
  // Explicit names survive minification (class names do not).
  override name: string = 'PhasError';
  /** Stable machine-readable error code, e.g. `'wrong_task_mode'`, `'http_403'`. */
  readonly code: string;
  /** Whether the same call may succeed if repeated later. */
  readonly retryable: boolean;

  constructor(message: string, options: { code: string; retryable?: boolean; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.retryable = options.retryable ?? false;
  }
}
