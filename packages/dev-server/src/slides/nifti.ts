/**
 * E17 (slide thumbnail as NIfTI) and E26 (sampling-ROI label image as NIfTI), protocol
 * §6.2–§6.4. The NIfTI layout and gzip wrapping come from `@phas/raster-wasm`'s
 * `encodeNifti`; the ROI fill is its Pillow-exact `fillPolygon`.
 */
import { encodeNifti, geometryDrawingXY, initRaster, type Geometry, type RasterImage } from '@phas/raster-wasm';
import type { SyntheticSlide } from './catalog.js';
import { SlideImageError } from './errors.js';
import { thumbnailRgb, thumbnailSize } from './thumbnail.js';

/** A sampling ROI as E26 draws it. */
export interface LabelledRoi {
  /** ROI id (drawing order: ascending). */
  id: number;
  /** Label id: the fill value (clamped to 255). */
  label: number;
  /** Geometry in level-0 pixels. */
  geometry: Geometry;
}

/**
 * Per-axis voxel spacing of a `width × height` image of the whole slide:
 * `dimension0_d × spacing_d / size_d` (mm), or `null` when the slide has no spacing.
 *
 * @example
 * ```ts
 * niftiSpacing(slide3000x2000, 100, 67); // [0.015, 0.014925373134328358]
 * ```
 */
export function niftiSpacing(slide: SyntheticSlide, width: number, height: number): [number, number] | null {
  if (slide.spacing === null) return null;
  return [(slide.width * slide.spacing[0]) / width, (slide.height * slide.spacing[1]) / height];
}

/**
 * E17's body: the `get_thumbnail((maxDim, maxDim))` RGB thumbnail as gzip NIfTI-1
 * (RGB24, spacing per `niftiSpacing`).
 *
 * @throws SlideImageError `no_spacing` (404 `Missing pixel dimension metadata to create
 *   NIFTI file`) when the slide has no spacing; `bad_size` for a non-positive `maxDim`.
 * @example
 * ```ts
 * const gz = thumbnailNiftiGz(slide, 1000);
 * ```
 */
export function thumbnailNiftiGz(slide: SyntheticSlide, maxDim: number): Uint8Array {
  const image = thumbnailRgb(slide, maxDim);
  const spacing = niftiSpacing(slide, image.width, image.height);
  if (spacing === null) {
    throw new SlideImageError('no_spacing', 404, 'Missing pixel dimension metadata to create NIFTI file');
  }
  return encodeNifti(image, { spacing });
}

/**
 * E26's label image: a 1-channel canvas of the thumbnail size with every ROI, in ascending
 * id order, filled with its label id (Pillow polygon fill, no outline; later ROIs
 * overwrite earlier ones). Polygon vertices and trapezoid corners are scaled by
 * `(tw / W, th / H)`.
 *
 * @example
 * ```ts
 * const img = await roiLabelImage(slide, 1000, [{ id: 1, label: 3, geometry: { type: 'polygon', data: [[0, 0], [900, 0], [0, 900]] } }]);
 * ```
 */
export async function roiLabelImage(
  slide: SyntheticSlide,
  maxDim: number,
  rois: readonly LabelledRoi[],
): Promise<RasterImage> {
  const [width, height] = thumbnailSize(slide, maxDim);
  const sx = width / slide.width;
  const sy = height / slide.height;
  const image: RasterImage = { width, height, channels: 1, data: new Uint8Array(width * height) };
  const raster = await initRaster();
  for (const roi of [...rois].sort((a, b) => a.id - b.id)) {
    raster.fillPolygon(image, geometryDrawingXY(roi.geometry, sx, sy), { fill: roi.label });
  }
  return image;
}

/**
 * E26's body: `roiLabelImage` as gzip NIfTI-1 (UINT8, spacing per `niftiSpacing`).
 *
 * @throws SlideImageError `no_spacing` (500, as PHAS) when the slide has no spacing.
 * @example
 * ```ts
 * const gz = await roiLabelNiftiGz(slide, 1000, rois);
 * ```
 */
export async function roiLabelNiftiGz(
  slide: SyntheticSlide,
  maxDim: number,
  rois: readonly LabelledRoi[],
): Promise<Uint8Array> {
  const image = await roiLabelImage(slide, maxDim, rois);
  const spacing = niftiSpacing(slide, image.width, image.height);
  if (spacing === null) {
    throw new SlideImageError('no_spacing', 500, 'Missing pixel dimension metadata to create NIFTI file');
  }
  return encodeNifti(image, { spacing });
}
