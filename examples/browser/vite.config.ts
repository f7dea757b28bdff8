/**
 * Vite configuration of the browser example. PHAS sends no CORS headers, so the page and
 * PHAS must share an origin: the dev and preview servers proxy PHAS's routes to `PHAS_URL`
 * (default `http://127.0.0.1:5000`), the way nginx sits in front of a real PHAS.
 * `PHAS_EXAMPLE_SOURCE=1` resolves the workspace packages from their TypeScript sources
 * instead of their builds.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type ProxyOptions } from 'vite';

/** The PHAS route prefixes the app calls (protocol §1). */
export const phasRoutes = ['auth', 'api', 'dzi', 'task', 'dltrain', 'slide'];

/** Proxy table sending PHAS's routes to `target`. */
export function phasProxy(target: string): Record<string, ProxyOptions> {
  return {
    [`^/(${phasRoutes.join('|')})(/|$)`]: { target, changeOrigin: true, autoRewrite: true },
  };
}

const target = process.env.PHAS_URL ?? 'http://127.0.0.1:5000';
const source = process.env.PHAS_EXAMPLE_SOURCE === '1';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  resolve: source ? { conditions: ['phas-source', 'browser', 'module', 'import', 'default'] } : {},
  server: { host: '127.0.0.1', proxy: phasProxy(target) },
  preview: { host: '127.0.0.1', proxy: phasProxy(target) },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
});
