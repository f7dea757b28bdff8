/** Response schemas (zod) and the row types derived from them. */
export * from './auth.js';
export * from './project.js';
export * from './labelset.js';
export * from './common.js';
export * from './training.js';
export * from './sampling.js';
export * from './annotation.js';
export * from './browse.js';
