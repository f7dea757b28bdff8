/**
 * Benchmark helper: a dev server in its own process (so its rendering and PNG encoding use
 * the other CPU core instead of competing with the client being measured).
 *
 * Run as a child (`node --import tsx dev-server-process.ts <latencyMs>`): it starts the
 * server and writes one JSON line `{ url, apiKey }` to stdout for the parent, then serves
 * until stdin closes. The parent side is {@link startServerProcess}.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** A dev server running in a child process. */
export interface ServerProcess {
  url: string;
  /** The admin's API key (for the benchmark's own client; never printed). */
  apiKey: string;
  stop(): Promise<void>;
}

/** Start the dev server in a child process with `latencyMs` added to every response. */
export async function startServerProcess(latencyMs: number): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), String(latencyMs)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`dev server process exited with ${code}`)));
  });
  const { url, apiKey } = JSON.parse(first) as { url: string; apiKey: string };
  return {
    url,
    apiKey,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}

async function main(): Promise<void> {
  const { startDevServer } = await import('../../dev-server/src/index.js');
  const latencyMs = Number(process.argv[2] ?? 0);
  const server = await startDevServer({ host: '127.0.0.1', port: 0, latencyMs });
  process.stdout.write(`${JSON.stringify({ url: server.url, apiKey: server.keys.admin.apiKey })}\n`);
  process.stdin.resume();
  process.stdin.once('end', () => {
    void server.stop().then(() => process.exit(0));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
