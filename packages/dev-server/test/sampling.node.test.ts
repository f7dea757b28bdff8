/**
 * Sampling ROIs E23–E26, X4, X5 (protocol §8, §6.3): normalisation, bounding boxes,
 * listing order, validation failures, deletion, the label image.
 */
import { decodeNifti } from '@phas/raster-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../src/seed.js';
import { startTestServer, type TestServer } from './helpers.js';

let t: TestServer;
let writer: string;
let reader: string;
beforeAll(async () => {
  t = await startTestServer();
  [writer, reader] = await Promise.all([t.login('writer'), t.login('reader')]);
});
afterAll(async () => {
  await t.server.stop();
});

const TASK = seed.tasks.sampling.id;
const TAU = seed.slides.tau.id;
const base = (slide: number, res = 'raw') => `/task/${TASK}/slide/raw/${res}/${slide}`;
interface Row { id: number; x0: number; y0: number; x1: number; y1: number; json: string; label: number; color: string | null }
const list = async (slide: number, res = 'raw') => JSON.parse((await t.get(`${base(slide, res)}/sampling_roi/get`, reader)).text) as Row[];

describe('E24 create and E23 list', () => {
  it('normalises trapezoid widths to |w|, stores raw floats, computes the §14 bounding box', async () => {
    const res = await t.post(`${base(TAU)}/dltrain/sampling_roi/create`, '{"label_id": 2, "geometry": {"type": "trapezoid", "data": [[500, 500, 100], [600, 1500, -200]]}}', writer);
    expect(res.status).toBe(200);
    const { id } = JSON.parse(res.text) as { id: number };
    expect(res.text).toBe(`{"id": ${id}}`);
    const listing = await t.get(`${base(TAU)}/sampling_roi/get`, reader);
    expect(listing.text).toMatch(
      new RegExp(
        `^\\[\\{"id": ${id}, "x0": 400\\.4962809790011, "y0": 490\\.0496280979001, "x1": 799\\.0074380419978, "y1": 1519\\.9007438041997, "label": 2, "slide": ${TAU}, "task": ${TASK}, "meta_id": \\d+, ` +
          '"json": "\\{\\\\"type\\\\": \\\\"trapezoid\\\\", \\\\"data\\\\": \\[\\[500\\.0, 500\\.0, 100\\.0\\], \\[600\\.0, 1500\\.0, 200\\.0\\]\\]\\}", ' +
          '"creator": 2, "editor": 2, "t_create": \\d+\\.\\d+, "t_edit": \\d+\\.\\d+, "color": "#00ff00"\\}\\]$',
      ),
    );
    const x16 = await list(TAU, 'x16');
    expect(x16[0].json).toBe('{"type": "trapezoid", "data": [[31.25, 31.25, 6.25], [37.5, 93.75, 12.5]]}');
    expect(x16[0].x0).toBe(400.4962809790011); // the box stays raw (Q15)
  });

  it('x16 input is scaled to raw; newest edit first; unknown label has colour null', async () => {
    const res = await t.post(`${base(TAU, 'x16')}/dltrain/sampling_roi/create`, '{"label_id": 200, "geometry": {"type": "polygon", "data": [[10, 10], [20, 10], [15, 30]]}}', writer);
    const { id } = JSON.parse(res.text) as { id: number };
    const rows = await list(TAU);
    expect(rows[0].id).toBe(id);
    expect(rows[0].json).toBe('{"type": "polygon", "data": [[160.0, 160.0], [320.0, 160.0], [240.0, 480.0]]}');
    expect([rows[0].x0, rows[0].y0, rows[0].x1, rows[0].y1]).toEqual([160, 160, 320, 480]);
    expect(rows[0].color).toBeNull();
  });

  it.each([
    '{"label_id": 1, "geometry": {"type": "circle", "data": [[1, 2], [3, 4]]}}',
    '{"label_id": 1, "geometry": {"type": "polygon", "data": [[1, 2]]}}',
    '{"label_id": 1, "geometry": {"type": "polygon", "data": [[1, 2, 3], [4, 5, 6]]}}',
    '{"label_id": 1, "geometry": {"type": "trapezoid", "data": [[1, 2, 3], [1, 2, 6]]}}',
    '{"label_id": 1, "geometry": {"type": "trapezoid", "data": [[1, 2, 3], [4, 5, 6], [7, 8, 9]]}}',
    '{"label_id": 1, "geometry": {"type": "polygon", "data": [["a", 2], [4, 5]]}}',
    '{"geometry": {"type": "polygon", "data": [[1, 2], [4, 5]]}}',
    'nope',
  ])('rejects %s with 500', async (body) => {
    expect((await t.post(`${base(TAU)}/dltrain/sampling_roi/create`, body, writer)).status).toBe(500);
  });

  it('needs task write; unknown slide → 500', async () => {
    const body = '{"label_id": 1, "geometry": {"type": "polygon", "data": [[1, 2], [4, 5]]}}';
    expect((await t.post(`${base(TAU)}/dltrain/sampling_roi/create`, body, reader)).status).toBe(403);
    expect((await t.post(`${base(99)}/dltrain/sampling_roi/create`, body, writer)).status).toBe(500);
    expect((await t.get(`${base(99)}/sampling_roi/get`, reader)).status).toBe(500);
  });
});

describe('X4 update, X5 delete, E25 delete all', () => {
  it('updates geometry and label and moves the ROI to the top', async () => {
    const slide = seed.slides.plain.id;
    const a = JSON.parse((await t.post(`${base(slide)}/dltrain/sampling_roi/create`, '{"label_id": 1, "geometry": {"type": "polygon", "data": [[0, 0], [10, 0], [0, 10]]}}', writer)).text) as { id: number };
    const b = JSON.parse((await t.post(`${base(slide)}/dltrain/sampling_roi/create`, '{"label_id": 1, "geometry": {"type": "polygon", "data": [[0, 0], [20, 0], [0, 20]]}}', writer)).text) as { id: number };
    const res = await t.post(`${base(slide)}/dltrain/sampling_roi/update`, `{"id": ${a.id}, "label_id": 3, "geometry": {"type": "trapezoid", "data": [[0, 0, 5], [0, 100, 5]]}}`, writer);
    expect(res.text).toBe(`{"id": ${a.id}}`);
    const rows = await list(slide);
    expect(rows.map((r) => r.id)).toEqual([a.id, b.id]);
    expect(rows[0].label).toBe(3);
    expect([rows[0].x0, rows[0].x1]).toEqual([-5, 5]);
    expect((await t.post(`${base(slide)}/dltrain/sampling_roi/update`, '{"id": 999, "label_id": 3, "geometry": {"type": "polygon", "data": [[0, 0], [1, 1]]}}', writer)).status).toBe(500);
    const del = await t.post(`/task/${TASK}/slide/${slide}/dltrain/sampling_roi/delete`, `{"id": ${b.id}}`, writer);
    expect(del.text).toBe('success');
    expect((await list(slide)).map((r) => r.id)).toEqual([a.id]);
  });

  it('E25 deletes every ROI of (task, slide), by GET or POST, and answers success even when empty', async () => {
    const slide = seed.slides.plain.id;
    const res = await t.get(`/task/${TASK}/slide/${slide}/dltrain/sampling_roi/delete_all`, writer);
    expect([res.status, res.text, res.headers.get('content-type')]).toEqual([200, 'success', 'text/html; charset=utf-8']);
    expect(await list(slide)).toEqual([]);
    expect((await t.post(`/task/${TASK}/slide/99/dltrain/sampling_roi/delete_all`, undefined, writer)).text).toBe('success');
    expect((await t.get(`/task/${TASK}/slide/${slide}/dltrain/sampling_roi/delete_all`, reader)).status).toBe(403);
  });
});

describe('E26 label image', () => {
  it('fills each ROI with its label id at thumbnail size (100k × 80k slide → 300 × 240)', async () => {
    const res = await t.get(`/task/${TASK}/slide/${seed.slides.big.id}/sampling_roi/make_image_300.nii.gz`, reader);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    const nii = decodeNifti(res.bytes);
    expect([nii.image.width, nii.image.height, nii.image.channels]).toEqual([300, 240, 1]);
    const values = new Set(nii.image.data);
    expect([...values].sort()).toEqual([0, 1, 2]); // polygon label 1, trapezoid label 2
    expect(nii.image.data[150]).toBe(0); // top row: above every ROI
    expect(nii.image.data[120 * 300 + 150]).toBe(1); // (50000, 40000) is inside the polygon
  });

  it('answers 500 for an unknown slide', async () => {
    expect((await t.get(`/task/${TASK}/slide/99/sampling_roi/make_image_300.nii.gz`, reader)).status).toBe(500);
  });
});
