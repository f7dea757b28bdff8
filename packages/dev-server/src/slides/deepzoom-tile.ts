/**
 * X15 Deep Zoom tiles, encoded as PHAS sends them: `png` (RGB PNG) or `jpeg` (baseline
 * JPEG, quality 75), format name case-insensitive. Node only.
 */
import type { SyntheticSlide } from './catalog.js';
import { dziTileRgb } from './deepzoom.js';
import { SlideImageError } from './errors.js';
import { encodeJpeg } from './jpeg.js';
import { encodePng } from './png.js';

/** Quality PHAS saves JPEG tiles with. */
export const DZ_JPEG_QUALITY = 75;

/**
 * The bytes of Deep Zoom tile (`col`, `row`) at Deep Zoom level `dzLevel`, and its MIME type.
 *
 * @throws SlideImageError `bad_format` (404 `bad format`) for a format other than png/jpeg;
 *   `bad_level` / `bad_tile` (500) for an address outside the pyramid.
 * @example
 * ```ts
 * const { bytes, contentType } = dziTileImage(slide, 12, 0, 0, 'jpeg'); // 'image/jpeg'
 * ```
 */
export function dziTileImage(
  slide: SyntheticSlide,
  dzLevel: number,
  col: number,
  row: number,
  format: string,
): { bytes: Uint8Array; contentType: 'image/png' | 'image/jpeg' } {
  const f = format.toLowerCase();
  if (f !== 'png' && f !== 'jpeg') throw new SlideImageError('bad_format', 404, 'bad format');
  const rgb = dziTileRgb(slide, dzLevel, col, row);
  return f === 'png'
    ? { bytes: encodePng(rgb), contentType: 'image/png' }
    : { bytes: encodeJpeg(rgb, DZ_JPEG_QUALITY), contentType: 'image/jpeg' };
}

/**
 * The bytes of a Deep Zoom tile (see `dziTileImage`; the MIME type is `image/<format>`).
 *
 * @example
 * ```ts
 * const png = dziTile(slide, 12, 0, 0, 'png');
 * ```
 */
export function dziTile(slide: SyntheticSlide, dzLevel: number, col: number, row: number, format: string): Uint8Array {
  return dziTileImage(slide, dzLevel, col, row, format).bytes;
}
