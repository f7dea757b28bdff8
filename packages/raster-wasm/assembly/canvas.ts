// The current drawing target: an 8-bit, one-byte-per-pixel canvas in linear memory.
// Row y of the logical image lives at `base + (y - rowOrigin) * stride`; only rows that the
// caller has placed in memory are ever written (the drawing code clips to them).

export let cBase: usize = 0;
export let cWidth: i32 = 0;
export let cHeight: i32 = 0;
export let cStride: i32 = 0;
export let cRowOrigin: i32 = 0;
/** Pillow <= 9.4 swaps reversed spans in hline (raster-semantics §6). */
export let cSwapSpans: bool = false;
/**
 * Coverage mode: hline records its clipped run as the u64 `x0 << 32 | x1` at `runBuf` (both
 * non-negative after clipping, so runs sort by start) instead of painting; see coverage.ts.
 */
export let cCoverage: bool = false;
export let runBuf: usize = 0;
export let runCount: i32 = 0;

export function setCanvas(base: usize, width: i32, height: i32, stride: i32, rowOrigin: i32): void {
  cBase = base;
  cWidth = width;
  cHeight = height;
  cStride = stride;
  cRowOrigin = rowOrigin;
}

export function setSwapSpans(swap: bool): void {
  cSwapSpans = swap;
}

export function setCoverage(on: bool, runs: usize): void {
  cCoverage = on;
  runBuf = runs;
  runCount = 0;
}

export function clearRuns(): void {
  runCount = 0;
}

// @ts-ignore: decorator
@inline
export function rowAddress(y: i32): usize {
  return cBase + <usize>(y - cRowOrigin) * <usize>cStride;
}

/** Pillow `hline8`: paints x0..x1 inclusive on row y, clipped to the canvas (§3.6). */
export function hline(x0: i32, y: i32, x1: i32, ink: u8): void {
  if (y < 0 || y >= cHeight) return;
  if (cSwapSpans && x0 > x1) {
    const t = x0;
    x0 = x1;
    x1 = t;
  }
  if (x0 < 0) x0 = 0;
  else if (x0 >= cWidth) return;
  if (x1 < 0) return;
  else if (x1 >= cWidth) x1 = cWidth - 1;
  if (x0 > x1) return;
  if (cCoverage) {
    store<u64>(runBuf + (<usize>runCount << 3), (<u64>x0 << 32) | <u64>x1);
    runCount++;
  } else {
    memory.fill(rowAddress(y) + <usize>x0, ink, <usize>(x1 - x0 + 1));
  }
}

/** Pillow `point8`: one pixel, if it is on the canvas. */
// @ts-ignore: decorator
@inline
export function plot(x: i32, y: i32, ink: u8): void {
  if (x >= 0 && x < cWidth && y >= 0 && y < cHeight) store<u8>(rowAddress(y) + <usize>x, ink);
}
