// Exports of raster.wasm. Memory is managed by the JS loader: it lays out canvases, inputs and
// scratch space above `heapBase()` and grows the memory as needed. No allocator is used here.

import { setCanvas, setCoverage } from './canvas';
import { beginCoverage, finishCoverage } from './coverage';
import { drawPolygon, fillScratchBytes, runBuffer, scanCoordinates as scan } from './fill';
import { tileSums as tileSumsImpl } from './tiles';

/** First free byte of linear memory (after static data). */
export function heapBase(): usize {
  return __heap_base;
}

/** Scratch bytes `fillPolygon` needs for `n` vertices on a canvas `height` rows high. */
export function scratchBytes(n: i32, height: i32): usize {
  return fillScratchBytes(n, height);
}

/**
 * Validates n (x, y) f64 pairs at `xy` and writes the truncated min and max y (two i32) to
 * `out`. Returns 0, or 1 + the index of the first non-finite or |v| >= 2^31 value.
 */
export function scanCoordinates(xy: usize, n: i32, out: usize): i32 {
  return scan(xy, n, out);
}

/**
 * Pillow `ImageDraw.polygon` on an 8-bit canvas whose row `rowOrigin` starts at `canvas`
 * (rows outside [rowOrigin, rowOrigin + rows) must not be touched by the drawing: the
 * caller includes every row the polygon spans). `xy`: n (x, y) f64 pairs. Returns 0, or
 * 1 + the index of the first invalid coordinate (nothing is drawn then).
 */
export function fillPolygon(
  canvas: usize, width: i32, height: i32, stride: i32, rowOrigin: i32,
  xy: usize, n: i32, fill: i32, outline: i32, mode: i32, scratch: usize,
): i32 {
  setCanvas(canvas, width, height, stride, rowOrigin);
  setCoverage(false, 0);
  return drawPolygon(xy, n, fill, outline, mode, scratch);
}

/**
 * Per-tile sums of the `width` x `height` canvas that `fillPolygon` with fill `ink` and no
 * outline would draw on a zero canvas, without drawing it: `(width/n) * (height/n)` u32 to
 * `out`, row-major (width and height are multiples of n). Returns like `fillPolygon`.
 */
export function coverageSums(width: i32, height: i32, xy: usize, n: i32, ink: i32, mode: i32, scratch: usize, tileN: i32, out: usize): i32 {
  const tilesX = width / tileN;
  const tilesY = height / tileN;
  setCanvas(0, width, height, width, 0);
  beginCoverage(out, tilesX, tilesY, tileN);
  setCoverage(true, runBuffer(scratch, n, height));
  const bad = drawPolygon(xy, n, ink, -1, mode, scratch);
  setCoverage(false, 0);
  if (bad == 0) finishCoverage(tilesX, tilesY, <u32>ink);
  return bad;
}

/** Per-tile sums of the n x n blocks of a canvas (see tiles.ts). */
export function tileSums(canvas: usize, width: i32, height: i32, stride: i32, n: i32, out: usize): void {
  tileSumsImpl(canvas, width, height, stride, n, out);
}
