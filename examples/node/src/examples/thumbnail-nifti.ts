/**
 * Slide thumbnail as NIfTI. Python: `slide.thumbnail_nifti_image(filename, max_dim)` (which
 * never worked in the Python client, protocol Q1; the SDK calls the endpoint that does).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeNifti } from '@phas/sdk';
import { parseExampleArgs } from '../args.js';
import { connectForExample } from '../connect.js';
import { findFirstSlide } from '../find.js';

const args = parseExampleArgs();
const { client, close } = await connectForExample(args);
try {
  const slide = await findFirstSlide(client, 'sampling');
  const bytes = await slide.thumbnailNiftiImage({ maxDim: 500 });
  if (!bytes) throw new Error('expected the NIfTI bytes');
  const { image, spacing } = decodeNifti(bytes);
  console.log(`thumbnail ${image.width}x${image.height}, ${image.channels} channels, spacing ${spacing.join(' x ')} mm`);
  // With `filename` (Node only) the SDK writes the file itself, atomically.
  await mkdir(args.out, { recursive: true });
  const file = join(args.out, `slide_${slide.slideId}_thumbnail.nii.gz`);
  await slide.thumbnailNiftiImage({ maxDim: 500, filename: file });
  console.log(`written to ${file}`);
} finally {
  await close();
}
