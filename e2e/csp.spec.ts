/**
 * A page with `Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'` (no inline
 * scripts, no eval): the IIFE build still compiles its WebAssembly, rasterises like Pillow,
 * connects and runs the patch extractor's tile plan, without a single CSP violation (no eval).
 */
import { expect, test, type Page } from '@playwright/test';
import { maskSha256, pillowCases } from './consumer/vectors.ts';

declare global {
  interface Window {
    inlineScriptRan?: boolean;
    cspViolations: { directive: string; blocked: string }[];
    cspRasterise(width: number, height: number, xy: number[], fill: number): Promise<number[]>;
  }
}

/** Violations other than the page's own (deliberately blocked) inline script: none allowed, eval included. */
async function unexpectedViolations(page: Page): Promise<{ directive: string; blocked: string }[]> {
  const violations = await page.evaluate(() => window.cspViolations);
  return violations.filter((v) => v.blocked !== 'inline');
}

const keys = () => JSON.parse(process.env.PHAS_E2E_KEYS ?? '{}');
const cspPage = () => `${process.env.PHAS_E2E_URL}/e2e/csp.html`;

test('the policy is in force (inline script blocked)', async ({ page }) => {
  const response = await page.goto(cspPage());
  expect(response?.headers()['content-security-policy']).toBe("script-src 'self' 'wasm-unsafe-eval'");
  expect(await page.evaluate(() => window.inlineScriptRan)).toBeUndefined();
  expect(await page.evaluate(() => typeof (globalThis as { PHAS?: unknown }).PHAS)).toBe('object');
});

test('the WebAssembly core loads and matches Pillow under the policy', async ({ page }) => {
  await page.goto(cspPage());
  for (const c of pillowCases(4)) {
    const bytes = await page.evaluate(({ width, height, xy, fill }) => window.cspRasterise(width, height, xy, fill), c);
    expect(maskSha256(bytes), c.id).toBe(c.sha256);
  }
  expect(await unexpectedViolations(page)).toEqual([]);
});

test('connects and plans the extractor tiles under the policy', async ({ page }) => {
  await page.goto(cspPage());
  await page.fill('#key', keys().admin.apiKey);
  await page.click('button[type=submit]');
  await expect(page.locator('#status')).toHaveText(/^Connected: \d+ projects$/);
  // Protocol §10.4: trapezoid [[500,500,100],[600,1500,200]] with 512/16/8.
  await expect(page.locator('#extractor')).toHaveText(
    JSON.stringify({ indices: [[0, 0], [0, 1], [0, 2]], overlap: [0.359375, 0.8125, 0.5] }),
  );
  expect(await unexpectedViolations(page)).toEqual([]);
});
