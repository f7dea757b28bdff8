/**
 * Viewer images: X10/X11 random patches, X14 Deep Zoom descriptor, X15 Deep Zoom tiles,
 * X17 task thumbnail, X18 small cached thumbnail (protocol §11.5, §11.7, §11.8). Pixels
 * come from `src/slides`.
 */
import type { Handler } from '../app/app.js';
import { guardTaskSlide } from '../auth/guards.js';
import { bytesReply, textReply } from '../http/reply.js';
import type { Router } from '../http/router.js';
import { abort } from '../http/werkzeug.js';
import { dziSlide, pngOrBadFormat } from './dzi-common.js';
import { dziDescriptorXml } from '../slides/deepzoom.js';
import { dziTileImage } from '../slides/deepzoom-tile.js';
import { randomPatchPng } from '../slides/patch.js';
import { SMALL_THUMBNAIL_BOX, thumbnailPng } from '../slides/thumbnail-png.js';

/** Size limit of the project's pre-computed `thumb` resource served by X17. */
export const TASK_THUMBNAIL_MAX_DIM = 1000;

/** X10: task-slide read + API; level 0, resource `raw`. */
const taskRandomPatch: Handler = (ctx) => {
  const { slide } = guardTaskSlide(ctx, ctx.int('task_id'), ctx.int('slide_id'), 'read', { api: true });
  return bytesReply(randomPatchPng(ctx.app.image(slide), 0, ctx.int('width')), 'image/png');
};

/** X11: formats as E16 (`png`; `jpeg` → 500; others → `bad format`). */
const randomPatch: Handler = (ctx) => {
  const slide = dziSlide(ctx, 'read');
  return pngOrBadFormat(ctx.str('format'), () => randomPatchPng(ctx.app.image(slide), ctx.int('level'), ctx.int('width')));
};

/** X14. */
const descriptor: Handler = (ctx) => textReply(dziDescriptorXml(ctx.app.image(dziSlide(ctx, 'read'))), 200, 'application/xml; charset=utf-8');

/** X15: `png` or `jpeg` (quality 75) tiles; other formats → 404 `bad format`. */
const tile: Handler = (ctx) => {
  const { bytes, contentType } = dziTileImage(ctx.app.image(dziSlide(ctx, 'read')), ctx.int('level'), ctx.int('col'), ctx.int('row'), ctx.str('format'));
  return bytesReply(bytes, contentType);
};

/** X17. */
const taskThumbnail: Handler = (ctx) => {
  const { slide } = guardTaskSlide(ctx, ctx.int('task_id'), ctx.int('slide_id'), 'read');
  return bytesReply(thumbnailPng(ctx.app.image(slide), TASK_THUMBNAIL_MAX_DIM, TASK_THUMBNAIL_MAX_DIM), 'image/png');
};

/** X18: no guard; unknown slide → 404 (no cached file). */
const smallThumbnail: Handler = (ctx) => {
  const slide = ctx.app.catalog.slide(ctx.int('id'));
  if (!slide) throw abort(404);
  return bytesReply(thumbnailPng(ctx.app.image(slide), ...SMALL_THUMBNAIL_BOX), 'image/png', { 'Cache-Control': 'no-cache' });
};

/** Registers the viewer image routes. */
export function registerImageRoutes(router: Router<Handler>): void {
  const both = ['GET', 'POST'];
  router
    .add({ rule: '/api/task/<int:task_id>/slide/<int:slide_id>/random_patch/<int:width>', methods: both, endpoint: 'slide.api_get_slide_random_patch', handler: taskRandomPatch })
    .add({ rule: '/dzi/random_patch/<project>/<int:slide_id>/<resource>/<int:level>/<int:width>.<format>', methods: both, endpoint: 'dzi.get_random_patch_endpoint', handler: randomPatch })
    .add({ rule: '/dzi/<mode>/<project>/<int:slide_id>/<resource>.dzi', methods: both, endpoint: 'dzi.dzi', handler: descriptor })
    .add({ rule: '/dzi/<mode>/<project>/<int:slide_id>/<resource>_files/<int:level>/<int:col>_<int:row>.<format>', methods: both, endpoint: 'dzi.tile', handler: tile })
    .add({ rule: '/api/task/<int:task_id>/slide/<int:slide_id>_thumbnail.png', methods: ['GET'], endpoint: 'slide.get_slide_thumbnail', handler: taskThumbnail })
    .add({ rule: '/slide/<int:id>/thumb', methods: ['GET'], endpoint: 'slide.thumb', handler: smallThumbnail });
}
