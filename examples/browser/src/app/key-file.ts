/**
 * Reading the API key file that PHAS's "Generate API key" page downloads: JSON
 * `{"api_key": "…"}`. The key is returned to the caller only; it is never logged or shown.
 */

/** The key file could not be used; the message never contains the file's content. */
export class KeyFileError extends Error {
  override name = 'KeyFileError';
}

/**
 * Extracts the key from the text of a key file.
 *
 * @throws {KeyFileError} when the text is not JSON or has no non-empty string `api_key`.
 * @example
 * ```ts
 * const apiKey = parseKeyFile(await file.text());
 * ```
 */
export function parseKeyFile(text: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new KeyFileError('The key file is not JSON; expected {"api_key": "…"} as PHAS downloads it.');
  }
  const key = typeof parsed === 'object' && parsed !== null ? (parsed as { api_key?: unknown }).api_key : undefined;
  if (typeof key !== 'string' || key.trim() === '') {
    throw new KeyFileError('The key file has no "api_key" string.');
  }
  return key.trim();
}

/** Reads a picked `File` (from `<input type=file>`) and extracts its key. */
export async function readKeyFile(file: Blob): Promise<string> {
  if (file.size > 64 * 1024) throw new KeyFileError('The file is too large to be a PHAS key file.');
  return parseKeyFile(await file.text());
}
