/**
 * A pass-through `fetch` that counts requests, for "refused before any request" assertions
 * against a real server.
 */
import { Client } from '@phas/sdk';

export interface CountingFetch {
  fetch: typeof globalThis.fetch;
  /** Method and path (with query) of every request, in order. */
  requests: string[];
}

export function countingFetch(): CountingFetch {
  const requests: string[] = [];
  const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    requests.push(`${(init?.method ?? 'GET').toUpperCase()} ${url.pathname}${url.search}`);
    return globalThis.fetch(input, init);
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

/** The inject()ed dev server, for specs that use the shared one. */
export interface SharedServer {
  url: string;
  apiKey: string;
}

/**
 * Connects to the shared dev server through a counting fetch.
 *
 * @example
 * ```ts
 * const { client, requests } = await countedClient({ url: inject('phasUrl'), apiKey: inject('phasKeys').admin.apiKey });
 * ```
 */
export async function countedClient(server: SharedServer): Promise<{ client: Client; requests: string[] }> {
  const counter = countingFetch();
  const client = await Client.connect(server.url, { apiKey: server.apiKey, fetch: counter.fetch });
  return { client, requests: counter.requests };
}
