/**
 * Slide manifest with filters. Python: `task.slide_manifest(stain=…, min_sroi=…, tags_any=[…])`.
 * Rows are the server's CSV rows as objects; numbers are numbers, names stay strings.
 */
import { SamplingROITask } from '@phas/sdk';
import { parseExampleArgs } from '../args.js';
import { connectForExample } from '../connect.js';
import { findTask } from '../find.js';
import { formatTable } from '../table.js';

const { client, close } = await connectForExample(parseExampleArgs());
try {
  const summary = await findTask(client, 'sampling');
  const task = await SamplingROITask.open(client, summary.id);
  const columns = ['id', 'specimen_display', 'block_name', 'section', 'slide', 'stain', 'n_sampling_rois'];

  const all = await task.slideManifest();
  console.log(`All slides of task ${task.taskId} (${all.length})`);
  console.log(formatTable(all, columns));

  // Only slides with at least one sampling ROI (min_sroi is valid for sampling tasks only).
  const withRois = await task.slideManifest({ minSroi: 1 });
  console.log(`\nSlides with at least one ROI (${withRois.length})`);
  console.log(formatTable(withRois, columns));

  // Filters combine with AND; stains match exactly.
  const stain = all[0]?.stain;
  if (typeof stain === 'string') {
    const sameStain = await task.slideManifest({ stain, minSroi: 0 });
    console.log(`\nSlides stained ${stain} (${sameStain.length})`);
    console.log(formatTable(sameStain, columns));
  }
} finally {
  await close();
}
