/**
 * Training samples. Python: `DLTrainingTask.slide_training_samples(slide_id)`,
 * `get_sample_image(sample_id)`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DLTrainingTask, encodePng } from '@phas/sdk';
import { parseExampleArgs } from '../args.js';
import { connectForExample } from '../connect.js';
import { findTask } from '../find.js';
import { formatTable } from '../table.js';

const args = parseExampleArgs();
const { client, close } = await connectForExample(args);
try {
  const summary = await findTask(client, 'dltrain');
  const task = await DLTrainingTask.open(client, summary.id);
  const labels = (await (await task.labelset())?.labelListing()) ?? [];
  console.log(formatTable(labels, ['id', 'name', 'color', 'n_samples']));
  await mkdir(args.out, { recursive: true });
  for (const row of await task.slideManifest()) {
    const samples = await task.slideTrainingSamples(Number(row.id));
    if (samples.length === 0) continue;
    console.log(`\nslide ${row.id}: ${samples.length} samples`);
    console.log(formatTable(samples, ['id', 'label', 'x0', 'y0', 'x1', 'y1', 'have_patch']));
    const image = await task.getSampleImage(samples[0]!.id);
    const file = join(args.out, `sample_${samples[0]!.id}.png`);
    await writeFile(file, encodePng(image));
    console.log(`${image.width}x${image.height} sample image written to ${file}`);
    break;
  }
} finally {
  await close();
}
