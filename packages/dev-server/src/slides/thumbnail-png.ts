/**
 * Slide thumbnails as PNG: X17 (the project's `thumb` resource) and X18 (the small
 * cached thumbnail that fits in 256 × 192), protocol §11.8. Node only.
 */
import type { SyntheticSlide } from './catalog.js';
import { encodePng } from './png.js';
import { thumbnailRgb } from './thumbnail.js';

/** Box X18's cached thumbnail fits in. */
export const SMALL_THUMBNAIL_BOX: readonly [number, number] = [256, 192];

/**
 * `get_thumbnail((maxWidth, maxHeight))` as an RGB PNG.
 *
 * @example
 * ```ts
 * const png = thumbnailPng(slide, ...SMALL_THUMBNAIL_BOX); // X18
 * ```
 */
export function thumbnailPng(slide: SyntheticSlide, maxWidth: number, maxHeight: number): Uint8Array {
  return encodePng(thumbnailRgb(slide, maxWidth, maxHeight));
}
