/**
 * AnnotationTask against the shared dev server (Node and Chromium), admin account only.
 * Writes go to slide `plain` of the annotation task and to the reference task `Review`
 * (whose own annotations nobody reads through E18), so seeded documents stay intact.
 */
import { describe, expect, inject, it } from 'vitest';
import { seed } from '@phas/dev-server/seed';
import { AnnotationTask, Client, PhasForbiddenError, PhasInputError, type AnnotationDocument } from '@phas/sdk';
import { countingFetch } from './helpers/counting-fetch.js';
import { errorCollector, serialiseError } from './helpers/errors.js';

const url = inject('phasUrl');
const keys = inject('phasKeys');
const { thrown, failure } = errorCollector();
const inBrowser = typeof document !== 'undefined';

async function open(taskId: number = seed.tasks.annot.id) {
  const counter = countingFetch();
  const lines: string[] = [];
  const client = await Client.connect(url, { apiKey: keys.admin.apiKey, fetch: counter.fetch, logger: { debug: (l) => lines.push(l) } });
  return { task: await AnnotationTask.open(client, taskId), requests: counter.requests, lines };
}

/** The seeded document of (annot task, tau slide), in the server's full segment form. */
const seeded = seed.annotations.find((a) => a.task === seed.tasks.annot.id && a.slide === seed.slides.tau.id)!.doc;

describe('annotation documents', () => {
  it('reads a stored document (numbers compare equal after the server turns them into floats)', async () => {
    const { task } = await open();
    expect(await task.getSlideAnnotJson(seed.slides.tau.id)).toEqual(seeded);
  });

  it('reads null where there is no annotation', async () => {
    const { task } = await open();
    expect(await task.getSlideAnnotJson(seed.slides.neun.id)).toBeNull();
    expect(await task.getSlideAnnotTimestamp(seed.slides.neun.id)).toBeNull();
  });

  it('writes a document with short segments expanded, so the server keeps them intact (Q12)', async () => {
    const { task } = await open();
    const doc: AnnotationDocument = [
      ['Layer', { applyMatrix: true, children: [
        ['Path', { applyMatrix: true, segments: [[10, 20], [[30.5, 40], [1, 2], [-1, -2]], [50, 60]], closed: true, strokeWidth: 3 }],
        ['PointText', { applyMatrix: false, matrix: [1, 0, 0, 1, 70, 80], content: 'CA3' }],
      ] }],
    ];
    const copy = structuredClone(doc);
    expect(await task.setSlideAnnotJson(seed.slides.plain.id, doc)).toBe(true);
    expect(doc).toEqual(copy);
    const stored = (await task.getSlideAnnotJson(seed.slides.plain.id)) as [string, { children: [string, Record<string, unknown>][] }][];
    expect(stored[0][1].children[0][1].segments).toEqual([[[10, 20], [0, 0], [0, 0]], [[30.5, 40], [1, 2], [-1, -2]], [[50, 60], [0, 0], [0, 0]]]);
    expect(stored[0][1].children[1][1].matrix).toEqual([1, 0, 0, 1, 70, 80]);
    const stamp = await task.getSlideAnnotTimestamp(seed.slides.plain.id);
    expect(stamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Math.abs(Date.parse(stamp!) - Date.now())).toBeLessThan(10 * 60_000);
  });

  it('refuses malformed documents and ids before sending', async () => {
    const { task, requests } = await open();
    const before = requests.length;
    const bad: unknown[] = [
      {},
      [],
      [['Layer']],
      [['Layer', 5]],
      [[7, {}]],
      [['Layer', { children: 'x' }]],
      [['Layer', { children: [['Path', { segments: [[1, Number.NaN]] }]] }]],
      [['Layer', { children: [['Path', { segments: [[1, 2, 3]] }]] }]],
      [['Layer', { children: [['Path', { segments: [[[1, 2], [0, 0]]] }]] }]],
      [['Layer', { children: [['Path', { segments: 'no' }]] }]],
      [['Layer', { children: [['PointText', { matrix: [1, 0, 0, 1, Infinity, 0] }]] }]],
    ];
    for (const doc of bad) {
      expect(await failure(task.setSlideAnnotJson(seed.slides.plain.id, doc as AnnotationDocument)), JSON.stringify(doc)).toBeInstanceOf(PhasInputError);
    }
    for (const id of [0, -2, 1.5, Number.NaN]) {
      expect(await failure(task.getSlideAnnotJson(id))).toBeInstanceOf(PhasInputError);
      expect(await failure(task.getSlideAnnotTimestamp(id))).toBeInstanceOf(PhasInputError);
      expect(await failure(task.getSlideAnnotSvg(id))).toBeInstanceOf(PhasInputError);
    }
    expect(requests.length).toBe(before);
  });

  it('maps a slide the user cannot read to PhasForbiddenError', async () => {
    const { task } = await open();
    const error = await failure(task.getSlideAnnotJson(9999));
    expect(error).toBeInstanceOf(PhasForbiddenError);
  });
});

describe('SVG', () => {
  const decode = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

  it('renders full resolution and downsampled SVG with the given stroke', async () => {
    const { task } = await open();
    const full = decode(await task.getSlideAnnotSvg(seed.slides.tau.id));
    expect(full).toMatch(/^<svg /);
    expect(full).toContain('width="3000"');
    expect(full).toContain('stroke-width="480"');
    const small = decode(await task.getSlideAnnotSvg(seed.slides.tau.id, { downsample: 300, strokeWidth: 100, fontSize: '1000px', fontColor: 'red' }));
    expect(small).toContain('width="300"');
    expect(small).toContain('height="200"');
    expect(small).toContain('stroke-width="10"');
    expect(small).toContain('font-size="100px"');
    expect(small).toContain('fill="red"');
  });

  it('validates the options before sending', async () => {
    const { task, requests } = await open();
    const before = requests.length;
    const bad = [{ downsample: -1 }, { downsample: 2.5 }, { strokeWidth: 1.5 }, { stripWidth: -3 }, { fontSize: '' }, { fontColor: 3 }, { colour: 'red' }, { filename: '' }];
    for (const options of bad) {
      expect(await failure(task.getSlideAnnotSvg(seed.slides.tau.id, options as never)), JSON.stringify(options)).toBeInstanceOf(PhasInputError);
    }
    if (inBrowser) {
      const error = await failure(task.getSlideAnnotSvg(seed.slides.tau.id, { filename: 'a.svg' }));
      expect(error).toHaveProperty('code', 'not_available_in_browser');
    }
    expect(requests.length).toBe(before);
  });
});

describe('export and import', () => {
  it('exports the non-empty annotations in manifest order with slide names', async () => {
    const { task } = await open();
    const records = await task.exportTaskAnnots();
    const manifest = await task.slideManifest();
    const order = manifest.map((r) => r.id);
    expect(records.map((r) => r.slide_id)).toEqual(expect.arrayContaining([seed.slides.tau.id, seed.slides.comma.id]));
    expect([...records.map((r) => r.slide_id)].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(records.map((r) => r.slide_id));
    const tau = records.find((r) => r.slide_id === seed.slides.tau.id)!;
    expect(tau).toEqual({ slide_name: seed.slides.tau.name, slide_id: seed.slides.tau.id, annot: seeded });
    expect(records.find((r) => r.slide_id === seed.slides.neun.id)).toBeUndefined();
  });

  it('imports records by slide name into another task and reports how many were stored', async () => {
    const source = await open();
    const records = await source.task.exportTaskAnnots();
    const review = await open(seed.tasks.reference.id);
    const imported = await review.task.importTaskAnnots(records);
    expect(imported).toBe(records.length);
    for (const record of records) expect(await review.task.getSlideAnnotTimestamp(record.slide_id)).not.toBeNull();

    const foreign = await open(seed.tasks.secondAnnot.id);
    expect(await foreign.task.importTaskAnnots(records)).toBe(0);
    expect(foreign.lines.filter((l) => l.includes('import skips'))).toHaveLength(records.length);
  });

  it('refuses malformed records before sending', async () => {
    const { task, requests } = await open(seed.tasks.reference.id);
    const before = requests.length;
    for (const records of [{}, [{}], [{ slide_name: '', slide_id: 1, annot: [['Layer', {}]] }], [{ slide_name: 'x', slide_id: 1, annot: {} }]]) {
      expect(await failure(task.importTaskAnnots(records as never))).toBeInstanceOf(PhasInputError);
    }
    if (inBrowser) {
      expect(await failure(task.importTaskAnnots('annots.json'))).toHaveProperty('code', 'not_available_in_browser');
      expect(await failure(task.exportTaskAnnots({ filename: 'annots.json' }))).toHaveProperty('code', 'not_available_in_browser');
    }
    expect(requests.length).toBe(before);
  });
});

describe('secrets', () => {
  it('no error thrown in this file contains the key', () => {
    expect(thrown.length).toBeGreaterThan(20);
    for (const error of thrown) expect(serialiseError(error)).not.toContain(keys.admin.apiKey);
  });
});
