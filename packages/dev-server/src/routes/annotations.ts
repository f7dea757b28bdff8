/**
 * Annotation endpoints: E18 read, E19 write, E20/E21 SVG, E22 timestamp (protocol §7).
 */
import type { Ctx, Handler } from '../app/app.js';
import { guardSlide, guardTask, guardTaskSlide } from '../auth/guards.js';
import { affineFor, invert, loadAnnotation, saveAnnotation } from '../data/annotations.js';
import type { TaskRow } from '../data/state.js';
import { annotationSvg, formInt } from '../data/svg.js';
import { pyFloat } from '../http/pyjson.js';
import { bytesReply, pyJsonReply, textReply } from '../http/reply.js';
import type { Router } from '../http/router.js';

/** The task whose annotations E18/E20/E21 read: the `reference-task` (by name, same project) if set. */
export function annotationSourceTask(ctx: Ctx, task: TaskRow): number {
  const name = task.json['reference-task'];
  if (name === undefined) return task.id;
  return ctx.app.state.tasks.find((t) => t.project === task.project && t.json.name === name)?.id ?? task.id;
}

/** E18. */
const getAnnotation: Handler = (ctx) => {
  const { task } = guardTask(ctx, ctx.int('task_id'), 'read');
  const { slide } = guardSlide(ctx, ctx.int('slide_id'), 'read');
  const m = invert(affineFor(ctx.str('mode'), ctx.str('resolution')));
  const text = loadAnnotation(ctx.app.state, annotationSourceTask(ctx, task), slide.id, m, ctx.app.options.annotationQuirks);
  const reply = textReply(text ?? '');
  reply.headers['ContentType'] = 'application/json';
  return reply;
};

/** E19. */
const setAnnotation: Handler = (ctx) => {
  const { user, task } = guardTask(ctx, ctx.int('task_id'), 'write');
  const { slide } = guardSlide(ctx, ctx.int('slide_id'), 'write');
  const target = { task: task.id, slide: slide.id, userId: user.id, now: ctx.now };
  saveAnnotation(ctx.app.state, target, ctx.text(), affineFor(ctx.str('mode'), ctx.str('resolution')), ctx.app.options.annotationQuirks);
  ctx.app.changed();
  return pyJsonReply({ success: true }, { bogusContentType: true });
};

/** E22: the task's own annotation (not the referenced task's). */
const timestamp: Handler = (ctx) => {
  const { task } = guardTask(ctx, ctx.int('task_id'), 'read');
  const { slide } = guardSlide(ctx, ctx.int('slide_id'), 'read');
  const row = ctx.app.state.annotations.find((a) => a.task === task.id && a.slide === slide.id);
  return pyJsonReply({ timestamp: row ? pyFloat(row.tEdit) : null }, { bogusContentType: true });
};

/** E20 (`downsample` > 0 is a maximum dimension) and E21 (`downsample` 0: full resolution). */
function svgHandler(fullRes: boolean): Handler {
  return (ctx) => {
    const { task, slide } = guardTaskSlide(ctx, ctx.int('task_id'), ctx.int('slide_id'), 'read');
    const downsample = fullRes ? 0 : ctx.int('downsample');
    const form = ctx.form();
    const options = {
      strokeWidth: formInt(form.get('stroke_width') ?? '480'),
      stripWidth: formInt(form.get('strip_width') ?? '0'),
      fontSize: form.get('font_size') ?? '2000px',
      fontColor: form.get('font_color') ?? 'black',
      maxDim: downsample === 0 ? null : downsample,
    };
    const source = annotationSourceTask(ctx, task);
    const stored = ctx.app.state.annotations.find((a) => a.task === source && a.slide === slide.id)?.json ?? null;
    const image = ctx.app.image(slide);
    const svg = annotationSvg(stored, image.width, image.height, options);
    const name = downsample > 0 ? `slide_${slide.id}_annot_${downsample}.svg` : `slide_${slide.id}_annot.svg`;
    return bytesReply(new TextEncoder().encode(svg), 'image/svg+xml; charset=utf-8', { 'Content-Disposition': `attachment; filename=${name}` });
  };
}

/** Registers the annotation routes. */
export function registerAnnotationRoutes(router: Router<Handler>): void {
  router
    .add({ rule: '/task/<int:task_id>/slide/<mode>/<resolution>/<int:slide_id>/annot/get', methods: ['GET'], endpoint: 'slide.get_annot_json', handler: getAnnotation })
    .add({ rule: '/task/<int:task_id>/slide/<mode>/<resolution>/<int:slide_id>/annot/set', methods: ['POST'], endpoint: 'slide.update_annot_json', handler: setAnnotation })
    .add({ rule: '/api/task/<int:task_id>/slide_<int:slide_id>_annot_<int:downsample>.svg', methods: ['GET', 'POST'], endpoint: 'slide.api_get_annot_svg', handler: svgHandler(false) })
    .add({ rule: '/api/task/<int:task_id>/slide_<int:slide_id>_annot.svg', methods: ['GET', 'POST'], endpoint: 'slide.api_get_annot_svg_fullres', handler: svgHandler(true) })
    .add({ rule: '/api/task/<int:task_id>/slide/<int:slide_id>/annot/timestamp', methods: ['GET'], endpoint: 'slide.api_get_annot_timestamp', handler: timestamp });
}
