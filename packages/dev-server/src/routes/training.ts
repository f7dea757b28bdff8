/**
 * Training-sample endpoints: E27 list, E28 image, X1 create, X2 update, X3 delete
 * (protocol §9, §11.1).
 */
import type { Ctx, Handler } from '../app/app.js';
import { guardTask } from '../auth/guards.js';
import { byEditTimeDesc } from '../data/rois.js';
import { checkBoxSize, createSample, displayPatchSize, parseSampleBody, sampleListingRow } from '../data/samples.js';
import { isNumber, num } from '../http/pyjson.js';
import { bytesReply, pyJsonReply, textReply } from '../http/reply.js';
import type { Router } from '../http/router.js';
import { ServerFailure } from '../http/werkzeug.js';
import { sampleCentre, samplePng } from '../slides/patch.js';

/** E27: slide not checked; unknown slide → `[]`. */
const listSamples: Handler = (ctx) => {
  const { task } = guardTask(ctx, ctx.int('task_id'), 'read');
  const slideId = ctx.int('slide_id');
  const rows = byEditTimeDesc(ctx.app.state.samples.filter((s) => s.task === task.id && s.slide === slideId));
  return pyJsonReply(rows.map((r) => sampleListingRow(ctx.app.state, r)));
};

/** X1. */
const create: Handler = (ctx) => {
  const { user, task } = guardTask(ctx, ctx.int('task_id'), 'write');
  const { box, labelId } = parseSampleBody(ctx.text());
  const check = checkBoxSize(task, box);
  if (check !== 'ok') return textReply(check, 401);
  const slide = ctx.app.catalog.slide(ctx.int('slide_id'));
  if (!slide) throw new ServerFailure(`no slide ${ctx.int('slide_id')}`);
  const id = createSample(ctx.app.state, { task: task.id, slide: slide.id, label: labelId, box, patchSize: displayPatchSize(task), userId: user.id, now: ctx.now });
  ctx.app.changed();
  return pyJsonReply({ id });
};

/** X2: re-checks the size (against the sample's own task) only when it changed; the image becomes 512×512 (Q17). */
const update: Handler = (ctx) => {
  const { user } = guardTask(ctx, ctx.int('task_id'), 'write');
  const { box, labelId, id } = parseSampleBody(ctx.text());
  const row = isNumber(id) ? ctx.app.state.samples.find((s) => s.id === num(id)) : undefined;
  if (!row) throw new ServerFailure('unknown training sample');
  const old = [row.x0, row.y0, row.x1, row.y1];
  const sizeChanged = Math.abs(old[2] - old[0]) !== Math.abs(box[2] - box[0]) || Math.abs(old[3] - old[1]) !== Math.abs(box[3] - box[1]);
  if (sizeChanged) {
    const ownTask = ctx.app.catalog.task(row.task);
    if (!ownTask) throw new ServerFailure('sample of a deleted task');
    const check = checkBoxSize(ownTask, box);
    if (check !== 'ok') return textReply(check, 401);
  }
  Object.assign(row, { x0: box[0], y0: box[1], x1: box[2], y1: box[3], label: labelId, patchSize: 512, editor: user.id, tEdit: ctx.now });
  ctx.app.changed();
  return textReply('success');
};

/** X3: form field `id`. */
const remove: Handler = (ctx) => {
  guardTask(ctx, ctx.int('task_id'), 'write');
  const text = ctx.formField('id');
  if (!/^\s*[+-]?\d+\s*$/.test(text)) throw new ServerFailure('sample id is not an integer');
  const before = ctx.app.state.samples.length;
  ctx.app.state.samples = ctx.app.state.samples.filter((s) => s.id !== Number(text));
  if (ctx.app.state.samples.length !== before) ctx.app.changed();
  return textReply('success');
};

/** E28: no guard; the PNG is rendered from the synthetic slide. */
const sampleImage: Handler = (ctx: Ctx) => {
  const id = ctx.int('id');
  const row = ctx.app.state.samples.find((s) => s.id === id);
  const slide = row && ctx.app.catalog.slide(row.slide);
  if (!row || !slide) throw new ServerFailure(`no image for sample ${id}`);
  const [cx, cy] = sampleCentre(row.x0, row.y0, row.x1, row.y1);
  const png = samplePng(ctx.app.image(slide), cx, cy, row.patchSize);
  return bytesReply(png, 'image/png', {
    'Content-Disposition': `inline; filename=sample_${String(id).padStart(8, '0')}.png`,
    'Cache-Control': 'no-cache',
    'Last-Modified': new Date(row.tEdit * 1000).toUTCString(),
    ETag: `"sample-${id}-${row.tEdit}-${row.patchSize}"`,
  });
};

/** Registers the training-sample routes. */
export function registerTrainingRoutes(router: Router<Handler>): void {
  const prefix = '/task/<int:task_id>/slide/<int:slide_id>/dltrain';
  router
    .add({ rule: `${prefix}/samples`, methods: ['GET'], endpoint: 'dltrain.get_samples', handler: listSamples })
    .add({ rule: `${prefix}/sample/create`, methods: ['POST'], endpoint: 'dltrain.create_sample', handler: create })
    .add({ rule: `${prefix}/sample/update`, methods: ['POST'], endpoint: 'dltrain.update_sample', handler: update })
    .add({ rule: `${prefix}/sample/delete`, methods: ['POST'], endpoint: 'dltrain.delete_sample', handler: remove })
    .add({ rule: '/dltrain/api/sample/<int:id>/image.png', methods: ['GET'], endpoint: 'dltrain.get_sample_png', handler: sampleImage });
}
