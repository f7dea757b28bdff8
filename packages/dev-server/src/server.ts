/**
 * `startDevServer`: a PHAS-compatible HTTP server on loopback (node:http, no framework).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { App, type Ctx, type Handler } from './app/app.js';
import { loadState, StateWriter } from './data/persistence.js';
import { createBaseState, type DevState } from './data/state.js';
import { FaultController, type FaultConfig, type FaultRule } from './faults.js';
import { RequestContext } from './http/context.js';
import { allowedOrigin, corsHeaders, preflightHeaders, type CorsSetting } from './http/cors.js';
import { errorReply, type Reply } from './http/reply.js';
import { Router } from './http/router.js';
import { HttpAbort, HttpRedirect, redirectPage, ServerFailure } from './http/werkzeug.js';
import { registerRoutes } from './routes/index.js';
import { SlideImageError } from './slides/errors.js';
import { seed, type SeedUserName } from './seed.js';
import { populateSeedContent } from './data/seed-content.js';

/** Options of {@link startDevServer}. */
export interface DevServerOptions {
  /** TCP port; 0 (default) = a free port. */
  port?: number;
  /** Interface to bind; default `127.0.0.1`. */
  host?: string;
  /** Directory for the persistent state (`phas-dev-state.json`); omitted = in memory only. */
  dataDir?: string;
  /** Directory to write each user's key file `phas_<username>_api_key.json` into. */
  keysDir?: string;
  /** Latency added to every response, in ms. */
  latencyMs?: number;
  /** Initial fault rules (also settable at run time through `server.faults`). */
  faults?: FaultConfig | FaultRule[];
  /** Opt-in CORS: `true` = any loopback origin, a string = exactly that origin. Default off (like PHAS). */
  cors?: CorsSetting;
  /** Log one line per request (method, path, status, ms); a function receives the lines instead of stderr. */
  verbose?: boolean | ((line: string) => void);
  /** Reproduce the annotation short-segment corruption Q12 (default true). */
  annotationQuirks?: boolean;
  /**
   * Serve under a path prefix, like a PHAS deployed at `https://host/phas` (e.g. `/phas`):
   * routes answer only below it, redirects carry it, `url` ends with it.
   */
  pathPrefix?: string;
}

/** One demo user's credentials. */
export interface DevServerKey {
  username: string;
  /** The API key (a UUID). Never log it. */
  apiKey: string;
  /** Path of the written key file, when `keysDir` was given. */
  keyFile?: string;
}

/** Credentials of every seeded user, by user name. */
export type DevServerKeys = Record<SeedUserName, DevServerKey>;

/** A request as seen by the server (for "no request was made" assertions). */
export interface RequestRecord {
  method: string;
  /** Path without the query string. */
  path: string;
  /** The response status, once answered (undefined for dropped connections). */
  status?: number;
}

/** A running dev server. */
export interface DevServer {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  url: string;
  keys: DevServerKeys;
  /** Runtime fault injection. */
  faults: FaultController;
  /** Every request received so far, in arrival order (clear with `requests.length = 0`). */
  requests: RequestRecord[];
  /** Registers a hook called for every request as it arrives; returns an unsubscribe function. */
  onRequest(hook: (record: RequestRecord) => void): () => void;
  /** The live state (for tests that inspect what the server stored). */
  state: DevState;
  /** Waits until every pending state write is on disk (no-op in memory). */
  flush(): Promise<void>;
  /** Closes the server (open connections are ended) and flushes the state. */
  stop(): Promise<void>;
}

const MAX_BODY = 256 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new HttpAbort(413));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}

function parseCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Builds the reply for a routed request (handler errors become Werkzeug pages). */
async function dispatch(router: Router<Handler>, ctx: Ctx, prefix: string, log: (msg: string) => void): Promise<Reply> {
  const method = ctx.method === 'HEAD' ? 'HEAD' : ctx.method;
  const res = router.resolve(method, ctx.path);
  if (res.kind === 'not-found') return errorReply(404);
  if (ctx.method === 'OPTIONS') return { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8', Allow: res.allowed.join(', ') }, body: '' };
  if (res.kind === 'method-not-allowed') return errorReply(405, undefined, { Allow: res.allowed.join(', ') });
  ctx.params = res.params;
  try {
    return await res.route.handler(ctx);
  } catch (e) {
    if (e instanceof HttpRedirect) {
      const location = prefix + e.location;
      return { status: 302, headers: { 'Content-Type': 'text/html; charset=utf-8', Location: location }, body: redirectPage(location) };
    }
    if (e instanceof HttpAbort) return errorReply(e.status, e.description, e.headers);
    if (e instanceof SlideImageError && e.status === 404) return errorReply(404, e.message);
    log(`${e instanceof ServerFailure ? 'rejected' : 'error'} in ${res.route.endpoint}: ${e instanceof Error ? e.message : String(e)}`);
    return errorReply(500);
  }
}

/**
 * Starts a PHAS-compatible server with the seed data and synthetic slides.
 *
 * @example
 * ```ts
 * const server = await startDevServer({ port: 0, cors: true });
 * const res = await fetch(`${server.url}/auth/api/login`, {
 *   method: 'POST',
 *   body: new URLSearchParams({ api_key: server.keys.admin.apiKey }),
 * });
 * await server.stop();
 * ```
 */
export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const host = options.host ?? '127.0.0.1';
  const prefix = (options.pathPrefix ?? '').replace(/\/+$/, '');
  if (prefix !== '' && !/^\/[^?#]*$/.test(prefix)) throw new TypeError(`pathPrefix must start with '/', got '${options.pathPrefix}'`);
  const nowSec = () => (performance.timeOrigin + performance.now()) / 1000;
  let state = options.dataDir ? await loadState(options.dataDir) : null;
  const fresh = state === null;
  if (!state) {
    state = createBaseState(seed, Math.floor(nowSec()));
    populateSeedContent(state, seed, nowSec());
  }
  const writer = options.dataDir ? new StateWriter(options.dataDir, state) : null;
  const app = new App(state, { annotationQuirks: options.annotationQuirks ?? true }, () => writer?.schedule());
  if (fresh) writer?.schedule();

  const router = new Router<Handler>();
  registerRoutes(router);

  const logLine = typeof options.verbose === 'function' ? options.verbose : options.verbose ? (l: string) => process.stderr.write(`${l}\n`) : null;
  const log = (msg: string) => logLine?.(msg);
  const faults = new FaultController(options.faults, () => app.rotateSecret(randomBytes(32).toString('hex')));
  const requests: RequestRecord[] = [];
  const hooks = new Set<(r: RequestRecord) => void>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const method = (req.method ?? 'GET').toUpperCase();
    // The request target is split by hand: `new URL()` would read `//x/y` as host `x`.
    const target = req.url ?? '/';
    const q = target.indexOf('?');
    const url = { pathname: q < 0 ? target : target.slice(0, q), searchParams: new URLSearchParams(q < 0 ? '' : target.slice(q + 1)) };
    let path = url.pathname;
    try {
      path = decodeURIComponent(path);
    } catch {
      /* keep the raw path; it will not match any rule */
    }
    if (prefix !== '') path = path.startsWith(`${prefix}/`) ? path.slice(prefix.length) : '';
    const record: RequestRecord = { method, path: url.pathname };
    requests.push(record);
    for (const hook of hooks) hook(record);

    const body = await readBody(req);
    const decision = faults.decide(method, url.pathname);
    await sleep((options.latencyMs ?? 0) + decision.latencyMs);
    if (decision.drop) {
      log(`${method} ${url.pathname} dropped`);
      req.socket.destroy();
      return;
    }
    const origin = allowedOrigin(options.cors, req.headers.origin);
    let reply: Reply;
    let ctx: Ctx | null = null;
    if (origin && method === 'OPTIONS' && req.headers['access-control-request-method']) {
      reply = { status: 204, headers: preflightHeaders(origin, req.headers['access-control-request-headers']), body: '' };
    } else if (decision.error) {
      const { status, retryAfterSec } = decision.error;
      reply = errorReply(status, undefined, status === 503 ? { 'Retry-After': String(retryAfterSec) } : {});
    } else {
      const cookie = parseCookie(req.headers.cookie, 'session');
      const now = nowSec();
      ctx = new RequestContext(app, {
        method,
        path,
        query: url.searchParams,
        headers: req.headers,
        body,
        session: cookie ? app.codec.decode(cookie, now) : null,
        now,
      });
      reply = await dispatch(router, ctx, prefix, log);
    }
    const headers: Record<string, string | string[]> = { ...reply.headers };
    if (ctx?.sessionModified && ctx.session) {
      const empty = Object.keys(ctx.session).length === 0;
      headers['Set-Cookie'] = empty
        ? 'session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/'
        : `session=${app.codec.encode(ctx.session, ctx.now)}; HttpOnly; Path=/`;
      headers['Vary'] = 'Cookie';
    }
    if (origin) {
      const vary = headers['Vary'];
      Object.assign(headers, corsHeaders(origin));
      if (vary && vary !== 'Origin') headers['Vary'] = `${String(vary)}, Origin`;
    }
    const bytes = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
    headers['Content-Length'] = String(bytes.length);
    record.status = reply.status;
    res.writeHead(reply.status, headers);
    if (method === 'HEAD' || bytes.length === 0) res.end();
    else if (decision.truncate) {
      res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.socket?.destroy());
    } else res.end(bytes);
    log(`${method} ${url.pathname} ${reply.status} ${(performance.now() - started).toFixed(1)}ms`);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      log(`internal error: ${e instanceof Error ? e.message : String(e)}`);
      if (!res.headersSent) {
        const r = e instanceof HttpAbort ? errorReply(e.status) : errorReply(500);
        res.writeHead(r.status, r.headers);
        res.end(r.body);
      } else res.destroy();
    });
  });
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostInUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${hostInUrl}:${address.port}${prefix}`;

  const keys = {} as DevServerKeys;
  for (const [name, u] of Object.entries(seed.users) as [SeedUserName, (typeof seed.users)[SeedUserName]][]) {
    const key = state.apiKeys.find((k) => k.userId === u.id);
    if (!key) continue;
    const entry: DevServerKey = { username: u.username, apiKey: key.key };
    if (options.keysDir) {
      await mkdir(options.keysDir, { recursive: true });
      entry.keyFile = join(options.keysDir, `phas_${u.username}_api_key.json`);
      await writeFile(entry.keyFile, JSON.stringify({ api_key: key.key }), { mode: 0o600 });
    }
    keys[name] = entry;
  }

  return {
    url,
    keys,
    faults,
    requests,
    state,
    onRequest(hook) {
      hooks.add(hook);
      return () => hooks.delete(hook);
    },
    flush: async () => writer?.flush(),
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
      await writer?.flush();
    },
  };
}
