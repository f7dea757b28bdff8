/**
 * The web UI's table listings (protocol §11.4, §11.10): X8 sampling ROIs and X9 training
 * samples (DataTables server-side protocol), X25 slides, X27 samples of one label.
 */
import type { Ctx, Handler } from '../app/app.js';
import { guardTask, isAnonymized } from '../auth/guards.js';
import { sqlLike } from '../data/manifest.js';
import type { BoxRow, SampleRow } from '../data/state.js';
import { isDict, jsonObjectBody, type PyDict } from '../http/body.js';
import { isNumber, num, pyFloat, type PyJson } from '../http/pyjson.js';
import { pyJsonReply } from '../http/reply.js';
import type { Router } from '../http/router.js';
import { ServerFailure } from '../http/werkzeug.js';

type Row = { [key: string]: PyJson };

function fail(what: string): never {
  throw new ServerFailure(`listing: ${what}`);
}

/** SQLite `datetime(t, 'unixepoch', 'localtime')`. */
export function sqliteLocalDatetime(epochSec: number): string {
  const d = new Date(Math.floor(epochSec) * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** SQLite's ORDER BY for mixed values: NULL < numbers < text (binary). */
function compareSql(a: PyJson | undefined, b: PyJson | undefined): number {
  const rank = (v: PyJson | undefined) => (v === null || v === undefined ? 0 : isNumber(v) || typeof v === 'boolean' ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (rank(a) === 1) return num(a as number) - num(b as number);
  if (rank(a) === 2) return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
  return 0;
}

/** A DataTables integer parameter (`{:d}` formatting: ints only). */
function intParam(v: PyJson | undefined, fallback: number | null, name: string): number {
  if (v === undefined && fallback !== null) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v)) fail(`${name} is not an integer`);
  return v;
}

/** The box-object rows of the `*_info` views shared by X8, X9 and X27. */
function boxInfo(ctx: Ctx, row: BoxRow, anonymized: boolean): Row | null {
  const { state, catalog } = ctx.app;
  const slide = catalog.slide(row.slide);
  if (!slide) return null;
  const info = catalog.slideInfo(slide, anonymized);
  const user = (id: number) => state.users.find((u) => u.id === id)?.username ?? null;
  return {
    x0: pyFloat(row.x0),
    y0: pyFloat(row.y0),
    x1: pyFloat(row.x1),
    y1: pyFloat(row.y1),
    creator: user(row.creator),
    t_create: pyFloat(row.tCreate),
    editor: user(row.editor),
    t_edit: pyFloat(row.tEdit),
    dt_create: sqliteLocalDatetime(row.tCreate),
    dt_edit: sqliteLocalDatetime(row.tEdit),
    specimen_name: info.specimenDisplay,
    block_name: info.blockName,
    section: info.section,
    slide: info.slide,
    stain: info.stain,
    slide_id: slide.id,
  };
}

/** How a listing reads DataTables' `order`, and its defaults (null = the parameter is required). */
interface TableRules {
  searchFields: string[];
  /** The row key `order[0]` names (X8/X9: `columns[i].data`; X25: the i-th output column). */
  orderColumn: (r: PyDict, index: number, rows: Row[]) => string;
  /** Ordering without `order`, or null when `order` is required. */
  defaultOrder: ((a: Row, b: Row) => number) | null;
}

/** The DataTables server-side protocol: search (`LIKE %v%`), order, paging, counts. */
function dataTables(r: PyDict, rows: Row[], rules: TableRules): Row {
  const search = r.search;
  if (!isDict(search) || typeof search.value !== 'string') fail('search.value missing');
  const value = search.value;
  const text = (v: PyJson | undefined) => (v === null || v === undefined ? null : String(isNumber(v) ? num(v) : v));
  const filtered = value.length > 0 ? rows.filter((row) => rules.searchFields.some((f) => sqlLike(text(row[f]) ?? '', `%${value}%`) && row[f] !== null)) : rows;
  let ordered: Row[];
  const order = r.order;
  if (Array.isArray(order) && order.length > 0 && isDict(order[0])) {
    const first = order[0];
    const key = rules.orderColumn(r, intParam(first.column, null, 'order[0].column'), rows);
    if (first.dir !== 'asc' && first.dir !== 'desc') fail('order[0].dir is not asc/desc');
    const sign = first.dir === 'asc' ? 1 : -1;
    ordered = [...filtered].sort((a, b) => sign * compareSql(a[key], b[key]));
  } else if (rules.defaultOrder) ordered = [...filtered].sort(rules.defaultOrder);
  else fail('order missing');
  const required = rules.defaultOrder === null;
  const start = intParam(r.start, required ? null : 0, 'start');
  const length = intParam(r.length, required ? null : 1000, 'length');
  return { draw: r.draw ?? null, recordsTotal: rows.length, recordsFiltered: filtered.length, data: ordered.slice(start, start + length) };
}

/** X8/X9's `columns[i].data`; an unknown name fails like the SQL would (500). */
function namedColumn(r: PyDict, index: number, rows: Row[]): string {
  const spec = Array.isArray(r.columns) ? r.columns[index] : undefined;
  const name = isDict(spec) ? spec.data : undefined;
  if (typeof name !== 'string') fail(`columns[${index}].data missing`);
  if (rows.length > 0 && !(name in rows[0])) fail(`no such column: ${name}`);
  return name;
}

/** X8/X9: `random_key` orders rows by `sin(random_key + id)` when no `order` is given. */
function objectListing(kind: 'rois' | 'samples'): Handler {
  return (ctx) => {
    const { task } = guardTask(ctx, ctx.int('task_id'), 'read');
    const r = jsonObjectBody(ctx.text(), 'listing');
    const key = intParam(r.random_key, null, 'random_key');
    const anonymized = isAnonymized(ctx, task.project);
    const objects: BoxRow[] = kind === 'rois' ? ctx.app.state.rois : ctx.app.state.samples;
    const rows = objects
      .filter((o) => o.task === task.id)
      .flatMap((o) => {
        const box = boxInfo(ctx, o, anonymized);
        if (!box) return [];
        const head: Row = { id: o.id, task: o.task, label_id: o.label };
        if (kind === 'samples') head.have_patch = (o as SampleRow).havePatch ? 1 : 0;
        const label = ctx.app.state.labels.find((l) => l.id === o.label)?.name ?? null;
        return [{ ...head, ...box, label_name: label, random_index: pyFloat(Math.sin(key + o.id)) }];
      });
    const byRandom = (a: Row, b: Row) => num(a.random_index as PyJson) - num(b.random_index as PyJson);
    const searchFields = ['id', 'specimen_name', 'block_name', 'stain', 'label_name', 'creator', 'editor'];
    return pyJsonReply(dataTables(r, rows, { searchFields, orderColumn: namedColumn, defaultOrder: byRandom }));
  };
}

/** X25: every parameter required; ordered by output column index. */
const slideListing: Handler = (ctx) => {
  const { task } = guardTask(ctx, ctx.int('task_id'), 'read');
  const r = jsonObjectBody(ctx.text(), 'slide listing');
  const anonymized = isAnonymized(ctx, task.project);
  const rows: Row[] = ctx.app.catalog.taskSlides(task).map((s) => {
    const info = ctx.app.catalog.slideInfo(s, anonymized);
    return {
      id: s.id,
      specimen_display: info.specimenDisplay,
      block_name: info.blockName,
      section: info.section,
      slide: info.slide,
      stain: info.stain,
      filename: info.slideName === null ? null : `${info.slideName}.${s.ext}`,
    };
  });
  const columns = ['id', 'specimen_display', 'block_name', 'section', 'slide', 'stain', 'filename'];
  const orderColumn = (_r: PyDict, index: number) => columns[index] ?? fail(`no output column ${index}`);
  return pyJsonReply(dataTables(r, rows, { searchFields: ['specimen_display', 'block_name', 'stain'], orderColumn, defaultOrder: null }));
};

const SORTS: Record<string, (a: BoxRow, b: BoxRow) => number> = {
  newest: (a, b) => a.tEdit - b.tEdit, // inverted upstream (Q51)
  oldest: (a, b) => b.tEdit - a.tEdit,
  random: () => Math.random() - 0.5,
};

/** X27: up to 48 samples of a label near a slide (`which`: slide, block, specimen, or whole task). */
const labelSamples: Handler = (ctx) => {
  const { task } = guardTask(ctx, ctx.int('task_id'), 'read');
  const form = ctx.form();
  const sortName = form.get('sort') ?? 'newest';
  const sort = SORTS[sortName];
  if (!sort) throw new ServerFailure(`unknown sort ${sortName}`);
  const { catalog } = ctx.app;
  const here = catalog.slide(ctx.int('slide_id'));
  const which = form.get('which') ?? 'slide';
  const inScope = (slideId: number): boolean => {
    const s = catalog.slide(slideId);
    if (which === 'slide') return slideId === ctx.int('slide_id');
    if (which === 'block') return !!s && !!here && s.block === here.block;
    if (which === 'specimen') return !!s && !!here && catalog.block(s.block).specimen === catalog.block(here.block).specimen;
    return true;
  };
  const rows = ctx.app.state.samples
    .filter((s) => s.task === task.id && s.label === ctx.int('label_id') && inScope(s.slide))
    .sort(sort)
    .slice(0, 48)
    .flatMap((s) => {
      const box = boxInfo(ctx, s, false);
      return box ? [{ id: s.id, have_patch: s.havePatch ? 1 : 0, ...box }] : [];
    });
  return pyJsonReply(rows);
};

/** Registers the listing routes. */
export function registerListingRoutes(router: Router<Handler>): void {
  router
    .add({ rule: '/api/task/<int:task_id>/sampling-rois', methods: ['POST'], endpoint: 'dltrain.task_sampling_roi_listing', handler: objectListing('rois') })
    .add({ rule: '/api/task/<int:task_id>/samples', methods: ['POST'], endpoint: 'dltrain.task_sample_listing', handler: objectListing('samples') })
    .add({ rule: '/api/task/<int:task_id>/slides', methods: ['POST'], endpoint: 'slide.task_slide_listing', handler: slideListing })
    .add({
      rule: '/dltrain/task/<int:task_id>/slide/<int:slide_id>/label/<int:label_id>/samples/table/json',
      methods: ['GET', 'POST'],
      endpoint: 'dltrain.get_samples_for_label',
      handler: labelSamples,
    });
}
