/**
 * Annotations E18, E19, E22 (protocol §7): the raw/raw float rewrite, x16 scaling, Q12,
 * referenced tasks, counts in E8, failures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../src/seed.js';
import { startTestServer, type TestServer } from './helpers.js';

let t: TestServer;
let quirkless: TestServer;
let admin: string;
let writer: string;
let reader: string;
beforeAll(async () => {
  [t, quirkless] = await Promise.all([startTestServer(), startTestServer({ annotationQuirks: false })]);
  [admin, writer, reader] = await Promise.all([t.login('admin'), t.login('writer'), t.login('reader')]);
});
afterAll(async () => {
  await Promise.all([t.server.stop(), quirkless.server.stop()]);
});

const ANNOT = seed.tasks.annot.id;
const PLAIN = seed.slides.plain.id;
const get = (task: number, slide: number, res = 'raw') => `/task/${task}/slide/raw/${res}/${slide}/annot/get`;
const set = (task: number, slide: number, res = 'raw') => `/task/${task}/slide/raw/${res}/${slide}/annot/set`;
const json = { 'content-type': 'application/json' };

const DOC =
  '[["Layer", {"applyMatrix": true, "children": [["Path", {"applyMatrix": true, "segments": [[[100, 200], [0, 0], [10, 5]], [[300.5, 400], [-10, -5], [0, 0]]], "strokeColor": [0, 0, 1], "strokeWidth": 3}], ["PointText", {"applyMatrix": false, "matrix": [1, 0, 0, 1, 1416.5, 2090], "content": "CA2", "fontSize": 44}]]}]]';
const STORED =
  '[["Layer", {"applyMatrix": true, "children": [["Path", {"applyMatrix": true, "segments": [[[100.0, 200.0], [0.0, 0.0], [10.0, 5.0]], [[300.5, 400.0], [-10.0, -5.0], [0.0, 0.0]]], "strokeColor": [0, 0, 1], "strokeWidth": 3}], ["PointText", {"applyMatrix": false, "matrix": [1, 0, 0, 1, 1416.5, 2090.0], "content": "CA2", "fontSize": 44}]]}]]';

describe('E18/E19 round trip', () => {
  it('starts empty: 200 with a 0-byte body and the bogus ContentType header', async () => {
    const res = await t.get(get(ANNOT, PLAIN), reader);
    expect(res.status).toBe(200);
    expect(res.bytes.length).toBe(0);
    expect(res.headers.get('contenttype')).toBe('application/json');
  });

  it('stores with floats (§14) and returns the same document', async () => {
    const res = await t.post(set(ANNOT, PLAIN), DOC, writer, json);
    expect(res.status).toBe(200);
    expect(res.text).toBe('{"success": true}');
    expect(res.headers.get('contenttype')).toBe('application/json');
    expect((await t.get(get(ANNOT, PLAIN), reader)).text).toBe(STORED);
  });

  it('maps x16 coordinates to raw on write and back on read; handles are scaled, not translated', async () => {
    await t.post(set(ANNOT, PLAIN, 'x16'), '[["Layer", {"children": [["Path", {"segments": [[[10, 20], [1, 2], [0, 0]]]}]]}]]', writer);
    expect((await t.get(get(ANNOT, PLAIN), reader)).text).toBe('[["Layer", {"children": [["Path", {"segments": [[[160.0, 320.0], [16.0, 32.0], [0.0, 0.0]]]}]]}]]');
    expect((await t.get(get(ANNOT, PLAIN, 'x16'), reader)).text).toBe('[["Layer", {"children": [["Path", {"segments": [[[10.0, 20.0], [1.0, 2.0], [0.0, 0.0]]]}]]}]]');
  });

  it('corrupts short [x, y] segments into 2×2 matrices (Q12), unless annotationQuirks is off', async () => {
    const short = '[["Layer", {"children": [["Path", {"segments": [[5, 7]]}]]}]]';
    await t.post(set(ANNOT, PLAIN), short, writer);
    expect((await t.get(get(ANNOT, PLAIN), reader)).text).toBe('[["Layer", {"children": [["Path", {"segments": [[[[5.0, 0.0], [0.0, 5.0]], [[7.0, 0.0], [0.0, 7.0]]]]}]]}]]');
    const w = await quirkless.login('writer');
    await quirkless.post(set(ANNOT, PLAIN), short, w);
    expect((await quirkless.get(get(ANNOT, PLAIN), w)).text).toBe('[["Layer", {"children": [["Path", {"segments": [[5.0, 7.0]]}]]}]]');
  });

  it('accepts a layer without children; keeps non-layer data verbatim', async () => {
    expect((await t.post(set(ANNOT, PLAIN), '[["Layer", {}], {"x": 1}]', writer)).status).toBe(200);
    expect((await t.get(get(ANNOT, PLAIN), reader)).text).toBe('[["Layer", {}], {"x": 1}]');
  });

  it.each(['not json', '{}', '[]', '[["Layer", {"children": [["Path", {}]]}]]', '[["Layer", {"children": [["PointText", {"matrix": [1, 0]}]]}]]'])(
    'rejects %s with 500',
    async (body) => {
      expect((await t.post(set(ANNOT, PLAIN), body, writer)).status).toBe(500);
    },
  );

  it('needs task write and slide write; an unknown slide is 403', async () => {
    expect((await t.post(set(ANNOT, PLAIN), DOC, reader)).status).toBe(403);
    expect((await t.post(set(ANNOT, 99), DOC, writer)).text).toContain('Insufficient privileges on slide 99');
  });
});

describe('counts, timestamps and referenced tasks', () => {
  it('E19 recounts paths and markers for E8', async () => {
    await t.post(set(ANNOT, seed.slides.neun.id), DOC, writer);
    const csv = (await t.get(`/api/task/${ANNOT}/slide_detailed_manifest.csv?slide=1&section=5`, admin)).text;
    expect(csv.trim().split('\n')[1].endsWith(',1,1,2')).toBe(true);
  });

  it('E22: float epoch of the last edit; null without annotation; edits move it forward', async () => {
    const seeded = await t.get(`/api/task/${seed.tasks.secondAnnot.id}/slide/${seed.slides.cortex.id}/annot/timestamp`, admin);
    expect(JSON.parse(seeded.text)).toEqual({ timestamp: expect.any(Number) });
    const none = await t.get(`/api/task/${seed.tasks.reference.id}/slide/${seed.slides.tau.id}/annot/timestamp`, reader);
    expect(none.text).toBe('{"timestamp": null}');
    expect(none.headers.get('contenttype')).toBe('application/json');
    const before = JSON.parse((await t.get(`/api/task/${ANNOT}/slide/${seed.slides.tau.id}/annot/timestamp`, reader)).text) as { timestamp: number };
    await t.post(set(ANNOT, seed.slides.tau.id), DOC, writer);
    const after = JSON.parse((await t.get(`/api/task/${ANNOT}/slide/${seed.slides.tau.id}/annot/timestamp`, reader)).text) as { timestamp: number };
    expect(after.timestamp).toBeGreaterThan(before.timestamp);
    expect(after.timestamp).toBeGreaterThan(1.7e9);
  });

  it('E18 on a referencing task reads the referenced task; its own writes are stored but not visible (Q26)', async () => {
    const viaRef = (await t.get(get(seed.tasks.reference.id, seed.slides.comma.id), reader)).text;
    expect(viaRef).toBe((await t.get(get(ANNOT, seed.slides.comma.id), reader)).text);
    await t.post(set(seed.tasks.reference.id, seed.slides.comma.id), DOC, writer);
    expect((await t.get(get(seed.tasks.reference.id, seed.slides.comma.id), reader)).text).toBe(viaRef);
    const ts = await t.get(`/api/task/${seed.tasks.reference.id}/slide/${seed.slides.comma.id}/annot/timestamp`, reader);
    expect(ts.text).not.toBe('{"timestamp": null}');
  });
});
