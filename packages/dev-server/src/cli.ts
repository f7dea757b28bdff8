#!/usr/bin/env node
/**
 * `phas-dev-server`: runs the PHAS-compatible dev server until SIGINT/SIGTERM.
 *
 * @example
 * ```sh
 * phas-dev-server --port 8080 --keys-dir ./keys --data ./phas-data --verbose
 * ```
 */
import { parseCli, USAGE } from './cli-args.js';
import { startDevServer, type DevServerOptions } from './server.js';

async function main(): Promise<void> {
  let options: DevServerOptions | 'help';
  try {
    options = parseCli(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`phas-dev-server: ${(e as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  const server = await startDevServer(options);
  process.stdout.write(`PHAS dev server listening on ${server.url}\n`);
  for (const key of Object.values(server.keys)) {
    if (key.keyFile) process.stdout.write(`  ${key.username.padEnd(9)} key file: ${key.keyFile}\n`);
  }
  if (!options.keysDir) process.stdout.write('  (no --keys-dir: key files not written)\n');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: shutting down\n`);
    server.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`phas-dev-server: ${(e as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  process.stderr.write(`phas-dev-server: ${(e as Error).message}\n`);
  process.exit(1);
});
