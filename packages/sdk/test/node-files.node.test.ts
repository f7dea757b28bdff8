/**
 * Python's `filename=` options in Node: results written atomically (no temporary file left
 * behind), export files in Python's JSON format, import from a file, clear errors for paths
 * that cannot be written or read.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seed } from '@phas/dev-server/seed';
import { AnnotationTask, Client, decodeNifti, PhasInputError, SamplingROITask } from '@phas/sdk';

const url = inject('phasUrl');
const keys = inject('phasKeys');
let dir: string;
let client: Client;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'phas-files-'));
  client = await Client.connect(url, { apiKey: keys.admin.apiKey });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('filename options', () => {
  it('writes the SVG and returns undefined', async () => {
    const task = await AnnotationTask.open(client, seed.tasks.annot.id);
    const path = join(dir, 'tau.svg');
    expect(await task.getSlideAnnotSvg(seed.slides.tau.id, { downsample: 300, filename: path })).toBeUndefined();
    const written = await readFile(path);
    const direct = await task.getSlideAnnotSvg(seed.slides.tau.id, { downsample: 300 });
    expect(new Uint8Array(written)).toEqual(direct);
  });

  it('writes the ROI label NIfTI', async () => {
    const task = await SamplingROITask.open(client, seed.tasks.sampling.id);
    const path = join(dir, 'rois.nii.gz');
    expect(await task.slideSamplingRoiNiftiImage(seed.slides.comma.id, { maxDim: 200, filename: path })).toBeUndefined();
    const nifti = decodeNifti(new Uint8Array(await readFile(path)));
    expect(Math.max(nifti.image.width, nifti.image.height)).toBe(200);
  });

  it("exports to a JSON file in Python's format and imports it back", async () => {
    const task = await AnnotationTask.open(client, seed.tasks.annot.id);
    const path = join(dir, 'annots.json');
    const records = await task.exportTaskAnnots({ filename: path });
    const text = await readFile(path, 'utf8');
    expect(JSON.parse(text)).toEqual(records);
    expect(text.startsWith('[{"slide_name": ')).toBe(true);
    expect(text).toContain('"slide_id": ');
    const review = await AnnotationTask.open(client, seed.tasks.reference.id);
    expect(await review.importTaskAnnots(path)).toBe(records.length);
  });

  it('leaves no temporary files behind', async () => {
    const names = await readdir(dir);
    expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(names.sort()).toEqual(['annots.json', 'rois.nii.gz', 'tau.svg']);
  });

  it('reports unwritable and unreadable paths as PhasInputError', async () => {
    const task = await AnnotationTask.open(client, seed.tasks.annot.id);
    const error = await task.getSlideAnnotSvg(seed.slides.tau.id, { filename: join(dir, 'no-such-dir', 'x.svg') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PhasInputError);
    expect((error as PhasInputError).argument).toBe('options.filename');
    expect((error as Error).message).toContain('no such file');
    const missing = await task.importTaskAnnots(join(dir, 'missing.json')).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(PhasInputError);
    await writeFile(join(dir, 'bad.json'), '{not json');
    expect(await task.importTaskAnnots(join(dir, 'bad.json')).catch((e: unknown) => e)).toBeInstanceOf(PhasInputError);
    await rm(join(dir, 'bad.json'));
  });
});
