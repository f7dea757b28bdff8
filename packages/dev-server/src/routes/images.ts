/**
 * Viewer images: X14 Deep Zoom descriptor, X15 Deep Zoom tiles, X17 task thumbnail, X18
 * small cached thumbnail (protocol §11.7, §11.8). Pixels come from `src/slides`.
 */
import type { Handler } from '../app/app.js';
import { guardSlide, guardTaskSlide } from '../auth/guards.js';
import { bytesReply, textReply } from '../http/reply.js';
import type { Router } from '../http/router.js';
import { abort, ServerFailure } from '../http/werkzeug.js';
import { dziDescriptorXml } from '../slides/deepzoom.js';
import { dziTile } from '../slides/deepzoom-tile.js';
import { SMALL_THUMBNAIL_BOX, thumbnailPng } from '../slides/thumbnail-png.js';

/** Size limit of the project's pre-computed `thumb` resource served by X17. */
export const TASK_THUMBNAIL_MAX_DIM = 1000;

/** `/dzi/<mode>/<project>/<slide>/<resource>…`: slide read, known project, `raw` resource. */
function dziTarget(ctx: Parameters<Handler>[0]) {
  const { slide } = guardSlide(ctx, ctx.int('slide_id'), 'read');
  if (!ctx.app.state.projects.some((p) => p.id === ctx.str('project'))) throw new ServerFailure('unknown project');
  if (ctx.str('resource') !== 'raw') throw new ServerFailure(`resource ${ctx.str('resource')} not available`);
  return ctx.app.image(slide);
}

/** X14. */
const descriptor: Handler = (ctx) => textReply(dziDescriptorXml(dziTarget(ctx)), 200, 'application/xml; charset=utf-8');

/** X15. */
const tile: Handler = (ctx) => {
  const png = dziTile(dziTarget(ctx), ctx.int('level'), ctx.int('col'), ctx.int('row'), ctx.str('format'));
  return bytesReply(png, 'image/png');
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
    .add({ rule: '/dzi/<mode>/<project>/<int:slide_id>/<resource>.dzi', methods: both, endpoint: 'dzi.dzi', handler: descriptor })
    .add({ rule: '/dzi/<mode>/<project>/<int:slide_id>/<resource>_files/<int:level>/<int:col>_<int:row>.<format>', methods: both, endpoint: 'dzi.tile', handler: tile })
    .add({ rule: '/api/task/<int:task_id>/slide/<int:slide_id>_thumbnail.png', methods: ['GET'], endpoint: 'slide.get_slide_thumbnail', handler: taskThumbnail })
    .add({ rule: '/slide/<int:id>/thumb', methods: ['GET'], endpoint: 'slide.thumb', handler: smallThumbnail });
}
