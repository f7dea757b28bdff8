/**
 * Shared helpers of the dev-server contract tests: a private server per spec file and
 * small request wrappers that keep the raw status, headers and body.
 */
import { startDevServer, type DevServer, type DevServerOptions } from '../src/index.js';
import type { SeedUserName } from '../src/seed.js';

/** A raw response: status, headers and body (text and bytes). */
export interface Raw {
  status: number;
  headers: Headers;
  text: string;
  bytes: Uint8Array;
}

/** A server plus helpers bound to it. */
export interface TestServer {
  server: DevServer;
  /** Logs a seeded user in (E1) and returns the `session=…` cookie pair. */
  login(user: SeedUserName): Promise<string>;
  /** Any request without following redirects; `cookie` is sent as the Cookie header. */
  request(method: string, path: string, init?: { cookie?: string; body?: string | URLSearchParams; headers?: Record<string, string> }): Promise<Raw>;
  get(path: string, cookie?: string): Promise<Raw>;
  post(path: string, body?: string | URLSearchParams, cookie?: string, headers?: Record<string, string>): Promise<Raw>;
}

/** Starts a private dev server for one spec file. */
export async function startTestServer(options: DevServerOptions = {}): Promise<TestServer> {
  const server = await startDevServer({ port: 0, ...options });
  const request: TestServer['request'] = async (method, path, init = {}) => {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (init.cookie) headers.cookie = init.cookie;
    const res = await fetch(server.url + path, { method, headers, body: init.body, redirect: 'manual' });
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, bytes, text: new TextDecoder().decode(bytes) };
  };
  const login = async (user: SeedUserName) => {
    const res = await request('POST', '/auth/api/login', { body: new URLSearchParams({ api_key: server.keys[user].apiKey }) });
    if (res.status !== 200) throw new Error(`login of ${user} failed: ${res.status} ${res.text}`);
    const cookie = res.headers.get('set-cookie');
    if (!cookie) throw new Error('no session cookie');
    return cookie.split(';')[0];
  };
  return {
    server,
    login,
    request,
    get: (path, cookie) => request('GET', path, { cookie }),
    post: (path, body, cookie, headers) => request('POST', path, { body, cookie, headers }),
  };
}

/** The Werkzeug error page body for a status and message. */
export function werkzeugPage(status: number, title: string, message: string): string {
  return `<!doctype html>\n<html lang=en>\n<title>${status} ${title}</title>\n<h1>${title}</h1>\n<p>${message}</p>\n`;
}

/** The exact body of a 302 to `location`. */
export function redirectBody(location: string): string {
  return (
    '<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n' +
    `<p>You should be redirected automatically to the target URL: <a href="${location}">${location}</a>. If not, click the link.`
  );
}
