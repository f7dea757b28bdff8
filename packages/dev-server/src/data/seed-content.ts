/**
 * Adds the seed's annotations, sampling ROIs and training samples to a fresh state through
 * the same code paths as the upload endpoints (so they are stored exactly as the server
 * would store them).
 */
import type { Seed } from '../seed.js';
import { IDENTITY, saveAnnotation } from './annotations.js';
import { createRoi, transformGeometry } from './rois.js';
import { createSample, displayPatchSize } from './samples.js';
import type { DevState } from './state.js';
import { pyDumps, type PyJson } from '../http/pyjson.js';

/** Populates `state` (fresh from `createBaseState`); timestamps start at `nowSec` and grow by 1 ms per row. */
export function populateSeedContent(state: DevState, seed: Seed, nowSec: number): void {
  let now = nowSec;
  const tick = () => (now += 0.001);
  const userId = (name: string) => {
    const u = state.users.find((x) => x.username === name);
    if (!u) throw new Error(`seed references unknown user ${name}`);
    return u.id;
  };
  for (const a of seed.annotations) {
    saveAnnotation(state, { task: a.task, slide: a.slide, userId: userId(a.user), now: tick() }, pyDumps(a.doc as PyJson), IDENTITY, true);
  }
  for (const r of seed.rois) {
    const id = createRoi(state, { task: r.task, slide: r.slide, label: r.label, geometry: transformGeometry(r.geometry, IDENTITY), userId: userId(r.user), now: tick() });
    if (id !== r.id) throw new Error(`seed ROI ${r.id} got id ${id}`);
  }
  for (const s of seed.samples) {
    const task = state.tasks.find((t) => t.id === s.task);
    if (!task) throw new Error(`seed sample ${s.id} names unknown task ${s.task}`);
    const id = createSample(state, { task: s.task, slide: s.slide, label: s.label, box: s.box, patchSize: displayPatchSize(task), userId: userId(s.user), now: tick() });
    if (id !== s.id) throw new Error(`seed sample ${s.id} got id ${id}`);
  }
}
