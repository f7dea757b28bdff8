/**
 * Sampling ROIs and their label image as NIfTI. Python: `slide_sampling_rois(slide_id)`,
 * `slide_sampling_roi_nifti_image(slide_id, filename, max_dim)`.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SamplingROITask, decodeNifti } from '@phas/sdk';
import { parseExampleArgs } from '../args.js';
import { connectForExample } from '../connect.js';
import { findTask } from '../find.js';

const args = parseExampleArgs();
const { client, close } = await connectForExample(args);
try {
  const summary = await findTask(client, 'sampling');
  const task = await SamplingROITask.open(client, summary.id);
  const [row] = await task.slideManifest({ minSroi: 1 });
  if (!row) throw new Error('no slide of the task has a sampling ROI');
  const slideId = Number(row.id);
  for (const roi of await task.slideSamplingRois(slideId)) {
    console.log(`ROI ${roi.id}: label ${roi.label}, ${roi.geometry.type} with ${roi.geometry.data.length} points`);
  }
  const bytes = await task.slideSamplingRoiNiftiImage(slideId, { maxDim: 800 });
  if (!bytes) throw new Error('expected the NIfTI bytes');
  const { image } = decodeNifti(bytes);
  const labels = new Set(image.data);
  console.log(`label image ${image.width}x${image.height}, values: ${[...labels].sort((a, b) => a - b).join(', ')}`);
  await mkdir(args.out, { recursive: true });
  const file = join(args.out, `slide_${slideId}_rois.nii.gz`);
  await task.slideSamplingRoiNiftiImage(slideId, { maxDim: 800, filename: file });
  console.log(`written to ${file}`);
} finally {
  await close();
}
