/**
 * Labelset editing X41 (protocol §11.14).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../src/seed.js';
import { startTestServer, type TestServer } from './helpers.js';

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

const P = seed.projects.main.id;
const form = (o: Record<string, string>) => new URLSearchParams(o);
const labels = async (lset: number) => JSON.parse((await t.get(`/dltrain/api/${P}/labelset/${lset}/labels`, admin)).text) as { id: number; name: string; description: string | null; color: string }[];

describe('X41 labelset editing', () => {
  it('adds a labelset (project write) that X16 then lists', async () => {
    const res = await t.post(`/dltrain/${P}/add_labelset`, form({ name: 'Cells', desc: 'Cell types' }), writer);
    const { id } = JSON.parse(res.text) as { id: number };
    expect(res.text).toBe(`{"id": ${id}}`);
    const sets = JSON.parse((await t.get(`/dltrain/api/${P}/labelsets`, admin)).text) as { id: number; name: string }[];
    expect(sets.find((s) => s.id === id)?.name).toBe('Cells');
    expect((await t.post(`/dltrain/${P}/add_labelset`, form({}), writer)).status).toBe(400);
  });

  it('adds labels through a dltrain task and through the project admin route', async () => {
    const a = JSON.parse((await t.post(`/dltrain/task/${seed.tasks.dltrain.id}/labelset/addlabel`, form({ label_name: 'myelin', label_color: '#123456', label_desc: 'Myelin' }), writer)).text) as { id: number };
    const b = JSON.parse((await t.post(`/dltrain/api/${P}/labelset/1/add_label`, undefined, admin)).text) as { id: number };
    const rows = await labels(1);
    expect(rows.find((l) => l.id === a.id)).toMatchObject({ name: 'myelin', description: 'Myelin', color: '#123456' });
    expect(rows.find((l) => l.id === b.id)).toMatchObject({ name: `Label ${b.id}`, description: 'New Label' });
    expect(rows.find((l) => l.id === b.id)?.color).toMatch(/^#[0-9a-f]{6}$/);
    expect((await t.post(`/dltrain/task/${seed.tasks.annot.id}/labelset/addlabel`, form({ label_name: 'x', label_color: '#000000', label_desc: '' }), writer)).status).toBe(500);
    expect((await t.post(`/dltrain/api/${P}/labelset/1/add_label`, undefined, writer)).status).toBe(403);
  });

  it('updates a label and refuses to delete one that training samples use', async () => {
    expect((await t.post(`/dltrain/api/${P}/label/3/update`, form({ name: 'bg', desc: 'Background', color: '#000000' }), admin)).text).toBe('{"status": "ok"}');
    expect((await labels(1)).find((l) => l.id === 3)).toMatchObject({ name: 'bg', description: 'Background', color: '#000000' });
    expect((await t.post(`/dltrain/api/${P}/label/1/delete`, undefined, admin)).text).toBe('{"status": "failed", "reason": "in_use"}');
    expect((await t.post(`/dltrain/api/${P}/label/3/delete`, undefined, admin)).text).toBe('{"status": "ok"}');
    expect((await labels(1)).map((l) => l.id)).not.toContain(3);
  });
});
