/**
 * Training tasks (`dltrain` mode, protocol §9, §11.1): training samples (boxes with a label)
 * and their PNG patches.
 */
import type { RasterImage } from '@phas/raster-wasm';
import * as z from 'zod/mini';
import { PhasInputError } from './errors/index.js';
import { decodeServerPng } from './util/png.js';
import { idSchema } from './schemas/common.js';
import { trainingSampleSchema, type TrainingSample } from './schemas/training.js';
import { registerTaskClass, Task } from './task.js';
import type { RequestOptions } from './transport/transport.js';
import { route } from './transport/url.js';
import { checkFinite, checkId } from './util/validate.js';
import { expectSuccess } from './util/success.js';

/** A training-sample box `[x0, y0, x1, y1]` in level-0 pixels. */
export type SampleBox = [number, number, number, number];

function checkBox(box: unknown, argument: string): SampleBox {
  if (!Array.isArray(box) || box.length !== 4) {
    throw new PhasInputError(`${argument} must be [x0, y0, x1, y1]`, { argument });
  }
  const [x0, y0, x1, y1] = box.map((v, i) => checkFinite(v, `${argument}[${i}]`));
  if (x0 === x1 || y0 === y1) throw new PhasInputError(`${argument} must have a non-zero width and height`, { argument });
  return [x0, y0, x1, y1];
}

/**
 * A task in `dltrain` mode.
 *
 * @example
 * ```ts
 * const task = await DLTrainingTask.open(client, 2);
 * for (const s of await task.slideTrainingSamples(1)) console.log(s.id, s.label, s.x0, s.y0);
 * ```
 */
export class DLTrainingTask extends Task {
  static override readonly requiredMode = 'dltrain' as const;

  /**
   * The training samples on a slide (E27), most recently edited first; the server's rows.
   *
   * @example
   * ```ts
   * const samples = await task.slideTrainingSamples(1);
   * ```
   */
  async slideTrainingSamples(slideId: number, options: RequestOptions = {}): Promise<TrainingSample[]> {
    checkId(slideId, 'slideId');
    return this.client.transport.getJson(
      route`/task/${this.taskId}/slide/${slideId}/dltrain/samples`,
      z.array(trainingSampleSchema),
      options,
    );
  }

  /**
   * A sample's stored patch (E28) as an RGBA `RasterImage` (square; its size is the task's
   * `display-patch-size`, 512 after an update, Q17).
   *
   * @example
   * ```ts
   * const image = await task.getSampleImage(1); // { width, height, channels: 4, data }
   * ```
   */
  async getSampleImage(sampleId: number, options: RequestOptions = {}): Promise<RasterImage> {
    checkId(sampleId, 'sampleId');
    const path = route`/dltrain/api/sample/${sampleId}/image.png`;
    const bytes = await this.client.transport.getBytes(path, options);
    return decodeServerPng(bytes, `${this.client.url}${path}`);
  }

  /**
   * Creates a training sample (X1) and returns its id. The server checks the box size against
   * the task's `min-size`/`max-size` (401 `Box is too small`/`Box is too large`, a
   * `PhasHttpError`).
   *
   * @example
   * ```ts
   * const id = await task.createTrainingSample(1, 2, [1000, 1000, 1256, 1256]);
   * ```
   */
  async createTrainingSample(slideId: number, labelId: number, box: SampleBox, options: RequestOptions = {}): Promise<number> {
    checkId(slideId, 'slideId');
    checkId(labelId, 'labelId');
    const geometry = checkBox(box, 'box');
    const answer = await this.client.transport.postJson(
      route`/task/${this.taskId}/slide/${slideId}/dltrain/sample/create`,
      { geometry, label_id: labelId },
      idSchema,
      options,
    );
    return answer.id;
  }

  /**
   * Changes a training sample's label and box (X2); its patch is regenerated. Resolves when
   * the server answered `success`.
   *
   * @example
   * ```ts
   * await task.updateTrainingSample(1, sampleId, 3, [1000, 1000, 1300, 1300]);
   * ```
   */
  async updateTrainingSample(
    slideId: number,
    sampleId: number,
    labelId: number,
    box: SampleBox,
    options: RequestOptions = {},
  ): Promise<void> {
    checkId(slideId, 'slideId');
    checkId(sampleId, 'sampleId');
    checkId(labelId, 'labelId');
    const geometry = checkBox(box, 'box');
    const path = route`/task/${this.taskId}/slide/${slideId}/dltrain/sample/update`;
    const text = await this.client.transport.postJsonForText(path, { id: sampleId, geometry, label_id: labelId }, { ...options, idempotent: true });
    expectSuccess(text, `${this.client.url}${path}`);
  }

  /**
   * Deletes a training sample (X3). Resolves when the server answered `success`.
   *
   * @example
   * ```ts
   * await task.deleteTrainingSample(1, sampleId);
   * ```
   */
  async deleteTrainingSample(slideId: number, sampleId: number, options: RequestOptions = {}): Promise<void> {
    checkId(slideId, 'slideId');
    checkId(sampleId, 'sampleId');
    const path = route`/task/${this.taskId}/slide/${slideId}/dltrain/sample/delete`;
    const text = await this.client.transport.postFormForText(path, { id: String(sampleId) }, { ...options, idempotent: true });
    expectSuccess(text, `${this.client.url}${path}`);
  }
}

registerTaskClass('dltrain', DLTrainingTask);
