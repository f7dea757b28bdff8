/**
 * What the SDK needs from its runtime beyond `fetch`: files (key files, `filename` options),
 * the `PHAS_AUTH_KEY` environment variable, a TLS dispatcher for `verify: false`, whether
 * the runtime keeps cookies itself, and optionally a native one-piece zlib inflate. The entry points install the right implementation
 * (`index.ts`: browser, `index.node.ts`: Node); the core never imports `node:*`.
 */
import { browserPlatform } from './browser.js';

/** The runtime services used by the SDK core. */
export interface Platform {
  /** `'node'` or `'browser'` (any runtime without files is treated as a browser). */
  readonly name: 'node' | 'browser';
  /** True when requests carry the browser's cookies (`credentials: 'include'`), false when the SDK keeps the session cookie itself. */
  readonly browserCookies: boolean;
  /** Reads a UTF-8 text file; a missing/unreadable file is a `PhasInputError` naming `argument`. */
  readTextFile(path: string, argument: string): Promise<string>;
  /** Writes a file atomically (temporary file in the same directory, then rename). */
  writeFileAtomic(path: string, data: Uint8Array | string, argument: string): Promise<void>;
  /** The value of `PHAS_AUTH_KEY` (a key-file path), if any. */
  envKeyPath(): string | undefined;
  /** An undici dispatcher that accepts self-signed TLS certificates (`verify: false`). */
  insecureTlsDispatcher(): Promise<unknown>;
  /**
   * Inflates the zlib stream made of `parts` in one piece with the runtime's native zlib, off
   * the main thread, producing at most `maxBytes` (more is a `RangeError`). Optional: without
   * it the PNG decoder streams through `DecompressionStream` (or fflate).
   */
  inflate?(parts: readonly Uint8Array[], maxBytes: number): Promise<Uint8Array>;
}

let installed: Platform = browserPlatform;

/** Installs the runtime implementation (called by the entry points). */
export function installPlatform(platform: Platform): void {
  installed = platform;
}

/** The installed runtime implementation. */
export function currentPlatform(): Platform {
  return installed;
}
