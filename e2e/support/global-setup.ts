/**
 * Playwright global setup: a dev server (built `@phas/dev-server`) and a same-origin front
 * server in front of it. Specs read `PHAS_E2E_URL` (front server) and `PHAS_E2E_KEYS`.
 */
import { startDevServer } from '@phas/dev-server';
import { startFrontServer } from './front-server.ts';

export default async function globalSetup() {
  const dev = await startDevServer({ host: '127.0.0.1', port: 0 });
  const front = await startFrontServer({
    upstream: dev.url,
    statics: {
      '/e2e/': 'e2e/pages',
      '/sdk/': 'packages/sdk/dist',
      '/raster-wasm/': 'packages/raster-wasm/dist',
      '/app/': 'examples/browser/dist',
      '/consumer/': 'e2e/consumer/dist',
      '/esm-deps/': 'e2e/.artifacts/esm-deps',
    },
    headers: (path): Record<string, string> =>
      path.startsWith('/e2e/csp') ? { 'Content-Security-Policy': "script-src 'self' 'wasm-unsafe-eval'" } : {},
  });
  process.env.PHAS_E2E_URL = front.url;
  process.env.PHAS_E2E_DEV_URL = dev.url;
  process.env.PHAS_E2E_KEYS = JSON.stringify(dev.keys);
  return async () => {
    await front.stop();
    await dev.stop();
  };
}
