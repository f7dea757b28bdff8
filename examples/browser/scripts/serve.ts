/**
 * `npm run demo:browser`: starts a PHAS dev server with synthetic slides, then the browser
 * example (Vite dev server, or `--preview` for the production build in `dist/`) with a
 * same-origin proxy to it, and prints the URL and the demo API key.
 *
 * Options: `--port <n>` (default 5173), `--preview`, `--phas <url>` (proxy to an existing PHAS
 * server instead of a dev server), `--source` (the app resolves the packages' TypeScript
 * sources; run through `npm run dev:source` so that this script's dev server does too).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createServer, preview } from 'vite';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5173' },
    preview: { type: 'boolean', default: false },
    source: { type: 'boolean', default: false },
    phas: { type: 'string' },
  },
});

const port = Number.parseInt(values.port ?? '5173', 10);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, not ${values.port}`);
  process.exit(2);
}

/** Stops with a hint when a build this mode needs is missing. */
function requireBuilt(file: string, hint: string): void {
  if (existsSync(file)) return;
  console.error(`${file} is missing: ${hint}`);
  process.exit(1);
}
const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
if (!values.source) {
  for (const name of ['@phas/sdk', '@phas/dev-server']) {
    requireBuilt(join(packageDir(name), 'dist/index.js'), 'run `npm run build` first (or `npm run dev:source -w @phas/example-browser`).');
  }
}
if (values.preview) {
  requireBuilt(fileURLToPath(new URL('../dist/index.html', import.meta.url)), 'run `npm run build -w @phas/example-browser` first.');
}

const { startDevServer } = await import('@phas/dev-server');
const dev = values.phas ? undefined : await startDevServer({ host: '127.0.0.1', port: 0 });
process.env.PHAS_URL = values.phas ?? dev!.url;
if (values.source) process.env.PHAS_EXAMPLE_SOURCE = '1';
const configFile = fileURLToPath(new URL('../vite.config.ts', import.meta.url));

const app = values.preview
  ? await preview({ configFile, preview: { port, strictPort: true } })
  : await (await createServer({ configFile, server: { port, strictPort: true } })).listen();
const url = app.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;

console.log(`\nPHAS browser example: ${url}`);
console.log(`PHAS routes are proxied to ${process.env.PHAS_URL}${dev ? ' (dev server with synthetic slides)' : ''}`);
if (dev) {
  console.log(`Demo API key (user admin): ${dev.keys.admin!.apiKey}`);
  console.log('Try: Hippocampus Study → Sampling → a slide with ROIs → click an ROI → click a tile.');
}
console.log('Press Ctrl+C to stop.\n');

async function stop(): Promise<void> {
  await app.close();
  await dev?.stop();
  process.exit(0);
}
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
