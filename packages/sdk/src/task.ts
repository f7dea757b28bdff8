/**
 * Tasks (protocol §4.3–§4.5, §5.4): `Task` holds the server's task info and offers what every
 * mode has (slide manifest, labelset); `AnnotationTask`, `DLTrainingTask` and
 * `SamplingROITask` add the mode-specific calls.
 */
import { PhasError } from './errors/index.js';
import type { Client } from './client.js';
import { Labelset } from './labelset.js';
import { manifestQuery, manifestRows, type SlideManifestFilters, type SlideManifestRow } from './manifest.js';
import * as z from 'zod/mini';
import {
  blockSlideSchema,
  blockSummarySchema,
  specimenSummarySchema,
  type BlockSlide,
  type BlockSummary,
  type SpecimenSummary,
} from './schemas/browse.js';
import { taskLabelsetSchema } from './schemas/labelset.js';
import { Slide } from './slide.js';
import { taskDetailSchema, type TaskDetail, type TaskMode } from './schemas/project.js';
import type { RequestOptions } from './transport/transport.js';
import { route } from './transport/url.js';
import { checkId, checkSegment } from './util/validate.js';

/** A task class that `Task.open` can produce. */
export interface TaskClass<T extends Task> {
  new (client: Client, detail: TaskDetail): T;
  /** The mode this class is for, or `undefined` for any mode. */
  readonly requiredMode: TaskMode | undefined;
}

/** Subclasses by mode, filled in by the subclass modules when they load. */
const classesByMode = new Map<string, TaskClass<Task>>();

/** Registers the class `Task.open` returns for tasks of `mode` (done by each subclass module). */
export function registerTaskClass(mode: TaskMode, cls: TaskClass<Task>): void {
  classesByMode.set(mode, cls);
}

/**
 * A PHAS task. Open one with `Task.open(client, id)` or `client.task(id)`; the result is the
 * mode's subclass when there is one.
 *
 * @example
 * ```ts
 * const task = await Task.open(client, 1);
 * console.log(task.taskId, task.project, task.detail.mode);
 * const rows = await task.slideManifest({ stain: 'Nissl' });
 * ```
 */
export class Task {
  /** The mode this class is for (`undefined`: any). */
  static readonly requiredMode: TaskMode | undefined = undefined;

  readonly client: Client;
  /** Task id. */
  readonly taskId: number;
  /** Id of the task's project. */
  readonly project: string;
  /** The server's task info object (E7). */
  readonly detail: TaskDetail;
  #labelset: Promise<Labelset | null> | undefined;

  /** Use `Task.open` (this constructor does no I/O and no checks). */
  constructor(client: Client, detail: TaskDetail) {
    this.client = client;
    this.detail = detail;
    this.taskId = detail.id;
    this.project = detail.project;
  }

  /**
   * Opens a task (E7). Called on `Task` it returns the subclass for the task's mode; called on
   * a subclass (`AnnotationTask.open`, …) it fails with `PhasError` code `wrong_task_mode`
   * when the task has another mode.
   *
   * @example
   * ```ts
   * const annot = await AnnotationTask.open(client, 1);
   * ```
   */
  static async open<T extends Task>(this: TaskClass<T>, client: Client, taskId: number, options: RequestOptions = {}): Promise<T> {
    checkId(taskId, 'taskId');
    const detail = await client.transport.getJson(route`/api/task/${taskId}/info`, taskDetailSchema, options);
    const required = this.requiredMode;
    if (required !== undefined && detail.mode !== required) {
      throw new PhasError(
        `Task ${taskId} (${detail.name}) is a ${detail.mode ?? 'mode-less'} task, not a ${required} task`,
        { code: 'wrong_task_mode' },
      );
    }
    const cls = required === undefined && detail.mode !== undefined ? classesByMode.get(detail.mode) : undefined;
    return new (cls ?? this)(client, detail) as T;
  }

  /**
   * The task's mode (`annot`, `dltrain`, `sampling`, `browse`), if the task JSON sets one.
   *
   * @example
   * ```ts
   * if (task.mode === 'sampling') { ... }
   * ```
   */
  get mode(): string | undefined {
    return this.detail.mode;
  }

  /**
   * The detailed slide manifest (E8): one row per slide of the task, in the server's order,
   * keys = the CSV's column names, integer columns as numbers, text as strings, empty cells
   * `null`. Filters are validated (and refused when invalid for the task's mode) before sending.
   *
   * @example
   * ```ts
   * const rows = await task.slideManifest({ stain: 'Nissl', tagsAny: ['hippo'] });
   * for (const row of rows) console.log(row.id, row.slide_name, row.n_paths);
   * ```
   */
  async slideManifest(filters: SlideManifestFilters = {}, options: RequestOptions = {}): Promise<SlideManifestRow[]> {
    const query = manifestQuery(filters, this.detail.mode);
    const path = route`/api/task/${this.taskId}/slide_detailed_manifest.csv`;
    const csv = await this.client.transport.getText(path, { ...options, query });
    return manifestRows(csv, `${this.client.url}${path}`);
  }

  /**
   * The specimens of the task's slides (X20), ordered by display name, with block and slide
   * counts (plus `nannot` or `nsamples` by mode); the server's rows.
   *
   * @example
   * ```ts
   * for (const s of await task.specimens()) console.log(s.specimen, s.specimen_display, s.nslides);
   * ```
   */
  async specimens(options: RequestOptions = {}): Promise<SpecimenSummary[]> {
    return this.client.transport.getJson(route`/api/task/${this.taskId}/specimens`, z.array(specimenSummarySchema), options);
  }

  /**
   * The blocks of a specimen among the task's slides (X21), ordered by name; the server's rows.
   *
   * @example
   * ```ts
   * const blocks = await task.blocks(specimens[0].specimen);
   * ```
   */
  async blocks(specimenId: number, options: RequestOptions = {}): Promise<BlockSummary[]> {
    checkId(specimenId, 'specimenId');
    return this.client.transport.getJson(
      route`/api/task/${this.taskId}/specimen/${specimenId}/blocks`,
      z.array(blockSummarySchema),
      options,
    );
  }

  /**
   * The task's slides of one block (X22), ordered by section and slide number: the server's
   * task-slide rows (the manifest's columns, as JSON); `[]` for an unknown block.
   *
   * @example
   * ```ts
   * const slides = await task.blockSlides(1, 'B01');
   * ```
   */
  async blockSlides(specimenId: number, blockName: string, options: RequestOptions = {}): Promise<BlockSlide[]> {
    checkId(specimenId, 'specimenId');
    checkSegment(blockName, 'blockName');
    return this.client.transport.getJson(
      route`/api/task/${this.taskId}/specimen/${specimenId}/block/${blockName}/slides`,
      z.array(blockSlideSchema),
      options,
    );
  }

  /**
   * A slide seen through this task (E11): `Slide.open(task, slideId)`.
   *
   * @example
   * ```ts
   * const slide = await task.slide(2);
   * console.log(slide.stain, await slide.dimensions());
   * ```
   */
  async slide(slideId: number, options: RequestOptions = {}): Promise<Slide> {
    return Slide.open(this, slideId, options);
  }

  /**
   * The task's labelset (E9), or `null` for tasks without one (annotation and browse tasks).
   * The answer, `null` included, is cached.
   *
   * @example
   * ```ts
   * const labelset = await task.labelset();
   * const labels = labelset ? await labelset.labelListing() : [];
   * ```
   */
  async labelset(options: RequestOptions = {}): Promise<Labelset | null> {
    if (!this.#labelset) {
      this.#labelset = this.client.transport
        .getJson(route`/api/task/${this.taskId}/labelset`, taskLabelsetSchema, options)
        .then((answer) => (answer.id ? new Labelset(this.client, this.project, answer.id) : null));
      this.#labelset.catch(() => {
        this.#labelset = undefined;
      });
    }
    return this.#labelset;
  }
}
