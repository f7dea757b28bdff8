/**
 * Slide endpoints E11–E17 (protocol §5, §6): guards, body styles, headers, images.
 */
import { gunzipSync } from 'node:zlib';
import { decodeNifti } from '@phas/raster-wasm';
import UPNG from 'upng-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../src/seed.js';
import { startTestServer, werkzeugPage, type TestServer } from './helpers.js';

let t: TestServer;
let admin: string;
let writer: string;
let reader: string;
beforeAll(async () => {
  t = await startTestServer();
  [admin, writer, reader] = await Promise.all([t.login('admin'), t.login('writer'), t.login('reader')]);
});
afterAll(async () => {
  await t.server.stop();
});

const P = seed.projects.main.id;
const TAU = seed.slides.tau.id;
const forbidden = (m: string) => werkzeugPage(403, 'Forbidden', m);

describe('E11 slide info', () => {
  it('has the documented keys in order; anonymized for users without PHI access', async () => {
    expect((await t.get(`/api/task/1/slide/${TAU}/info`, admin)).text).toBe(
      '{"specimen": 1, "block_name": "B01", "specimen_private": "HC001", "specimen_public": "Anon 0001", "specimen_display": "HC001", "section": 10, "slide": 2, "stain": "Tau"}',
    );
    expect((await t.get(`/api/task/1/slide/${seed.slides.neun.id}/info`, writer)).text).toBe(
      '{"specimen": 2, "block_name": "B01", "specimen_private": null, "specimen_public": "Donor B", "specimen_display": "Donor B", "section": 5, "slide": 1, "stain": "NeuN"}',
    );
  });

  it('403s: no API permission (task message first), unknown slide, slide of an inaccessible project', async () => {
    expect((await t.get(`/api/task/1/slide/${TAU}/info`, reader)).text).toBe(forbidden('Insufficient privileges on task 1'));
    expect((await t.get('/api/task/1/slide/99/info', admin)).text).toBe(forbidden('Insufficient privileges on slide 99'));
    expect((await t.get(`/api/task/1/slide/${seed.slides.cortex.id}/info`, writer)).text).toBe(forbidden(`Insufficient privileges on slide ${seed.slides.cortex.id}`));
  });

  it('does not require the slide to be in the task (Q22)', async () => {
    expect((await t.get(`/api/task/${seed.tasks.browse.id}/slide/${TAU}/info`, admin)).status).toBe(200);
  });
});

describe('E12 tags', () => {
  it('lists external tags sorted for admins; 403 with the task-slide message otherwise', async () => {
    expect((await t.get(`/api/task/1/slide/${seed.slides.big.id}/tags`, admin)).text).toBe('["diag", "hippo"]');
    expect((await t.get(`/api/task/1/slide/${seed.slides.plain.id}/tags`, admin)).text).toBe('[]');
    expect((await t.get(`/api/task/1/slide/${TAU}/tags`, writer)).text).toBe(forbidden(`Insufficient privileges on slide ${TAU} in task 1`));
  });
});

describe('E13–E15 headers and file path', () => {
  it('E13: jsonify dimensions and spacing (null without metadata); unknown project → 500', async () => {
    const res = await t.get(`/dzi/${P}/${TAU}/header`, reader);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.text).toBe('{"dimensions":[3000,2000],"spacing":[0.0005,0.0005]}\n');
    expect((await t.get(`/dzi/${P}/${seed.slides.neun.id}/header`, reader)).text).toBe('{"dimensions":[6000,4000],"spacing":null}\n');
    expect((await t.post(`/dzi/${P}/${TAU}/header`, undefined, reader)).status).toBe(200);
    expect((await t.get(`/dzi/nope/${TAU}/header`, reader)).status).toBe(500);
    expect((await t.get(`/dzi/${P}/99/header`, reader)).text).toBe(forbidden('Insufficient privileges on slide 99'));
  });

  it('E14: style 3 with the bogus ContentType header, float downsamples; other resources → 500', async () => {
    const res = await t.get(`/dzi/download/${P}/slide_${TAU}_raw_header.json`, reader);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('contenttype')).toBe('application/json');
    expect(res.text).toContain('"level_dimensions": [[3000, 2000], [1500, 1000], [750, 500]], "level_downsamples": [1.0, 2.0, 4.0]}');
    const props = (JSON.parse(res.text) as { properties: Record<string, string> }).properties;
    expect(props['tiff.ImageDescription.MPP']).toBe('0.5');
    expect(Object.keys(props).some((k) => k.startsWith('openslide.level'))).toBe(false);
    expect((await t.get(`/dzi/download/${P}/slide_${TAU}_x16_header.json`, reader)).status).toBe(500);
  });

  it('E15: admins only', async () => {
    const res = await t.get(`/dzi/${P}/${TAU}/filepath`, admin);
    expect(res.text).toBe('{"local":"/srv/phas/data/hippocampus/HC001/histo_raw/HC001_B01_010_2_Tau.tiff","remote":"/srv/phas/data/hippocampus/HC001/histo_raw/HC001_B01_010_2_Tau.tiff"}\n');
    expect((await t.get(`/dzi/${P}/${TAU}/filepath`, writer)).status).toBe(403);
  });
});

describe('E16 patches', () => {
  const patch = (rest: string) => `/dzi/patch/${P}/${TAU}/raw/${rest}`;

  it('returns an RGBA PNG of exactly w × h, transparent outside the slide', async () => {
    const res = await t.get(patch('0/5_5_20_20.png'), reader);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const img = UPNG.decode(res.bytes.buffer.slice(res.bytes.byteOffset, res.bytes.byteOffset + res.bytes.byteLength) as ArrayBuffer);
    expect([img.width, img.height, img.ctype, img.depth]).toEqual([20, 20, 6, 8]);
    const rgba = new Uint8Array(UPNG.toRGBA8(img)[0]);
    expect(rgba[3]).toBe(0); // (−5, −5) is outside
    expect(rgba[(19 * 20 + 19) * 4 + 3]).toBe(255); // (14, 14) is inside
  });

  it('format and size errors as upstream', async () => {
    const gif = await t.get(patch('0/100_50_20_10.gif'), reader);
    expect([gif.status, gif.text]).toEqual([200, 'bad format']);
    expect((await t.get(patch('0/100_50_20_10.jpeg'), reader)).status).toBe(500);
    expect((await t.get(patch('0/-100_50_20_10.png'), reader)).status).toBe(404);
    expect((await t.get(patch('0/100_50_0_10.png'), reader)).status).toBe(500);
    expect((await t.get(patch('9/100_50_20_10.png'), reader)).status).toBe(500);
    expect((await t.get(`/dzi/patch/${P}/${TAU}/x16/0/100_50_20_10.png`, reader)).status).toBe(500);
  });
});

describe('E17 thumbnail NIfTI', () => {
  it('answers the gzip NIfTI thumbnail (§14 example: 3000×2000 at 100 → 100×67, spacing 0.015)', async () => {
    const res = await t.get(`/dzi/download/task/1/slide_${TAU}_raw_100.nii.gz`, reader);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    const nii = decodeNifti(res.bytes);
    expect([nii.image.width, nii.image.height, nii.image.channels]).toEqual([100, 67, 3]);
    expect(nii.header.pixdim[1]).toBeCloseTo(0.015, 6);
    expect(gunzipSync(res.bytes).length).toBe(352 + 100 * 67 * 3);
  });

  it('enforces the task download limit and refuses downsample 0; no spacing → 404', async () => {
    const limited = `/dzi/download/task/${seed.tasks.browse.id}/slide_${seed.slides.comma.id}_raw_`;
    expect((await t.get(`${limited}3000.nii.gz`, reader)).text).toBe(werkzeugPage(404, 'Not Found', 'Requested dimensions exceed permitted download size (2000)'));
    expect((await t.get(`${limited}0.nii.gz`, reader)).text).toBe(werkzeugPage(404, 'Not Found', 'Requested dimensions exceed permitted download size (2000)'));
    expect((await t.get(`${limited}200.nii.gz`, reader)).status).toBe(200);
    expect((await t.get(`/dzi/download/task/1/slide_${TAU}_raw_0.nii.gz`, reader)).text).toBe(werkzeugPage(404, 'Not Found', 'Wrong extension requested'));
    expect((await t.get(`/dzi/download/task/1/slide_${seed.slides.neun.id}_raw_100.nii.gz`, reader)).text).toBe(
      werkzeugPage(404, 'Not Found', 'Missing pixel dimension metadata to create NIFTI file'),
    );
  });

  it('requires the slide to be in the task', async () => {
    const res = await t.get(`/dzi/download/task/${seed.tasks.browse.id}/slide_${TAU}_raw_100.nii.gz`, reader);
    expect(res.text).toBe(forbidden(`Insufficient privileges on slide ${TAU} in task ${seed.tasks.browse.id}`));
  });
});
