export { initRaster, type RasterSource } from './init.js';
export { Raster, type FillPolygonOptions, type PillowVersion, type TileGrid } from './raster.js';
export type { RasterImage, Canvas } from './image.js';
export { MAX_CANVAS_PIXELS } from './input.js';
export * from './nifti/index.js';
