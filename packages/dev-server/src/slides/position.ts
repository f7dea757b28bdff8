/**
 * The position code hidden in the low bits of every synthetic slide pixel, so a test can
 * tell exactly where a patch came from. Browser-safe.
 *
 * For the pixel at column `i`, row `j` of pyramid level `level` (level coordinates; at
 * level 0 these are level-0 pixels):
 *
 * | channel | low 4 bits |
 * |---|---|
 * | R | `i mod 16` |
 * | G | `j mod 16` |
 * | B | bits 0–2: `level` (0–7); bit 3: `(floor(i/16) + floor(j/16)) mod 2` (a 16-px checkerboard) |
 *
 * The high 4 bits of R, G and B carry the tissue colour; alpha is 255 inside the slide.
 * Pixels outside the slide are `(0, 0, 0, 0)` and carry no code.
 */

/** What the low bits of an in-slide pixel say about its position. */
export interface DecodedPosition {
  /** Column within the level, modulo 16. */
  x: number;
  /** Row within the level, modulo 16. */
  y: number;
  /** Pyramid level (0–7). */
  level: number;
  /** Checkerboard bit: `(floor(col/16) + floor(row/16)) mod 2`. */
  block: number;
}

/** Largest level number the code can carry. */
export const MAX_CODED_LEVEL = 7;

/**
 * Read the position code of an in-slide pixel.
 *
 * @example
 * ```ts
 * const [r, g, b] = pixelAt(slide, 1, 37, 5);
 * decodePosition(r, g, b); // { x: 5, y: 5, level: 1, block: 0 }  (37 mod 16 = 5, floor(37/16) = 2)
 * ```
 */
export function decodePosition(r: number, g: number, b: number): DecodedPosition {
  return { x: r & 15, y: g & 15, level: b & 7, block: (b >> 3) & 1 };
}

/**
 * The position code of level pixel (`col`, `row`) as the 4 low bits of R, G and B.
 *
 * @example
 * ```ts
 * positionCode(2, 17, 3); // [1, 3, 10]: 17 mod 16, 3 mod 16, level 2 | checkerboard bit 1 << 3
 * ```
 */
export function positionCode(level: number, col: number, row: number): [number, number, number] {
  const block = ((col >> 4) ^ (row >> 4)) & 1;
  return [col & 15, row & 15, (level & 7) | (block << 3)];
}

/**
 * Whether an RGBA pixel is an in-slide pixel of level pixel (`col`, `row`) at `level`:
 * opaque and carrying that position code.
 *
 * @example
 * ```ts
 * const patch = readRegion(slide, 0, 100, 50, 8, 8);
 * isPixelOf(patch[0], patch[1], patch[2], patch[3], 0, 100, 50); // true
 * ```
 */
export function isPixelOf(r: number, g: number, b: number, a: number, level: number, col: number, row: number): boolean {
  const [cr, cg, cb] = positionCode(level, col, row);
  return a === 255 && (r & 15) === cr && (g & 15) === cg && (b & 15) === cb;
}
