/**
 * Annotations: read, write, export and import. Python: `get_slide_annot_json`,
 * `set_slide_annot_json`, `get_slide_annot_timestamp`, `export_task_annots`,
 * `import_task_annots`. The export file has the Python client's format.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AnnotationTask } from '@phas/sdk';
import { parseExampleArgs } from '../args.js';
import { connectForExample } from '../connect.js';
import { findTask } from '../find.js';

const args = parseExampleArgs();
const { client, close } = await connectForExample(args);
try {
  const summary = await findTask(client, 'annot');
  const task = await AnnotationTask.open(client, summary.id);
  const [row] = await task.slideManifest();
  if (!row) throw new Error('the task has no slides');
  const slideId = Number(row.id);

  // A paper.js layer with one path; bare [x, y] segments are expanded before upload (Q12).
  const doc = [['Layer', { applyMatrix: true, children: [
    ['Path', { applyMatrix: true, segments: [[1000, 1000], [2000, 1000], [2000, 1800]], closed: true, strokeColor: [0, 0, 1], strokeWidth: 3 }],
  ] }]];
  console.log('written:', await task.setSlideAnnotJson(slideId, doc));
  console.log('last edit:', await task.getSlideAnnotTimestamp(slideId));
  const back = await task.getSlideAnnotJson(slideId);
  console.log('read back:', JSON.stringify(back).slice(0, 120), '…');

  await mkdir(args.out, { recursive: true });
  const file = join(args.out, `task_${task.taskId}_annotations.json`);
  const records = await task.exportTaskAnnots({ filename: file });
  console.log(`exported ${records.length} annotations to ${file}`);
  console.log(`imported ${await task.importTaskAnnots(file)} annotations back`);
} finally {
  await close();
}
