/** Schemas of annotation endpoints (E18, E22; protocol §7). */
import * as z from 'zod/mini';

/** E18: a paper.js document, an array of layers `[className, properties]`. */
export const annotationDocumentSchema = z.array(z.unknown());

/** E22: `{"timestamp": <float epoch seconds or null>}`. */
export const timestampSchema = z.looseObject({ timestamp: z.nullable(z.number()) });
