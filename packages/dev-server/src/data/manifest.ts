/**
 * E8's detailed slide manifest (protocol §5.4): the filters the server reads from the query
 * string, the per-mode columns, the row order and pandas' `to_csv(index=False)` text.
 */
import type { Catalog, SlideInfo } from './catalog.js';
import type { DevState, SlideRow, TaskRow } from './state.js';
import { ServerFailure } from '../http/werkzeug.js';
import { pyFloatRepr } from '../http/pyjson.js';

/** A CSV cell: text, integer, float (`{ float }`), or null (empty). */
export type CsvCell = string | number | { float: number } | null;

/** pandas/`csv` QUOTE_MINIMAL formatting of one cell. */
export function csvCell(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'object') return pyFloatRepr(cell.float);
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** A CSV document: header row plus rows, `\n` line ends (pandas `to_csv`). */
export function csvText(header: string[], rows: CsvCell[][]): string {
  return [header, ...rows].map((r) => `${r.map((c) => csvCell(c)).join(',')}\n`).join('');
}

/** Python `int(text)`: optional whitespace and sign, digits with single underscores. */
export function pyInt(text: string): number {
  if (!/^\s*[+-]?\d+(?:_\d+)*\s*$/.test(text)) throw new ServerFailure(`invalid literal for int(): '${text}'`);
  return Number(text.replace(/_/g, ''));
}

/** SQLite `LIKE` (ASCII case-insensitive, `%` and `_` wildcards, no escape). */
export function sqlLike(value: string, pattern: string): boolean {
  const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  let re = '';
  for (const ch of fold(pattern)) re += ch === '%' ? '[\\s\\S]*' : ch === '_' ? '[\\s\\S]' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${re}$`).test(fold(value));
}

/** SQLite `int_column = ?` with a text parameter: numeric text compares by value, other text never matches. */
function sqlIntEquals(column: number, text: string): boolean {
  const t = text.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t) || t !== text) return false;
  return Number(t) === column;
}

/** The columns every task-slide row has (the `task_slide_info` view). */
export const BASE_COLUMNS = [
  'id', 'block_id', 'section', 'slide', 'stain', 'slide_name', 'slide_ext', 'project', 'specimen', 'block_name',
  'specimen_private', 'specimen_public', 'task_id', 'specimen_display',
];

/** Per-mode count columns of E8 (and X22/X24). */
export function modeColumns(mode: string): string[] {
  if (mode === 'annot') return ['n_paths', 'n_markers', 'n_annot'];
  if (mode === 'dltrain') return ['n_samples'];
  if (mode === 'sampling') return ['n_sampling_rois'];
  return [];
}

/** The per-mode counts of (task, slide) in the order of {@link modeColumns}. */
export function modeCounts(state: DevState, task: TaskRow, slideId: number): number[] {
  const mode = task.json.mode;
  if (mode === 'annot') {
    const a = state.annotations.find((x) => x.task === task.id && x.slide === slideId);
    const p = a?.nPaths ?? 0;
    const m = a?.nMarkers ?? 0;
    return [p, m, p + m];
  }
  if (mode === 'dltrain') return [state.samples.filter((s) => s.task === task.id && s.slide === slideId).length];
  if (mode === 'sampling') return [state.rois.filter((r) => r.task === task.id && r.slide === slideId).length];
  return [];
}

/** The base columns of a task-slide row. */
export function baseCells(info: SlideInfo, taskId: number): CsvCell[] {
  return [
    info.id, info.blockId, info.section, info.slide, info.stain, info.slideName, info.slideExt, info.project,
    info.specimen, info.blockName, info.specimenPrivate, info.specimenPublic, taskId, info.specimenDisplay,
  ];
}

/** Orders task-slide rows like `ORDER BY specimen_display, block_name, section, slide`. */
export function compareSlideInfo(a: SlideInfo, b: SlideInfo): number {
  const s = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return s(a.specimenDisplay, b.specimenDisplay) || s(a.blockName, b.blockName) || a.section - b.section || a.slide - b.slide;
}

/** A task-slide row: the slide, its joined info and the per-mode counts. */
export interface TaskSlideRow {
  slide: SlideRow;
  info: SlideInfo;
  counts: number[];
}

/** Every slide of the task's index as joined rows, in E8's order. */
export function taskSlideRows(catalog: Catalog, task: TaskRow, anonymized: boolean): TaskSlideRow[] {
  return catalog
    .taskSlides(task)
    .map((slide) => ({ slide, info: catalog.slideInfo(slide, anonymized), counts: modeCounts(catalog.state, task, slide.id) }))
    .sort((a, b) => compareSlideInfo(a.info, b.info));
}

/**
 * The E8 CSV for `task` with the query filters, anonymized or not.
 *
 * @throws ServerFailure for `min_*` filters on the wrong task mode or with non-integer values (→ 500).
 */
export function slideManifestCsv(catalog: Catalog, task: TaskRow, query: URLSearchParams, anonymized: boolean): string {
  const mode = task.json.mode;
  const mins: { index: number; min: number }[] = [];
  for (const [key, needMode, index] of [['min_paths', 'annot', 0], ['min_markers', 'annot', 1], ['min_sroi', 'sampling', 0]] as const) {
    const v = query.get(key);
    if (v === null) continue;
    const min = pyInt(v);
    if (mode !== needMode) throw new ServerFailure(`${key} filter on a ${mode} task`);
    mins.push({ index, min });
  }
  const tagsAny = query.getAll('tags_any');
  const tagsAll = query.getAll('tags_all');
  const tagsNone = query.getAll('tags_none');
  const has = (key: string) => query.has(key);
  const get = (key: string) => query.get(key) ?? '';

  const keep = (slide: SlideRow, info: SlideInfo, counts: number[]): boolean => {
    if (has('specimen') && (info.specimenPrivate === null || !sqlLike(info.specimenPrivate, get('specimen')))) return false;
    if (has('block') && !sqlLike(info.blockName, get('block'))) return false;
    if (has('section') && !sqlIntEquals(info.section, get('section'))) return false;
    if (has('slide') && !sqlIntEquals(info.slide, get('slide'))) return false;
    if (has('stain') && info.stain !== get('stain')) return false;
    if (mins.some((m) => counts[m.index] < m.min)) return false;
    const tags = slide.tags.map((t) => t.tag);
    if (tagsAny.length > 0 && !tagsAny.some((t) => tags.includes(t))) return false;
    if (!tagsAll.every((t) => tags.includes(t))) return false;
    if (tagsNone.some((t) => tags.includes(t))) return false;
    return true;
  };

  const rows = taskSlideRows(catalog, task, anonymized).filter((r) => keep(r.slide, r.info, r.counts));
  return csvText(
    [...BASE_COLUMNS, ...modeColumns(mode)],
    rows.map((r) => [...baseCells(r.info, task.id), ...r.counts]),
  );
}
