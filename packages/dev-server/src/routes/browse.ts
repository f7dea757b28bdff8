/**
 * Browsing and per-slide helpers of the web UI (protocol §11.9, §11.10, §11.12): X20
 * specimens, X21 blocks, X22 slides of a block, X23/X24 slide CSVs, X26 labels with
 * per-slide counts, X32 slide admin info, X33 user preferences.
 */
import type { Ctx, Handler } from '../app/app.js';
import { guardSlide, guardTask, guardTaskSlide, isAnonymized } from '../auth/guards.js';
import { BASE_COLUMNS, baseCells, csvText, modeColumns, taskSlideRows, type TaskSlideRow } from '../data/manifest.js';
import type { TaskRow } from '../data/state.js';
import { isDict, jsonBody } from '../http/body.js';
import { isNumber, pyFloat, type PyJson } from '../http/pyjson.js';
import { jsonifyReply, pyJsonReply, textReply } from '../http/reply.js';
import type { Router } from '../http/router.js';
import { abort, ServerFailure } from '../http/werkzeug.js';
import { dimensionsHeader } from '../slides/header.js';
import { annotationSourceTask } from './annotations.js';
import { taskLabelset } from './projects.js';

/** X20/X21's per-mode count column: `nannot` (slides annotated in the source task) or `nsamples`. */
function groupCount(ctx: Ctx, task: TaskRow, rows: TaskSlideRow[]): { [k: string]: number } {
  const { state } = ctx.app;
  const ids = new Set(rows.map((r) => r.slide.id));
  if (task.json.mode === 'annot') {
    const source = annotationSourceTask(ctx, task);
    return { nannot: state.annotations.filter((a) => a.task === source && ids.has(a.slide)).length };
  }
  if (task.json.mode === 'dltrain') return { nsamples: state.samples.filter((s) => s.task === task.id && ids.has(s.slide)).length };
  if (task.json.mode === 'sampling') return { nsamples: state.rois.filter((r) => r.task === task.id && ids.has(r.slide)).length };
  return {};
}

function groupBy<K>(rows: TaskSlideRow[], key: (r: TaskSlideRow) => K): Map<K, TaskSlideRow[]> {
  const groups = new Map<K, TaskSlideRow[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return groups;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** X20. */
const specimens: Handler = (ctx) => {
  const { task } = guardTask(ctx, ctx.int('task_id'), 'read');
  const rows = taskSlideRows(ctx.app.catalog, task, isAnonymized(ctx, task.project));
  const out = [...groupBy(rows, (r) => r.info.specimen).values()]
    .map((g) => ({
      specimen_display: g[0].info.specimenDisplay,
      specimen: g[0].info.specimen,
      nblocks: new Set(g.map((r) => r.info.blockId)).size,
      nslides: g.length,
      ...groupCount(ctx, task, g),
    }))
    .sort((a, b) => byText(a.specimen_display, b.specimen_display));
  return pyJsonReply(out);
};

/** X21 (`<specimen>` is the numeric id as text). */
const blocks: Handler = (ctx) => {
  const { task } = guardTask(ctx, ctx.int('task_id'), 'read');
  const rows = taskSlideRows(ctx.app.catalog, task, isAnonymized(ctx, task.project)).filter((r) => String(r.info.specimen) === ctx.str('specimen'));
  const out = [...groupBy(rows, (r) => r.info.blockId).values()]
    .map((g) => ({
      block_id: g[0].info.blockId,
      block_name: g[0].info.blockName,
      specimen_display: g[0].info.specimenDisplay,
      nslides: g.length,
      ...groupCount(ctx, task, g),
    }))
    .sort((a, b) => byText(a.block_name, b.block_name));
  return pyJsonReply(out);
};

/** X22: full task-slide rows of one block, by section and slide; the sampling/dltrain count is `n_samples`. */
const blockSlides: Handler = (ctx) => {
  const { task } = guardTask(ctx, ctx.int('task_id'), 'read');
  const columns = [...BASE_COLUMNS, ...modeColumns(task.json.mode).map((c) => (c === 'n_sampling_rois' ? 'n_samples' : c))];
  const rows = taskSlideRows(ctx.app.catalog, task, isAnonymized(ctx, task.project))
    .filter((r) => r.info.specimen === ctx.int('specimen') && r.info.blockName === ctx.str('block_name'))
    .sort((a, b) => a.info.section - b.info.section || a.info.slide - b.info.slide)
    .map((r) => {
      const cells = [...baseCells(r.info, task.id), ...r.counts];
      return Object.fromEntries(columns.map((c, i) => [c, cells[i] as PyJson]));
    });
  return pyJsonReply(rows);
};

/** X23: joined without quoting (Q27), ordered by id; `specimen` is the display name. */
const simpleCsv: Handler = (ctx) => {
  const { task } = guardTask(ctx, ctx.int('task_id'), 'read', { api: true });
  const rows = taskSlideRows(ctx.app.catalog, task, isAnonymized(ctx, task.project)).sort((a, b) => a.info.id - b.info.id);
  const lines = rows.map((r) => [r.info.id, r.info.specimenDisplay, r.info.blockName, r.info.stain, r.info.section, r.info.slide].join(','));
  return textReply(['id,specimen,block,stain,section,slide', ...lines].map((l) => `${l}\n`).join(''), 200, 'text/csv; charset=utf-8');
};

/** X24: E8's columns, unfiltered, with pandas' unnamed index column first. */
const fullCsv: Handler = (ctx) => {
  const { task } = guardTask(ctx, ctx.int('task_id'), 'read', { api: true });
  const rows = taskSlideRows(ctx.app.catalog, task, isAnonymized(ctx, task.project));
  const text = csvText(
    ['', ...BASE_COLUMNS, ...modeColumns(task.json.mode)],
    rows.map((r, i) => [i, ...baseCells(r.info, task.id), ...r.counts]),
  );
  const reply = textReply(text, 200, 'text/csv; charset=utf-8');
  reply.headers['Content-disposition'] = 'attachment';
  return reply;
};

/** X26: labels of the task's labelset with this task's count on this slide; other modes → 500 (Q50). */
const labelTable: Handler = (ctx) => {
  const { task } = guardTask(ctx, ctx.int('task_id'), 'read');
  const mode = task.json.mode;
  if (mode !== 'dltrain' && mode !== 'sampling') throw new ServerFailure(`labelset table on a ${mode} task`);
  const ls = taskLabelset(ctx, task);
  const slideId = ctx.int('slide_id');
  const objects: { task: number; slide: number; label: number }[] = mode === 'dltrain' ? ctx.app.state.samples : ctx.app.state.rois;
  const rows = ctx.app.state.labels
    .filter((l) => l.labelset === ls?.id)
    .sort((a, b) => a.id - b.id)
    .map((l) => ({
      id: l.id,
      labelset: l.labelset,
      parent_id: null,
      name: l.name,
      description: l.description,
      color: l.color,
      n_samples: objects.filter((o) => o.task === task.id && o.slide === slideId && o.label === l.id).length,
    }));
  return pyJsonReply(rows);
};

/** X32 (jsonify). */
const slideAdminInfo: Handler = (ctx) => {
  const { slide } = guardTaskSlide(ctx, ctx.int('task_id'), ctx.int('slide_id'), 'admin');
  const info = ctx.app.catalog.slideInfo(slide, false);
  const url = `/srv/phas/data/${info.project}/${info.specimenPrivate}/histo_raw/${slide.name}.${slide.ext}`;
  const meta = dimensionsHeader(ctx.app.image(slide));
  return jsonifyReply({
    block: info.blockName,
    id: slide.id,
    metadata: meta.spacing === null ? { dimensions: meta.dimensions } : { dimensions: meta.dimensions, spacing: meta.spacing.map(pyFloat) },
    raw_url_local: url,
    raw_url_remote: url,
    slide_ext: slide.ext,
    slide_name: slide.name,
    specimen: info.specimenPrivate,
  });
};

/** X33: `{"rotation": number, "flip": bool}` (both optional); schema-invalid → 404 `Invalid JSON`. */
const userPreferences: Handler = (ctx) => {
  guardTask(ctx, ctx.int('task_id'), 'read');
  guardSlide(ctx, ctx.int('slide_id'), 'read');
  const doc = jsonBody(ctx.text(), 'preferences');
  const valid = isDict(doc) && (doc.rotation === undefined || isNumber(doc.rotation)) && (doc.flip === undefined || typeof doc.flip === 'boolean');
  if (!valid) throw abort(404, 'Invalid JSON');
  return pyJsonReply({ success: true }, { bogusContentType: true });
};

/** Registers the browsing routes. */
export function registerBrowseRoutes(router: Router<Handler>): void {
  const both = ['GET', 'POST'];
  router
    .add({ rule: '/api/task/<int:task_id>/specimens', methods: ['GET'], endpoint: 'slide.task_specimen_listing', handler: specimens })
    .add({ rule: '/api/task/<int:task_id>/specimen/<specimen>/blocks', methods: ['GET'], endpoint: 'slide.specimen_block_listing', handler: blocks })
    .add({ rule: '/api/task/<int:task_id>/specimen/<int:specimen>/block/<block_name>/slides', methods: both, endpoint: 'slide.block_slide_listing', handler: blockSlides })
    .add({ rule: '/api/task/<int:task_id>/slide_manifest.csv', methods: ['GET'], endpoint: 'slide.task_slide_listing_csv', handler: simpleCsv })
    .add({ rule: '/api/task/task_<int:task_id>_slides.csv', methods: both, endpoint: 'slide.api_task_list_all_slides', handler: fullCsv })
    .add({ rule: '/dltrain/task/<int:task_id>/slide/<int:slide_id>/labelset/table/json', methods: ['GET'], endpoint: 'dltrain.get_labelset_labels_table_json', handler: labelTable })
    .add({ rule: '/api/task/<int:task_id>/slide/<int:slide_id>/slide_admin_info', methods: both, endpoint: 'slide.api_get_slide_admin_info', handler: slideAdminInfo })
    .add({ rule: '/api/task/<int:task_id>/slide/<int:slide_id>/user_preferences/set', methods: ['POST'], endpoint: 'slide.set_slide_user_preferences', handler: userPreferences });
}
