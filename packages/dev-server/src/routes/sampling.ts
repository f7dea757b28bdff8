/**
 * Sampling-ROI endpoints: E23 list, E24 create, E25 delete all, E26 label image, X4 update,
 * X5 delete one (protocol §8, §6.3, §11.2). The slide is not checked against the task
 * (Q22); a nonexistent slide fails with 500 where the server does.
 */
import type { Geometry } from '@phas/raster-wasm';
import type { Ctx, Handler } from '../app/app.js';
import { guardTask } from '../auth/guards.js';
import { affineFor, invert } from '../data/annotations.js';
import { byEditTimeDesc, createRoi, parseRoiBody, roiListingRow, updateRoi } from '../data/rois.js';
import type { SlideRow } from '../data/state.js';
import { isDict, jsonBody } from '../http/body.js';
import { isNumber, num } from '../http/pyjson.js';
import { bytesReply, pyJsonReply, textReply } from '../http/reply.js';
import type { Router } from '../http/router.js';
import { ServerFailure } from '../http/werkzeug.js';
import { roiLabelNiftiGz } from '../slides/nifti.js';

function existingSlide(ctx: Ctx): SlideRow {
  const slide = ctx.app.catalog.slide(ctx.int('slide_id'));
  if (!slide) throw new ServerFailure(`no slide ${ctx.int('slide_id')}`);
  return slide;
}

/** E23. */
const listRois: Handler = (ctx) => {
  const { task } = guardTask(ctx, ctx.int('task_id'), 'read');
  const slide = existingSlide(ctx);
  const m = invert(affineFor(ctx.str('mode'), ctx.str('resolution')));
  const rows = byEditTimeDesc(ctx.app.state.rois.filter((r) => r.task === task.id && r.slide === slide.id));
  return pyJsonReply(rows.map((r) => roiListingRow(ctx.app.state, r, m)));
};

/** E24. */
const create: Handler = (ctx) => {
  const { user, task } = guardTask(ctx, ctx.int('task_id'), 'write');
  const slide = existingSlide(ctx);
  const { labelId, geometry } = parseRoiBody(ctx.text(), affineFor(ctx.str('mode'), ctx.str('resolution')));
  const id = createRoi(ctx.app.state, { task: task.id, slide: slide.id, label: labelId, geometry, userId: user.id, now: ctx.now });
  ctx.app.changed();
  return pyJsonReply({ id });
};

/** X4. */
const update: Handler = (ctx) => {
  const { user } = guardTask(ctx, ctx.int('task_id'), 'write');
  const { labelId, geometry, id } = parseRoiBody(ctx.text(), affineFor(ctx.str('mode'), ctx.str('resolution')));
  if (!isNumber(id)) throw new ServerFailure('ROI update without an id');
  updateRoi(ctx.app.state, num(id), { label: labelId, geometry, userId: user.id, now: ctx.now });
  ctx.app.changed();
  return pyJsonReply({ id: num(id) });
};

/** E25: GET or POST; `success` even when nothing matched. */
const deleteAll: Handler = (ctx) => {
  const { task } = guardTask(ctx, ctx.int('task_id'), 'write');
  const slideId = ctx.int('slide_id');
  const before = ctx.app.state.rois.length;
  ctx.app.state.rois = ctx.app.state.rois.filter((r) => !(r.task === task.id && r.slide === slideId));
  if (ctx.app.state.rois.length !== before) ctx.app.changed();
  return textReply('success');
};

/** X5: raw JSON body `{"id": …}`. */
const deleteOne: Handler = (ctx) => {
  guardTask(ctx, ctx.int('task_id'), 'write');
  const doc = jsonBody(ctx.text(), 'ROI delete');
  const id = isDict(doc) ? doc.id : undefined;
  if (!isNumber(id)) throw new ServerFailure('ROI delete without an id');
  const before = ctx.app.state.rois.length;
  ctx.app.state.rois = ctx.app.state.rois.filter((r) => r.id !== num(id));
  if (ctx.app.state.rois.length !== before) ctx.app.changed();
  return textReply('success');
};

/** E26. */
const labelImage: Handler = async (ctx) => {
  const { task } = guardTask(ctx, ctx.int('task_id'), 'read');
  const slide = existingSlide(ctx);
  const rois = ctx.app.state.rois
    .filter((r) => r.task === task.id && r.slide === slide.id)
    .map((r) => ({ id: r.id, label: r.label, geometry: JSON.parse(r.json) as Geometry }));
  const bytes = await roiLabelNiftiGz(ctx.app.image(slide), ctx.int('maxdim'), rois);
  return bytesReply(bytes, 'application/octet-stream');
};

/** Registers the sampling-ROI routes. */
export function registerSamplingRoutes(router: Router<Handler>): void {
  const prefix = '/task/<int:task_id>/slide';
  router
    .add({ rule: `${prefix}/<mode>/<resolution>/<int:slide_id>/sampling_roi/get`, methods: ['GET'], endpoint: 'dltrain.get_sampling_rois', handler: listRois })
    .add({ rule: `${prefix}/<mode>/<resolution>/<int:slide_id>/dltrain/sampling_roi/create`, methods: ['POST'], endpoint: 'dltrain.create_sampling_roi', handler: create })
    .add({ rule: `${prefix}/<mode>/<resolution>/<int:slide_id>/dltrain/sampling_roi/update`, methods: ['POST'], endpoint: 'dltrain.update_sampling_roi', handler: update })
    .add({ rule: `${prefix}/<int:slide_id>/dltrain/sampling_roi/delete_all`, methods: ['GET', 'POST'], endpoint: 'dltrain.sampling_roi_delete_on_slice', handler: deleteAll })
    .add({ rule: `${prefix}/<int:slide_id>/dltrain/sampling_roi/delete`, methods: ['POST'], endpoint: 'dltrain.delete_sampling_roi', handler: deleteOne })
    .add({ rule: `${prefix}/<int:slide_id>/sampling_roi/make_image_<int:maxdim>.nii.gz`, methods: ['GET'], endpoint: 'dltrain.make_sampling_roi_image', handler: labelImage });
}
