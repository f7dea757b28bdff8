/**
 * E17 thumbnail NIfTI and E26 ROI label NIfTI: header and spacing read back with an
 * independent decoder (nifti-reader-js), voxels, and the label image against shapes whose
 * Pillow fill is known exactly (axis-aligned rectangles fill their truncated corners inclusive).
 */
import { gunzipSync } from 'fflate';
import * as niftiReader from 'nifti-reader-js';
import { describe, expect, it } from 'vitest';
import { niftiSpacing, roiLabelImage, roiLabelNiftiGz, thumbnailNiftiGz, type LabelledRoi } from '../src/slides/nifti.js';
import { createSyntheticSlides, SlideImageError, type SyntheticSlide } from '../src/slides/pixels.js';
import { thumbnailRgb } from '../src/slides/thumbnail.js';

const slides = createSyntheticSlides();
const find = (w: number): SyntheticSlide => slides.find((s) => s.width === w)!;
const small = find(3000);
const noSpacing = slides.find((s) => s.spacing === null)!;
const f32 = Math.fround;

/** Gunzip and parse with nifti-reader-js; returns the header and the voxel bytes. */
function readNifti(gz: Uint8Array) {
  expect([gz[0], gz[1]]).toEqual([0x1f, 0x8b]);
  const nii = gunzipSync(gz);
  const buffer = nii.slice().buffer;
  expect(niftiReader.isNIFTI1(buffer)).toBe(true);
  const header = niftiReader.readHeader(buffer) as niftiReader.NIFTI1;
  return { header, voxels: nii.subarray(header.vox_offset) };
}

async function refusal(attempt: () => unknown): Promise<SlideImageError> {
  try {
    await attempt();
  } catch (e) {
    if (e instanceof SlideImageError) return e;
    throw e;
  }
  throw new Error('expected a SlideImageError');
}

describe('niftiSpacing', () => {
  it('is dimension0 × mpp / size per axis (protocol example)', () => {
    expect(niftiSpacing(small, 100, 67)).toEqual([(3000 * 0.0005) / 100, (2000 * 0.0005) / 67]);
    expect(niftiSpacing(noSpacing, 10, 10)).toBeNull();
  });
});

describe('E17 thumbnail NIfTI', () => {
  it('3000 × 2000 at 100: RGB24 100 × 67, spacing 0.015 × 0.0149254, voxels = the thumbnail', () => {
    const { header, voxels } = readNifti(thumbnailNiftiGz(small, 100));
    expect(header.dims.slice(0, 4)).toEqual([3, 100, 67, 1]);
    expect(header.datatypeCode).toBe(128);
    expect(header.numBitsPerVoxel).toBe(24);
    expect(header.vox_offset).toBe(352);
    expect(header.pixDims[1]).toBe(f32(0.015));
    expect(header.pixDims[2]).toBe(f32(1 / 67));
    expect(header.pixDims[2]).toBeCloseTo(0.0149254, 7);
    expect(header.sform_code).toBe(2);
    expect(header.affine[0][0]).toBe(-f32(0.015));
    expect(header.affine[1][1]).toBe(-f32(1 / 67));
    expect(Buffer.from(voxels).equals(Buffer.from(thumbnailRgb(small, 100).data))).toBe(true);
  });

  it('404 “Missing pixel dimension metadata…” without spacing', async () => {
    const e = await refusal(() => thumbnailNiftiGz(noSpacing, 100));
    expect([e.status, e.code, e.message]).toEqual([404, 'no_spacing', 'Missing pixel dimension metadata to create NIFTI file']);
  });
});

describe('E26 ROI label image', () => {
  // small at max_dim 100: 100 × 67, sx = 100/3000, sy = 67/2000.
  const sx = 100 / 3000;
  const sy = 67 / 2000;

  /** Expected canvas: filled axis-aligned boxes [x0, x1] × [y0, y1] (inclusive) in drawing order. */
  function boxes(list: [number, number, number, number, number][]): Uint8Array {
    const out = new Uint8Array(100 * 67);
    for (const [x0, y0, x1, y1, v] of list) {
      for (let y = y0; y <= y1; y++) out.fill(v, y * 100 + x0, y * 100 + x1 + 1);
    }
    return out;
  }

  it('fills scaled polygons and trapezoids with their label, in ascending id order, 300 → 255', async () => {
    const rois: LabelledRoi[] = [
      // id 5 drawn last: overlaps id 2
      { id: 5, label: 300, geometry: { type: 'polygon', data: [[1815, 1015], [2415, 1015], [2415, 1615], [1815, 1615]] } },
      { id: 2, label: 7, geometry: { type: 'polygon', data: [[315, 100], [2115, 100], [2115, 1100], [315, 1100]] } },
      // horizontal axis from (315, 1000) to (1215, 1000), half-width 300: the box x 315…1215, y 700…1300
      { id: 3, label: 9, geometry: { type: 'trapezoid', data: [[315, 1000, 300], [1215, 1000, 300]] } },
    ];
    const img = await roiLabelImage(small, 100, rois);
    expect([img.width, img.height, img.channels]).toEqual([100, 67, 1]);
    const t = Math.trunc;
    const expected = boxes([
      [t(315 * sx), t(100 * sy), t(2115 * sx), t(1100 * sy), 7],
      [t(315 * sx), t(700 * sy), t(1215 * sx), t(1300 * sy), 9],
      [t(1815 * sx), t(1015 * sy), t(2415 * sx), t(1615 * sy), 255],
    ]);
    expect(Array.from(img.data)).toEqual(Array.from(expected));
  });

  it('is all zero without ROIs; ROIs outside the slide are clipped away', async () => {
    const empty = await roiLabelImage(small, 100, []);
    expect(empty.data.every((v) => v === 0)).toBe(true);
    const outside = await roiLabelImage(small, 100, [
      { id: 1, label: 4, geometry: { type: 'polygon', data: [[4000, 100], [5000, 100], [4500, 900]] } },
    ]);
    expect(outside.data.every((v) => v === 0)).toBe(true);
  });

  it('as NIfTI: UINT8 at the thumbnail size with the E17 spacing', async () => {
    const rois: LabelledRoi[] = [{ id: 1, label: 3, geometry: { type: 'polygon', data: [[315, 100], [2115, 100], [2115, 1100], [315, 1100]] } }];
    const { header, voxels } = readNifti(await roiLabelNiftiGz(small, 100, rois));
    expect(header.dims.slice(1, 3)).toEqual([100, 67]);
    expect(header.datatypeCode).toBe(2);
    expect(header.numBitsPerVoxel).toBe(8);
    expect([header.pixDims[1], header.pixDims[2]]).toEqual([f32(0.015), f32(1 / 67)]);
    expect(Array.from(voxels)).toEqual(Array.from((await roiLabelImage(small, 100, rois)).data));
  });

  it('500 without spacing (PHAS fails after drawing)', async () => {
    const e = await refusal(() => roiLabelNiftiGz(noSpacing, 100, []));
    expect([e.status, e.code]).toEqual([500, 'no_spacing']);
  });
});
