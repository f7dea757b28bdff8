/**
 * `Slide` against the dev server, in Node and in Chromium: info and cached headers (E11–E15),
 * `getPatch` checked pixel by pixel against the synthetic slide (`@phas/dev-server/pixels`),
 * the protocol's tiling example, the top/left edge (Q4), argument checks, progress and
 * cancellation, and the NIfTI thumbnail (E17). Requests are counted through the client's
 * `fetch` option.
 */
import { gunzipSync } from 'fflate';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { syntheticSlide, type SyntheticSlide } from '@phas/dev-server/pixels';
import {
  Client,
  PhasAbortError,
  PhasForbiddenError,
  PhasInputError,
  PhasNotFoundError,
  Slide,
  Task,
  type Progress,
  type RasterImage,
} from '../src/index.js';
import { firstDifference as differs, recordingFetch, singleRead } from './helpers/slide-fixtures.js';

const url = inject('phasUrl');
const keys = inject('phasKeys');

/** Paths of every request the client sends (in the order it sends them). */
const { fetch: countingFetch, sent, since } = recordingFetch();

let client: Client;
let task: Task;
/** Seed slide 2 ("tau"): 3000 × 2000, levels 1, 2, 4 (synthetic image 2). */
let tau: Slide;
const tauImage: SyntheticSlide = syntheticSlide(2)!;

beforeAll(async () => {
  client = await Client.connect(url, { apiKey: keys.admin.apiKey, fetch: countingFetch });
  task = await Task.open(client, 3); // the sampling task of the main project
  tau = await Slide.open(task, 2);
});

/** Index of the first differing byte of an RGBA patch, -1 when equal. */
function firstDifference(actual: RasterImage, expected: Uint8Array): number {
  return actual.channels === 4 ? differs(actual, expected) : -3;
}

describe('Slide.open and the slide info (E11)', () => {
  it('exposes the server row and its fields', () => {
    expect(tau.slideId).toBe(2);
    expect(tau.taskId).toBe(3);
    expect(tau.project).toBe('hippocampus');
    expect(tau.detail).toMatchObject({ specimen: 1, block_name: 'B01', section: 10, slide: 2, stain: 'Tau' });
    expect([tau.specimenPrivate, tau.specimenPublic, tau.blockName, tau.section, tau.slideNumber, tau.stain]).toEqual([
      'HC001',
      tau.detail.specimen_public,
      'B01',
      10,
      2,
      'Tau',
    ]);
  });

  it('refuses a bad id before any request, and passes on the server refusal of an unknown slide', async () => {
    const mark = sent.length;
    await expect(Slide.open(task, 0)).rejects.toBeInstanceOf(PhasInputError);
    await expect(Slide.open(task, 2.5)).rejects.toBeInstanceOf(PhasInputError);
    expect(since(mark)).toEqual([]);
    await expect(Slide.open(task, 999_999)).rejects.toBeInstanceOf(PhasForbiddenError);
  });
});

describe('cached slide headers (E12–E15)', () => {
  it('fetches each header once, even for concurrent first calls', async () => {
    const slide = await Slide.open(task, 2);
    const mark = sent.length;
    const [dims, spacing, levels, downsamples, properties, dims2, path, tags] = await Promise.all([
      slide.dimensions(),
      slide.spacing(),
      slide.levelDimensions(),
      slide.levelDownsamples(),
      slide.properties(),
      slide.dimensions(),
      slide.fullpath(),
      slide.tags(),
    ]);
    expect(dims).toEqual([3000, 2000]);
    expect(dims2).toEqual([3000, 2000]);
    expect(spacing).toEqual([0.0005, 0.0005]);
    expect(levels).toEqual([
      [3000, 2000],
      [1500, 1000],
      [750, 500],
    ]);
    expect(downsamples).toEqual([1, 2, 4]);
    expect(properties['openslide.vendor']).toBe('generic-tiff');
    expect(Object.keys(properties).some((k) => k.startsWith('openslide.level'))).toBe(false);
    expect(path).toMatch(/HC001_B01_010_2_Tau\.tiff$/);
    expect(tags).toEqual(['hippo']);
    expect(since(mark).sort()).toEqual(
      [
        '/dzi/hippocampus/2/header',
        '/dzi/download/hippocampus/slide_2_raw_header.json',
        '/dzi/hippocampus/2/filepath',
        '/api/task/3/slide/2/tags',
      ].sort(),
    );
    // Cached: no more requests, and callers get copies they may change.
    (await slide.levelDownsamples()).push(99);
    (await slide.dimensions())![0] = 1;
    expect(await slide.levelDownsamples()).toEqual([1, 2, 4]);
    expect(await slide.dimensions()).toEqual([3000, 2000]);
    expect(since(mark)).toHaveLength(4);
  });

  it('reports null spacing for a slide without spacing metadata', async () => {
    const neun = await Slide.open(await Task.open(client, 1), 4);
    expect(await neun.spacing()).toBeNull();
  });
});

describe('getPatch (E16)', () => {
  it("reproduces the protocol's tiled example: requests in Python's order, pixels of one read", async () => {
    const slide = await Slide.open(task, 2);
    const mark = sent.length;
    const patch = await slide.getPatch({ center: [1500, 1000], level: 1, size: [300, 200], tileSize: 128, concurrency: 1 });
    expect(since(mark)).toEqual([
      '/dzi/download/hippocampus/slide_2_raw_header.json',
      '/dzi/patch/hippocampus/2/raw/1/1328_928_128_128.png',
      '/dzi/patch/hippocampus/2/raw/1/1328_1128_128_72.png',
      '/dzi/patch/hippocampus/2/raw/1/1584_928_128_128.png',
      '/dzi/patch/hippocampus/2/raw/1/1584_1128_128_72.png',
      '/dzi/patch/hippocampus/2/raw/1/1756_928_44_128.png',
      '/dzi/patch/hippocampus/2/raw/1/1756_1128_44_72.png',
    ]);
    expect([patch.width, patch.height, patch.channels]).toEqual([300, 200, 4]);
    expect(firstDifference(patch, singleRead(tauImage, [1500, 1000], 1, [300, 200]))).toBe(-1);
  });

  it('assembles default 1024-px tiles fetched in parallel into the exact level-0 pixels', async () => {
    const mark = sent.length;
    const patch = await tau.getPatch({ center: [1500, 1000], level: 0, size: [2100, 1500] });
    expect(since(mark).filter((p) => p.startsWith('/dzi/patch/'))).toHaveLength(6);
    expect(firstDifference(patch, singleRead(tauImage, [1500, 1000], 0, [2100, 1500]))).toBe(-1);
  });

  it('reads at the top-left corner, where Python gets a 404: transparent outside, exact inside (Q4)', async () => {
    for (const [center, level, size, tileSize] of [
      [[10, 20], 0, [64, 80], 0],
      [[0, 0], 1, [200, 100], 64],
      [[-40, 30], 2, [120, 90], 0],
    ] as const) {
      const mark = sent.length;
      const patch = await tau.getPatch({ center: [...center], level, size: [...size], tileSize });
      expect(firstDifference(patch, singleRead(tauImage, [...center], level, [...size])), `${center}`).toBe(-1);
      for (const path of since(mark)) expect(path).not.toContain('-');
    }
    const corner = await tau.getPatch({ center: [10, 20], level: 0, size: [64, 80], tileSize: 0 });
    expect(Array.from(corner.data.subarray(0, 4))).toEqual([0, 0, 0, 0]); // level-0 (−22, −20)
    expect(corner.data[((40 * 64) + 22) * 4 + 3]).toBe(255); // level-0 (0, 0)
  });

  it('is transparent beyond the right and bottom edges', async () => {
    const patch = await tau.getPatch({ center: [2990, 1995], level: 0, size: [40, 30] });
    expect(firstDifference(patch, singleRead(tauImage, [2990, 1995], 0, [40, 30]))).toBe(-1);
    expect(patch.data[(29 * 40 + 39) * 4 + 3]).toBe(0);
  });

  it('reads a level with a fractional downsample exactly in one request', async () => {
    const plain = await Slide.open(await Task.open(client, 1), 5); // 2999 × 4001, downsample 2.0005…
    const patch = await plain.getPatch({ center: [1500, 2000], level: 1, size: [301, 257], tileSize: 0 });
    expect(firstDifference(patch, singleRead(syntheticSlide(4)!, [1500, 2000], 1, [301, 257]))).toBe(-1);
  });

  it('checks the arguments, the level against the pyramid, before any region request', async () => {
    const mark = sent.length;
    for (const options of [
      { center: [1, 2], level: -1, size: [2, 2] },
      { center: [1, Number.NaN], level: 0, size: [2, 2] },
      { center: [1, 2], level: 0, size: [0, 2] },
      { center: [1, 2], level: 0, size: [2, 2], tileSize: 1.5 },
    ]) {
      await expect(tau.getPatch(options as never)).rejects.toBeInstanceOf(PhasInputError);
    }
    expect(since(mark)).toEqual([]);
    const error = await tau.getPatch({ center: [1, 2], level: 3, size: [2, 2] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PhasInputError);
    expect((error as PhasInputError).argument).toBe('level');
    expect(since(mark).filter((p) => p.startsWith('/dzi/patch/'))).toEqual([]);
  });

  it('reports progress per tile and stops on abort', async () => {
    const seen: Progress[] = [];
    await tau.getPatch({ center: [1500, 1000], level: 0, size: [512, 256], tileSize: 128, onProgress: (p) => seen.push(p) });
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8].map((loaded) => ({ loaded, total: 8 })));

    const controller = new AbortController();
    const mark = sent.length;
    const read = tau.getPatch({
      center: [1500, 1000],
      level: 0,
      size: [512, 256],
      tileSize: 128,
      concurrency: 1,
      signal: controller.signal,
      onProgress: ({ loaded }) => {
        if (loaded === 2) controller.abort();
      },
    });
    await expect(read).rejects.toBeInstanceOf(PhasAbortError);
    expect(since(mark).length).toBeLessThanOrEqual(3);
  });
});

describe('thumbnailNiftiImage (E17)', () => {
  it('calls the task-based URL that works (Q1) and returns the gzipped NIfTI', async () => {
    const mark = sent.length;
    const bytes = await tau.thumbnailNiftiImage({ maxDim: 100 });
    expect(since(mark)).toEqual(['/dzi/download/task/3/slide_2_raw_100.nii.gz']);
    const nii = gunzipSync(bytes!);
    const view = new DataView(nii.buffer, nii.byteOffset, nii.byteLength);
    expect(view.getInt32(0, true)).toBe(348);
    // 3000 × 2000 at most 100 px → level 2 (750 × 500) shrunk to 100 × 67, RGB24.
    expect([0, 1, 2].map((i) => view.getInt16(40 + 2 * i, true))).toEqual([3, 100, 67]);
    expect(view.getInt16(70, true)).toBe(128);
    expect(view.getFloat32(80, true)).toBeCloseTo(0.015, 6);
    expect(nii.length).toBe(352 + 100 * 67 * 3);
  });

  it('checks maxDim before any request and names the download limit and missing spacing', async () => {
    const mark = sent.length;
    await expect(tau.thumbnailNiftiImage({ maxDim: 0 })).rejects.toBeInstanceOf(PhasInputError);
    await expect(tau.thumbnailNiftiImage({ maxDim: 10.5 })).rejects.toBeInstanceOf(PhasInputError);
    expect(since(mark)).toEqual([]);
    const limited = await Slide.open(await Task.open(client, 4), 5); // browse task, limit 2000
    const tooBig = await limited.thumbnailNiftiImage({ maxDim: 2500 }).catch((e: unknown) => e);
    expect(tooBig).toBeInstanceOf(PhasNotFoundError);
    expect((tooBig as PhasNotFoundError).code).toBe('download_limit_exceeded');
    const neun = await Slide.open(await Task.open(client, 1), 4);
    const noSpacing = await neun.thumbnailNiftiImage({ maxDim: 50 }).catch((e: unknown) => e);
    expect(noSpacing).toBeInstanceOf(PhasNotFoundError);
    expect((noSpacing as PhasNotFoundError).code).toBe('missing_spacing');
  });
});
