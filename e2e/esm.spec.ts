/**
 * The SDK's built ESM (`packages/sdk/dist/index.js`, served as `/sdk/index.js`) in a page with
 * no bundler: its bare imports are mapped by an import map to the built `@phas/raster-wasm`
 * and to pre-bundled third-party dependencies (`e2e/consumer/esm-deps.ts`).
 */
import { expect, test } from '@playwright/test';
import { bareImports, buildEsmDeps, esmImportMap } from './consumer/esm-deps.ts';
import { maskSha256, pillowCases } from './consumer/vectors.ts';

declare global {
  interface Window {
    esmSdk?: Record<string, unknown>;
    esmRasterise(width: number, height: number, xy: number[], fill: number): Promise<number[]>;
  }
}

const keys = () => JSON.parse(process.env.PHAS_E2E_KEYS ?? '{}');
const esmPage = () => `${process.env.PHAS_E2E_URL}/e2e/esm.html`;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await buildEsmDeps();
});

test('the page maps every bare import of the built ESM', () => {
  const mapped = Object.keys(esmImportMap());
  const imported = bareImports();
  expect(imported).toContain('@phas/raster-wasm');
  expect(imported.filter((name) => !mapped.includes(name))).toEqual([]);
});

test('the ESM build loads through an import map and exports the API', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(esmPage());
  await expect(page.locator('#status')).toHaveText('SDK loaded');
  const names = await page.evaluate(() => Object.keys(window.esmSdk ?? {}));
  for (const name of ['Client', 'Task', 'SamplingROITask', 'Slide', 'initRaster', 'encodeNifti', 'PhasError', 'PhasAuthError']) {
    expect(names, name).toContain(name);
  }
  expect(errors).toEqual([]);
});

test('connects, reads a PNG patch and rasterises like Pillow', async ({ page }) => {
  await page.goto(esmPage());
  await expect(page.locator('#status')).toHaveText('SDK loaded');
  await page.fill('#key', keys().admin.apiKey);
  await page.click('button[type=submit]');
  await expect(page.locator('#status')).toHaveText(/^Connected: \d+ projects$/);
  await expect(page.locator('#patch')).toHaveText('Patch 40×30×4');
  for (const c of pillowCases(2)) {
    const bytes = await page.evaluate(({ width, height, xy, fill }) => window.esmRasterise(width, height, xy, fill), c);
    expect(maskSha256(bytes), c.id).toBe(c.sha256);
  }
});
