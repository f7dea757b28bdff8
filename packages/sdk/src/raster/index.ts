export { trapezoidCorners, checkGeometry } from './geometry.js';
export { drawSamplingRoi, type DrawSamplingRoiOptions } from './draw.js';
export { planTiles, tileMask, tilePatchOrigin, type TilePlan, type PlanTilesOptions, type TileMaskOptions } from './plan.js';
export { initRaster, validateGeometry, type RasterImage, type Geometry, type Canvas, type PillowVersion } from '@phas/raster-wasm';
