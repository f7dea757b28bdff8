/**
 * Builds the consumer app with Vite's JS API into `e2e/consumer/dist`, which the e2e front
 * server serves under `/consumer/`. The SDK resolves exactly as in a user's app: through
 * `@phas/sdk`'s package `exports` (its `browser` build in `dist/`).
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** Directory of the consumer app. */
export const consumerRoot = fileURLToPath(new URL('.', import.meta.url));

/** Runs `vite build` on the consumer app; resolves with the output directory. */
export async function buildConsumer(): Promise<string> {
  const outDir = fileURLToPath(new URL('./dist', import.meta.url));
  await build({
    root: consumerRoot,
    base: './',
    configFile: false,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
  return outDir;
}
