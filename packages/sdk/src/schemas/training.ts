/** Schema of training samples (E27, protocol §9.1). */
import * as z from 'zod/mini';
import { boxRowFields } from './common.js';

/** E27 row. */
export const trainingSampleSchema = z.looseObject({ ...boxRowFields, have_patch: z.number() });

/**
 * A training sample (E27 row): box in level-0 pixels as drawn, `creator`/`editor` are user
 * ids (Q54), times are epoch seconds.
 */
export type TrainingSample = z.output<typeof trainingSampleSchema>;
