/**
 * X6 sample manifest, X37 anonymize toggle, X42 resolution preference, deprecated routes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../src/seed.js';
import { redirectBody, startTestServer, werkzeugPage, type TestServer } from './helpers.js';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await t.login('admin');
});
afterAll(async () => {
  await t.server.stop();
});

describe('X6 training-sample manifest', () => {
  it('joins str() values without quoting, user names, spacing and dimensions', async () => {
    const res = await t.get(`/dltrain/api/task/${seed.tasks.dltrain.id}/samples/manifest.csv`, admin);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = res.text.trim().split('\n');
    expect(lines[0]).toBe('id,slide_name,label_name,x,y,w,h,t_create,creator,t_edit,editor,specimen_private,block_name,stain,mpp_x,mpp_y,dim_x,dim_y');
    expect(lines[3]).toMatch(/^3,HC001_B01_010_2_Tau,white,1000\.0,1000\.0,500\.0,500\.0,\d+\.\d+,admin,\d+\.\d+,admin,HC001,B01,Tau,0\.0005,0\.0005,3000,2000$/);
    const writer = await t.login('writer');
    const anon = (await t.get(`/dltrain/api/task/${seed.tasks.dltrain.id}/samples/manifest.csv`, writer)).text.trim().split('\n');
    expect(anon[1]).toMatch(/^1,None,gray,50000\.0,40000\.0,512\.0,512\.0,[\d.]+,admin,[\d.]+,admin,None,B01,Nissl,0\.00025,0\.00025,100000,80000$/);
  });
});

describe('X37 and X42 (session preferences)', () => {
  it('X37 flips anonymize and redirects to the Referer, else to /', async () => {
    const res = await t.request('GET', '/auth/api/anonymize/toggle', { cookie: admin, headers: { referer: 'http://example.test/page' } });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('http://example.test/page');
    expect(res.text).toBe(redirectBody('http://example.test/page'));
    const flipped = res.headers.get('set-cookie')!.split(';')[0];
    expect((await t.get('/auth/api/anonymize', flipped)).text).toBe('{"anonymize":true}\n');
    expect((await t.get('/auth/api/anonymize/toggle', flipped)).headers.get('location')).toBe('/');
  });

  it('X42 echoes raw/x16 and rejects anything else with 500', async () => {
    const res = await t.get('/api/task/1/pref/resolution/set/x16', admin);
    expect([res.status, res.text]).toEqual([200, 'x16']);
    expect(res.headers.get('set-cookie')).toMatch(/^session=/);
    expect((await t.get('/api/task/1/pref/resolution/set/x8', admin)).status).toBe(500);
  });
});

describe('deprecated project-addressed downloads', () => {
  it.each(['slide_2_raw_100.nii.gz', 'slide_2_raw_100.tiff', 'slide_2_raw_fullres.tiff'])('%s → 404 Deprecated API endpoint', async (file) => {
    const res = await t.get(`/dzi/download/${seed.projects.main.id}/${file}`, admin);
    expect(res.text).toBe(werkzeugPage(404, 'Not Found', 'Deprecated API endpoint'));
  });

  it('checks slide access first', async () => {
    expect((await t.get(`/dzi/download/${seed.projects.main.id}/slide_99_raw_100.nii.gz`, admin)).status).toBe(403);
  });
});

describe('X28, X38–X40', () => {
  it('X28 renders w × h at a level around the sample, with the bogus content type (Q28), no login', async () => {
    const res = await t.get('/dltrain/api/sample/3/1/image_40_30.png');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/<built-in function format>');
    expect([...res.bytes.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect((await t.get('/dltrain/api/sample/999/0/image_40_30.png')).status).toBe(500);
  });

  it('X38/X39 fail with 500 when the slide has an annotation (Q29), else null / 404', async () => {
    const annotated = seed.slides.tau.name;
    expect((await t.get(`/api/task/1/slidename/${annotated}/annot/timestamp`, admin)).status).toBe(500);
    expect((await t.get(`/api/task/1/slidename/${annotated}/annot/svg`, admin)).status).toBe(500);
    expect((await t.get(`/api/task/1/slidename/${seed.slides.plain.name}/annot/timestamp`, admin)).text).toBe('{"timestamp": null}');
    expect((await t.get(`/api/task/1/slidename/${seed.slides.plain.name}/annot/svg`, admin)).status).toBe(404);
  });

  it('X40 needs project admin + API and answers an empty style-3 body', async () => {
    const res = await t.post(`/api/project/${seed.projects.main.id}/specimen/HC001/refresh_slides`, undefined, admin);
    expect([res.status, res.text, res.headers.get('contenttype')]).toEqual([200, '', 'application/json']);
    const writer = await t.login('writer');
    expect((await t.get(`/api/project/${seed.projects.main.id}/specimen/HC001/refresh_slides`, writer)).status).toBe(403);
  });
});

describe('X12/X13 associated images', () => {
  it.each(['label', 'macro'])('%s: 400 text, with the anonymized-mode message when the session flag is set', async (kind) => {
    const path = `/dzi/download/${seed.projects.main.id}/slide_${seed.slides.tau.id}_${kind}.png`;
    const res = await t.get(path, admin);
    expect([res.status, res.text]).toEqual([400, `Resource ${kind} not available for slide ${seed.slides.tau.id}`]);
    const anon = (await t.post('/auth/api/set_anonymize/1', undefined, admin)).headers.get('set-cookie')!.split(';')[0];
    expect((await t.get(path, anon)).text).toBe(`Resource ${kind} not available in anonymized mode`);
    expect((await t.get(`/dzi/download/${seed.projects.main.id}/slide_99_${kind}.png`, admin)).status).toBe(403);
  });
});
