import { PhasError } from './phas-error.js';

/**
 * A response body did not have the shape the SDK expects (checked with zod): the server
 * changed, or a proxy answered instead of PHAS. Carries the URL and the schema issues.
 */
export class PhasResponseError extends PhasError {
  override name: string = 'PhasResponseError';
  readonly url: string;
  /** Human-readable schema issues (path and message), e.g. `[0].id: expected number`. */
  readonly issues: string[];

  constructor(message: string, init: { url: string; issues?: string[]; cause?: unknown }) {
    super(message, { code: 'invalid_response', retryable: false, cause: init.cause });
    this.url = init.url;
    this.issues = init.issues ?? [];
  }
}
