/** Small answers shared by several endpoints. */
import * as z from 'zod/mini';

/** `{"id": <new id>}` (E24, X1, X4). */
export const idSchema = z.looseObject({ id: z.int() });

/** `{"success": <bool>}` (E19). */
export const successSchema = z.looseObject({ success: z.boolean() });

/**
 * Fields shared by training-sample (E27) and sampling-ROI (E23) rows: the bounding box in raw
 * level-0 pixels, label/slide/task ids, edit metadata (user ids, epoch seconds) and the label
 * colour.
 */
export const boxRowFields = {
  id: z.int(),
  x0: z.number(),
  y0: z.number(),
  x1: z.number(),
  y1: z.number(),
  label: z.int(),
  slide: z.int(),
  task: z.int(),
  meta_id: z.int(),
  creator: z.number(),
  editor: z.number(),
  t_create: z.number(),
  t_edit: z.number(),
  color: z.nullable(z.string()),
};
