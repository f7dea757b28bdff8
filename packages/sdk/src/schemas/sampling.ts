/** Schemas of sampling ROIs (E23, protocol §8). */
import type { Geometry } from '@phas/raster-wasm';
import * as z from 'zod/mini';
import { boxRowFields } from './common.js';

const point = z.tuple([z.number(), z.number()]);
const axisEnd = z.tuple([z.number(), z.number(), z.number()]);

/** A sampling-ROI geometry as the server stores it (§8.1). */
export const roiGeometrySchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('polygon'), data: z.array(point).check(z.minLength(2)) }),
  z.looseObject({ type: z.literal('trapezoid'), data: z.tuple([axisEnd, axisEnd]) }),
]);

/** E23 row (`json` is the geometry encoded as a string). */
export const samplingRoiRowSchema = z.looseObject({ ...boxRowFields, json: z.string() });

/** The server's E23 row. */
export type SamplingRoiRow = z.output<typeof samplingRoiRowSchema>;

/**
 * A sampling ROI: the server's row (bounding box in raw level-0 pixels, `json` string,
 * `creator`/`editor` user ids) plus `geometry`, the parsed `json`.
 */
export type SamplingRoi = SamplingRoiRow & { geometry: Geometry };
