/**
 * Channel layout conversions on raw pixel bytes.
 *
 * @module
 */

/**
 * Copies the `R,G,B` bytes of `pixels` RGBA pixels from `rgba` into `out` starting at
 * `at` (3 bytes per pixel), dropping alpha. `out` must have room for `pixels * 3` bytes.
 *
 * @example
 * ```ts
 * const rgb = new Uint8Array(2 * 3);
 * dropAlpha(new Uint8Array([1, 2, 3, 255, 4, 5, 6, 0]), 2, rgb); // rgb = [1, 2, 3, 4, 5, 6]
 * ```
 */
export function dropAlpha(rgba: Uint8Array, pixels: number, out: Uint8Array, at = 0): void {
  if (rgba.length < pixels * 4 || out.length < at + pixels * 3) {
    throw new RangeError(`dropAlpha: ${pixels} pixels do not fit the given buffers`);
  }
  for (let i = 0, s = 0, d = at; i < pixels; i++, s += 4, d += 3) {
    out[d] = rgba[s];
    out[d + 1] = rgba[s + 1];
    out[d + 2] = rgba[s + 2];
  }
}
