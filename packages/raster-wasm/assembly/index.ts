// Exports of raster.wasm. Memory is managed by the JS loader: it lays out canvases, inputs and
// scratch space above `heapBase()` and grows the memory as needed. No allocator is used here.

import { setCanvas } from './canvas';
import { drawPolygon, fillScratchBytes } from './fill';
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
 * Pillow `ImageDraw.polygon` on an 8-bit canvas whose row `rowOrigin` starts at `canvas`
 * (rows outside [rowOrigin, rowOrigin + rows) must not be touched by the drawing: the
 * caller includes every row the polygon spans). `xy`: n (x, y) f64 pairs.
 */
export function fillPolygon(
  canvas: usize, width: i32, height: i32, stride: i32, rowOrigin: i32,
  xy: usize, n: i32, fill: i32, outline: i32, mode: i32, scratch: usize,
): void {
  setCanvas(canvas, width, height, stride, rowOrigin);
  drawPolygon(xy, n, fill, outline, mode, scratch);
}

/** Per-tile sums of the n x n blocks of a canvas (see tiles.ts). */
export function tileSums(canvas: usize, width: i32, height: i32, stride: i32, n: i32, out: usize): void {
  tileSumsImpl(canvas, width, height, stride, n, out);
}
