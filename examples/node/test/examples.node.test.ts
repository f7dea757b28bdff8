/**
 * Runs every Node example as a user would (`tsx <script>`), each against the dev server it
 * starts itself, and checks that it exits 0 and prints what it promises.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeNifti, decodePng } from '@phas/sdk';

const root = fileURLToPath(new URL('..', import.meta.url));
let out: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'phas-examples-'));
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

function runExample(script: string, args: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', script), '--out', out, ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('examples/node', () => {
  it('listing prints projects and their tasks', async () => {
    const r = await runExample('examples/listing.ts');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^id\s+disp_name\s+nslides$/m);
    expect(r.stdout).toMatch(/private access: (true|false)/);
    expect(r.stdout).toMatch(/\bsampling\b/);
  });

  it('manifest-filters narrows the manifest with min_sroi and stain', async () => {
    const r = await runExample('examples/manifest-filters.ts');
    expect(r.code).toBe(0);
    const counts = [...r.stdout.matchAll(/\((\d+)\)$/gm)].map((m) => Number(m[1]));
    expect(counts.length).toBeGreaterThanOrEqual(2);
    expect(counts[1]).toBeLessThanOrEqual(counts[0]!);
    expect(counts[1]).toBeGreaterThan(0);
  });

  it('slide-properties prints the slide header values', async () => {
    const r = await runExample('examples/slide-properties.ts');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/dimensions \(level 0, px\): \[ \d+, \d+ \]/);
    expect(r.stdout).toMatch(/level downsamples: \[ 1,/);
  });

  it('patch writes a PNG of the requested size', async () => {
    const r = await runExample('examples/patch.ts');
    expect(r.code).toBe(0);
    const file = r.stdout.match(/written to (.+\.png)$/m)?.[1];
    expect(file).toBeDefined();
    const image = decodePng(await readFile(file!));
    expect([image.width, image.height, image.channels]).toEqual([1500, 1000, 4]);
  });

  it('thumbnail-nifti fetches and writes a thumbnail NIfTI', async () => {
    const r = await runExample('examples/thumbnail-nifti.ts');
    expect(r.code).toBe(0);
    const file = r.stdout.match(/written to (.+\.nii\.gz)$/m)?.[1];
    const { image } = decodeNifti(await readFile(file!));
    expect(Math.max(image.width, image.height)).toBe(500);
    expect(image.channels).toBe(3);
  });

  it('annotations writes, reads back, exports and imports', async () => {
    const r = await runExample('examples/annotations.ts');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^written: true$/m);
    expect(r.stdout).toMatch(/^last edit: \d{4}-\d\d-\d\dT/m);
    const exported = Number(r.stdout.match(/exported (\d+) annotations/)?.[1]);
    const imported = Number(r.stdout.match(/imported (\d+) annotations/)?.[1]);
    expect(exported).toBeGreaterThan(0);
    expect(imported).toBe(exported);
  });

  it('training-samples lists samples and saves a sample image', async () => {
    const r = await runExample('examples/training-samples.ts');
    expect(r.code).toBe(0);
    const file = r.stdout.match(/sample image written to (.+\.png)$/m)?.[1];
    const image = decodePng(await readFile(file!));
    expect(image.width).toBe(image.height);
  });

  it('roi-nifti lists ROIs and writes their label image', async () => {
    const r = await runExample('examples/roi-nifti.ts');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ROI \d+: label \d+, (polygon|trapezoid)/m);
    const file = r.stdout.match(/written to (.+\.nii\.gz)$/m)?.[1];
    const { image } = decodeNifti(await readFile(file!));
    expect(image.channels).toBe(1);
    expect(image.data.some((v) => v > 0)).toBe(true);
  });

  it('demo extracts tiles of every ROI into out/<slide>/<roi>/ as PNG and NIfTI', async () => {
    const r = await runExample('demo.ts', ['--max-tiles', '3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Projects$/m);
    expect(r.stdout).toMatch(/with at least one sampling ROI/);
    const summary = r.stdout.match(/^Summary: (\d+) tiles, ([\d.]+) MB written to (.+), ([\d.]+) s$/m);
    expect(summary).not.toBeNull();
    const files = await filesUnder(summary![3]!);
    const tiles = Number(summary![1]);
    expect(tiles).toBeGreaterThan(0);
    expect(files.filter((f) => f.endsWith('_patch.png'))).toHaveLength(tiles);
    expect(files.filter((f) => f.endsWith('_mask.nii.gz'))).toHaveLength(tiles);
    expect(files.some((f) => f.endsWith('.tmp'))).toBe(false);
    // A tile's patch and mask agree in size; the NIfTI carries the tile origin.
    const patchPng = files.find((f) => f.endsWith('_patch.png'))!;
    const patch = decodePng(await readFile(patchPng));
    const mask = decodeNifti(await readFile(patchPng.replace('_patch.png', '_mask.nii.gz')));
    expect([mask.image.width, mask.image.height]).toEqual([patch.width, patch.height]);
    expect(mask.origin).toBeDefined();
    expect((await stat(patchPng)).size).toBeGreaterThan(0);
  });
});
