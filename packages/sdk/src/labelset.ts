/**
 * Labelsets (protocol §4.5–§4.7): a named set of labels of a project, used by training and
 * sampling tasks.
 */
import type { Client } from './client.js';
import { labelSchema, type Label } from './schemas/labelset.js';
import { route } from './transport/url.js';
import type { RequestOptions } from './transport/transport.js';
import * as z from 'zod/mini';
import { checkId, checkSegment } from './util/validate.js';

/**
 * A labelset of a project. Constructing one does no I/O.
 *
 * @example
 * ```ts
 * const labelset = new Labelset(client, 'hippocampus', 1);
 * for (const label of await labelset.labelListing()) console.log(label.id, label.name, label.color);
 * ```
 */
export class Labelset {
  readonly client: Client;
  /** Project id. */
  readonly project: string;
  /** Labelset id. */
  readonly labelsetId: number;

  constructor(client: Client, project: string, labelsetId: number) {
    this.client = client;
    this.project = checkSegment(project, 'project');
    this.labelsetId = checkId(labelsetId, 'labelsetId');
  }

  /**
   * The labels, ordered by id (E10). The server does not check that the labelset belongs to
   * the project; an unknown labelset gives `[]`.
   *
   * @example
   * ```ts
   * const labels = await (await task.labelset())!.labelListing();
   * const gray = labels.find((l) => l.name === 'gray');
   * ```
   */
  async labelListing(options: RequestOptions = {}): Promise<Label[]> {
    return this.client.transport.getJson(
      route`/dltrain/api/${this.project}/labelset/${this.labelsetId}/labels`,
      z.array(labelSchema),
      options,
    );
  }
}
