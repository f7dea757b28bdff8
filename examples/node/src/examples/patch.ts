/**
 * Read a patch and save it as PNG. Python: `slide.get_patch(center, level, size)`.
 * The SDK fetches the tiles in parallel and assembles one RGBA image.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encodePng } from '@phas/sdk';
import { parseExampleArgs } from '../args.js';
import { connectForExample } from '../connect.js';
import { findFirstSlide } from '../find.js';

const args = parseExampleArgs();
const { client, close } = await connectForExample(args);
try {
  const slide = await findFirstSlide(client, 'sampling');
  const dimensions = await slide.dimensions();
  if (!dimensions) throw new Error(`slide ${slide.slideId} has no dimensions metadata`);
  const [width, height] = dimensions;
  const patch = await slide.getPatch({
    center: [Math.floor(width / 2), Math.floor(height / 2)], // level-0 pixels
    level: 1,
    size: [1500, 1000], // pixels at level 1
    onProgress: ({ loaded, total }) => process.stderr.write(`\rtiles ${loaded}/${total}`),
  });
  process.stderr.write('\n');
  await mkdir(args.out, { recursive: true });
  const file = join(args.out, `slide_${slide.slideId}_patch.png`);
  await writeFile(file, encodePng(patch));
  console.log(`${patch.width}x${patch.height} RGBA patch written to ${file}`);
} finally {
  await close();
}
