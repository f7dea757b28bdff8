/**
 * A pass-through `fetch` that counts requests, for "refused before any request" assertions
 * against a real server.
 */
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
