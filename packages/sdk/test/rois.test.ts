/**
 * SamplingROITask against the shared dev server (Node and Chromium), admin account only. New
 * ROIs go on slide `plain` and are removed again.
 */
import { describe, expect, inject, it } from 'vitest';
import { seed } from '@phas/dev-server/seed';
import { Client, decodeNifti, PhasInputError, SamplingROITask, type Geometry } from '@phas/sdk';
import { countingFetch } from './helpers/counting-fetch.js';
import { errorCollector, serialiseError } from './helpers/errors.js';

const url = inject('phasUrl');
const keys = inject('phasKeys');
const { thrown, failure } = errorCollector();

async function open() {
  const counter = countingFetch();
  const client = await Client.connect(url, { apiKey: keys.admin.apiKey, fetch: counter.fetch });
  return { task: await SamplingROITask.open(client, seed.tasks.sampling.id), requests: counter.requests };
}

describe('sampling ROIs', () => {
  it('lists the ROIs of a slide with their parsed geometry', async () => {
    const { task } = await open();
    const rois = await task.slideSamplingRois(seed.slides.big.id);
    for (const roi of seed.rois.filter((r) => r.task === seed.tasks.sampling.id && r.slide === seed.slides.big.id)) {
      const row = rois.find((r) => r.id === roi.id)!;
      expect(row).toMatchObject({ label: roi.label, slide: roi.slide, task: roi.task });
      expect(typeof row.json).toBe('string');
      expect(row.geometry).toEqual(JSON.parse(row.json));
      // Trapezoids are rebuilt from their corners on write, so compare with a tolerance (§8.1).
      expect(row.geometry.type).toBe(roi.geometry.type);
      const stored = row.geometry.data.flat();
      roi.geometry.data.flat().forEach((v, i) => expect(stored[i]).toBeCloseTo(v, 6));
      expect(stored).toHaveLength(roi.geometry.data.flat().length);
    }
    expect(Object.keys(rois[0]).slice(0, 10)).toEqual(['id', 'x0', 'y0', 'x1', 'y1', 'label', 'slide', 'task', 'meta_id', 'json']);
    expect(Object.keys(rois[0]).at(-1)).toBe('geometry');
  });

  it('creates, updates and deletes ROIs; trapezoid widths are stored as |w|', async () => {
    const { task } = await open();
    const slide = seed.slides.plain.id;
    const polygon: Geometry = { type: 'polygon', data: [[100, 100], [400, 120], [250, 380]] };
    const id = await task.createSamplingRoi(slide, 1, polygon);
    let row = (await task.slideSamplingRois(slide)).find((r) => r.id === id)!;
    expect(row.geometry).toEqual(polygon);
    expect([row.x0, row.y0, row.x1, row.y1, row.label]).toEqual([100, 100, 400, 380, 1]);

    const trapezoid: Geometry = { type: 'trapezoid', data: [[500, 500, 100], [600, 1200, -200]] };
    expect(await task.updateSamplingRoi(slide, id, 2, trapezoid)).toBe(id);
    row = (await task.slideSamplingRois(slide)).find((r) => r.id === id)!;
    expect(row.label).toBe(2);
    expect(row.geometry.type).toBe('trapezoid');
    expect((row.geometry.data[1] as number[])[2]).toBeCloseTo(200, 9);

    await task.deleteSamplingRoi(slide, id);
    expect((await task.slideSamplingRois(slide)).some((r) => r.id === id)).toBe(false);

    const a = await task.createSamplingRoi(slide, 1, polygon);
    const b = await task.createSamplingRoi(slide, 3, trapezoid);
    expect(await task.deleteSamplingRoisOnSlide(slide)).toBe(true);
    const left = await task.slideSamplingRois(slide);
    expect(left.some((r) => r.id === a || r.id === b)).toBe(false);
  });

  it('returns the ROI label image as gzip NIfTI whose voxels are label ids', async () => {
    const { task } = await open();
    const bytes = (await task.slideSamplingRoiNiftiImage(seed.slides.comma.id, { maxDim: 400 }))!;
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    const nifti = decodeNifti(bytes);
    expect(Math.max(nifti.image.width, nifti.image.height)).toBe(400);
    expect(nifti.image.channels).toBe(1);
    const values = new Set(nifti.image.data);
    const label = seed.rois.find((r) => r.slide === seed.slides.comma.id && r.task === seed.tasks.sampling.id)!.label;
    expect(values.has(label)).toBe(true);
    expect(values.has(0)).toBe(true);
  });

  it('refuses invalid geometry and arguments before sending', async () => {
    const { task, requests } = await open();
    const before = requests.length;
    const geometries: unknown[] = [
      { type: 'polygon', data: [[0, 0]] },
      { type: 'polygon', data: [[0, 0], [1, 1, 1]] },
      { type: 'polygon', data: [[0, 0], [1, Number.NaN]] },
      { type: 'trapezoid', data: [[5, 5, 1], [5, 5, 2]] },
      { type: 'trapezoid', data: [[5, 5, 1]] },
      { type: 'circle', data: [[0, 0], [1, 1]] },
      null,
    ];
    for (const geometry of geometries) {
      expect(await failure(task.createSamplingRoi(seed.slides.plain.id, 1, geometry as Geometry)), JSON.stringify(geometry)).toBeInstanceOf(PhasInputError);
      expect(await failure(task.updateSamplingRoi(seed.slides.plain.id, 1, 1, geometry as Geometry))).toBeInstanceOf(PhasInputError);
    }
    const calls = [
      () => task.slideSamplingRois(0),
      () => task.createSamplingRoi(1, 0, { type: 'polygon', data: [[0, 0], [1, 1]] }),
      () => task.deleteSamplingRoi(1, -1),
      () => task.deleteSamplingRoisOnSlide(Number.NaN),
      () => task.slideSamplingRoiNiftiImage(1, { maxDim: 0 }),
      () => task.slideSamplingRoiNiftiImage(1, { maxDim: 10.5 }),
      () => task.slideSamplingRoiNiftiImage(1, { max_dim: 10 } as never),
    ];
    for (const call of calls) expect(await failure(call())).toBeInstanceOf(PhasInputError);
    expect(requests.length).toBe(before);
  });

  it('no error thrown in this file contains the key', () => {
    for (const error of thrown) expect(serialiseError(error)).not.toContain(keys.admin.apiKey);
  });
});
