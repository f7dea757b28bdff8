export { initRaster, type RasterSource } from './init.js';
export { Raster, type FillPolygonOptions, type PillowVersion, type TileGrid } from './raster.js';
export type { RasterImage, Canvas } from './image.js';
export { MAX_CANVAS_PIXELS } from './input.js';
export * from './nifti/index.js';
export {
  trapezoidCorners,
  samplingRoiBoundingBox,
  translateGeometry,
  validateGeometry,
  geometryDrawingXY,
  type Geometry,
  type PolygonGeometry,
  type TrapezoidGeometry,
  type Point,
  type BBox,
  type ValidateGeometryOptions,
} from './geometry.js';
export { referenceFillPolygon, referenceTileSums } from './reference/index.js';
export { tileGridLayout, tileDensity, type TileGridLayout, type TileDensity } from './tile-grid.js';
