/**
 * Sampling-ROI tasks (`sampling` mode, protocol §8, §6.3, §11.2): polygon and trapezoid ROIs
 * with a label, and the ROI label image as NIfTI.
 */
import type { Geometry } from '@phas/raster-wasm';
import * as z from 'zod/mini';
import { PhasResponseError } from './errors/index.js';
import { checkGeometry } from './raster/geometry.js';
import { idSchema } from './schemas/common.js';
import { roiGeometrySchema, samplingRoiRowSchema, type SamplingRoi } from './schemas/sampling.js';
import { registerTaskClass, Task } from './task.js';
import { formatIssues } from './transport/json-body.js';
import type { RequestOptions } from './transport/transport.js';
import { route } from './transport/url.js';
import { checkFilename, writeResultFile } from './util/files.js';
import { expectSuccess } from './util/success.js';
import { checkId, checkInteger, checkOptions } from './util/validate.js';

/** Options of {@link SamplingROITask.slideSamplingRoiNiftiImage}. */
export interface RoiNiftiOptions extends RequestOptions {
  /** Longest side of the image in pixels (default 1000, like Python's `max_dim`). */
  maxDim?: number;
  /** Node: write the `.nii.gz` bytes to this file (atomically) and return `undefined`. */
  filename?: string;
}

const NIFTI_KEYS = ['maxDim', 'filename', 'signal', 'timeout'] as const;

/**
 * A task in `sampling` mode.
 *
 * @example
 * ```ts
 * const task = await SamplingROITask.open(client, 3);
 * const id = await task.createSamplingRoi(2, 1, { type: 'polygon', data: [[100, 100], [400, 120], [250, 380]] });
 * ```
 */
export class SamplingROITask extends Task {
  static override readonly requiredMode = 'sampling' as const;

  /**
   * The sampling ROIs on a slide (E23), most recently edited first: the server's rows plus
   * `geometry`, the parsed `json` (raw level-0 pixels).
   *
   * @example
   * ```ts
   * for (const roi of await task.slideSamplingRois(2)) console.log(roi.id, roi.label, roi.geometry.type);
   * ```
   */
  async slideSamplingRois(slideId: number, options: RequestOptions = {}): Promise<SamplingRoi[]> {
    checkId(slideId, 'slideId');
    const path = route`/task/${this.taskId}/slide/raw/raw/${slideId}/sampling_roi/get`;
    const url = `${this.client.url}${path}`;
    const rows = await this.client.transport.getJson(path, z.array(samplingRoiRowSchema), options);
    return rows.map((row, i) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(row.json);
      } catch {
        throw new PhasResponseError(`ROI ${row.id} from ${url} has a json field that is not JSON`, {
          url,
          issues: [`[${i}].json: not JSON`],
        });
      }
      const result = roiGeometrySchema.safeParse(parsed);
      if (!result.success) {
        const issues = formatIssues(result.error.issues).map((issue) => `[${i}].json.${issue}`);
        throw new PhasResponseError(`ROI ${row.id} from ${url} has an invalid geometry: ${issues[0]}`, { url, issues });
      }
      return { ...row, geometry: result.data };
    });
  }

  /**
   * Creates a sampling ROI (E24) and returns its id. The geometry is validated first
   * (`PhasInputError`, no request): polygons need ≥ 2 vertices of 2 finite numbers, trapezoids
   * exactly 2 triples with distinct axis points.
   *
   * @example
   * ```ts
   * const id = await task.createSamplingRoi(2, 1, { type: 'trapezoid', data: [[500, 500, 100], [600, 1500, 200]] });
   * ```
   */
  async createSamplingRoi(slideId: number, labelId: number, geometry: Geometry, options: RequestOptions = {}): Promise<number> {
    checkId(slideId, 'slideId');
    checkId(labelId, 'labelId');
    checkGeometry(geometry);
    const answer = await this.client.transport.postJson(
      route`/task/${this.taskId}/slide/raw/raw/${slideId}/dltrain/sampling_roi/create`,
      { label_id: labelId, geometry },
      idSchema,
      options,
    );
    return answer.id;
  }

  /**
   * Replaces a sampling ROI's label and geometry (X4); returns the ROI id.
   *
   * @example
   * ```ts
   * await task.updateSamplingRoi(2, roiId, 3, { type: 'polygon', data: [[0, 0], [100, 0], [50, 80]] });
   * ```
   */
  async updateSamplingRoi(
    slideId: number,
    roiId: number,
    labelId: number,
    geometry: Geometry,
    options: RequestOptions = {},
  ): Promise<number> {
    checkId(slideId, 'slideId');
    checkId(roiId, 'roiId');
    checkId(labelId, 'labelId');
    checkGeometry(geometry);
    const answer = await this.client.transport.postJson(
      route`/task/${this.taskId}/slide/raw/raw/${slideId}/dltrain/sampling_roi/update`,
      { id: roiId, label_id: labelId, geometry },
      idSchema,
      { ...options, idempotent: true },
    );
    return answer.id;
  }

  /**
   * Deletes one sampling ROI (X5). Resolves when the server answered `success`.
   *
   * @example
   * ```ts
   * await task.deleteSamplingRoi(2, roiId);
   * ```
   */
  async deleteSamplingRoi(slideId: number, roiId: number, options: RequestOptions = {}): Promise<void> {
    checkId(slideId, 'slideId');
    checkId(roiId, 'roiId');
    const path = route`/task/${this.taskId}/slide/${slideId}/dltrain/sampling_roi/delete`;
    const text = await this.client.transport.postJsonForText(path, { id: roiId }, { ...options, idempotent: true });
    expectSuccess(text, `${this.client.url}${path}`);
  }

  /**
   * Deletes every sampling ROI of this task on a slide (E25, sent as POST: Q8). Returns `true`
   * when the server answered `success` (it does even when there was nothing to delete).
   *
   * @example
   * ```ts
   * await task.deleteSamplingRoisOnSlide(2);
   * ```
   */
  async deleteSamplingRoisOnSlide(slideId: number, options: RequestOptions = {}): Promise<boolean> {
    checkId(slideId, 'slideId');
    const text = await this.client.transport.postEmptyForText(
      route`/task/${this.taskId}/slide/${slideId}/dltrain/sampling_roi/delete_all`,
      { ...options, idempotent: true },
    );
    return text.trim() === 'success';
  }

  /**
   * The slide's ROI label image (E26) as gzip NIfTI bytes: a thumbnail-sized 8-bit image whose
   * voxels are the label ids of the ROIs covering them. With `filename` (Node) the bytes are
   * written there and `undefined` is returned.
   *
   * @example
   * ```ts
   * const nii = await task.slideSamplingRoiNiftiImage(2, { maxDim: 500 });
   * ```
   */
  async slideSamplingRoiNiftiImage(slideId: number, options: RoiNiftiOptions = {}): Promise<Uint8Array | undefined> {
    checkId(slideId, 'slideId');
    const o = checkOptions(options, 'options', NIFTI_KEYS);
    const maxDim = o.maxDim === undefined ? 1000 : checkInteger(o.maxDim, 'options.maxDim', 1);
    const filename = checkFilename(o.filename, 'options.filename');
    const bytes = await this.client.transport.getBytes(
      route`/task/${this.taskId}/slide/${slideId}/sampling_roi/make_image_${maxDim}.nii.gz`,
      { signal: o.signal, timeout: o.timeout },
    );
    if (filename === undefined) return bytes;
    await writeResultFile(filename, bytes, 'options.filename');
    return undefined;
  }
}

registerTaskClass('sampling', SamplingROITask);

