/**
 * Synthetic slides and the image endpoints the dev server builds from them (Node only):
 * pure functions the route handlers call. Every refusal is a `SlideImageError` carrying
 * the HTTP status PHAS answers.
 *
 * | endpoint | function |
 * |---|---|
 * | E13 dimensions/spacing | `dimensionsHeader` |
 * | E14 OpenSlide header | `openslideHeader` |
 * | E16 patch | `patchPng` (or `readRegionPng` with a top-left) |
 * | E17 thumbnail NIfTI | `thumbnailNiftiGz` |
 * | E26 ROI label NIfTI | `roiLabelNiftiGz` |
 * | E28 / X1 / X2 sample PNG | `samplePng` with `sampleCentre` |
 * | X10 / X11 random patch | `randomPatchPng` |
 * | X14 / X15 Deep Zoom | `dziDescriptorXml`, `dziTileImage` (png or jpeg, with its MIME type) |
 * | X17 / X18 thumbnails | `thumbnailPng` (X18: `SMALL_THUMBNAIL_BOX`) |
 *
 * @module
 */
export * from './pixels.js';
export { dimensionsHeader, headerProperties, openslideHeader, type DimensionsHeader, type OpenSlideHeader } from './header.js';
export {
  patchOrigin,
  patchPng,
  randomPatchOrigin,
  randomPatchPng,
  readRegionPng,
  sampleCentre,
  samplePng,
} from './patch.js';
export { encodePng, type PngImage, type EncodePngOptions } from './png.js';
export {
  bestLevelForDownsample,
  pillowThumbnailSize,
  thumbnailPlan,
  thumbnailRgb,
  thumbnailSize,
  MAX_THUMBNAIL_PIXELS,
  type RgbImage,
  type ThumbnailPlan,
} from './thumbnail.js';
export { thumbnailPng, SMALL_THUMBNAIL_BOX } from './thumbnail-png.js';
export { niftiSpacing, roiLabelImage, roiLabelNiftiGz, thumbnailNiftiGz, type LabelledRoi } from './nifti.js';
export {
  deepZoomLevels,
  dziDescriptorXml,
  dziTileInfo,
  dziTileRgb,
  DZ_OVERLAP,
  DZ_TILE_SIZE,
  type DeepZoomLevel,
  type DeepZoomTileInfo,
} from './deepzoom.js';
export { dziTile, dziTileImage, DZ_JPEG_QUALITY } from './deepzoom-tile.js';
export { encodeJpeg, quantTable, type JpegInput } from './jpeg.js';
