// Pillow's C numeric helpers, emulated with doubles and Math.fround (raster-semantics §2, §3.5,
// §3.6). Part of the plain-TypeScript reference rasteriser.

const f32 = Math.fround;
const INT_MIN = -2147483648;

/** C `(int)` of a double on x86-64: truncation; out-of-range values give INT_MIN. */
export function cInt(d: number): number {
  return d >= -2147483648 && d < 2147483648 ? Math.trunc(d) : INT_MIN;
}

/** C int32 subtraction (wraps like x86). */
export function isub(a: number, b: number): number {
  return (a - b) | 0;
}

/** C `roundf` on a float32 value: nearest integer, halves away from zero. */
export function roundf(v: number): number {
  const t = Math.trunc(v);
  return Math.abs(v - t) >= 0.5 ? t + Math.sign(v) : t;
}

/** Pillow `ROUND_UP(f)` for a float32 f: floor(f32(f + 0.5)) when f >= 0, else in double. */
export function roundUp(f: number): number {
  return cInt(f >= 0 ? Math.floor(f32(f + 0.5)) : -Math.floor(Math.abs(f) + 0.5));
}

/** Pillow `ROUND_DOWN(f)` for a float32 f: ceil(f32(f - 0.5)) when f >= 0, else in double. */
export function roundDown(f: number): number {
  return cInt(f >= 0 ? Math.ceil(f32(f - 0.5)) : -Math.ceil(Math.abs(f) - 0.5));
}
