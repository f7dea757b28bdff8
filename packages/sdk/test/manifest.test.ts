/**
 * The slide manifest: the CSV parser and row typing on crafted text, and `task.slideManifest`
 * (filters, mode checks, typed rows) against the shared dev server.
 */
import { describe, expect, inject, it } from 'vitest';
import { seed } from '@phas/dev-server/seed';
import { Client, CsvSyntaxError, parseCsv, PhasError, PhasInputError, PhasResponseError, type SlideManifestRow } from '@phas/sdk';
import { manifestRows } from '../src/manifest.js';
import { countingFetch } from './helpers/counting-fetch.js';

const HEADER = 'id,block_id,section,slide,stain,slide_name,slide_ext,project,specimen,block_name,specimen_private,specimen_public,task_id,specimen_display';

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, embedded separators and line breaks, CRLF and a final line end', () => {
    expect(parseCsv('a,b\n1,"x,y"\n')).toEqual([['a', 'b'], ['1', 'x,y']]);
    expect(parseCsv('a,b\r\n"he said ""hi""","line1\nline2"\r\n')).toEqual([['a', 'b'], ['he said "hi"', 'line1\nline2']]);
    expect(parseCsv('a,b\n,\n')).toEqual([['a', 'b'], ['', '']]);
    expect(parseCsv('a')).toEqual([['a']]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('"",x')).toEqual([['', 'x']]);
  });

  it('rejects malformed quoting', () => {
    expect(() => parseCsv('a,"b\n')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('"a"b,c')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('"a')).toThrow(PhasError);
  });
});

describe('manifest rows', () => {
  it('types integer columns as numbers and keeps text columns as strings, empty cells null', () => {
    const csv = `${HEADER},n_paths\n7,2,3,1,007,S_1,tiff,p,12,"B,02",,123,1,123,0\n`;
    const [row] = manifestRows(csv, 'u');
    expect(row).toEqual({
      id: 7, block_id: 2, section: 3, slide: 1, stain: '007', slide_name: 'S_1', slide_ext: 'tiff', project: 'p',
      specimen: 12, block_name: 'B,02', specimen_private: null, specimen_public: '123', task_id: 1, specimen_display: '123', n_paths: 0,
    });
    expect(Object.keys(row)).toEqual([...HEADER.split(','), 'n_paths']);
    expect(manifestRows(`${HEADER}\n`, 'u')).toEqual([]);
    const text = manifestRows(`${HEADER},NA_col\n1,2,3,1,NA,None,tiff,p,1,B,null,nan,1,x,NA\n`, 'u')[0];
    expect([text.stain, text.slide_name, text.specimen_private, text.specimen_public, text.NA_col]).toEqual(['NA', 'None', 'null', 'nan', 'NA']);
  });

  it('reports malformed manifests as PhasResponseError with the URL', () => {
    const bad = [
      'id,stain\n1,x\n', // missing columns
      `${HEADER}\n1,2,3\n`, // short row
      `${HEADER}\nx,2,3,1,s,n,e,p,1,b,s,s,1,d\n`, // non-integer id
      `${HEADER}\n1,2,3,1,,n,e,p,1,b,s,s,1,d\n`, // empty required stain
      `${HEADER}\n1,2,3,1,"s,n,e,p,1,b,s,s,1,d\n`, // unterminated quote
      '',
    ];
    for (const csv of bad) {
      const call = () => manifestRows(csv, 'http://h/m.csv');
      expect(call, csv).toThrow(PhasResponseError);
      try {
        call();
      } catch (error) {
        expect((error as PhasResponseError).url).toBe('http://h/m.csv');
      }
    }
  });
});

describe('task.slideManifest', () => {
  const url = inject('phasUrl');
  const keys = inject('phasKeys');
  const P = seed.projects.main.id;
  const projectSlides = Object.values(seed.slides).filter((s) => {
    const block = Object.values(seed.blocks).find((b) => b.id === s.block)!;
    return Object.values(seed.specimens).find((sp) => sp.id === block.specimen)!.project === P;
  });

  async function open(taskId: number) {
    const counter = countingFetch();
    const client = await Client.connect(url, { apiKey: keys.admin.apiKey, fetch: counter.fetch });
    return { task: await client.task(taskId), requests: counter.requests };
  }
  const ids = (rows: SlideManifestRow[]) => rows.map((r) => r.id);

  it('returns one typed row per slide in the server order, with the mode columns', async () => {
    const { task } = await open(seed.tasks.annot.id);
    const rows = await task.slideManifest();
    expect(ids(rows).sort()).toEqual(projectSlides.map((s) => s.id).sort());
    expect(ids(rows)).toEqual([seed.slides.comma.id, seed.slides.big.id, seed.slides.tau.id, seed.slides.neun.id, seed.slides.plain.id]);
    const comma = rows.find((r) => r.id === seed.slides.comma.id)!;
    expect(comma).toMatchObject({
      block_name: 'B,02', slide_name: seed.slides.comma.name, stain: 'Nissl', section: 3, slide: 1, project: P,
      specimen: seed.specimens.first.id, specimen_private: 'HC001', specimen_public: 'Anon 0001', task_id: seed.tasks.annot.id,
    });
    const tau = rows.find((r) => r.id === seed.slides.tau.id)!;
    expect([tau.n_paths, tau.n_markers, tau.n_annot]).toEqual([2, 1, 3]);
    expect(Object.keys(tau).slice(-3)).toEqual(['n_paths', 'n_markers', 'n_annot']);

    const dltrain = await (await open(seed.tasks.dltrain.id)).task.slideManifest();
    expect(Object.keys(dltrain[0]).at(-1)).toBe('n_samples');
    const sampling = await (await open(seed.tasks.sampling.id)).task.slideManifest();
    expect(Object.keys(sampling[0]).at(-1)).toBe('n_sampling_rois');
  });

  it('sends the filters the server understands', async () => {
    const { task, requests } = await open(seed.tasks.annot.id);
    expect(ids(await task.slideManifest({ stain: 'Tau' }))).toEqual([seed.slides.tau.id]);
    expect(ids(await task.slideManifest({ block: 'B,02' }))).toEqual([seed.slides.comma.id]);
    expect(ids(await task.slideManifest({ specimen: 'hc002' }))).toEqual([seed.slides.neun.id, seed.slides.plain.id]);
    expect(ids(await task.slideManifest({ section: 10, slide: 2 }))).toEqual([seed.slides.tau.id]);
    expect(ids(await task.slideManifest({ tagsAny: ['ctx', 'nope'] }))).toEqual([seed.slides.comma.id]);
    expect(ids(await task.slideManifest({ tagsAll: ['diag', 'hippo'] }))).toEqual([seed.slides.big.id]);
    expect(ids(await task.slideManifest({ tagsNone: ['hippo'], tagsAny: [] }))).toEqual([seed.slides.comma.id, seed.slides.neun.id, seed.slides.plain.id]);
    const annotated = await task.slideManifest({ minPaths: 1 });
    expect(ids(annotated)).toEqual(expect.arrayContaining([seed.slides.tau.id, seed.slides.comma.id]));
    expect(annotated.every((r) => (r.n_paths ?? 0) >= 1)).toBe(true);
    const sent = requests.filter((r) => r.includes('slide_detailed_manifest'));
    expect(sent[4]).toMatch(/\?tags_any=ctx&tags_any=nope$/);
    expect(sent[6]).toMatch(/\?tags_none=hippo$/);
    expect(sent.some((r) => r.includes('self='))).toBe(false);
  });

  it('filters sampling tasks by ROI count', async () => {
    const { task } = await open(seed.tasks.sampling.id);
    const rows = await task.slideManifest({ minSroi: 1 });
    expect(ids(rows)).toEqual(expect.arrayContaining([seed.slides.big.id, seed.slides.comma.id]));
    expect(rows.every((r) => (r.n_sampling_rois ?? 0) >= 1)).toBe(true);
  });

  it('refuses invalid filters and filters of another mode before sending', async () => {
    const annot = await open(seed.tasks.annot.id);
    const sampling = await open(seed.tasks.sampling.id);
    const before = annot.requests.length + sampling.requests.length;
    const bad: [typeof annot.task, object][] = [
      [annot.task, { minSroi: 1 }],
      [sampling.task, { minPaths: 0 }],
      [sampling.task, { minMarkers: 2 }],
      [annot.task, { minPaths: -1 }],
      [annot.task, { minPaths: 1.5 }],
      [annot.task, { section: '3' }],
      [annot.task, { stain: '' }],
      [annot.task, { tagsAny: 'hippo' }],
      [annot.task, { tagsAll: ['ok', ''] }],
      [annot.task, { min_paths: 1 }],
    ];
    for (const [task, filters] of bad) {
      await expect(task.slideManifest(filters as never), JSON.stringify(filters)).rejects.toBeInstanceOf(PhasInputError);
    }
    expect(annot.requests.length + sampling.requests.length).toBe(before);
  });
});
