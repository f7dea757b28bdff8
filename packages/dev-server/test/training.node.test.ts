/**
 * Training samples E27, E28, X1–X3 (protocol §9, §11.1): size checks (401 texts), Q18,
 * listing order, sample images.
 */
import UPNG from 'upng-js';
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

const TASK = seed.tasks.dltrain.id;
const TAU = seed.slides.tau.id;
const base = (slide: number, task = TASK) => `/task/${task}/slide/${slide}/dltrain`;
const decode = (bytes: Uint8Array) => UPNG.decode(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
interface Row { id: number; x0: number; label: number; have_patch: number }

describe('E27 listing', () => {
  it('lists the seeded samples newest first with the documented keys', async () => {
    const res = await t.get(`${base(seed.slides.big.id)}/samples`, reader);
    expect(res.text).toMatch(
      /^\[\{"id": 2, "x0": 20000\.0, "y0": 30000\.0, "x1": 20256\.0, "y1": 30256\.0, "label": 2, "slide": 1, "task": 2, "meta_id": \d+, "have_patch": 1, "creator": 2, "editor": 2, "t_create": \d+\.\d+, "t_edit": \d+\.\d+, "color": "#00ff00"\}, \{"id": 1, /,
    );
    expect((await t.get(`${base(99)}/samples`, reader)).text).toBe('[]');
  });
});

describe('X1 create', () => {
  it('creates a sample and renders its display-patch-size image (E28, no login needed)', async () => {
    const res = await t.post(`${base(TAU)}/sample/create`, '{"geometry": [100, 100, 300, 250], "label_id": 1}', writer);
    expect(res.status).toBe(200);
    const { id } = JSON.parse(res.text) as { id: number };
    const rows = JSON.parse((await t.get(`${base(TAU)}/samples`, reader)).text) as Row[];
    expect(rows[0]).toMatchObject({ id, x0: 100, label: 1, have_patch: 1 });
    const img = await t.get(`/dltrain/api/sample/${id}/image.png`);
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toBe('image/png');
    expect(img.headers.get('content-disposition')).toBe(`inline; filename=sample_${String(id).padStart(8, '0')}.png`);
    const png = decode(img.bytes);
    expect([png.width, png.height, png.ctype]).toEqual([256, 256, 6]);
  });

  it.each([
    ['[0, 0, 63.4, 100]', 'Box is too small'],
    ['[0, 0, 100, 4096.6]', 'Box is too large'],
  ])('box %s → 401 %s', async (box, message) => {
    const res = await t.post(`${base(TAU)}/sample/create`, `{"geometry": ${box}, "label_id": 1}`, writer);
    expect([res.status, res.text, res.headers.get('content-type')]).toEqual([401, message, 'text/html; charset=utf-8']);
  });

  it('rounds half to even like Python (63.5 → 64 passes the 64 minimum, 62.5 → 62 fails)', async () => {
    expect((await t.post(`${base(TAU)}/sample/create`, '{"geometry": [0, 0, 63.5, 100], "label_id": 1}', writer)).status).toBe(200);
    expect((await t.post(`${base(TAU)}/sample/create`, '{"geometry": [0, 0, 64.5, 100], "label_id": 1}', writer)).status).toBe(200);
    expect((await t.post(`${base(TAU)}/sample/create`, '{"geometry": [0, 0, 62.5, 100], "label_id": 1}', writer)).status).toBe(401);
  });

  it('fails with 500 when the task lacks max-size (Q18) or is not dltrain, or the body is bad', async () => {
    const body = '{"geometry": [0, 0, 100, 100], "label_id": 1}';
    expect((await t.post(`${base(TAU, seed.tasks.dltrainNoMax.id)}/sample/create`, body, writer)).status).toBe(500);
    expect((await t.post(`${base(TAU, seed.tasks.sampling.id)}/sample/create`, body, writer)).status).toBe(500);
    expect((await t.post(`${base(TAU)}/sample/create`, '{"geometry": [0, 0, 100], "label_id": 1}', writer)).status).toBe(500);
    expect((await t.post(`${base(TAU)}/sample/create`, body, reader)).status).toBe(403);
  });
});

describe('X2 update and X3 delete', () => {
  it('updates the box (checking a changed size), re-renders at 512 (Q17), then deletes', async () => {
    const { id } = JSON.parse((await t.post(`${base(TAU)}/sample/create`, '{"geometry": [500, 500, 700, 700], "label_id": 1}', writer)).text) as { id: number };
    const tooSmall = await t.post(`${base(TAU)}/sample/update`, `{"id": ${id}, "geometry": [500, 500, 510, 510], "label_id": 2}`, writer);
    expect([tooSmall.status, tooSmall.text]).toEqual([401, 'Box is too small']);
    const ok = await t.post(`${base(TAU)}/sample/update`, `{"id": ${id}, "geometry": [600, 600, 800, 800], "label_id": 2}`, writer);
    expect(ok.text).toBe('success');
    const png = decode((await t.get(`/dltrain/api/sample/${id}/image.png`)).bytes);
    expect([png.width, png.height]).toEqual([512, 512]);
    expect((await t.post(`${base(TAU)}/sample/update`, '{"id": 999999, "geometry": [0, 0, 100, 100], "label_id": 2}', writer)).status).toBe(500);
    const del = await t.post(`${base(TAU)}/sample/delete`, new URLSearchParams({ id: String(id) }), writer);
    expect(del.text).toBe('success');
    expect((await t.get(`/dltrain/api/sample/${id}/image.png`)).status).toBe(500);
    expect((await t.post(`${base(TAU)}/sample/delete`, '', writer)).status).toBe(400);
  });
});
