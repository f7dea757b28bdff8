/**
 * Builds the browser example into `examples/browser/dist` with Vite's JS API (the same as
 * `npm run build -w @phas/example-browser`); used by the e2e spec when no build exists yet.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** The example's build output. */
export const exampleDist = fileURLToPath(new URL('../dist/', import.meta.url));

/** Builds the example unless `dist/index.html` exists already (pass `force` to rebuild). */
export async function buildExample(force = false): Promise<string> {
  if (!force && existsSync(`${exampleDist}index.html`)) return exampleDist;
  await build({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)), logLevel: 'warn' });
  return exampleDist;
}
