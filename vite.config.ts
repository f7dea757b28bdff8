/**
 * Root Vite/Vitest configuration.
 *
 * Two Vitest projects run the same spec files: `node` (Node.js) and `chromium`
 * (Vitest browser mode, Playwright provider, Debian's Chromium). Files named
 * `*.node.test.ts` need Node (servers, files) and run in the `node` project only.
 * Sources are tested directly through the `phas-source` export condition.
 */
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { chromiumLaunchOptions } from './test/chromium.ts';

const specs = ['packages/*/test/**/*.test.ts', 'examples/*/test/**/*.test.ts'];

export default defineConfig({
  resolve: { conditions: ['phas-source'] },
  // Pre-bundle the SDK's CommonJS/ESM dependencies up front so that the browser project does
  // not discover them mid-run (which makes Vite reload the page under a running test).
  optimizeDeps: { include: ['ofetch', 'zod/mini', 'zod/v4/core', 'upng-js', 'fflate', 'nifti-reader-js'] },
  ssr: { resolve: { conditions: ['phas-source'], externalConditions: ['phas-source'] } },
  test: {
    globalSetup: ['./test/global-setup.ts'],
    reporters: ['default'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: specs,
        },
      },
      {
        extends: true,
        test: {
          name: 'chromium',
          include: specs,
          exclude: ['**/*.node.test.ts', '**/node_modules/**'],
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            api: { host: '127.0.0.1' },
            provider: playwright({ launchOptions: chromiumLaunchOptions() }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
