/**
 * A scripted `fetch` for transport tests: records every call (method, URL, headers, body) and
 * answers from a handler, so tests can assert exactly what was sent and how many times.
 */

/** One recorded call. */
export interface FakeCall {
  method: string;
  url: string;
  headers: Headers;
  /** The body as text ('' when none). */
  body: string;
  redirect: RequestRedirect | undefined;
  credentials: RequestCredentials | undefined;
  signal: AbortSignal | undefined;
}

/** Answers a call: a Response, or a thrown error (network failure). */
export type FakeHandler = (call: FakeCall, index: number) => Response | Promise<Response>;

export interface FakeFetch {
  fetch: typeof globalThis.fetch;
  calls: FakeCall[];
}

async function bodyText(body: unknown): Promise<string> {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  return new Response(body as BodyInit).text();
}

/** A fetch that records calls and answers with `handler`. */
export function fakeFetch(handler: FakeHandler): FakeFetch {
  const calls: FakeCall[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call: FakeCall = {
      method: (init.method ?? 'GET').toUpperCase(),
      url: String(input instanceof Request ? input.url : input),
      headers: new Headers(init.headers),
      body: await bodyText(init.body),
      redirect: init.redirect,
      credentials: init.credentials,
      signal: init.signal ?? undefined,
    };
    calls.push(call);
    if (call.signal?.aborted) throw call.signal.reason;
    return handler(call, calls.length - 1);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

/** A JSON answer served as text/html, like most PHAS endpoints (protocol §2.4). */
export function htmlJson(value: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(value), {
    status: 200,
    ...init,
    headers: { 'content-type': 'text/html; charset=utf-8', ...(init.headers as Record<string, string>) },
  });
}

/** A Werkzeug HTML error page (protocol §2.5). */
export function werkzeugPage(status: number, title: string, message: string, headers: Record<string, string> = {}): Response {
  const body = `<!doctype html>\n<html lang=en>\n<title>${status} ${title}</title>\n<h1>${title}</h1>\n<p>${message}</p>\n`;
  return new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers } });
}

/** A 302 to `location` with Werkzeug's redirect page. */
export function redirect(location: string, headers: Record<string, string> = {}): Response {
  return new Response(`<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>`, {
    status: 302,
    headers: { location, 'content-type': 'text/html; charset=utf-8', ...headers },
  });
}

/** What a browser's `fetch` gives for a redirect with `redirect: 'manual'`. */
export function opaqueRedirect(): Response {
  const response = new Response(null, { status: 200 });
  Object.defineProperty(response, 'type', { value: 'opaqueredirect' });
  Object.defineProperty(response, 'status', { value: 0 });
  Object.defineProperty(response, 'ok', { value: false });
  return response;
}

/** E1's success answer with a session cookie. */
export function loginOk(cookie = 'session=s1'): Response {
  return new Response('{"status":"ok"}\n', {
    status: 200,
    headers: { 'content-type': 'application/json', 'set-cookie': `${cookie}; HttpOnly; Path=/` },
  });
}
