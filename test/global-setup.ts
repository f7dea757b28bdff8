/**
 * Vitest global setup (runs once per project, in Node): starts a dev server on a free
 * loopback port and hands its URL and demo keys to the specs through `inject()`.
 * The Chromium project reaches it cross-origin through the dev server's opt-in CORS;
 * both sides are on 127.0.0.1, so the session cookie is same-site.
 */
import type { TestProject } from 'vitest/node';
import { startDevServer, type DevServerKeys } from '../packages/dev-server/src/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the dev server started for this project, e.g. `http://127.0.0.1:40123`. */
    phasUrl: string;
    /** Demo users' API keys (and key-file paths) of that server. */
    phasKeys: DevServerKeys;
  }
}

export default async function setup(project: TestProject) {
  const server = await startDevServer({ host: '127.0.0.1', port: 0, cors: true });
  project.provide('phasUrl', server.url);
  project.provide('phasKeys', server.keys);
  return async () => {
    await server.stop();
  };
}
