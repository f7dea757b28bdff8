/** Schemas of projects and tasks (E5–E7, protocol §4). Rows keep every key the server sends. */
import * as z from 'zod/mini';

/** E5 row. */
export const projectSchema = z.looseObject({
  id: z.string(),
  admin: z.number(),
  disp_name: z.string(),
  desc: z.nullable(z.string()),
  nslides: z.number(),
  nblocks: z.number(),
  nspecimens: z.number(),
});

/** A project as listed by `client.projectListing()` (E5): the server's row unchanged. */
export type Project = z.output<typeof projectSchema>;

/** E6 row. */
export const taskSummarySchema = z.looseObject({
  id: z.int(),
  name: z.string(),
  desc: z.nullable(z.string()),
  mode: z.string(),
  admin: z.number(),
  nspecimens: z.number(),
  nblocks: z.number(),
  nslides: z.number(),
});

/** A task as listed by `client.taskListing(project)` (E6): the server's row unchanged. */
export type TaskSummary = z.output<typeof taskSummarySchema>;

/** E7 body. `desc`, `mode` and `reference-task` are present only when set in the task JSON. */
export const taskDetailSchema = z.looseObject({
  id: z.int(),
  project: z.string(),
  name: z.string(),
  restrict_access: z.number(),
  anonymize: z.number(),
  desc: z.optional(z.string()),
  mode: z.optional(z.string()),
  'reference-task': z.optional(z.string()),
});

/** `task.detail`: the server's task info object (E7). */
export type TaskDetail = z.output<typeof taskDetailSchema>;

/** The task modes PHAS knows. */
export type TaskMode = 'annot' | 'dltrain' | 'sampling' | 'browse';
