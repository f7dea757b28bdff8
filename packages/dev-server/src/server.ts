/**
 * `startDevServer`: a PHAS-compatible HTTP server on loopback (node:http, no framework).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { App, type Handler } from './app/app.js';
import { demoKeys, type DevServerKeys } from './auth/key-files.js';
import { loadState, StateWriter } from './data/persistence.js';
import { populateSeedContent } from './data/seed-content.js';
import { createBaseState, type DevState } from './data/state.js';
import { FaultController, type FaultConfig, type FaultRule } from './faults.js';
import type { CorsSetting } from './http/cors.js';
import { createRequestHandler, type RequestRecord } from './http/pipeline.js';
import { Router } from './http/router.js';
import { registerRoutes } from './routes/index.js';
import { seed } from './seed.js';

export type { DevServerKey, DevServerKeys } from './auth/key-files.js';
export type { RequestRecord } from './http/pipeline.js';

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

/** A running dev server. */
export interface DevServer {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  url: string;
  keys: DevServerKeys;
  /** Runtime fault injection. */
  faults: FaultController;
  /** The requests received so far (the latest 100,000), in arrival order (clear with `requests.length = 0`). */
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

  const server: Server = createServer(
    createRequestHandler({ app, router, faults, prefix, cors: options.cors, latencyMs: options.latencyMs ?? 0, log, requests, hooks, now: nowSec }),
  );
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

  const keys = await demoKeys(state, options.keysDir);

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
