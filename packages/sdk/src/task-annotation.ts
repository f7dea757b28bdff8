/**
 * Annotation tasks (protocol §7): paper.js documents per slide, their SVG rendering and
 * last-edit time, and export/import of a whole task's annotations.
 */
import { mapConcurrent } from './concurrency.js';
import { PhasError, PhasInputError } from './errors/index.js';
import {
  checkAnnotationDocument,
  checkAnnotationRecords,
  expandSegments,
  pythonJson,
  type AnnotationDocument,
  type AnnotationRecord,
} from './annotations.js';
import { currentPlatform } from './platform/platform.js';
import { annotationDocumentSchema, timestampSchema } from './schemas/annotation.js';
import { successSchema } from './schemas/common.js';
import { registerTaskClass, Task } from './task.js';
import type { RequestOptions } from './transport/transport.js';
import { route } from './transport/url.js';
import { checkFilename, writeResultFile } from './util/files.js';
import { checkId, checkInteger, checkOptions, checkString } from './util/validate.js';

/** Options of {@link AnnotationTask.getSlideAnnotSvg}. */
export interface AnnotSvgOptions extends RequestOptions {
  /** Maximum dimension of the SVG canvas in pixels; 0 (default) = full resolution. */
  downsample?: number;
  /** Stroke width in full-resolution pixels (integer, default 480). */
  strokeWidth?: number;
  /** Strip width in full-resolution pixels (integer, default 0 = plain strokes). */
  stripWidth?: number;
  /** Font size of markers, e.g. `'2000px'` (default). */
  fontSize?: string;
  /** Font colour of markers (default `'black'`). */
  fontColor?: string;
  /** Node: write the SVG to this file (atomically) and return `undefined`. */
  filename?: string;
}

/** Options of {@link AnnotationTask.exportTaskAnnots}. */
export interface ExportAnnotsOptions extends RequestOptions {
  /** Node: also write the records to this JSON file (atomically). */
  filename?: string;
}

const SVG_KEYS = ['downsample', 'strokeWidth', 'stripWidth', 'fontSize', 'fontColor', 'filename', 'signal', 'timeout'] as const;
const EXPORT_KEYS = ['filename', 'signal', 'timeout'] as const;

/**
 * A task in `annot` mode.
 *
 * @example
 * ```ts
 * const task = await AnnotationTask.open(client, 1);
 * const doc = await task.getSlideAnnotJson(2);
 * ```
 */
export class AnnotationTask extends Task {
  static override readonly requiredMode = 'annot' as const;

  /**
   * The slide's annotation document (E18, raw coordinates), or `null` when it has none. For a
   * task with a `reference-task`, the referenced task's annotation (Q26).
   *
   * @example
   * ```ts
   * const doc = await task.getSlideAnnotJson(2);
   * if (doc) console.log(JSON.stringify(doc).length);
   * ```
   */
  async getSlideAnnotJson(slideId: number, options: RequestOptions = {}): Promise<AnnotationDocument | null> {
    checkId(slideId, 'slideId');
    return this.client.transport.getJsonOrNull(
      route`/task/${this.taskId}/slide/raw/raw/${slideId}/annot/get`,
      annotationDocumentSchema,
      options,
    );
  }

  /**
   * Stores the slide's annotation document (E19) and returns the server's `success`. The
   * document is checked first, and short segments `[x, y]` are written in full
   * (`[[x, y], [0, 0], [0, 0]]`) so the server cannot corrupt them (Q12).
   *
   * @example
   * ```ts
   * await task.setSlideAnnotJson(2, [['Layer', { children: [['Path', { segments: [[100, 200], [300, 400]], closed: false }]] }]]);
   * ```
   */
  async setSlideAnnotJson(slideId: number, data: AnnotationDocument, options: RequestOptions = {}): Promise<boolean> {
    checkId(slideId, 'slideId');
    checkAnnotationDocument(data, 'data');
    const answer = await this.client.transport.postJson(
      route`/task/${this.taskId}/slide/raw/raw/${slideId}/annot/set`,
      expandSegments(data),
      successSchema,
      { ...options, idempotent: true },
    );
    return answer.success;
  }

  /**
   * The annotation rendered as SVG (E20/E21): with `downsample > 0` the canvas's longer side is
   * `downsample` pixels, else full resolution. Returns the SVG bytes, or writes them to
   * `filename` (Node) and returns `undefined`.
   *
   * @example
   * ```ts
   * const svg = new TextDecoder().decode(await task.getSlideAnnotSvg(2, { downsample: 1000, strokeWidth: 100 }));
   * ```
   */
  async getSlideAnnotSvg(slideId: number, options: AnnotSvgOptions = {}): Promise<Uint8Array | undefined> {
    checkId(slideId, 'slideId');
    const o = checkOptions(options, 'options', SVG_KEYS);
    const downsample = o.downsample === undefined ? 0 : checkInteger(o.downsample, 'options.downsample');
    const form = {
      stroke_width: String(o.strokeWidth === undefined ? 480 : checkInteger(o.strokeWidth, 'options.strokeWidth')),
      strip_width: String(o.stripWidth === undefined ? 0 : checkInteger(o.stripWidth, 'options.stripWidth')),
      font_size: o.fontSize === undefined ? '2000px' : checkString(o.fontSize, 'options.fontSize'),
      font_color: o.fontColor === undefined ? 'black' : checkString(o.fontColor, 'options.fontColor'),
    };
    const filename = checkFilename(o.filename, 'options.filename');
    const path =
      downsample > 0
        ? route`/api/task/${this.taskId}/slide_${slideId}_annot_${downsample}.svg`
        : route`/api/task/${this.taskId}/slide_${slideId}_annot.svg`;
    const bytes = await this.client.transport.postFormForBytes(path, form, { signal: o.signal, timeout: o.timeout, idempotent: true });
    if (filename === undefined) return bytes;
    await writeResultFile(filename, bytes, 'options.filename');
    return undefined;
  }

  /**
   * When the slide's annotation in this task was last edited (E22), as an ISO-8601 string
   * with millisecond precision, or `null` when there is no annotation.
   *
   * @example
   * ```ts
   * const edited = await task.getSlideAnnotTimestamp(2); // '2026-11-29T17:52:02.384Z'
   * ```
   */
  async getSlideAnnotTimestamp(slideId: number, options: RequestOptions = {}): Promise<string | null> {
    checkId(slideId, 'slideId');
    const answer = await this.client.transport.getJson(
      route`/api/task/${this.taskId}/slide/${slideId}/annot/timestamp`,
      timestampSchema,
      options,
    );
    return answer.timestamp === null ? null : new Date(Math.round(answer.timestamp * 1000)).toISOString();
  }

  /**
   * Every non-empty annotation of the task as `{ slide_name, slide_id, annot }` records in
   * manifest order (Python's export file format); with `filename` (Node) the records are also
   * written as JSON. Slide names identify the slides across servers, so when they are hidden
   * (anonymized mode, or no private access to the project) this throws `PhasError` with code
   * `slide_names_hidden` instead of producing unusable records (Q25).
   *
   * @example
   * ```ts
   * const records = await task.exportTaskAnnots({ filename: 'annots.json' });
   * console.log(`${records.length} annotated slides`);
   * ```
   */
  async exportTaskAnnots(options: ExportAnnotsOptions = {}): Promise<AnnotationRecord[]> {
    const o = checkOptions(options, 'options', EXPORT_KEYS);
    const filename = checkFilename(o.filename, 'options.filename');
    const request = { signal: o.signal, timeout: o.timeout };
    const rows = await this.#namedManifest(request);
    const annots = await mapConcurrent(
      rows,
      (row, _i, signal) => this.getSlideAnnotJson(row.id, { signal, timeout: o.timeout }),
      { concurrency: this.client.concurrency, signal: o.signal },
    );
    const records: AnnotationRecord[] = [];
    rows.forEach((row, i) => {
      const annot = annots[i];
      if (annot !== null) records.push({ slide_name: row.slide_name, slide_id: row.id, annot });
    });
    if (filename !== undefined) await writeResultFile(filename, pythonJson(records), 'options.filename');
    return records;
  }

  /**
   * Imports annotation records (from {@link exportTaskAnnots} or Python's export file): each
   * record is matched to this task's slide with the same `slide_name` and stored (E19). Records
   * whose slide is not in the task are skipped (reported to the client's logger). Returns the
   * number stored. Accepts the records or, in Node, the path of an export file.
   *
   * @example
   * ```ts
   * const imported = await task.importTaskAnnots('annots.json');
   * ```
   */
  async importTaskAnnots(source: string | AnnotationRecord[], options: RequestOptions = {}): Promise<number> {
    let records: unknown = source;
    if (typeof source === 'string') {
      checkString(source, 'source');
      const text = await currentPlatform().readTextFile(source, 'source');
      try {
        records = JSON.parse(text);
      } catch {
        throw new PhasInputError(`the annotation file ${JSON.stringify(source)} is not valid JSON`, { argument: 'source' });
      }
    }
    checkAnnotationRecords(records, typeof source === 'string' ? 'source' : 'records');
    const rows = await this.#namedManifest(options);
    const idByName = new Map(rows.map((row) => [row.slide_name, row.id]));
    const matched = records.filter((record) => idByName.has(record.slide_name));
    for (const record of records) {
      if (!idByName.has(record.slide_name)) {
        this.client.logger?.debug(`phas: import skips ${record.slide_name}: no such slide in task ${this.taskId}`);
      }
    }
    const results = await mapConcurrent(
      matched,
      (record, _i, signal) =>
        this.setSlideAnnotJson(idByName.get(record.slide_name) as number, record.annot, { signal, timeout: options.timeout }),
      { concurrency: this.client.concurrency, signal: options.signal },
    );
    return results.filter(Boolean).length;
  }

  /** The manifest, refusing when slide names are hidden (Q25). */
  async #namedManifest(options: RequestOptions): Promise<{ id: number; slide_name: string }[]> {
    const rows = await this.slideManifest({}, options);
    const hidden = rows.some((row) => row.slide_name === null);
    if (hidden || (rows.length === 0 && (await this.#namesHidden(options)))) {
      throw new PhasError(
        `Slide names of task ${this.taskId} are hidden (anonymized mode, or no private access to project ${this.project}); ` +
          'annotation export/import matches slides by name, so turn anonymized mode off with an account that has private access',
        { code: 'slide_names_hidden' },
      );
    }
    return rows as { id: number; slide_name: string }[];
  }

  async #namesHidden(options: RequestOptions): Promise<boolean> {
    if (await this.client.getAnonymize(options)) return true;
    return !(await this.client.getProjectPrivateAccess(this.project, options));
  }
}

registerTaskClass('annot', AnnotationTask);
