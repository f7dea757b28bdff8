/**
 * `dataDir`: state saved after each mutation (atomic temp file + rename) and loaded at
 * start, so a restart keeps keys, sessions, annotations, ROIs and samples.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATE_FILE } from '../src/data/persistence.js';
import { seed } from '../src/seed.js';
import { startTestServer } from './helpers.js';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'phas-data-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('persistent state', () => {
  it('survives a restart: same keys, valid session cookie, stored annotation and ROI', async () => {
    const first = await startTestServer({ dataDir });
    const cookie = await first.login('writer');
    const doc = '[["Layer", {"children": [["Path", {"segments": [[[1, 2], [0, 0], [0, 0]]]}]]}]]';
    expect((await first.post(`/task/1/slide/raw/raw/${seed.slides.plain.id}/annot/set`, doc, cookie)).status).toBe(200);
    const created = await first.post(`/task/3/slide/raw/raw/${seed.slides.plain.id}/dltrain/sampling_roi/create`, '{"label_id": 1, "geometry": {"type": "polygon", "data": [[0, 0], [5, 5]]}}', cookie);
    const { id } = JSON.parse(created.text) as { id: number };
    const keys = first.server.keys;
    await first.server.stop();

    const files = await readdir(dataDir);
    expect(files).toEqual([STATE_FILE]); // no temp file left behind
    expect(await readFile(join(dataDir, STATE_FILE), 'utf8')).not.toContain('"tmp"');

    const second = await startTestServer({ dataDir });
    try {
      expect(second.server.keys.writer.apiKey).toBe(keys.writer.apiKey);
      expect((await second.get(`/task/1/slide/raw/raw/${seed.slides.plain.id}/annot/get`, cookie)).text).toBe(
        '[["Layer", {"children": [["Path", {"segments": [[[1.0, 2.0], [0.0, 0.0], [0.0, 0.0]]]}]]}]]',
      );
      const rois = JSON.parse((await second.get(`/task/3/slide/raw/raw/${seed.slides.plain.id}/sampling_roi/get`, cookie)).text) as { id: number }[];
      expect(rois.map((r) => r.id)).toEqual([id]);
      const next = JSON.parse((await second.post(`/task/3/slide/raw/raw/${seed.slides.plain.id}/dltrain/sampling_roi/create`, '{"label_id": 1, "geometry": {"type": "polygon", "data": [[0, 0], [6, 6]]}}', cookie)).text) as { id: number };
      expect(next.id).toBe(id + 1);
    } finally {
      await second.server.stop();
    }
  });

  it('serialises concurrent writes: every mutation is on disk after flush', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'phas-data-'));
    const t = await startTestServer({ dataDir: dir });
    try {
      const cookie = await t.login('writer');
      const body = (i: number) => `{"label_id": 1, "geometry": {"type": "polygon", "data": [[0, 0], [${i + 1}, ${i + 1}]]}}`;
      await Promise.all(Array.from({ length: 20 }, (_, i) => t.post(`/task/3/slide/raw/raw/${seed.slides.neun.id}/dltrain/sampling_roi/create`, body(i), cookie)));
      await t.server.flush();
      const saved = JSON.parse(await readFile(join(dir, STATE_FILE), 'utf8')) as { rois: { slide: number }[] };
      expect(saved.rois.filter((r) => r.slide === seed.slides.neun.id)).toHaveLength(20);
    } finally {
      await t.server.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
