/** `drawSamplingRoi`: PHAS's `draw_sampling_roi` onto a caller's 8-bit canvas. */
import { geometryDrawingXY, initRaster, type Canvas, type PillowVersion } from '@phas/raster-wasm';
import { PhasInputError } from '../errors/index.js';
import { asInputError, checkGeometry } from './geometry.js';

/** Options of {@link drawSamplingRoi}. */
export interface DrawSamplingRoiOptions {
  /** Horizontal scale applied to every vertex (default 1), e.g. thumbnail width / slide width. */
  scaleX?: number;
  /** Vertical scale (default 1). */
  scaleY?: number;
  /** Fill ink (default 255; integers are clamped to 0…255; `null` for none). */
  fill?: number | null;
  /** Outline ink (default `null`); drawn only if it differs from the clamped fill. */
  outline?: number | null;
  /** Pillow release to match: `'12'` (default, ≥ 11.2.1) or `'9.4'`. */
  pillow?: PillowVersion;
}

function scale(value: number | undefined, argument: string): number {
  if (value === undefined) return 1;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new PhasInputError(`${argument} must be a finite number, got ${String(value)}`, { argument });
  }
  return value;
}

/**
 * Draws a sampling ROI the way the PHAS server and Python client do (`draw_sampling_roi`):
 * vertices (or trapezoid corners p3, p4, p6, p5) scaled by (scaleX, scaleY), then Pillow's
 * `ImageDraw.polygon` on the 1-byte-per-pixel `canvas`, in place. Later calls paint over
 * earlier ones, as in `make_sampling_roi_image`.
 *
 * @example
 * ```ts
 * import { drawSamplingRoi } from '@phas/sdk';
 * const canvas = { width: 1000, height: 750, data: new Uint8Array(1000 * 750) };
 * for (const roi of rois) {
 *   await drawSamplingRoi(canvas, roi.geometry, { scaleX: 1000 / slideWidth, scaleY: 750 / slideHeight, fill: roi.label });
 * }
 * ```
 */
export async function drawSamplingRoi(canvas: Canvas, geometry: unknown, options: DrawSamplingRoiOptions = {}): Promise<void> {
  const g = checkGeometry(geometry, 'geometry', true);
  const sx = scale(options.scaleX, 'scaleX');
  const sy = scale(options.scaleY, 'scaleY');
  const raster = await initRaster();
  const xy = geometryDrawingXY(g, sx, sy);
  const beyond = xy.findIndex((v) => !(Math.abs(v) < 2 ** 31));
  if (beyond >= 0) {
    // Scaling can push valid level-0 vertices out of the int32 range Pillow draws in.
    throw new PhasInputError(
      `geometry scaled by (${sx}, ${sy}) has the coordinate ${xy[beyond]}, beyond what Pillow can draw (|v| < 2^31)`,
      { argument: 'geometry' },
    );
  }
  asInputError('canvas', () =>
    raster.fillPolygon(canvas, xy, { fill: options.fill === undefined ? 255 : options.fill, outline: options.outline ?? null, pillow: options.pillow }),
  );
}
