/**
 * E8 detailed slide manifest (protocol §5.4): columns per mode, filters, order, quoting,
 * anonymized variant, 500 cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../src/seed.js';
import { startTestServer, werkzeugPage, type TestServer } from './helpers.js';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await t.login('admin');
});
afterAll(async () => {
  await t.server.stop();
});

const url = (task: number, query = '') => `/api/task/${task}/slide_detailed_manifest.csv${query}`;
const ids = (csv: string) => csv.trim().split('\n').slice(1).map((line) => Number(line.split(',')[0]));
const BASE = 'id,block_id,section,slide,stain,slide_name,slide_ext,project,specimen,block_name,specimen_private,specimen_public,task_id,specimen_display';

describe('E8 columns, order and quoting', () => {
  it('annot task: base + n_paths,n_markers,n_annot; rows by specimen_display, block_name, section, slide; B,02 quoted', async () => {
    const res = await t.get(url(seed.tasks.annot.id), admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.text).toBe(
      `${BASE},n_paths,n_markers,n_annot\n` +
        '3,2,3,1,Nissl,HC001_B02_003_1_Nissl,svs,hippocampus,1,"B,02",HC001,Anon 0001,1,HC001,1,0,1\n' +
        '1,1,10,1,Nissl,HC001_B01_010_1_Nissl,tiff,hippocampus,1,B01,HC001,Anon 0001,1,HC001,0,0,0\n' +
        '2,1,10,2,Tau,HC001_B01_010_2_Tau,tiff,hippocampus,1,B01,HC001,Anon 0001,1,HC001,2,1,3\n' +
        '4,3,5,1,NeuN,HC002_B01_005_1_NeuN,tif,hippocampus,2,B01,HC002,Donor B,1,HC002,0,0,0\n' +
        '5,3,6,1,Nissl,HC002_B01_006_1_Nissl,mrxs,hippocampus,2,B01,HC002,Donor B,1,HC002,0,0,0\n',
    );
  });

  it.each([
    [seed.tasks.dltrain.id, 'n_samples'],
    [seed.tasks.sampling.id, 'n_sampling_rois'],
  ])('task %i has the count column %s', async (task, column) => {
    const res = await t.get(url(task), admin);
    expect(res.text.split('\n')[0]).toBe(`${BASE},${column}`);
  });

  it('browse task: base columns only, its slide index (stains: nissl)', async () => {
    const res = await t.get(url(seed.tasks.browse.id), admin);
    expect(res.text.split('\n')[0]).toBe(BASE);
    expect(ids(res.text)).toEqual([3, 1, 5]);
  });

  it('anonymized: empty slide_name and specimen_private, public display names, reordered', async () => {
    const writer = await t.login('writer'); // no PHI access → always anonymized
    const res = await t.get(url(seed.tasks.annot.id), writer);
    const lines = res.text.trim().split('\n');
    expect(lines[1]).toBe('3,2,3,1,Nissl,,svs,hippocampus,1,"B,02",,Anon 0001,1,Anon 0001,1,0,1');
    expect(ids(res.text)).toEqual([3, 1, 2, 4, 5]); // 'Anon 0001' < 'Donor B'
    const set = await t.post('/auth/api/set_anonymize/1', undefined, admin);
    const anonAdmin = set.headers.get('set-cookie')!.split(';')[0];
    expect((await t.get(url(seed.tasks.annot.id), anonAdmin)).text).toBe(res.text);
  });
});

describe('E8 filters', () => {
  it.each([
    ['?specimen=hc00_', [3, 1, 2, 4, 5]],
    ['?specimen=HC002', [4, 5]],
    ['?block=b%2C%25', [3]],
    ['?section=10', [1, 2]],
    ['?section=010', [1, 2]],
    ['?section=ten', []],
    ['?slide=2', [2]],
    ['?stain=Nissl', [3, 1, 5]],
    ['?stain=nissl', []],
    ['?min_paths=1', [3, 2]],
    ['?min_markers=1', [2]],
    ['?min_paths=0', [3, 1, 2, 4, 5]],
    ['?tags_any=hippo&tags_any=ctx', [3, 1, 2]],
    ['?tags_all=hippo&tags_all=diag', [1]],
    ['?tags_none=hippo', [3, 4, 5]],
    ['?tags_any=', []],
    ['?tags_any=HIPPO', []],
    ['?stain=Nissl&tags_none=diag', [3, 5]],
    ['?unknown=1&self=Task+1', [3, 1, 2, 4, 5]],
  ])('%s', async (query, expected) => {
    expect(ids((await t.get(url(seed.tasks.annot.id, query), admin)).text)).toEqual(expected);
  });

  it('min_sroi filters sampling tasks', async () => {
    expect(ids((await t.get(url(seed.tasks.sampling.id, '?min_sroi=2'), admin)).text)).toEqual([1]);
  });

  it('specimen matches nothing when anonymized', async () => {
    const writer = await t.login('writer');
    expect(ids((await t.get(url(seed.tasks.annot.id, '?specimen=HC001'), writer)).text)).toEqual([]);
  });

  it.each([
    [seed.tasks.dltrain.id, '?min_paths=1'],
    [seed.tasks.annot.id, '?min_sroi=1'],
    [seed.tasks.annot.id, '?min_paths=1.5'],
    [seed.tasks.annot.id, '?min_markers=x'],
  ])('task %i %s → 500', async (task, query) => {
    const res = await t.get(url(task, query), admin);
    expect(res.status).toBe(500);
    expect(res.text).toBe(werkzeugPage(500, 'Internal Server Error', 'The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.'));
  });

  it('needs API permission', async () => {
    const reader = await t.login('reader');
    expect((await t.get(url(seed.tasks.annot.id), reader)).status).toBe(403);
  });
});
