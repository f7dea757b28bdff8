/**
 * X15 Deep Zoom tiles, encoded. Node only.
 *
 * `png` tiles are RGB PNGs. `jpeg` tiles are refused (`SlideImageError` `bad_format`,
 * 404): a real PHAS server sends JPEG quality 75 but the dev server has no JPEG encoder;
 * the descriptor (X14) advertises `png`, which is what viewers such as OpenSeadragon ask for.
 */
import type { SyntheticSlide } from './catalog.js';
import { dziTileRgb } from './deepzoom.js';
import { SlideImageError } from './errors.js';
import { encodePng } from './png.js';

/**
 * The bytes of Deep Zoom tile (`col`, `row`) at Deep Zoom level `dzLevel`.
 *
 * @throws SlideImageError `bad_format` (404 `bad format`) for anything but `png`
 *   (case-insensitive); `bad_level` / `bad_tile` (500) for an address outside the pyramid.
 * @example
 * ```ts
 * const png = dziTile(slide, 12, 0, 0, 'png');
 * ```
 */
export function dziTile(slide: SyntheticSlide, dzLevel: number, col: number, row: number, format: string): Uint8Array {
  const f = format.toLowerCase();
  if (f !== 'png') {
    const message = f === 'jpeg' ? 'jpeg tiles are not available from the dev server; use png' : 'bad format';
    throw new SlideImageError('bad_format', 404, message);
  }
  return encodePng(dziTileRgb(slide, dzLevel, col, row));
}
