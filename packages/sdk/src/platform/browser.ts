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
  // Pages and workers have the browser's cookie store; other runtimes without files (Deno,
  // Bun, edge workers) get the SDK's own jar.
  browserCookies:
    typeof document !== 'undefined' ||
    (typeof self !== 'undefined' && typeof (self as { importScripts?: unknown }).importScripts === 'function'),
  readTextFile: async (_path, argument) => unavailable(argument),
  writeFileAtomic: async (_path, _data, argument) => unavailable(argument),
  envKeyPath: () => undefined,
  insecureTlsDispatcher: async () => unavailable('verify'),
};
