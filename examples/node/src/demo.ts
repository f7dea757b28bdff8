/**
 * `npm run demo`: the PHAS "extract tiles from sampling ROIs" workflow, end to end.
 *
 * 1. Starts a dev server (unless `--url`/`--key` point at a real PHAS server) and connects.
 * 2. Prints the projects, their tasks, and the manifest of a sampling task filtered to slides
 *    with at least one sampling ROI.
 * 3. For every sampling ROI of the first such slide, runs `SamplingROIPatchExtractor.patches()`
 *    and writes each tile's patch and mask as PNG and as `.nii.gz` (origin and spacing in mm)
 *    into `./out/<slide>/<roi>/`, with a progress bar.
 * 4. Prints a summary: tiles, bytes, seconds.
 *
 * Options: `--url URL --key KEY_OR_KEY_FILE` (a real server), `--out DIR` (default `out`),
 * `--max-tiles N` (stop each ROI after N tiles; default: all).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SamplingROIPatchExtractor, SamplingROITask, encodeNifti, encodePng } from '@phas/sdk';
import { connectForExample } from './connect.js';
import { writeFileAtomic } from './files.js';
import { findTask } from './find.js';
import { progressBar } from './progress.js';
import { formatTable } from './table.js';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    key: { type: 'string' },
    out: { type: 'string', default: 'out' },
    'max-tiles': { type: 'string' },
  },
});
const maxTiles = values['max-tiles'] === undefined ? Infinity : Number(values['max-tiles']);
if (!(maxTiles > 0)) throw new Error('--max-tiles must be a positive number');
const out = values.out ?? 'out';

const started = performance.now();
const { client, url, close } = await connectForExample({ url: values.url, key: values.key, out });
try {
  console.log(`Connected to ${url}\n`);
  const projects = await client.projectListing();
  console.log('Projects');
  console.log(formatTable(projects, ['id', 'disp_name', 'nspecimens', 'nblocks', 'nslides', 'admin']));
  for (const project of projects) {
    const tasks = await client.taskListing(project.id);
    console.log(`\nTasks of ${project.id}`);
    console.log(formatTable(tasks, ['id', 'name', 'mode', 'nspecimens', 'nblocks', 'nslides', 'admin']));
  }

  const summary = await findTask(client, 'sampling');
  const task = await SamplingROITask.open(client, summary.id);
  const manifest = await task.slideManifest({ minSroi: 1 });
  console.log(`\nSlides of task ${task.taskId} (${task.detail.name}) with at least one sampling ROI`);
  console.log(formatTable(manifest, ['id', 'specimen_display', 'block_name', 'section', 'slide', 'stain', 'n_sampling_rois']));
  const [row] = manifest;
  if (!row) throw new Error('no slide with sampling ROIs');

  const slide = await task.slide(Number(row.id));
  const slideDir = typeof row.slide_name === 'string' ? row.slide_name : `slide_${slide.slideId}`;
  const spacing = await slide.spacing();
  if (!spacing) throw new Error(`slide ${slide.slideId} has no spacing metadata, so tile origins in mm are unknown`);
  let tiles = 0;
  let bytes = 0;
  for (const roi of await task.slideSamplingRois(slide.slideId)) {
    const extractor = await SamplingROIPatchExtractor.create(slide, roi.geometry);
    const total = Math.min(extractor.tiles().indices.length, maxTiles);
    const dir = join(out, slideDir, String(roi.id));
    const bar = progressBar(`ROI ${roi.id} (label ${roi.label})`);
    const abort = new AbortController();
    let done = 0;
    bar.update(0, total);
    for await (const tile of extractor.patches({ signal: abort.signal })) {
      const [col, row] = tile.index;
      const base = join(dir, `tile_${col}_${row}`);
      const niftiOptions = { spacing, origin: tile.origin };
      bytes += await writeFileAtomic(`${base}_patch.png`, encodePng(tile.image));
      bytes += await writeFileAtomic(`${base}_mask.png`, encodePng(tile.mask));
      bytes += await writeFileAtomic(`${base}_patch.nii.gz`, encodeNifti(tile.image, niftiOptions));
      bytes += await writeFileAtomic(`${base}_mask.nii.gz`, encodeNifti(tile.mask, niftiOptions));
      tiles++;
      bar.update(++done, total);
      if (done >= total) {
        abort.abort(); // --max-tiles: stop the extractor's remaining work
        break;
      }
    }
    bar.done();
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`\nSummary: ${tiles} tiles, ${(bytes / 1e6).toFixed(1)} MB written to ${join(out, slideDir)}, ${seconds.toFixed(1)} s`);
} finally {
  await close();
}
