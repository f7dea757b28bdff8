/**
 * `@phas/sdk`: a TypeScript client for PHAS (PICSL Histology Annotation Server), for browsers
 * and Node. This is the browser/default entry; `index.node.ts` adds Node's files, environment
 * and TLS options.
 *
 * @example
 * ```ts
 * import { Client } from '@phas/sdk';
 * const client = await Client.connect('https://phas.example.org');
 * const task = await client.task(1);
 * ```
 *
 * @module
 */
import { browserPlatform } from './platform/browser.js';
import { installPlatform } from './platform/platform.js';

installPlatform(browserPlatform);

export * from './errors/index.js';
export { Client, type ConnectOptions } from './client.js';
export { Task, type TaskClass } from './task.js';
export { AnnotationTask, type AnnotSvgOptions, type ExportAnnotsOptions } from './task-annotation.js';
export { DLTrainingTask, type SampleBox } from './task-dltrain.js';
export { SamplingROITask, type RoiNiftiOptions } from './task-sampling.js';
export { Labelset } from './labelset.js';
export { Slide, type SlideTaskRef, type SlideClientRef, type ThumbnailNiftiOptions } from './slide.js';
export type { SlideInfo, SlideProperties } from './slide-schemas.js';
export { DEFAULT_PATCH_TILE_SIZE, type PatchOptions } from './patch.js';
export {
  SamplingROIPatchExtractor,
  type ExtractorOptions,
  type ExtractorPatch,
  type PatchesOptions,
  type TilePatchAndMask,
} from './patch-extractor.js';
export type { Progress, ProgressCallback } from './concurrency.js';
export type { SlideManifestFilters, SlideManifestRow } from './manifest.js';
export { expandSegments, type AnnotationDocument, type AnnotationRecord } from './annotations.js';
export { parseCsv, CsvSyntaxError } from './csv.js';
export type { Project, TaskSummary, TaskDetail, TaskMode } from './schemas/project.js';
export type { Label, LabelsetSummary } from './schemas/labelset.js';
export type { ProjectInfo, SpecimenSummary, BlockSummary, BlockSlide } from './schemas/browse.js';
export type { TrainingSample } from './schemas/training.js';
export type { SamplingRoi, SamplingRoiRow } from './schemas/sampling.js';
export type { Logger, RequestOptions } from './transport/transport.js';
export type { RetryPolicy } from './transport/retry.js';
export type { ApiKeyFile } from './util/api-key.js';
export * from './raster/index.js';
export * from './image/index.js';
export { toImageData } from './platform/browser-image.js';
export {
  initRaster,
  validateGeometry,
  type RasterSource,
  type Raster,
  type RasterImage,
  type Canvas,
  type FillPolygonOptions,
  type EncodeNiftiOptions,
  type DecodedNifti,
  type NiftiHeader,
  type Geometry,
  type PolygonGeometry,
  type TrapezoidGeometry,
  type Point,
} from '@phas/raster-wasm';
