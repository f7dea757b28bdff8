/**
 * Browsing endpoints X20–X24, X26, X32, X33 (protocol §11.9, §11.10, §11.12).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../src/seed.js';
import { startTestServer, werkzeugPage, type TestServer } from './helpers.js';

let t: TestServer;
let admin: string;
let writer: string;
beforeAll(async () => {
  t = await startTestServer();
  [admin, writer] = await Promise.all([t.login('admin'), t.login('writer')]);
});
afterAll(async () => {
  await t.server.stop();
});

describe('X20–X22 hierarchy', () => {
  it('X20 lists specimens by display name with counts per mode', async () => {
    expect((await t.get(`/api/task/${seed.tasks.annot.id}/specimens`, admin)).text).toBe(
      '[{"specimen_display": "HC001", "specimen": 1, "nblocks": 2, "nslides": 3, "nannot": 2}, {"specimen_display": "HC002", "specimen": 2, "nblocks": 1, "nslides": 2, "nannot": 0}]',
    );
    expect((await t.get(`/api/task/${seed.tasks.sampling.id}/specimens`, writer)).text).toBe(
      '[{"specimen_display": "Anon 0001", "specimen": 1, "nblocks": 2, "nslides": 3, "nsamples": 3}, {"specimen_display": "Donor B", "specimen": 2, "nblocks": 1, "nslides": 2, "nsamples": 0}]',
    );
  });

  it('X21 lists a specimen’s blocks by name; X22 the slides of a block by section and slide', async () => {
    expect((await t.get(`/api/task/${seed.tasks.dltrain.id}/specimen/1/blocks`, admin)).text).toBe(
      '[{"block_id": 2, "block_name": "B,02", "specimen_display": "HC001", "nslides": 1, "nsamples": 0}, {"block_id": 1, "block_name": "B01", "specimen_display": "HC001", "nslides": 2, "nsamples": 3}]',
    );
    const res = await t.get(`/api/task/${seed.tasks.sampling.id}/specimen/1/block/B01/slides`, admin);
    const rows = JSON.parse(res.text) as Record<string, unknown>[];
    expect(rows.map((r) => r.id)).toEqual([1, 2]);
    expect(Object.keys(rows[0]).slice(-2)).toEqual(['specimen_display', 'n_samples']);
    expect(rows[0].n_samples).toBe(2);
    expect((await t.get(`/api/task/${seed.tasks.sampling.id}/specimen/1/block/nope/slides`, admin)).text).toBe('[]');
  });
});

describe('X23/X24 CSVs', () => {
  it('X23 joins values without quoting (Q27)', async () => {
    const res = await t.get(`/api/task/${seed.tasks.browse.id}/slide_manifest.csv`, admin);
    expect(res.text).toBe('id,specimen,block,stain,section,slide\n1,HC001,B01,Nissl,10,1\n3,HC001,B,02,Nissl,3,1\n5,HC002,B01,Nissl,6,1\n');
  });

  it('X24 has the pandas index column and an attachment disposition', async () => {
    const res = await t.post(`/api/task/task_${seed.tasks.browse.id}_slides.csv`, undefined, admin);
    expect(res.headers.get('content-disposition')).toBe('attachment');
    const lines = res.text.trim().split('\n');
    expect(lines[0].startsWith(',id,block_id,')).toBe(true);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['0,3', '1,1', '2,5']);
  });
});

describe('X26, X32, X33', () => {
  it('X26 counts this task’s objects on this slide per label; other modes → 500', async () => {
    const res = await t.get(`/dltrain/task/${seed.tasks.sampling.id}/slide/${seed.slides.big.id}/labelset/table/json`, admin);
    expect(res.text).toBe(
      '[{"id": 1, "labelset": 1, "parent_id": null, "name": "gray", "description": "Gray matter", "color": "#ff0000", "n_samples": 1}, ' +
        '{"id": 2, "labelset": 1, "parent_id": null, "name": "white", "description": null, "color": "#00ff00", "n_samples": 1}, ' +
        '{"id": 3, "labelset": 1, "parent_id": null, "name": "background", "description": "No tissue", "color": "#0000ff", "n_samples": 0}]',
    );
    expect((await t.get(`/dltrain/task/${seed.tasks.annot.id}/slide/1/labelset/table/json`, admin)).status).toBe(500);
  });

  it('X32 slide admin info (jsonify, task-slide admin)', async () => {
    const res = await t.get(`/api/task/1/slide/${seed.slides.tau.id}/slide_admin_info`, admin);
    expect(res.text).toBe(
      '{"block":"B01","id":2,"metadata":{"dimensions":[3000,2000],"spacing":[0.0005,0.0005]},"raw_url_local":"/srv/phas/data/hippocampus/HC001/histo_raw/HC001_B01_010_2_Tau.tiff","raw_url_remote":"/srv/phas/data/hippocampus/HC001/histo_raw/HC001_B01_010_2_Tau.tiff","slide_ext":"tiff","slide_name":"HC001_B01_010_2_Tau","specimen":"HC001"}\n',
    );
    expect((await t.get(`/api/task/1/slide/${seed.slides.tau.id}/slide_admin_info`, writer)).status).toBe(403);
  });

  it('X33 validates the preferences schema', async () => {
    const path = `/api/task/1/slide/${seed.slides.tau.id}/user_preferences/set`;
    const ok = await t.post(path, '{"rotation": 90, "flip": true}', writer);
    expect([ok.text, ok.headers.get('contenttype')]).toEqual(['{"success": true}', 'application/json']);
    expect((await t.post(path, '{"flip": "yes"}', writer)).text).toBe(werkzeugPage(404, 'Not Found', 'Invalid JSON'));
    expect((await t.post(path, 'x', writer)).status).toBe(500);
  });
});
