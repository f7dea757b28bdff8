/**
 * The `filename` options of Python's API (write the result to a file): Node only.
 */
import { PhasInputError } from '../errors/index.js';
import { currentPlatform } from '../platform/platform.js';
import { checkString } from './validate.js';

/**
 * Validates an optional `filename` option: `undefined` passes, anything else must be a
 * non-empty string, and only where files exist (Node); browsers get `PhasInputError` before any
 * request is made.
 */
export function checkFilename(value: unknown, argument: string): string | undefined {
  if (value === undefined) return undefined;
  const filename = checkString(value, argument);
  if (currentPlatform().name !== 'node') {
    throw new PhasInputError(`${argument} is not available in browsers (it needs a file system); omit it to get the data`, {
      argument,
      code: 'not_available_in_browser',
    });
  }
  return filename;
}

/** Writes `data` to `filename` atomically (temporary file + rename). */
export function writeResultFile(filename: string, data: Uint8Array | string, argument: string): Promise<void> {
  return currentPlatform().writeFileAtomic(filename, data, argument);
}

/**
 * How a file path appears in messages: quoted when it looks like a path, else withheld, so a
 * key pasted where a path belongs (e.g. into `PHAS_AUTH_KEY`) is never echoed.
 */
export function describePath(path: string): string {
  return /[/\\]|\.[a-z0-9]{1,5}$/i.test(path) ? JSON.stringify(path) : '(a value that does not look like a path; not shown)';
}
