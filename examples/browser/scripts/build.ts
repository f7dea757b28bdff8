/**
 * Builds the browser example into `examples/browser/dist` with Vite's JS API (the same as
 * `npm run build -w @phas/example-browser`); used by the e2e spec so that it never tests a
 * stale build.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The example's build output. */
export const exampleDist = join(root, 'dist');

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** Whether `dist/` is missing or older than the app's sources or the SDK build it bundles. */
export function exampleBuildIsStale(): boolean {
  const built = newest(join(exampleDist, 'index.html'));
  const sdkDist = join(createRequire(import.meta.url).resolve('@phas/sdk/package.json'), '..', 'dist');
  const inputs = [join(root, 'src'), join(root, 'index.html'), join(root, 'vite.config.ts'), sdkDist];
  return built === 0 || inputs.some((input) => newest(input) > built);
}

/** Builds the example when its build is stale (or always, with `force`). */
export async function buildExample(force = false): Promise<string> {
  if (!force && !exampleBuildIsStale()) return exampleDist;
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  return exampleDist;
}
