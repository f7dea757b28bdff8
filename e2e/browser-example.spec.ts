/**
 * The browser example app (built, served under /app/ by the front server, same-origin with
 * PHAS): connect, browse, the extractor's heatmap and a tile's patch, drawing and saving an
 * ROI that is still there after a reload. Screenshots are attached as artefacts.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { decodeNifti, decodePng } from '@phas/sdk';
import { buildExample } from '../examples/browser/scripts/build.ts';

test.use({ viewport: { width: 1400, height: 1000 } });

const keys = () => JSON.parse(process.env.PHAS_E2E_KEYS ?? '{}');
const app = (hash = '') => `${process.env.PHAS_E2E_URL}/app/${hash}`;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await buildExample();
});

async function connect(page: Page, hash = ''): Promise<void> {
  await page.goto(app(hash));
  await page.getByTestId('api-key').fill(keys().admin.apiKey);
  await page.getByTestId('connect').click();
  await expect(page.getByTestId('connected-to')).toBeVisible();
}

async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Pixels of a canvas that differ from its first pixel (0 = blank or uniform). */
async function varyingPixels(page: Page, testId: string): Promise<number> {
  return page.getByTestId(testId).evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 4; i < data.length; i += 4) {
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2] || data[i + 3] !== data[3]) n++;
    }
    return n;
  });
}

test('a wrong key is explained in words, without the key', async ({ page }) => {
  await page.goto(app());
  const wrongKey = 'ffffffff-0000-4000-8000-000000000000';
  await page.getByTestId('api-key').fill(wrongKey);
  await page.getByTestId('connect').click();
  const status = page.getByTestId('connect-status');
  await expect(status).toHaveText(/refused the login/);
  await expect(status).not.toContainText(wrongKey);
});

test('connects with the key file PHAS downloads', async ({ page }) => {
  await page.goto(app());
  await page.getByTestId('key-file').setInputFiles({
    name: 'phas_admin_api_key.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ api_key: keys().admin.apiKey })),
  });
  await expect(page.getByTestId('key-file-status')).toHaveText('Key read from phas_admin_api_key.json.');
  await page.getByTestId('connect').click();
  await expect(page.getByTestId('projects-row')).toHaveCount(2);
});

test('a reload resumes the session without the key; when it has ended, the app asks again', async ({ page, context }) => {
  await connect(page);
  await page.reload();
  await expect(page.getByTestId('projects-row')).toHaveCount(2);
  await expect(page.getByTestId('api-key')).toHaveCount(0);

  await context.clearCookies();
  await page.locator('[data-testid=projects-row][data-id=hippocampus]').click();
  await expect(page.getByTestId('error')).toContainText('refused the login');
  await page.getByTestId('connect-again').click();
  await expect(page.getByTestId('connect-form')).toBeVisible();
});

test('browse to a sampling ROI, see the heatmap and a tile patch with its mask', async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await connect(page);

  await expect(page.getByTestId('projects-row')).toHaveCount(2);
  await page.locator('[data-testid=projects-row][data-id=hippocampus]').click();
  await page.locator('[data-testid=tasks-row][data-id="3"]').click();

  // Sampling task: the minimum-ROI filter starts at 1, so every row has ROIs.
  const slides = page.getByTestId('slides-row');
  await expect(slides.first()).toBeVisible();
  const roiCounts = await slides.evaluateAll((rows) => rows.map((r) => Number(r.lastElementChild!.textContent)));
  expect(roiCounts.length).toBeGreaterThan(0);
  expect(roiCounts.every((n) => n >= 1)).toBe(true);
  await page.getByTestId('filter-stain').selectOption('Nissl');
  await expect(page.getByTestId('loading')).toHaveCount(0);
  const stains = await page.getByTestId('slides-row').evaluateAll((rows) => rows.map((r) => r.children[5]!.textContent));
  expect(stains.length).toBeGreaterThan(0);
  expect(new Set(stains)).toEqual(new Set(['Nissl']));
  // Tags (any of), applied with Enter: only the block "B,02" slide is tagged "ctx".
  const slideIds = () => page.getByTestId('slides-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
  await page.getByTestId('filter-tags').fill('ctx');
  await page.getByTestId('filter-tags').press('Enter');
  await expect(page.getByTestId('slides-count')).toHaveText(/^1 of 1$/);
  expect(await slideIds()).toEqual(['3']);
  await page.getByTestId('filter-tags').fill('');
  await page.getByTestId('filter-tags').press('Enter');
  await expect(page.locator('[data-testid=slides-row][data-id="1"]')).toBeVisible();

  await page.locator('[data-testid=slides-row][data-id="1"]').click();
  await expect(page.getByTestId('slide-viewer')).toHaveAttribute('data-state', 'ready');
  await page.locator('[data-testid=rois-row][data-id="1"]').click();

  const heatmap = page.getByTestId('heatmap');
  await expect(heatmap).toBeVisible();
  expect(await varyingPixels(page, 'heatmap')).toBeGreaterThan(100);
  expect(await varyingPixels(page, 'subtiles')).toBeGreaterThan(100);
  expect(Number(await page.getByTestId('tile-count').textContent())).toBeGreaterThan(0);
  await expect(page.locator('[data-testid=overlay-grid]')).toHaveCount(1);

  // The middle of the polygon's grid is inside the ROI.
  const box = (await heatmap.boundingBox())!;
  await heatmap.click({ position: { x: box.width / 2, y: box.height / 2 } });
  await expect(page.getByTestId('patch-canvas')).toBeVisible();
  await expect(page.getByTestId('patch-title')).toHaveText(/^Tile \[\d+, \d+\]$/);
  expect(Number((await page.getByTestId('mask-pixels').textContent())!.replace(/,/g, ''))).toBeGreaterThan(0);
  expect(await varyingPixels(page, 'patch-canvas')).toBeGreaterThan(1000);
  await expect(page.getByTestId('slide-viewer')).toHaveAttribute('data-tiles', 'loaded', { timeout: 30_000 });
  await snap(page, testInfo, 'extractor.png');
  expect(errors).toEqual([]);
});

test('a slide of an annotation task shows the image without the ROI tools', async ({ page }) => {
  await connect(page, '#/task/1/slide/2');
  await expect(page.getByTestId('slide-viewer')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('not-sampling')).toContainText('Annotation');
  await expect(page.getByTestId('roi-editor')).toHaveCount(0);
  await expect(page.getByTestId('slide-title')).toContainText('Tau');
});

/** Opens slide 5 of the sampling task (no seeded ROI) ready for drawing. */
async function openDrawingSlide(page: Page) {
  await connect(page, '#/task/3/slide/5');
  const viewer = page.getByTestId('slide-viewer');
  await expect(viewer).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('rois')).toBeVisible();
  const rows = page.getByTestId('rois-row');
  const box = (await viewer.boundingBox())!;
  return {
    rows,
    before: await rows.count(),
    /** Clicks at a fraction of the viewer's width and height. */
    click: (fx: number, fy: number) => page.mouse.click(box.x + box.width * fx, box.y + box.height * fy),
  };
}

/** Picks the label, saves, and returns the new ROI's id from the status line. */
async function saveRoi(page: Page, label: string): Promise<string> {
  await page.getByTestId('roi-label').selectOption({ label });
  await page.getByTestId('roi-save').click();
  await expect(page.getByTestId('roi-save-status')).toHaveText(/^Saved as ROI \d+\.$/);
  return (await page.getByTestId('roi-save-status').textContent())!.match(/\d+/)![0];
}

test('a new trapezoid ROI is saved and still there after a reload', async ({ page }, testInfo) => {
  const { rows, before, click } = await openDrawingSlide(page);
  await page.getByTestId('draw-trapezoid').click();
  await click(0.42, 0.3);
  await click(0.58, 0.7);
  await expect(page.getByTestId('draw-hint')).toHaveText(/half-width/);
  await click(0.6, 0.42);
  await expect(page.getByTestId('draw-hint')).toHaveText('Trapezoid complete.');
  const id = await saveRoi(page, 'white');
  await expect(rows).toHaveCount(before + 1);
  await expect(page.locator(`[data-testid=rois-row][data-id="${id}"]`)).toContainText('trapezoid');
  await expect(page).toHaveURL(new RegExp(`#/task/3/slide/5/roi/${id}$`));

  await page.reload();
  await expect(page.getByTestId('connected-to')).toBeVisible();
  const saved = page.locator(`[data-testid=rois-row][data-id="${id}"]`);
  await expect(saved).toContainText('white');
  await expect(saved).toContainText('trapezoid');
  await expect(saved).toHaveClass(/selected/);
  await expect(page.getByTestId('extractor')).toBeVisible();
  await expect(page.locator(`.roi-overlay polygon[data-roi="${id}"]`)).toHaveCount(1);
  await snap(page, testInfo, 'new-roi-after-reload.png');
});

test('a polygon ROI is drawn vertex by vertex and saved', async ({ page }) => {
  const { rows, before, click } = await openDrawingSlide(page);
  await page.getByTestId('draw-polygon').click();
  for (const [fx, fy] of [[0.4, 0.35], [0.55, 0.33], [0.6, 0.6], [0.42, 0.62], [0.3, 0.9]] as const) await click(fx, fy);
  await page.keyboard.press('Backspace'); // drops the last vertex
  await expect(page.getByTestId('draw-finish')).toBeEnabled();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('draw-hint')).toHaveText('Polygon complete.');
  await expect(page.locator('.roi-overlay .drawing polygon')).toHaveAttribute('points', /^(\S+ ){3}\S+$/);
  const id = await saveRoi(page, 'background');
  await expect(rows).toHaveCount(before + 1);
  const saved = page.locator(`[data-testid=rois-row][data-id="${id}"]`);
  await expect(saved).toContainText('polygon');
  await expect(saved).toContainText('background');
});

test("a tile's mask downloads as PNG and NIfTI with the tile's origin and spacing", async ({ page }) => {
  // The trapezoid ROI on the block "B,02" slide; the first tile of its grid.
  await connect(page, '#/task/3/slide/3/roi/3');
  const heatmap = page.getByTestId('heatmap');
  await expect(heatmap).toBeVisible();
  await heatmap.click({ position: { x: 3, y: 3 } });
  await expect(page.getByTestId('patch-title')).toHaveText('Tile [0, 0]');
  const maskPixels = Number((await page.getByTestId('mask-pixels').textContent())!.replace(/,/g, ''));
  expect(maskPixels).toBeGreaterThan(0);
  const [ox, oy] = (await page.getByTestId('patch-origin').textContent())!.match(/-?[\d.]+/g)!.map(Number);

  const download = async (testId: string) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
    return { name: file.suggestedFilename(), bytes: new Uint8Array(await readFile((await file.path())!)) };
  };
  const countSet = (data: Uint8Array) => data.reduce((n, v) => n + (v !== 0 ? 1 : 0), 0);

  const png = await download('download-mask-png');
  expect(png.name).toBe('slide3_roi3_tile_0_0_mask.png');
  const mask = decodePng(png.bytes);
  expect([mask.width, mask.height]).toEqual([1088, 1088]);
  const maskBytes = mask.channels === 1 ? mask.data : mask.data.filter((_, i) => i % mask.channels === 0);
  expect(countSet(maskBytes)).toBe(maskPixels);

  const nifti = await download('download-mask-nifti');
  expect(nifti.name).toBe('slide3_roi3_tile_0_0_mask.nii.gz');
  const decoded = decodeNifti(nifti.bytes);
  expect([decoded.image.width, decoded.image.height, decoded.image.channels]).toEqual([1088, 1088, 1]);
  expect(countSet(decoded.image.data)).toBe(maskPixels);
  expect(decoded.origin![0]).toBeCloseTo(ox!, 4);
  expect(decoded.origin![1]).toBeCloseTo(oy!, 4);
  expect(decoded.spacing[0]).toBeGreaterThan(0);

  const patch = decodeNifti((await download('download-patch-nifti')).bytes);
  expect([patch.image.width, patch.image.height, patch.image.channels]).toEqual([1088, 1088, 3]);
  expect(patch.spacing).toEqual(decoded.spacing);
});
