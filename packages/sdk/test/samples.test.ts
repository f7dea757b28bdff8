/**
 * DLTrainingTask against the shared dev server (Node and Chromium), admin account only. New
 * samples go on slide `plain` and are deleted again.
 */
import { describe, expect, inject, it } from 'vitest';
import { seed } from '@phas/dev-server/seed';
import { Client, DLTrainingTask, PhasAuthError, PhasHttpError, PhasInputError, PhasServerError, type SampleBox } from '@phas/sdk';
import { countingFetch } from './helpers/counting-fetch.js';
import { errorCollector, serialiseError } from './helpers/errors.js';

const url = inject('phasUrl');
const keys = inject('phasKeys');
const { thrown, failure } = errorCollector();

async function open(taskId: number = seed.tasks.dltrain.id) {
  const counter = countingFetch();
  const client = await Client.connect(url, { apiKey: keys.admin.apiKey, fetch: counter.fetch });
  return { task: await DLTrainingTask.open(client, taskId), requests: counter.requests };
}

describe('training samples', () => {
  it('lists the samples of a slide as the server sends them', async () => {
    const { task } = await open();
    const samples = await task.slideTrainingSamples(seed.slides.big.id);
    for (const s of seed.samples.filter((x) => x.task === seed.tasks.dltrain.id && x.slide === seed.slides.big.id)) {
      const row = samples.find((r) => r.id === s.id)!;
      expect(row).toMatchObject({ label: s.label, slide: s.slide, task: s.task, have_patch: 1 });
      expect([row.x0, row.y0, row.x1, row.y1]).toEqual(s.box);
      expect(typeof row.creator).toBe('number');
      expect(typeof row.t_edit).toBe('number');
    }
    expect(await task.slideTrainingSamples(9999)).toEqual([]);
  });

  it('decodes a sample image as an RGBA RasterImage of the display patch size', async () => {
    const { task } = await open();
    const image = await task.getSampleImage(seed.samples[0].id);
    const size = seed.tasks.dltrain.json.dltrain['display-patch-size'];
    expect([image.width, image.height, image.channels, image.data.length]).toEqual([size, size, 4, size * size * 4]);
    expect(image.data.some((v) => v !== 0)).toBe(true);
  });

  it('creates, updates and deletes a sample', async () => {
    const { task } = await open();
    const slide = seed.slides.plain.id;
    const box: SampleBox = [100, 120, 228, 248];
    const id = await task.createTrainingSample(slide, 1, box);
    expect(Number.isInteger(id)).toBe(true);
    let row = (await task.slideTrainingSamples(slide)).find((s) => s.id === id)!;
    expect([row.x0, row.y0, row.x1, row.y1, row.label]).toEqual([...box, 1]);

    await task.updateTrainingSample(slide, id, 3, [100, 120, 300, 320]);
    row = (await task.slideTrainingSamples(slide)).find((s) => s.id === id)!;
    expect([row.x1, row.y1, row.label]).toEqual([300, 320, 3]);
    const image = await task.getSampleImage(id);
    expect([image.width, image.height]).toEqual([512, 512]);

    await task.deleteTrainingSample(slide, id);
    expect((await task.slideTrainingSamples(slide)).some((s) => s.id === id)).toBe(false);
  });

  it("reports the server's box-size refusal as a PhasHttpError, not an auth failure", async () => {
    const { task } = await open();
    const error = await failure(task.createTrainingSample(seed.slides.plain.id, 1, [0, 0, 10, 10]));
    expect(error).toBeInstanceOf(PhasHttpError);
    expect(error).not.toBeInstanceOf(PhasAuthError);
    expect((error as PhasHttpError).status).toBe(401);
    expect((error as PhasHttpError).serverMessage).toBe('Box is too small');
  });

  it('surfaces the 500 of a task without max-size (Q18)', async () => {
    const { task } = await open(seed.tasks.dltrainNoMax.id);
    const error = await failure(task.createTrainingSample(seed.slides.plain.id, 1, [0, 0, 100, 100]));
    expect(error).toBeInstanceOf(PhasServerError);
  });

  it('refuses invalid arguments before sending', async () => {
    const { task, requests } = await open();
    const before = requests.length;
    const calls = [
      () => task.slideTrainingSamples(0),
      () => task.getSampleImage(-1),
      () => task.createTrainingSample(1, 0, [0, 0, 100, 100]),
      () => task.createTrainingSample(1, 1, [0, 0, 100] as never),
      () => task.createTrainingSample(1, 1, [0, 0, 100, Number.NaN]),
      () => task.createTrainingSample(1, 1, [5, 0, 5, 100]),
      () => task.updateTrainingSample(1, 0, 1, [0, 0, 100, 100]),
      () => task.deleteTrainingSample(1, 1.5),
    ];
    for (const call of calls) expect(await failure(call())).toBeInstanceOf(PhasInputError);
    expect(requests.length).toBe(before);
  });

  it('no error thrown in this file contains the key', () => {
    for (const error of thrown) expect(serialiseError(error)).not.toContain(keys.admin.apiKey);
  });
});
