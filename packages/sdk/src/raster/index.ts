export { trapezoidCorners } from './geometry.js';
export { drawSamplingRoi, type DrawSamplingRoiOptions } from './draw.js';
export { planTiles, tileMask, tilePatchOrigin, type TilePlan, type PlanTilesOptions, type TileMaskOptions } from './plan.js';
export type { RasterImage, Geometry, PillowVersion } from '@phas/raster-wasm';
