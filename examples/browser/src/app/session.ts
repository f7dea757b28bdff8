/**
 * Connecting to PHAS from the page. The API key goes only to `Client.connect` (which posts it
 * in a request body); it is never stored, logged or put in a URL. The server URL is
 * remembered in `sessionStorage` so that a reload can resume the session: the browser still
 * holds the server's session cookie, and connecting without a key uses it.
 */
import { Client } from '@phas/sdk';

const URL_KEY = 'phas-example.server-url';

/** The server URL to offer: the remembered one, else the page's own origin. */
export function defaultServerUrl(): string {
  return sessionStorage.getItem(URL_KEY) ?? location.origin;
}

/** Normalises a server URL typed by a person (adds the scheme, drops trailing slashes). */
export function normaliseServerUrl(input: string): string {
  const trimmed = input.trim() || location.origin;
  const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  const url = new URL(withScheme);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * Connects with an API key and remembers the server URL.
 *
 * @example
 * ```ts
 * const client = await connectWithKey(location.origin, apiKey);
 * ```
 */
export async function connectWithKey(serverUrl: string, apiKey: string): Promise<Client> {
  const client = await Client.connect(serverUrl, { apiKey });
  sessionStorage.setItem(URL_KEY, serverUrl);
  return client;
}

/**
 * Resumes the session of a previous connection (after a reload), without a key.
 * Returns `undefined` when there is none to resume or the server no longer accepts it.
 */
export async function resumeSession(): Promise<{ client: Client; serverUrl: string } | undefined> {
  const serverUrl = sessionStorage.getItem(URL_KEY);
  if (serverUrl === null) return undefined;
  try {
    const client = await Client.connect(serverUrl);
    await client.projectListing();
    return { client, serverUrl };
  } catch {
    return undefined;
  }
}

/** Forgets the remembered server (the "Disconnect" button); the next load asks for a key. */
export function forgetSession(): void {
  sessionStorage.removeItem(URL_KEY);
}
