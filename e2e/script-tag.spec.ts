import { expect, test } from '@playwright/test';

const keys = () => JSON.parse(process.env.PHAS_E2E_KEYS ?? '{}');

test('a plain page loads the IIFE bundle with <script>, connects and lists projects', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${process.env.PHAS_E2E_URL}/e2e/script-tag.html`);
  expect(await page.evaluate(() => typeof (globalThis as { PHAS?: unknown }).PHAS)).toBe('object');
  await page.fill('#key', keys().admin.apiKey);
  await page.click('button[type=submit]');
  await expect(page.locator('#status')).toHaveText(/^Connected: \d+ projects$/);
  const items = page.locator('#projects li');
  expect(await items.count()).toBeGreaterThanOrEqual(2);
  expect(errors).toEqual([]);
});

test('a wrong key shows the server message, not the key', async ({ page }) => {
  await page.goto(`${process.env.PHAS_E2E_URL}/e2e/script-tag.html`);
  const wrongKey = 'ffffffff-0000-4000-8000-000000000000';
  await page.fill('#key', wrongKey);
  await page.click('button[type=submit]');
  await expect(page.locator('#status')).toHaveText(/PhasAuthError.*Invalid API key/);
  await expect(page.locator('#status')).not.toContainText(wrongKey);
});
