/**
 * Training samples (protocol §9, §11.1): size checks against the task's `dltrain`
 * settings, storage with edit metadata, E27's rows.
 */
import { jsonObjectBody } from '../http/body.js';
import { isNumber, num, type PyJson } from '../http/pyjson.js';
import { ServerFailure } from '../http/werkzeug.js';
import { boxListingRow } from './box-row.js';
import type { DevState, SampleRow, TaskRow } from './state.js';

function fail(what: string): never {
  throw new ServerFailure(`training sample: ${what}`);
}

/** Python 3 `round()` of a float to an int: halves go to the even neighbour. */
export function pyRound(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** The outcome of a box-size check: ok, or the 401 text the server answers. */
export type SizeCheck = 'ok' | 'Box is too small' | 'Box is too large';

/**
 * Checks a box against the task's `min-size`/`max-size`.
 *
 * @throws ServerFailure unless the task is a dltrain task with both sizes (Q18).
 */
export function checkBoxSize(task: TaskRow, box: [number, number, number, number]): SizeCheck {
  const cfg = task.json.mode === 'dltrain' ? task.json.dltrain : undefined;
  if (!cfg) fail(`task ${task.id} is not a dltrain task`);
  const min = cfg['min-size'];
  const max = cfg['max-size'];
  if (min === undefined || max === undefined) fail(`task ${task.id} lacks min-size or max-size (Q18)`);
  const w = pyRound(Math.abs(box[2] - box[0]));
  const h = pyRound(Math.abs(box[3] - box[1]));
  if (w < min || h < min) return 'Box is too small';
  if (w > max || h > max) return 'Box is too large';
  return 'ok';
}

/** Parses an X1/X2 body: `geometry` `[x0, y0, x1, y1]`, `label_id`, and (X2) `id`. */
export function parseSampleBody(body: string): { box: [number, number, number, number]; labelId: number; id: PyJson | undefined } {
  const obj = jsonObjectBody(body, 'training sample');
  const g = obj.geometry;
  if (!Array.isArray(g) || g.length !== 4 || !g.every(isNumber)) fail('geometry is not [x0, y0, x1, y1]');
  const label = obj.label_id;
  if (!isNumber(label) || !Number.isInteger(num(label))) fail('label_id is not an integer');
  return { box: g.map(num) as [number, number, number, number], labelId: num(label), id: obj.id };
}

/** The image size of a sample created in `task` (`display-patch-size`, default 512). */
export function displayPatchSize(task: TaskRow): number {
  return task.json.dltrain?.['display-patch-size'] ?? 512;
}

/** Inserts a sample (its PNG is rendered on demand by E28); returns its id. */
export function createSample(
  state: DevState,
  s: { task: number; slide: number; label: number; box: [number, number, number, number]; patchSize: number; userId: number; now: number },
): number {
  const id = state.next.sample++;
  const [x0, y0, x1, y1] = s.box;
  state.samples.push({
    id, task: s.task, slide: s.slide, label: s.label, x0, y0, x1, y1, havePatch: true, patchSize: s.patchSize,
    metaId: state.next.meta++, creator: s.userId, editor: s.userId, tCreate: s.now, tEdit: s.now,
  });
  return id;
}

/** An E27 row, keys in the server's order. */
export function sampleListingRow(state: DevState, row: SampleRow): { [k: string]: PyJson } {
  return boxListingRow(state, row, { have_patch: row.havePatch ? 1 : 0 });
}
