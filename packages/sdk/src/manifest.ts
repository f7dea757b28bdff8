/**
 * The detailed slide manifest (E8, protocol §5.4): the filters sent as query parameters and
 * the CSV turned into typed rows.
 */
import { PhasInputError, PhasResponseError } from './errors/index.js';
import { parseCsv } from './csv.js';
import type { QueryValue } from './transport/transport.js';
import { checkInteger, checkOptions, checkString } from './util/validate.js';

/**
 * Filters of `task.slideManifest()`. All optional and combined with AND; omitted ones are not
 * sent. `specimen` and `block` are SQL `LIKE` patterns (case-insensitive, `%`/`_` wildcards),
 * `stain` and tags match exactly. `minPaths`/`minMarkers` apply to annotation tasks only,
 * `minSroi` to sampling tasks only (the server fails otherwise, Q23, so the SDK refuses).
 */
export interface SlideManifestFilters {
  /** Private specimen name pattern (matches nothing in anonymized mode). */
  specimen?: string;
  /** Block name pattern. */
  block?: string;
  /** Section number. */
  section?: number;
  /** Slide number within the section. */
  slide?: number;
  /** Stain, exact and case-sensitive. */
  stain?: string;
  /** Minimum number of paths (annotation tasks). */
  minPaths?: number;
  /** Minimum number of markers (annotation tasks). */
  minMarkers?: number;
  /** Minimum number of sampling ROIs (sampling tasks). */
  minSroi?: number;
  /** Slides having at least one of these tags. */
  tagsAny?: readonly string[];
  /** Slides having all of these tags. */
  tagsAll?: readonly string[];
  /** Slides having none of these tags. */
  tagsNone?: readonly string[];
}

/**
 * One row of the detailed slide manifest: keys are the CSV's column names. Integer columns are
 * numbers, text columns strings (also when they look numeric), empty cells `null`. The count
 * columns depend on the task mode (`annot`: `n_paths`, `n_markers`, `n_annot`; `dltrain`:
 * `n_samples`; `sampling`: `n_sampling_rois`). In anonymized mode `slide_name` and
 * `specimen_private` are `null`.
 */
export interface SlideManifestRow {
  id: number;
  block_id: number;
  section: number;
  slide: number;
  stain: string;
  slide_name: string | null;
  slide_ext: string;
  project: string;
  /** Numeric specimen id. */
  specimen: number;
  block_name: string;
  specimen_private: string | null;
  specimen_public: string;
  task_id: number;
  specimen_display: string;
  n_paths?: number;
  n_markers?: number;
  n_annot?: number;
  n_samples?: number;
  n_sampling_rois?: number;
  /** Columns a newer server may add: text, or `null` when empty. */
  [column: string]: string | number | null | undefined;
}

const FILTER_KEYS = [
  'specimen',
  'block',
  'section',
  'slide',
  'stain',
  'minPaths',
  'minMarkers',
  'minSroi',
  'tagsAny',
  'tagsAll',
  'tagsNone',
] as const;

/** Integer columns of E8 by the server's schema (there are no real-valued ones). */
const INTEGER_COLUMNS = new Set([
  'id',
  'block_id',
  'section',
  'slide',
  'specimen',
  'task_id',
  'n_paths',
  'n_markers',
  'n_annot',
  'n_samples',
  'n_sampling_rois',
]);

/** Columns that are always present and never empty. */
const REQUIRED_COLUMNS = [
  'id',
  'block_id',
  'section',
  'slide',
  'stain',
  'slide_ext',
  'project',
  'specimen',
  'block_name',
  'specimen_public',
  'task_id',
  'specimen_display',
];

function checkTags(value: unknown, argument: string): string[] {
  if (!Array.isArray(value)) throw new PhasInputError(`${argument} must be an array of strings`, { argument });
  return value.map((tag, i) => checkString(tag, `${argument}[${i}]`));
}

/**
 * Validates the filters for a task of `mode` and builds the query (snake_case keys, tag lists
 * as repeated keys, empty lists omitted).
 */
export function manifestQuery(filters: SlideManifestFilters | undefined, mode: string | undefined): Record<string, QueryValue> {
  const f = checkOptions(filters, 'filters', FILTER_KEYS);
  const query: Record<string, QueryValue> = {};
  const text = (key: 'specimen' | 'block' | 'stain') => {
    if (f[key] !== undefined) query[key] = checkString(f[key], `filters.${key}`);
  };
  text('specimen');
  text('block');
  if (f.section !== undefined) query.section = checkInteger(f.section, 'filters.section');
  if (f.slide !== undefined) query.slide = checkInteger(f.slide, 'filters.slide');
  text('stain');
  const minimum = (key: 'minPaths' | 'minMarkers' | 'minSroi', wire: string, needs: string) => {
    if (f[key] === undefined) return;
    const value = checkInteger(f[key], `filters.${key}`);
    if (mode !== needs) {
      throw new PhasInputError(
        `filters.${key} applies only to ${needs === 'annot' ? 'annotation' : 'sampling'} tasks; this task's mode is ${mode ?? 'not set'}`,
        { argument: `filters.${key}` },
      );
    }
    query[wire] = value;
  };
  minimum('minPaths', 'min_paths', 'annot');
  minimum('minMarkers', 'min_markers', 'annot');
  minimum('minSroi', 'min_sroi', 'sampling');
  const tags = (key: 'tagsAny' | 'tagsAll' | 'tagsNone', wire: string) => {
    if (f[key] === undefined) return;
    const list = checkTags(f[key], `filters.${key}`);
    if (list.length > 0) query[wire] = list;
  };
  tags('tagsAny', 'tags_any');
  tags('tagsAll', 'tags_all');
  tags('tagsNone', 'tags_none');
  return query;
}

/** Turns the E8 CSV into typed rows; anything malformed is a `PhasResponseError`. */
export function manifestRows(csv: string, url: string): SlideManifestRow[] {
  let records: string[][];
  try {
    records = parseCsv(csv);
  } catch (error) {
    throw new PhasResponseError(`The slide manifest from ${url} is not valid CSV: ${(error as Error).message}`, {
      url,
      issues: [(error as Error).message],
    });
  }
  const fail = (issue: string): never => {
    throw new PhasResponseError(`The slide manifest from ${url} is malformed: ${issue}`, { url, issues: [issue] });
  };
  if (records.length === 0) fail('no header row');
  const header = records[0];
  for (const column of REQUIRED_COLUMNS) if (!header.includes(column)) fail(`missing column ${column}`);
  return records.slice(1).map((record, r) => {
    if (record.length !== header.length) fail(`row ${r + 1} has ${record.length} fields, the header ${header.length}`);
    const row: Record<string, string | number | null> = {};
    header.forEach((column, c) => {
      const cell = record[c];
      if (cell === '') {
        if (REQUIRED_COLUMNS.includes(column)) fail(`row ${r + 1}: ${column} is empty`);
        row[column] = null;
      } else if (INTEGER_COLUMNS.has(column)) {
        if (!/^-?\d+$/.test(cell)) fail(`row ${r + 1}: ${column} is not an integer (${JSON.stringify(cell)})`);
        row[column] = Number(cell);
      } else {
        row[column] = cell;
      }
    });
    return row as SlideManifestRow;
  });
}
