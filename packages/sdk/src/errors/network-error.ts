import { PhasError } from './phas-error.js';

/**
 * The request did not get a complete answer: connection refused or reset, DNS failure,
 * timeout, or a truncated body. Retryable.
 */
export class PhasNetworkError extends PhasError {
  override name: string = 'PhasNetworkError';
  readonly url: string;
  /** True when the request was cut by the SDK's per-request timeout. */
  readonly timedOut: boolean;

  constructor(message: string, init: { url: string; timedOut?: boolean; cause?: unknown }) {
    super(message, { code: init.timedOut ? 'timeout' : 'network_error', retryable: true, cause: init.cause });
    this.url = init.url;
    this.timedOut = init.timedOut ?? false;
  }
}
