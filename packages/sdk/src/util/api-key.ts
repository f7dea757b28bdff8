/**
 * Where the API key comes from (api.md "Connecting", protocol §3.1, Q44): the `apiKey` option
 * (a string or the key file's object), the `apiKeyFile` option, or the file named by
 * `PHAS_AUTH_KEY`. Every problem is a `PhasInputError` raised before any request; messages
 * name the file but never quote its content.
 */
import { PhasInputError } from '../errors/index.js';
import type { Platform } from '../platform/platform.js';
import { describePath } from './files.js';

/** The parsed API key file: `{"api_key": "<key>"}` (other members are ignored). */
export interface ApiKeyFile {
  api_key: string;
}

/** Where to find the key (a subset of the connect options). */
export interface KeySource {
  apiKey?: string | ApiKeyFile | undefined;
  apiKeyFile?: string | undefined;
}

/** The key from a key file's parsed object; `origin` describes it for messages. */
function keyFromObject(value: unknown, origin: string, argument: string): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new PhasInputError(`${origin} must be a JSON object like {"api_key": "…"}`, { argument, code: 'invalid_key_file' });
  }
  const key = (value as { api_key?: unknown }).api_key;
  if (typeof key !== 'string' || key.trim() === '') {
    throw new PhasInputError(`${origin} has no non-empty "api_key" string member`, { argument, code: 'invalid_key_file' });
  }
  return key.trim();
}

/** Reads and checks a key file. */
async function keyFromFile(path: string, platform: Platform, argument: string): Promise<string> {
  if (typeof path !== 'string' || path === '') {
    throw new PhasInputError(`${argument} must be a non-empty path`, { argument });
  }
  const shown = describePath(path);
  const text = await platform.readTextFile(path, argument);
  if (text.trim() === '') {
    throw new PhasInputError(`the API key file ${shown} is empty`, { argument, code: 'invalid_key_file' });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new PhasInputError(`the API key file ${shown} is not valid JSON`, { argument, code: 'invalid_key_file' });
  }
  return keyFromObject(parsed, `the API key file ${shown}`, argument);
}

/**
 * Resolves the API key. Returns `undefined` only in a browser with no key given (the page's
 * existing session is used then).
 */
export async function resolveApiKey(source: KeySource, platform: Platform): Promise<string | undefined> {
  const { apiKey, apiKeyFile } = source;
  if (apiKey !== undefined && apiKeyFile !== undefined) {
    throw new PhasInputError('give either apiKey or apiKeyFile, not both', { argument: 'apiKey' });
  }
  if (apiKey !== undefined) {
    if (typeof apiKey === 'string') {
      if (apiKey.trim() === '') throw new PhasInputError('apiKey must not be empty', { argument: 'apiKey' });
      return apiKey.trim();
    }
    return keyFromObject(apiKey, 'apiKey', 'apiKey');
  }
  if (apiKeyFile !== undefined) return keyFromFile(apiKeyFile, platform, 'apiKeyFile');
  const envPath = platform.envKeyPath();
  if (envPath !== undefined) return keyFromFile(envPath, platform, 'PHAS_AUTH_KEY');
  if (platform.name === 'node') {
    throw new PhasInputError(
      'no API key: pass apiKey or apiKeyFile, or set PHAS_AUTH_KEY to the path of your key file',
      { argument: 'apiKey', code: 'missing_api_key' },
    );
  }
  return undefined;
}
