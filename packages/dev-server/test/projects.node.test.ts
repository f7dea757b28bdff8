/**
 * Contract tests for projects, tasks and labelsets (E5, E6, E7, E9, E10, X16, X19),
 * from protocol §4.
 */
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
const Q = seed.projects.second.id;
const forbidden = (msg: string) => werkzeugPage(403, 'Forbidden', msg);

describe('E5 project listing', () => {
  it('lists visible projects by display name with counts, json.dumps style as text/html', async () => {
    const res = await t.get('/api/projects', admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.text).toBe(
      '[{"id": "cortex", "admin": 1, "disp_name": "Cortex Study", "desc": null, "nslides": 1, "nblocks": 1, "nspecimens": 1}, ' +
        '{"id": "hippocampus", "admin": 1, "disp_name": "Hippocampus Study", "desc": "Synthetic hippocampus slides for SDK tests", "nslides": 5, "nblocks": 3, "nspecimens": 2}]',
    );
  });

  it('hides projects without access and reports admin 0 for non-admins', async () => {
    const rows = JSON.parse((await t.get('/api/projects', writer)).text) as { id: string; admin: number }[];
    expect(rows.map((r) => [r.id, r.admin])).toEqual([[P, 0]]);
  });
});

describe('E6 task listing', () => {
  it('lists tasks in id order with per-task slide counts', async () => {
    const res = await t.get(`/api/project/${P}/tasks`, admin);
    const rows = JSON.parse(res.text) as { id: number; nslides: number; desc: string | null }[];
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(res.text.startsWith('[{"id": 1, "name": "Annotate", "desc": "Outline anatomical structures", "mode": "annot", "admin": 1, "nspecimens": 2, "nblocks": 3, "nslides": 5}, ')).toBe(true);
    expect(rows.find((r) => r.id === seed.tasks.browse.id)?.nslides).toBe(3); // stains: nissl (case-insensitive)
    expect(rows.find((r) => r.id === seed.tasks.restricted.id)?.nslides).toBe(2); // tags any: hippo
    expect(rows.find((r) => r.id === seed.tasks.sampling.id)?.desc).toBeNull();
  });

  it('hides the restricted task from a user without a task-level row', async () => {
    const rows = JSON.parse((await t.get(`/api/project/${P}/tasks`, writer)).text) as { id: number }[];
    expect(rows.map((r) => r.id)).not.toContain(seed.tasks.restricted.id);
    const readerRows = JSON.parse((await t.get(`/api/project/${P}/tasks`, reader)).text) as { id: number }[];
    expect(readerRows.map((r) => r.id)).toContain(seed.tasks.restricted.id);
  });

  it('answers 403 with the literal {project} for unknown or inaccessible projects (Q20)', async () => {
    for (const [path, cookie] of [[`/api/project/nope/tasks`, admin], [`/api/project/${Q}/tasks`, writer]] as const) {
      const res = await t.get(path, cookie);
      expect(res.status).toBe(403);
      expect(res.text).toBe(forbidden('Insufficient privileges on project {project}'));
    }
  });
});

describe('E7 task info', () => {
  it('has the fixed keys, then desc/mode/reference-task only when present', async () => {
    expect((await t.get(`/api/task/${seed.tasks.reference.id}/info`, reader)).text).toBe(
      '{"id": 5, "project": "hippocampus", "name": "Review", "restrict_access": 0, "anonymize": 0, "desc": "Reads the annotations of Annotate", "mode": "annot", "reference-task": "Annotate"}',
    );
    expect((await t.get(`/api/task/${seed.tasks.sampling.id}/info`, reader)).text).toBe(
      '{"id": 3, "project": "hippocampus", "name": "Sampling", "restrict_access": 0, "anonymize": 0, "mode": "sampling"}',
    );
  });

  it('accepts leading zeros; 403 for unknown and restricted tasks; 404 for negative or trailing slash', async () => {
    expect((await t.get('/api/task/0001/info', admin)).status).toBe(200);
    const unknown = await t.get('/api/task/99/info', admin);
    expect(unknown.status).toBe(403);
    expect(unknown.text).toBe(forbidden('Insufficient privileges on task 99'));
    expect((await t.get(`/api/task/${seed.tasks.restricted.id}/info`, writer)).text).toBe(forbidden(`Insufficient privileges on task ${seed.tasks.restricted.id}`));
    expect((await t.get('/api/task/-1/info', admin)).status).toBe(404);
    expect((await t.get('/api/task/1.0/info', admin)).status).toBe(404);
    expect((await t.get('/api/task/1/info/', admin)).status).toBe(404);
  });

  it('answers HEAD with the headers and no body, OPTIONS with Allow, other methods with 405', async () => {
    const head = await t.request('HEAD', '/api/task/1/info', { cookie: admin });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(0);
    const options = await t.request('OPTIONS', '/api/task/1/info');
    expect(options.status).toBe(200);
    expect(options.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(options.text).toBe('');
    expect((await t.request('DELETE', '/api/task/1/info', { cookie: admin })).status).toBe(405);
  });
});

describe('E9 task labelset', () => {
  it('needs no login; names the labelset for dltrain/sampling, nulls otherwise', async () => {
    expect((await t.get(`/api/task/${seed.tasks.dltrain.id}/labelset`)).text).toBe('{"name": "Tissue", "id": 1}');
    expect((await t.get(`/api/task/${seed.tasks.annot.id}/labelset`)).text).toBe('{"name": null, "id": null}');
    expect((await t.get('/api/task/99/labelset')).status).toBe(500);
  });
});

describe('E10 labels and X16 labelsets', () => {
  it('lists labels by id with global counts', async () => {
    const res = await t.get(`/dltrain/api/${P}/labelset/1/labels`, reader);
    expect(res.status).toBe(200);
    const rows = JSON.parse(res.text) as { id: number; name: string }[];
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(res.text.startsWith('[{"id": 1, "name": "gray", "description": "Gray matter", "color": "#ff0000", "n_samples": ')).toBe(true);
    expect((await t.get(`/dltrain/api/${P}/labelset/77/labels`, reader)).text).toBe('[]');
  });

  it('lists labelsets by name; sums are null for a labelset without labels', async () => {
    const res = await t.get(`/dltrain/api/${P}/labelsets`, reader);
    expect(res.text.startsWith('[{"id": 2, "name": "Empty", "description": null, "n_labels": 0, "n_samples": null, "n_sampling_rois": null}, {"id": 1, "name": "Tissue"')).toBe(true);
  });

  it('X19 project info', async () => {
    expect((await t.get(`/api/project/${P}/info`, reader)).text).toBe('{"description": "Synthetic hippocampus slides for SDK tests"}');
  });
});

describe('request targets', () => {
  it('does not treat a leading // as a host, and decodes percent-escapes before routing', async () => {
    const { request } = await import('node:http');
    const status = (path: string) =>
      new Promise<number>((resolve, reject) => {
        const u = new URL(t.server.url);
        request({ host: u.hostname, port: u.port, path, headers: { cookie: admin } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        }).on('error', reject).end();
      });
    expect(await status('//api/projects')).toBe(404);
    expect(await status('/api/%70rojects')).toBe(200);
    expect(await status('/api/project/hippo%2Fcampus/tasks')).toBe(404);
  });
});
