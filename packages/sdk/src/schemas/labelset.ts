/** Schemas of labelsets and labels (E9, E10, X16; protocol §4.5–§4.7). */
import * as z from 'zod/mini';

/** E9: `{"name": …, "id": …}`, both null for tasks without a labelset. */
export const taskLabelsetSchema = z.looseObject({
  name: z.nullable(z.string()),
  id: z.nullable(z.int()),
});

/** E10 row. */
export const labelSchema = z.looseObject({
  id: z.int(),
  name: z.string(),
  description: z.nullable(z.string()),
  color: z.string(),
  n_samples: z.number(),
  n_sampling_rois: z.number(),
});

/** A label (E10 row): `n_samples`/`n_sampling_rois` count over all tasks (Q38). */
export type Label = z.output<typeof labelSchema>;

/** X16 row. */
export const labelsetSummarySchema = z.looseObject({
  id: z.int(),
  name: z.string(),
  description: z.nullable(z.string()),
  n_labels: z.number(),
  n_samples: z.nullable(z.number()),
  n_sampling_rois: z.nullable(z.number()),
});

/** A labelset of a project (X16 row). */
export type LabelsetSummary = z.output<typeof labelsetSummarySchema>;
