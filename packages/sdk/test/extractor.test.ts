/**
 * `SamplingROIPatchExtractor` against the dev server, in Node and in Chromium: the protocol's
 * worked example (§10.3) and a §10.4 vector, patches checked pixel by pixel against the
 * synthetic slide, an ROI crossing the slide's left edge (Python's 404, Q4), and `patches()`
 * equal to the single-tile calls, with ordering, progress, early exit and argument checks.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { syntheticSlide } from '@phas/dev-server/pixels';
import {
  Client,
  PhasError,
  PhasInputError,
  SamplingROIPatchExtractor,
  Slide,
  Task,
  type ExtractorPatch,
  type Geometry,
  type Progress,
} from '../src/index.js';
import { countNonZero, level0Rgb, recordingFetch, sameImage } from './helpers/slide-fixtures.js';

const url = inject('phasUrl');
const keys = inject('phasKeys');

const { fetch: countingFetch, sent, since } = recordingFetch();
const patchRequests = (mark: number) => since(mark).filter((p) => p.startsWith('/dzi/patch/'));

/** §10.3: slide 3000 × 2000, tile 512, padding 16, 8 sub-tiles. */
const worked: Geometry = { type: 'polygon', data: [[1000, 500], [2500, 700], [2200, 1800], [900, 1500]] };
const workedOptions = { tileSize: 512, padding: 16, subTilesPerTile: 8 };
const workedDensity = [
  [0.328125, 0.71875, 0.578125, 0.28125],
  [0.53125, 1, 1, 0.359375],
  [0.171875, 0.46875, 0.71875, 0.09375],
];

let client: Client;
let tau: Slide; // seed slide 2: 3000 × 2000, spacing 0.0005 mm (synthetic image 2)
const tauImage = syntheticSlide(2)!;

beforeAll(async () => {
  client = await Client.connect(url, { apiKey: keys.admin.apiKey, fetch: countingFetch, concurrency: 4 });
  tau = await Slide.open(await Task.open(client, 3), 2);
});

/** RGB of the square level-0 region of the slide with top-left (x, y), black outside. */
const expectedRgb = (x: number, y: number, size: number) => level0Rgb(tauImage, x, y, size, size);

describe('SamplingROIPatchExtractor: the worked example (protocol §10.3)', () => {
  let ex: SamplingROIPatchExtractor;
  beforeAll(async () => {
    ex = await SamplingROIPatchExtractor.create(tau, worked, workedOptions);
  });

  it('has the documented grid, densities and tile order', () => {
    const { indices, overlap } = ex.tiles();
    expect(indices).toEqual([0, 1, 2].flatMap((row) => [0, 1, 2, 3].map((col) => [col, row])));
    expect(Array.from(overlap)).toEqual(workedDensity.flat());
    const density = ex.tileMaskDensity();
    expect([density.width, density.height, Array.from(density.data)]).toEqual([4, 3, workedDensity.flat()]);
    const subtiles = ex.subtileMaskDensity();
    expect([subtiles.width, subtiles.height, countNonZero(subtiles)]).toEqual([32, 24, 400]);
    expect(ex.tilePatchOrigin([0, 0])[0]).toBeCloseTo(0.33025, 12);
    expect(ex.tilePatchOrigin([0, 0])[1]).toBeCloseTo(0.18325, 12);
    expect(ex.tilePatchOrigin([3, 2])).toEqual([0.0005 * (676 + 3 * 512 - 16 + 0.5), 0.0005 * (382 + 2 * 512 - 16 + 0.5)]);
  });

  it('reads tile [0, 0] with the documented single request and exact pixels', async () => {
    const mark = sent.length;
    const { image, mask } = await ex.getTilePatchAndMask([0, 0]);
    expect(since(mark)).toEqual(['/dzi/patch/hippocampus/2/raw/0/932_638_544_544.png']);
    expect([image.width, image.height, image.channels]).toEqual([544, 544, 3]);
    expect(sameImage(image, { width: 544, height: 544, channels: 3, data: expectedRgb(676 - 16, 382 - 16, 544) })).toBe(true);
    expect([mask.width, mask.height, mask.channels]).toEqual([544, 544, 1]);
    // The documented count (identical with Pillow 9.4 and 12); the 16-px ring is always 0.
    expect(countNonZero(mask)).toBe(79_363);
    for (let i = 0; i < 544; i++) {
      expect(mask.data[i]).toBe(0);
      expect(mask.data[i * 544]).toBe(0);
      expect(mask.data[543 * 544 + i]).toBe(0);
    }
  });

  it('patches() with concurrency 1 gives exactly the single-tile results, in tiles() order', async () => {
    const seen: Progress[] = [];
    const items: ExtractorPatch[] = [];
    for await (const item of ex.patches({ concurrency: 1, onProgress: (p) => seen.push(p) })) items.push(item);
    const { indices, overlap } = ex.tiles();
    expect(items.map((i) => i.index)).toEqual(indices);
    expect(items.map((i) => i.overlap)).toEqual(Array.from(overlap));
    expect(seen.map((p) => p.loaded)).toEqual([...Array(13).keys()]);
    for (const item of items.filter((_, k) => k % 5 === 0)) {
      const single = await ex.getTilePatchAndMask(item.index);
      expect(sameImage(item.image, single.image)).toBe(true);
      expect(sameImage(item.mask, single.mask)).toBe(true);
      expect(item.origin).toEqual(ex.tilePatchOrigin(item.index));
    }
  });

  it('patches() in parallel yields every tile once, each the same as the single-tile call', async () => {
    const mark = sent.length;
    const items: ExtractorPatch[] = [];
    for await (const item of ex.patches({ concurrency: 3 })) items.push(item);
    expect(patchRequests(mark)).toHaveLength(12);
    expect(items.map((i) => i.index).sort()).toEqual(ex.tiles().indices.sort());
    const [col, row] = items[7]!.index;
    const x = 676 + col * 512 - 16;
    const y = 382 + row * 512 - 16;
    expect(sameImage(items[7]!.image, { width: 544, height: 544, channels: 3, data: expectedRgb(x, y, 544) })).toBe(true);
    expect(items[7]!.overlap).toBe(workedDensity[row]![col]);
  });

  it('stops reading when the consumer leaves the loop', async () => {
    const mark = sent.length;
    let taken = 0;
    for await (const item of ex.patches({ concurrency: 2 })) {
      expect(item.image.channels).toBe(3);
      if (++taken === 2) break;
    }
    // Two consumed, at most two more started ahead of the consumer.
    expect(patchRequests(mark).length).toBeLessThanOrEqual(4);
  });
});

describe('SamplingROIPatchExtractor: other geometries and edges', () => {
  it('matches the §10.4 trapezoid vector', async () => {
    const ex = await SamplingROIPatchExtractor.create(
      tau,
      { type: 'trapezoid', data: [[500, 500, 100], [600, 1500, 200]] },
      { tileSize: 512, padding: 16, subTilesPerTile: 8 },
    );
    expect(ex.tiles().indices).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
    ]);
    expect(Array.from(ex.tiles().overlap)).toEqual([0.359375, 0.8125, 0.5]);
    expect(ex.tilePatchOrigin([0, 0])).toEqual([0.0005 * (343 - 16 + 0.5), 0.0005 * (236 - 16 + 0.5)]);
  });

  it('reads tiles whose centre is left of the slide, where Python gets a 404 (Q4)', async () => {
    // Bounding box −300…400: three 256-px tiles from tx = floor(50) − 384 = −334; tile 0's centre is −206.
    const geometry: Geometry = { type: 'polygon', data: [[-300, 100], [400, 100], [400, 500], [-300, 500]] };
    const ex = await SamplingROIPatchExtractor.create(tau, geometry, { tileSize: 256, padding: 32, subTilesPerTile: 16 });
    const ty = Math.floor(600 / 2) - Math.floor((2 * 256) / 2);
    const mark = sent.length;
    const { image, mask } = await ex.getTilePatchAndMask([0, 0]);
    for (const path of since(mark)) expect(path).not.toContain('-');
    expect(sameImage(image, { width: 320, height: 320, channels: 3, data: expectedRgb(-334 - 32, ty - 32, 320) })).toBe(true);
    expect(Array.from(image.data.subarray(0, 3))).toEqual([0, 0, 0]);
    expect(countNonZero(mask)).toBeGreaterThan(0);
  });

  it('refuses bad geometry, options and tile indices before any request', async () => {
    const mark = sent.length;
    await expect(SamplingROIPatchExtractor.create(tau, { type: 'polygon', data: [[1, 2]] } as Geometry)).rejects.toBeInstanceOf(
      PhasInputError,
    );
    await expect(SamplingROIPatchExtractor.create(tau, worked, { tileSize: 0 })).rejects.toBeInstanceOf(PhasInputError);
    await expect(SamplingROIPatchExtractor.create(tau, worked, { padding: -1 })).rejects.toBeInstanceOf(PhasInputError);
    const ex = await SamplingROIPatchExtractor.create(tau, worked, workedOptions);
    await expect(ex.getTilePatchAndMask([4, 0])).rejects.toBeInstanceOf(PhasInputError);
    await expect(ex.getTilePatchAndMask([0, -1])).rejects.toBeInstanceOf(PhasInputError);
    expect(() => ex.tilePatchOrigin([0.5, 0])).toThrow(PhasInputError);
    await expect(ex.patches({ concurrency: 0 }).next()).rejects.toBeInstanceOf(PhasInputError);
    expect(patchRequests(mark)).toEqual([]);
  });

  it('reads patches of a slide without spacing, but cannot place them (missing_spacing)', async () => {
    const neun = await Slide.open(await Task.open(client, 1), 4);
    const ex = await SamplingROIPatchExtractor.create(neun, worked, workedOptions);
    const { image } = await ex.getTilePatchAndMask([1, 1]);
    expect(image.width).toBe(544);
    let error: unknown;
    try {
      ex.tilePatchOrigin([1, 1]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PhasError);
    expect((error as PhasError).code).toBe('missing_spacing');
  });
});
