/**
 * The browser leaf: no files, no environment, no TLS options. Options that need them throw
 * `PhasInputError` saying so. Requests use the page's cookies (`credentials: 'include'`).
 */
import { PhasInputError } from '../errors/index.js';
import type { Platform } from './platform.js';

function unavailable(argument: string): never {
  throw new PhasInputError(`${argument} is not available in browsers (it needs a file system); pass the data instead`, {
    argument,
    code: 'not_available_in_browser',
  });
}

/** The browser implementation of {@link Platform}. */
export const browserPlatform: Platform = {
  name: 'browser',
  // Runtimes without a DOM (Deno, Bun, workers without cookies…) get the SDK's own jar.
  browserCookies: typeof document !== 'undefined',
  readTextFile: async (_path, argument) => unavailable(argument),
  writeFileAtomic: async (_path, _data, argument) => unavailable(argument),
  envKeyPath: () => undefined,
  insecureTlsDispatcher: async () => unavailable('verify'),
};
