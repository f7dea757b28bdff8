/**
 * Annotation documents (protocol §7.1): paper.js JSON as the PHAS web UI stores it, checks
 * before upload, the expansion of short segments (Q12), and the export/import record format.
 */
import { PhasInputError } from './errors/index.js';

/**
 * A paper.js annotation document as PHAS stores it: an array of layers, each
 * `[className, properties]`, normally `[["Layer", { children: [item, …] }]]` with `Path` and
 * `PointText` items.
 */
export type AnnotationDocument = unknown[];

/** One entry of an annotation export file (Python's `export_task_annots` format). */
export interface AnnotationRecord {
  /** The slide's file stem (`slide_name` of the manifest). */
  slide_name: string;
  slide_id: number;
  /** The slide's annotation document. */
  annot: AnnotationDocument;
}

function isPoint(value: unknown): value is [number, number] {
  return Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Checks the shape the server needs (`[[<name>, {…}], …]`, protocol §7.4) and that every
 * `Path` segment is either `[x, y]` or `[[x, y], [hx, hy], [hx, hy]]` with finite numbers.
 */
export function checkAnnotationDocument(data: unknown, argument = 'data'): asserts data is AnnotationDocument {
  if (!Array.isArray(data) || data.length === 0) {
    throw new PhasInputError(`${argument} must be a non-empty array of paper.js layers like [["Layer", {children: […]}]]`, { argument });
  }
  data.forEach((layer, i) => {
    if (!Array.isArray(layer) || layer.length < 2 || typeof layer[0] !== 'string' || !isObject(layer[1])) {
      throw new PhasInputError(`${argument}[${i}] must be a paper.js item [className, {properties}]`, { argument: `${argument}[${i}]` });
    }
    checkItems(layer[1], `${argument}[${i}][1]`);
  });
}

function checkItems(properties: Record<string, unknown>, path: string): void {
  const children = properties.children;
  if (children === undefined) return;
  if (!Array.isArray(children)) throw new PhasInputError(`${path}.children must be an array`, { argument: `${path}.children` });
  children.forEach((child, i) => {
    const where = `${path}.children[${i}]`;
    if (!Array.isArray(child) || typeof child[0] !== 'string' || !isObject(child[1])) {
      throw new PhasInputError(`${where} must be a paper.js item [className, {properties}]`, { argument: where });
    }
    if (child[0] === 'Path') checkSegments(child[1].segments, `${where}[1].segments`);
    checkItems(child[1], `${where}[1]`);
  });
}

function checkSegments(segments: unknown, path: string): void {
  if (segments === undefined) return;
  if (!Array.isArray(segments)) throw new PhasInputError(`${path} must be an array`, { argument: path });
  segments.forEach((segment, i) => {
    const full = Array.isArray(segment) && segment.length === 3 && segment.every(isPoint);
    const ok = (isPoint(segment) || full) && (segment as unknown[]).flat().every((v) => Number.isFinite(v));
    if (!ok) {
      throw new PhasInputError(`${path}[${i}] must be [x, y] or [[x, y], [inX, inY], [outX, outY]] with finite numbers`, {
        argument: `${path}[${i}]`,
      });
    }
  });
}

/**
 * A copy of `data` in which every short `Path` segment `[x, y]` is written in full,
 * `[[x, y], [0, 0], [0, 0]]`, so the server's transform cannot corrupt it (Q12). Expects a
 * document whose shape was checked (as `setSlideAnnotJson` does); the input is not modified.
 *
 * @example
 * ```ts
 * expandSegments([['Layer', { children: [['Path', { segments: [[1, 2]] }]] }]]);
 * // [['Layer', { children: [['Path', { segments: [[[1, 2], [0, 0], [0, 0]]] }]] }]]
 * ```
 */
export function expandSegments(data: AnnotationDocument): AnnotationDocument {
  return data.map((layer) => expandItem(layer));
}

function expandItem(item: unknown): unknown {
  if (!Array.isArray(item) || !isObject(item[1])) return item;
  const properties: Record<string, unknown> = { ...item[1] };
  if (item[0] === 'Path' && Array.isArray(properties.segments)) {
    properties.segments = properties.segments.map((segment: unknown) =>
      isPoint(segment) ? [[segment[0], segment[1]], [0, 0], [0, 0]] : segment,
    );
  }
  if (Array.isArray(properties.children)) properties.children = properties.children.map(expandItem);
  return [item[0], properties, ...item.slice(2)];
}

/** Checks an array of export records (`{ slide_name, slide_id, annot }`). */
export function checkAnnotationRecords(records: unknown, argument = 'records'): asserts records is AnnotationRecord[] {
  if (!Array.isArray(records)) throw new PhasInputError(`${argument} must be an array of {slide_name, slide_id, annot}`, { argument });
  records.forEach((record, i) => {
    const where = `${argument}[${i}]`;
    if (!isObject(record)) throw new PhasInputError(`${where} must be an object`, { argument: where });
    if (typeof record.slide_name !== 'string' || record.slide_name === '') {
      throw new PhasInputError(`${where}.slide_name must be a non-empty string`, { argument: `${where}.slide_name` });
    }
    checkAnnotationDocument(record.annot, `${where}.annot`);
  });
}

/**
 * JSON text in Python's `json.dumps` default style (`", "` and `": "` separators, non-ASCII as
 * `\uXXXX`), the format of Python's export files.
 */
export function pythonJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return `{${entries.map(([k, v]) => `${pythonJson(k)}: ${pythonJson(v)}`).join(', ')}}`;
}
