/**
 * The per-request pipeline: request log and hooks, body, faults, CORS preflight, routing to
 * a handler, Werkzeug pages for failures, the session cookie, CORS headers, and the write
 * (optionally truncated). Handlers never see sockets.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App, Ctx, Handler } from '../app/app.js';
import type { FaultController, FaultDecision } from '../faults.js';
import { SlideImageError } from '../slides/errors.js';
import { RequestContext } from './context.js';
import { allowedOrigin, corsHeaders, preflightHeaders, type CorsSetting } from './cors.js';
import { errorReply, type Reply } from './reply.js';
import type { Router } from './router.js';
import { HttpAbort, HttpRedirect, redirectPage, ServerFailure } from './werkzeug.js';

/** A request as seen by the server (for "no request was made" assertions). */
export interface RequestRecord {
  method: string;
  /** Path without the query string. */
  path: string;
  /** The response status, once answered (undefined for dropped connections). */
  status?: number;
}

/** What the pipeline needs from the server. */
export interface PipelineDeps {
  app: App;
  router: Router<Handler>;
  faults: FaultController;
  /** Path prefix ('' or `/x`). */
  prefix: string;
  cors: CorsSetting | undefined;
  latencyMs: number;
  log: (line: string) => void;
  requests: RequestRecord[];
  hooks: Set<(record: RequestRecord) => void>;
  /** Seconds since the epoch (fractional). */
  now: () => number;
}

const MAX_BODY = 256 * 1024 * 1024;

/** The request log keeps the most recent records only, so a long-running server does not grow without bound. */
export const MAX_RECORDS = 100_000;

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
      const location = e.verbatim ? e.location : prefix + e.location;
      return { status: 302, headers: { 'Content-Type': 'text/html; charset=utf-8', Location: location }, body: redirectPage(location) };
    }
    if (e instanceof HttpAbort) return errorReply(e.status, e.description, e.headers);
    if (e instanceof SlideImageError && e.status === 404) return errorReply(404, e.message);
    log(`${e instanceof ServerFailure ? 'rejected' : 'error'} in ${res.route.endpoint}: ${e instanceof Error ? e.message : String(e)}`);
    return errorReply(500);
  }
}

/** The request target split into path and query (by hand: `new URL()` reads `//x/y` as host `x`). */
function parseTarget(target: string, prefix: string): { rawPath: string; path: string; query: URLSearchParams } {
  const q = target.indexOf('?');
  const rawPath = q < 0 ? target : target.slice(0, q);
  let path = rawPath;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    /* keep the raw path; it will not match any rule */
  }
  if (prefix !== '') path = path.startsWith(`${prefix}/`) ? path.slice(prefix.length) : '';
  return { rawPath, path, query: new URLSearchParams(q < 0 ? '' : target.slice(q + 1)) };
}

/** Adds the session cookie (new, refreshed or deleted) and the CORS headers to a reply's headers. */
function finalHeaders(deps: PipelineDeps, reply: Reply, ctx: Ctx | null, origin: string | null): Record<string, string> {
  const headers: Record<string, string> = { ...reply.headers };
  if (ctx?.sessionModified && ctx.session) {
    const empty = Object.keys(ctx.session).length === 0;
    headers['Set-Cookie'] = empty
      ? 'session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/'
      : `session=${deps.app.codec.encode(ctx.session, ctx.now)}; HttpOnly; Path=/`;
    headers['Vary'] = 'Cookie';
  }
  if (origin) {
    const vary = headers['Vary'];
    Object.assign(headers, corsHeaders(origin));
    if (vary && vary !== 'Origin') headers['Vary'] = `${vary}, Origin`;
  }
  return headers;
}

/**
 * Creates the `node:http` request listener.
 *
 * @example
 * ```ts
 * const server = createServer(createRequestHandler(deps));
 * ```
 */
export function createRequestHandler(deps: PipelineDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const { app, router, faults, prefix, log, requests, hooks } = deps;

  /** Everything up to the reply: preflight, injected error, or the routed handler. */
  const answer = async (req: IncomingMessage, method: string, origin: string | null, error: FaultDecision['error']) => {
    const { path, query } = parseTarget(req.url ?? '/', prefix);
    if (origin && method === 'OPTIONS' && req.headers['access-control-request-method']) {
      return { reply: { status: 204, headers: preflightHeaders(origin, req.headers['access-control-request-headers']), body: '' }, ctx: null };
    }
    if (error) {
      const extra: Record<string, string> = error.status === 503 ? { 'Retry-After': String(error.retryAfterSec) } : {};
      return { reply: errorReply(error.status, undefined, extra), ctx: null };
    }
    const body = await readBody(req);
    const cookie = parseCookie(req.headers.cookie, 'session');
    const now = deps.now();
    const session = cookie ? app.codec.decode(cookie, now) : null;
    const ctx: Ctx = new RequestContext(app, { method, path, query, headers: req.headers, body, session, now });
    return { reply: await dispatch(router, ctx, prefix, log), ctx };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const { rawPath } = parseTarget(req.url ?? '/', prefix);
    const record: RequestRecord = { method, path: rawPath };
    requests.push(record);
    if (requests.length > MAX_RECORDS) requests.splice(0, requests.length - MAX_RECORDS);
    for (const hook of hooks) hook(record);

    const decision = faults.decide(method, rawPath);
    await sleep(deps.latencyMs + decision.latencyMs);
    if (decision.drop) {
      log(`${method} ${rawPath} dropped`);
      req.socket.destroy();
      return;
    }
    const origin = allowedOrigin(deps.cors, req.headers.origin);
    const { reply, ctx } = await answer(req, method, origin, decision.error);
    const headers = finalHeaders(deps, reply, ctx, origin);
    const bytes = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
    headers['Content-Length'] = String(bytes.length);
    record.status = reply.status;
    res.writeHead(reply.status, headers);
    if (method === 'HEAD' || bytes.length === 0) res.end();
    else if (decision.truncate) res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.socket?.destroy());
    else res.end(bytes);
    log(`${method} ${rawPath} ${reply.status} ${(performance.now() - started).toFixed(1)}ms`);
  };

  return (req, res) => {
    handle(req, res).catch((e: unknown) => {
      log(`internal error: ${e instanceof Error ? e.message : String(e)}`);
      if (!res.headersSent) {
        const r = e instanceof HttpAbort ? errorReply(e.status) : errorReply(500);
        res.writeHead(r.status, r.headers);
        res.end(r.body);
      } else res.destroy();
    });
  };
}
