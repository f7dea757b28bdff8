/**
 * A small same-origin front server for e2e tests and demos: serves static directories under
 * URL prefixes and forwards every other request to a PHAS server, like a reverse proxy.
 * Pages it serves can therefore use the SDK same-origin, with the session cookie.
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface FrontServerOptions {
  /** URL of the PHAS server that receives every request not matched by `statics`. */
  upstream: string;
  /** URL prefix (e.g. `/e2e/`) → directory on disk. */
  statics: Record<string, string>;
  /** Extra response headers for static files (e.g. a Content-Security-Policy). */
  headers?: (path: string) => Record<string, string>;
  port?: number;
}

export interface FrontServer {
  url: string;
  stop(): Promise<void>;
}

function serveStatic(res: ServerResponse, file: string, extra: Record<string, string>): boolean {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return false;
  }
  if (stat.isDirectory()) return serveStatic(res, join(file, 'index.html'), extra);
  res.writeHead(200, {
    'Content-Type': types[extname(file)] ?? 'application/octet-stream',
    'Content-Length': stat.size,
    'Cache-Control': 'no-store',
    ...extra,
  });
  createReadStream(file).pipe(res);
  return true;
}

function forward(req: IncomingMessage, res: ServerResponse, upstream: URL): void {
  const proxied = httpRequest(
    {
      hostname: upstream.hostname,
      port: upstream.port,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, host: upstream.host },
    },
    (up) => {
      res.writeHead(up.statusCode ?? 502, up.rawHeaders);
      up.pipe(res);
    },
  );
  proxied.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
    res.end('bad gateway');
  });
  req.pipe(proxied);
}

/** Starts the front server on 127.0.0.1 (a free port unless `port` is given). */
export async function startFrontServer(options: FrontServerOptions): Promise<FrontServer> {
  const upstream = new URL(options.upstream);
  const roots = Object.entries(options.statics).map(([prefix, dir]) => [prefix, resolve(dir)] as const);
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    for (const [prefix, dir] of roots) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(dir, path.slice(prefix.length)));
      if (!file.startsWith(dir)) break;
      if (serveStatic(res, file, options.headers?.(path) ?? {})) return;
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    forward(req, res, upstream);
  });
  await new Promise<void>((ok) => server.listen(options.port ?? 0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
