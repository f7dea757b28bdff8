/**
 * PNG row filtering for the encoder: per row, the filter whose output has the smallest sum
 * of absolute (signed) values, the heuristic libpng uses by default.
 *
 * @module
 */

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Filtered byte `x` of a row under filter `type` (0 None, 1 Sub, 2 Up, 3 Average, 4 Paeth). */
function filtered(type: number, cur: Uint8Array, prev: Uint8Array | undefined, x: number, bpp: number): number {
  const a = x >= bpp ? cur[x - bpp] : 0;
  const b = prev ? prev[x] : 0;
  switch (type) {
    case 0:
      return cur[x];
    case 1:
      return (cur[x] - a) & 0xff;
    case 2:
      return (cur[x] - b) & 0xff;
    case 3:
      return (cur[x] - ((a + b) >> 1)) & 0xff;
    default:
      return (cur[x] - paeth(a, b, x >= bpp && prev ? prev[x - bpp] : 0)) & 0xff;
  }
}

function cost(type: number, cur: Uint8Array, prev: Uint8Array | undefined, bpp: number): number {
  let sum = 0;
  for (let x = 0; x < cur.length; x++) {
    const v = filtered(type, cur, prev, x, bpp);
    sum += v < 128 ? v : 256 - v;
  }
  return sum;
}

/**
 * Filters `height` rows of `stride` bytes (`bpp` bytes per pixel) from `data` into the
 * PNG scanline stream: one filter-type byte, then the filtered row.
 */
export function filterRows(data: Uint8Array, height: number, stride: number, bpp: number): Uint8Array {
  const out = new Uint8Array(height * (stride + 1));
  let prev: Uint8Array | undefined;
  for (let y = 0; y < height; y++) {
    const cur = data.subarray(y * stride, (y + 1) * stride);
    let best = 0;
    let bestCost = Infinity;
    for (let type = 0; type < 5; type++) {
      const c = cost(type, cur, prev, bpp);
      if (c < bestCost) {
        best = type;
        bestCost = c;
      }
    }
    const at = y * (stride + 1);
    out[at] = best;
    for (let x = 0; x < stride; x++) out[at + 1 + x] = filtered(best, cur, prev, x, bpp);
    prev = cur;
  }
  return out;
}
