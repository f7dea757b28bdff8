import { PhasError } from './phas-error.js';

/** The caller cancelled the operation through its `AbortSignal`. Not retryable. */
export class PhasAbortError extends PhasError {
  override name: string = 'PhasAbortError';
  constructor(message = 'The operation was aborted', options: { cause?: unknown } = {}) {
    super(message, { code: 'aborted', retryable: false, cause: options.cause });
  }
}
