/** PHAS's plain-text `success` answers (protocol Q7). */
import { PhasResponseError } from '../errors/index.js';

/** Throws `PhasResponseError` unless the body is exactly `success`. */
export function expectSuccess(text: string, url: string): void {
  if (text.trim() !== 'success') {
    throw new PhasResponseError(`The server did not confirm the operation at ${url} (expected "success")`, {
      url,
      issues: [`(root): expected "success", got ${JSON.stringify(text.slice(0, 60))}`],
    });
  }
}
