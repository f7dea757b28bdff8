/**
 * Slide endpoints: E8 manifest, E11 info, E12 tags, E13–E15 headers and file path, E16
 * patches, E17 thumbnail NIfTI (protocol §5, §6). Pixels and headers come from `src/slides`.
 */
import type { Handler } from '../app/app.js';
import { guardSlide, guardTask, guardTaskSlide, isAnonymized } from '../auth/guards.js';
import { slideManifestCsv } from '../data/manifest.js';
import { pyFloat } from '../http/pyjson.js';
import { bytesReply, jsonifyReply, pyJsonReply, textReply } from '../http/reply.js';
import type { Router } from '../http/router.js';
import { abort } from '../http/werkzeug.js';
import { dziSlide, pngOrBadFormat, requireRawResource } from './dzi-common.js';
import { dimensionsHeader, openslideHeader } from '../slides/header.js';
import { thumbnailNiftiGz } from '../slides/nifti.js';
import { patchPng } from '../slides/patch.js';

/** E8. */
const slideManifest: Handler = (ctx) => {
  const { task } = guardTask(ctx, ctx.int('task_id'), 'read', { api: true });
  const csv = slideManifestCsv(ctx.app.catalog, task, ctx.query, isAnonymized(ctx, task.project));
  return textReply(csv, 200, 'text/csv; charset=utf-8');
};

/** E11: the slide need not be in the task (Q22). */
const slideInfo: Handler = (ctx) => {
  const { task } = guardTask(ctx, ctx.int('task_id'), 'read', { api: true });
  const { slide } = guardSlide(ctx, ctx.int('slide_id'), 'read', { api: true });
  const info = ctx.app.catalog.slideInfo(slide, isAnonymized(ctx, task.project));
  return pyJsonReply({
    specimen: info.specimen,
    block_name: info.blockName,
    specimen_private: info.specimenPrivate,
    specimen_public: info.specimenPublic,
    specimen_display: info.specimenDisplay,
    section: info.section,
    slide: info.slide,
    stain: info.stain,
  });
};

/** E12: external tags, alphabetical. */
const slideTags: Handler = (ctx) => {
  guardTaskSlide(ctx, ctx.int('task_id'), ctx.int('slide_id'), 'admin');
  const { slide } = guardSlide(ctx, ctx.int('slide_id'), 'admin', { api: true, phi: true });
  const tags = slide.tags.filter((t) => t.external).map((t) => t.tag);
  return pyJsonReply([...tags].sort());
};

/** E13. */
const dimensions: Handler = (ctx) => {
  const h = dimensionsHeader(ctx.app.image(dziSlide(ctx, 'read')));
  return jsonifyReply({ dimensions: h.dimensions, spacing: h.spacing === null ? null : h.spacing.map(pyFloat) });
};

/** E14 (style 3). */
const openslideHeaderJson: Handler = (ctx) => {
  const slide = dziSlide(ctx, 'read');
  const h = openslideHeader(ctx.app.image(slide));
  return pyJsonReply(
    { properties: h.properties, level_dimensions: h.level_dimensions, level_downsamples: h.level_downsamples.map(pyFloat) },
    { bogusContentType: true },
  );
};

/** E15: the (fictitious) file path of the slide, local and remote alike. */
const filepath: Handler = (ctx) => {
  const slide = dziSlide(ctx, 'admin');
  const info = ctx.app.catalog.slideInfo(slide, false);
  const path = `/srv/phas/data/${info.project}/${info.specimenPrivate}/histo_raw/${slide.name}.${slide.ext}`;
  return jsonifyReply({ local: path, remote: path });
};

/** E16. */
const patch: Handler = (ctx) => {
  const slide = dziSlide(ctx, 'read');
  return pngOrBadFormat(ctx.str('format'), () =>
    patchPng(ctx.app.image(slide), ctx.int('level'), ctx.int('ctrx'), ctx.int('ctry'), ctx.int('w'), ctx.int('h')),
  );
};

/** E17: size limit, then the thumbnail NIfTI. */
const thumbnailNifti: Handler = (ctx) => {
  const { task, slide } = guardTaskSlide(ctx, ctx.int('task_id'), ctx.int('slide_id'), 'read');
  const downsample = ctx.int('downsample');
  const limit = task.json['download-slide-size-limit'];
  if (limit !== undefined && limit >= 0 && (downsample > limit || downsample === 0)) {
    throw abort(404, `Requested dimensions exceed permitted download size (${limit})`);
  }
  if (downsample === 0) throw abort(404, 'Wrong extension requested');
  requireRawResource(ctx.str('resource'));
  return bytesReply(thumbnailNiftiGz(ctx.app.image(slide), downsample), 'application/octet-stream');
};

/** Registers the slide routes. */
export function registerSlideRoutes(router: Router<Handler>): void {
  const both = ['GET', 'POST'];
  router
    .add({ rule: '/api/task/<int:task_id>/slide_detailed_manifest.csv', methods: ['GET'], endpoint: 'slide.get_slide_detailed_manifest', handler: slideManifest })
    .add({ rule: '/api/task/<int:task_id>/slide/<int:slide_id>/info', methods: ['GET'], endpoint: 'slide.task_get_slide_info', handler: slideInfo })
    .add({ rule: '/api/task/<int:task_id>/slide/<int:slide_id>/tags', methods: ['GET'], endpoint: 'slide.get_slide_tags', handler: slideTags })
    .add({ rule: '/dzi/<project>/<int:slide_id>/header', methods: both, endpoint: 'dzi.dzi_slide_dimensions', handler: dimensions })
    .add({ rule: '/dzi/download/<project>/slide_<int:slide_id>_<resource>_header.json', methods: both, endpoint: 'dzi.dzi_download_header', handler: openslideHeaderJson })
    .add({ rule: '/dzi/<project>/<int:slide_id>/filepath', methods: ['GET'], endpoint: 'dzi.dzi_slide_filepath', handler: filepath })
    .add({
      rule: '/dzi/patch/<project>/<int:slide_id>/<resource>/<int:level>/<int:ctrx>_<int:ctry>_<int:w>_<int:h>.<format>',
      methods: both,
      endpoint: 'dzi.get_patch_endpoint',
      handler: patch,
    })
    .add({
      rule: '/dzi/download/task/<int:task_id>/slide_<int:slide_id>_<resource>_<int:downsample>.nii.gz',
      methods: both,
      endpoint: 'dzi.dzi_download_nii_gz',
      handler: thumbnailNifti,
    });
}
