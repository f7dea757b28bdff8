/**
 * The browsing hierarchy (X19–X22) against the shared dev server, admin account only.
 */
import { describe, expect, inject, it } from 'vitest';
import { seed } from '@phas/dev-server/seed';
import { PhasInputError } from '@phas/sdk';
import { countedClient } from './helpers/counting-fetch.js';

const url = inject('phasUrl');
const keys = inject('phasKeys');

const admin = () => countedClient({ url, apiKey: keys.admin.apiKey });

describe('browsing', () => {
  it('gives the project description', async () => {
    const { client } = await admin();
    expect(await client.projectInfo(seed.projects.main.id)).toEqual({ description: seed.projects.main.desc });
  });

  it('walks specimens, blocks and the slides of a block', async () => {
    const { client } = await admin();
    const task = await client.task(seed.tasks.annot.id);
    const specimens = await task.specimens();
    expect(specimens.map((s) => [s.specimen, s.specimen_display])).toEqual([
      [seed.specimens.first.id, seed.specimens.first.privateName],
      [seed.specimens.second.id, seed.specimens.second.privateName],
    ]);
    expect(specimens[0]).toHaveProperty('nannot');
    const blocks = await task.blocks(seed.specimens.first.id);
    expect(blocks.map((b) => b.block_name)).toEqual(['B,02', 'B01']);
    const slides = await task.blockSlides(seed.specimens.first.id, 'B,02');
    expect(slides.map((s) => [s.id, s.slide_name, s.block_name])).toEqual([[seed.slides.comma.id, seed.slides.comma.name, 'B,02']]);
    expect(await task.blockSlides(seed.specimens.first.id, 'no such block')).toEqual([]);
    const training = await client.task(seed.tasks.dltrain.id);
    expect((await training.specimens())[0]).toHaveProperty('nsamples');
  });

  it('checks arguments before sending', async () => {
    const { client, requests } = await admin();
    const task = await client.task(seed.tasks.annot.id);
    const before = requests.length;
    for (const call of [() => task.blocks(0), () => task.blockSlides(1, ''), () => task.blockSlides(1, 'a/b'), () => task.blockSlides(-1, 'B01'), () => client.projectInfo('')]) {
      await expect(call()).rejects.toBeInstanceOf(PhasInputError);
    }
    expect(requests.length).toBe(before);
  });
});
