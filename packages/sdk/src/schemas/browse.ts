/** Schemas of the browsing hierarchy (X19–X22, protocol §11.9). */
import * as z from 'zod/mini';

/** X19: `{"description": …}`. */
export const projectInfoSchema = z.looseObject({ description: z.nullable(z.string()) });

/** The project description object (X19). */
export type ProjectInfo = z.output<typeof projectInfoSchema>;

/** X20 row; plus `nannot` (annotation tasks) or `nsamples` (training: samples, sampling: ROIs). */
export const specimenSummarySchema = z.looseObject({
  specimen_display: z.string(),
  specimen: z.int(),
  nblocks: z.number(),
  nslides: z.number(),
});

/** A specimen of a task (X20 row). */
export type SpecimenSummary = z.output<typeof specimenSummarySchema>;

/** X21 row; plus `nannot` or `nsamples` by mode. */
export const blockSummarySchema = z.looseObject({
  block_id: z.int(),
  block_name: z.string(),
  specimen_display: z.string(),
  nslides: z.number(),
});

/** A block of a specimen in a task (X21 row). */
export type BlockSummary = z.output<typeof blockSummarySchema>;

/** X22 row: the task-slide row (E8's columns as JSON; names are null when anonymized). */
export const blockSlideSchema = z.looseObject({
  id: z.int(),
  block_id: z.int(),
  section: z.number(),
  slide: z.number(),
  stain: z.string(),
  slide_name: z.nullable(z.string()),
  specimen: z.int(),
  block_name: z.string(),
  specimen_private: z.nullable(z.string()),
  specimen_public: z.string(),
  specimen_display: z.string(),
});

/** A slide of a block in a task (X22 row). */
export type BlockSlide = z.output<typeof blockSlideSchema>;
