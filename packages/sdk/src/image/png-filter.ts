/**
 * PNG row filtering for the encoder: per row, the filter whose output has the smallest sum
 * of absolute (signed) values, the heuristic libpng uses by default.
 *
 * @module
 */

/** |v| of a filtered byte read as signed (0…128). */
function signedAbs(v: number): number {
  v &= 0xff;
  return v < 128 ? v : 256 - v;
}

/** Paeth predictor (PNG spec §9.4). */
function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Filters `height` rows of `stride` bytes (`bpp` bytes per pixel) from `data` into the
 * PNG scanline stream: one filter-type byte, then the filtered row. All five filters are
 * scored in one pass over the row; the chosen one is applied in a second.
 */
export function filterRows(data: Uint8Array, height: number, stride: number, bpp: number): Uint8Array {
  const out = new Uint8Array(height * (stride + 1));
  const zero = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    const prev = y > 0 ? data.subarray(row - stride, row) : zero;
    const cur = data.subarray(row, row + stride);
    let none = 0;
    let sub = 0;
    let up = 0;
    let avg = 0;
    let pth = 0;
    for (let x = 0; x < stride; x++) {
      const v = cur[x];
      const a = x >= bpp ? cur[x - bpp] : 0;
      const b = prev[x];
      const c = x >= bpp ? prev[x - bpp] : 0;
      none += signedAbs(v);
      sub += signedAbs(v - a);
      up += signedAbs(v - b);
      avg += signedAbs(v - ((a + b) >> 1));
      pth += signedAbs(v - paeth(a, b, c));
    }
    let best = 0;
    let bestCost = none;
    if (sub < bestCost) [best, bestCost] = [1, sub];
    if (up < bestCost) [best, bestCost] = [2, up];
    if (avg < bestCost) [best, bestCost] = [3, avg];
    if (pth < bestCost) best = 4;

    const at = y * (stride + 1);
    out[at] = best;
    const dst = out.subarray(at + 1, at + 1 + stride);
    switch (best) {
      case 0:
        dst.set(cur);
        break;
      case 1:
        for (let x = 0; x < stride; x++) dst[x] = cur[x] - (x >= bpp ? cur[x - bpp] : 0);
        break;
      case 2:
        for (let x = 0; x < stride; x++) dst[x] = cur[x] - prev[x];
        break;
      case 3:
        for (let x = 0; x < stride; x++) dst[x] = cur[x] - (((x >= bpp ? cur[x - bpp] : 0) + prev[x]) >> 1);
        break;
      default:
        for (let x = 0; x < stride; x++) {
          dst[x] = cur[x] - paeth(x >= bpp ? cur[x - bpp] : 0, prev[x], x >= bpp ? prev[x - bpp] : 0);
        }
    }
  }
  return out;
}
