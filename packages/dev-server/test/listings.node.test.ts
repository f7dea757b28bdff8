/**
 * Table listings X8, X9, X25 (DataTables protocol) and X27 (samples of a label),
 * protocol §11.4 and §11.10.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteLocalDatetime } from '../src/routes/listings.js';
import { seed } from '../src/seed.js';
import { startTestServer, type TestServer } from './helpers.js';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await t.login('admin');
});
afterAll(async () => {
  await t.server.stop();
});

interface Table { draw: unknown; recordsTotal: number; recordsFiltered: number; data: Record<string, unknown>[] }
const table = async (path: string, body: unknown) => {
  const res = await t.post(path, JSON.stringify(body), admin);
  return { status: res.status, text: res.text, json: res.status === 200 ? (JSON.parse(res.text) as Table) : null };
};

describe('X8/X9 DataTables listings', () => {
  it('X9 without order: every sample, shuffled by sin(random_key + id), keys in view order', async () => {
    const { json, text } = await table(`/api/task/${seed.tasks.dltrain.id}/samples`, { draw: 3, search: { value: '' }, random_key: 10 });
    expect(json!.draw).toBe(3);
    expect([json!.recordsTotal, json!.recordsFiltered]).toEqual([3, 3]);
    const bySin = [1, 2, 3].sort((a, b) => Math.sin(10 + a) - Math.sin(10 + b));
    expect(json!.data.map((r) => r.id)).toEqual(bySin);
    expect(Object.keys(json!.data[0])).toEqual([
      'id', 'task', 'label_id', 'have_patch', 'x0', 'y0', 'x1', 'y1', 'creator', 't_create', 'editor', 't_edit', 'dt_create', 'dt_edit',
      'specimen_name', 'block_name', 'section', 'slide', 'stain', 'slide_id', 'label_name', 'random_index',
    ]);
    expect(text).toContain('"x0": 50000.0');
  });

  it('X8 search, order by a named column, paging', async () => {
    const body = { draw: 1, search: { value: 'writ' }, random_key: 1, order: [{ column: 0, dir: 'desc' }], columns: [{ data: 'id' }], start: 0, length: 10 };
    const { json } = await table(`/api/task/${seed.tasks.sampling.id}/sampling-rois`, body);
    expect([json!.recordsTotal, json!.recordsFiltered]).toEqual([3, 1]);
    expect(json!.data.map((r) => [r.id, r.creator, r.label_name])).toEqual([[2, 'writer', 'white']]);
    const paged = await table(`/api/task/${seed.tasks.sampling.id}/sampling-rois`, { ...body, search: { value: '' }, start: 1, length: 1 });
    expect(paged.json!.data.map((r) => r.id)).toEqual([2]);
  });

  it.each([
    [{ draw: 1, random_key: 1 }],
    [{ draw: 1, search: { value: '' } }],
    [{ draw: 1, search: { value: '' }, random_key: 1.5 }],
    [{ draw: 1, search: { value: '' }, random_key: 1, order: [{ column: 0, dir: 'up' }], columns: [{ data: 'id' }] }],
    [{ draw: 1, search: { value: '' }, random_key: 1, order: [{ column: 0, dir: 'asc' }], columns: [{ data: 'nope' }] }],
  ])('rejects %j with 500', async (body) => {
    expect((await table(`/api/task/${seed.tasks.dltrain.id}/samples`, body)).status).toBe(500);
  });
});

describe('X25 slide listing', () => {
  it('orders by output column index and needs every parameter', async () => {
    const body = { draw: 'x', search: { value: 'hc002' }, order: [{ column: 5, dir: 'asc' }], start: 0, length: 5 };
    const { json } = await table(`/api/task/${seed.tasks.annot.id}/slides`, body);
    expect([json!.recordsTotal, json!.recordsFiltered]).toEqual([5, 2]);
    expect(json!.data).toEqual([
      { id: 4, specimen_display: 'HC002', block_name: 'B01', section: 5, slide: 1, stain: 'NeuN', filename: 'HC002_B01_005_1_NeuN.tif' },
      { id: 5, specimen_display: 'HC002', block_name: 'B01', section: 6, slide: 1, stain: 'Nissl', filename: 'HC002_B01_006_1_Nissl.mrxs' },
    ]);
    expect((await table(`/api/task/${seed.tasks.annot.id}/slides`, { ...body, start: undefined })).status).toBe(500);
  });
});

describe('X27 samples of a label', () => {
  it('filters by label and scope; "newest" sorts oldest first (Q51)', async () => {
    const path = (label: number) => `/dltrain/task/${seed.tasks.dltrain.id}/slide/${seed.slides.tau.id}/label/${label}/samples/table/json`;
    const onSlide = JSON.parse((await t.get(path(2), admin)).text) as { id: number; specimen_name: string }[];
    expect(onSlide.map((r) => r.id)).toEqual([3]);
    expect(onSlide[0].specimen_name).toBe('HC001');
    const block = await t.post(path(2), new URLSearchParams({ which: 'block', sort: 'newest' }), admin);
    expect((JSON.parse(block.text) as { id: number }[]).map((r) => r.id)).toEqual([2, 3]);
    const oldest = await t.post(path(2), new URLSearchParams({ which: 'task', sort: 'oldest' }), admin);
    expect((JSON.parse(oldest.text) as { id: number }[]).map((r) => r.id)).toEqual([3, 2]);
    expect((await t.post(path(2), new URLSearchParams({ sort: 'best' }), admin)).status).toBe(500);
  });

  it('formats SQLite local datetimes', () => {
    const d = new Date(2026, 0, 2, 3, 4, 5);
    expect(sqliteLocalDatetime(d.getTime() / 1000 + 0.9)).toBe('2026-01-02 03:04:05');
  });
});
