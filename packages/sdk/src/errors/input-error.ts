import { PhasError } from './phas-error.js';

/**
 * An argument was invalid (an id that is not a positive integer, NaN coordinates, a
 * malformed geometry or key file, …). Thrown before any request is sent.
 *
 * `code` is `'invalid_input'` unless a more specific code is given; `argument` names the
 * offending parameter.
 *
 * @example
 * ```ts
 * await task.slide(0); // throws PhasInputError: slideId must be a positive integer, got 0
 * ```
 */
export class PhasInputError extends PhasError {
  override name: string = 'PhasInputError';
  /** Name of the offending argument, e.g. `'slideId'` or `'geometry.data[2]'`. */
  readonly argument: string | undefined;

  constructor(message: string, options: { argument?: string; code?: string; cause?: unknown } = {}) {
    super(message, { code: options.code ?? 'invalid_input', retryable: false, cause: options.cause });
    this.argument = options.argument;
  }
}
