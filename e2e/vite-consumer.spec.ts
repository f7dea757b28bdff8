/**
 * The bundler story: an app that does `import { Client, initRaster } from '@phas/sdk'`, built
 * with `vite build`, connects same-origin and rasterises exactly like Pillow.
 */
import { expect, test } from '@playwright/test';
import { buildConsumer } from './consumer/build.ts';
import { maskSha256, pillowCases } from './consumer/vectors.ts';

const keys = () => JSON.parse(process.env.PHAS_E2E_KEYS ?? '{}');

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await buildConsumer();
});

test('a Vite-built app connects, lists projects and rasterises', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${process.env.PHAS_E2E_URL}/consumer/`);
  await page.fill('#key', keys().admin.apiKey);
  await page.click('button[type=submit]');
  await expect(page.locator('#status')).toHaveText(/^Connected: \d+ projects$/);
  await expect(page.locator('#projects li')).toContainText(['hippocampus: Hippocampus Study']);
  await expect(page.locator('#raster')).toHaveText(/^Triangle: [1-9]\d* pixels filled$/);
  expect(errors).toEqual([]);
});

test('the bundled WebAssembly core matches Pillow on the vectors', async ({ page }) => {
  await page.goto(`${process.env.PHAS_E2E_URL}/consumer/`);
  const cases = pillowCases(4);
  expect(cases.length).toBe(4);
  for (const c of cases) {
    const bytes = await page.evaluate(({ width, height, xy, fill }) => window.consumerRasterise(width, height, xy, fill), c);
    expect(bytes.length, c.id).toBe(c.width * c.height);
    expect(maskSha256(bytes), c.id).toBe(c.sha256);
  }
});
