/**
 * The Node leaf: key files and `filename` options through `node:fs/promises`, atomic writes
 * (temporary file + rename), `PHAS_AUTH_KEY`, `verify: false` through an undici `Agent`
 * that accepts self-signed certificates, and PNG inflation with `node:zlib` (thread pool). Installed by `index.node.ts`.
 */
import { randomUUID } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { inflate } from 'node:zlib';
import { PhasInputError } from '../errors/index.js';
import { describePath } from '../util/files.js';
import type { Platform } from './platform.js';

interface DispatcherConstructor {
  new (options: { connect: { rejectUnauthorized: boolean } }): unknown;
}

/**
 * Node bundles undici for `fetch` but does not expose it by name. Its global dispatcher (an
 * undici `Agent`) is published under a registered symbol that undici itself uses to share the
 * dispatcher between copies; its constructor is the bundled `Agent` class. A `data:` fetch
 * loads undici without any network traffic.
 */
async function bundledAgentClass(): Promise<DispatcherConstructor> {
  const key = Symbol.for('undici.globalDispatcher.1');
  const holder = globalThis as unknown as Record<symbol, unknown>;
  if (holder[key] === undefined) await fetch('data:,');
  const dispatcher = holder[key] as { constructor?: unknown } | undefined;
  if (typeof dispatcher?.constructor !== 'function') {
    throw new PhasInputError('verify: false is not supported by this Node version (no bundled undici Agent found)', {
      argument: 'verify',
    });
  }
  return dispatcher.constructor as DispatcherConstructor;
}

function fileError(error: unknown, path: string, argument: string, action: string): PhasInputError {
  const code = (error as { code?: unknown })?.code;
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : typeof code === 'string' ? code : 'I/O error';
  return new PhasInputError(`${argument}: cannot ${action} ${describePath(path)} (${reason})`, { argument });
}

/** The Node implementation of {@link Platform}. */
export const nodePlatform: Platform = {
  name: 'node',
  browserCookies: false,
  async readTextFile(path, argument) {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      throw fileError(error, path, argument, 'read');
    }
  },
  async writeFileAtomic(path, data, argument) {
    const temporary = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
    try {
      await writeFile(temporary, data);
      await rename(temporary, path);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw fileError(error, path, argument, 'write');
    }
  },
  envKeyPath() {
    const value = process.env.PHAS_AUTH_KEY;
    return value === undefined || value === '' ? undefined : value;
  },
  async insecureTlsDispatcher() {
    const Agent = await bundledAgentClass();
    return new Agent({ connect: { rejectUnauthorized: false } });
  },
  inflate(parts, maxBytes) {
    const input = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    // One output chunk of the expected size: a single callback, no re-concatenation.
    const options = { chunkSize: Math.max(64, Math.min(maxBytes, 2 ** 30)), maxOutputLength: Math.max(1, maxBytes) };
    return new Promise((resolve, reject) => {
      inflate(input, options, (error, out) => (error ? reject(error) : resolve(new Uint8Array(out.buffer, out.byteOffset, out.length))));
    });
  },
};
