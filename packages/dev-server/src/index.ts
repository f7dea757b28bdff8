/**
 * `@phas/dev-server`: a PHAS-compatible server on localhost with synthetic slides, for
 * demos, examples and tests.
 *
 * @example
 * ```ts
 * import { startDevServer } from '@phas/dev-server';
 * const server = await startDevServer({ port: 8080, keysDir: './keys' });
 * console.log(server.url, server.keys.admin.keyFile);
 * ```
 */
export {
  startDevServer,
  type DevServer,
  type DevServerKey,
  type DevServerKeys,
  type DevServerOptions,
  type RequestRecord,
} from './server.js';
export { FaultController, type FaultConfig, type FaultDecision, type FaultRule } from './faults.js';
export type { CorsSetting } from './http/cors.js';
export { seed, type Seed, type SeedUserName } from './seed.js';
