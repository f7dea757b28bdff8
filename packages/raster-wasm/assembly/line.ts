// Pillow's width-1 outline segment (`line8`, raster-semantics §4): Bresenham, the start pixel
// painted and the end pixel not. Long segments are clipped by skipping straight to the first
// step that can land on the canvas (the skipped state is computed in closed form), so a
// segment running far off-canvas costs O(canvas side), not O(length).

import { cWidth, cHeight, plot, hline } from './canvas';

// From 2^30 on, Pillow's int arithmetic (2*dx, the error term) overflows; we then replay
// the C loop literally with wrapping i32 arithmetic, as x86 Pillow does.
const SAFE: i32 = 1 << 30;

/** floor(a / b) for b > 0. */
// @ts-ignore: decorator
@inline
function floorDiv(a: i64, b: i64): i64 {
  let q = a / b;
  if (a % b != 0 && a < 0) q--;
  return q;
}

/** First and last step i in [0, n) with 0 <= p0 + s*i < limit; returns false if none. */
let stepLo: i64 = 0;
let stepHi: i64 = 0;
function clipSteps(p0: i32, s: i32, n: i32, limit: i32): bool {
  let lo: i64, hi: i64;
  if (s > 0) {
    lo = <i64>(-p0);
    hi = <i64>limit - 1 - <i64>p0;
  } else {
    lo = <i64>p0 - <i64>limit + 1;
    hi = <i64>p0;
  }
  if (lo < 0) lo = 0;
  if (hi > <i64>n - 1) hi = <i64>n - 1;
  stepLo = lo;
  stepHi = hi;
  return lo <= hi;
}

function literalLine(x0: i32, y0: i32, x1: i32, y1: i32, ink: u8): void {
  let dx = x1 - x0;
  let xs: i32 = 1;
  if (dx < 0) {
    dx = -dx;
    xs = -1;
  }
  let dy = y1 - y0;
  let ys: i32 = 1;
  if (dy < 0) {
    dy = -dy;
    ys = -1;
  }
  if (dx == 0) {
    for (let i: i32 = 0; i < dy; i++) {
      plot(x0, y0, ink);
      y0 += ys;
    }
  } else if (dy == 0) {
    for (let i: i32 = 0; i < dx; i++) {
      plot(x0, y0, ink);
      x0 += xs;
    }
  } else if (dx > dy) {
    const n = dx;
    dy += dy;
    let e = dy - dx;
    dx += dx;
    for (let i: i32 = 0; i < n; i++) {
      plot(x0, y0, ink);
      if (e >= 0) {
        y0 += ys;
        e -= dx;
      }
      e += dy;
      x0 += xs;
    }
  } else {
    const n = dy;
    dx += dx;
    let e = dx - dy;
    dy += dy;
    for (let i: i32 = 0; i < n; i++) {
      plot(x0, y0, ink);
      if (e >= 0) {
        x0 += xs;
        e -= dy;
      }
      e += dx;
      y0 += ys;
    }
  }
}

/**
 * Bresenham along the major axis (u) with the minor axis (v) stepping when the error term
 * allows. `swapXY` says whether u is y. Steps are clipped on u; the walk stops once v has
 * left the canvas in its direction of travel.
 */
function majorLine(u0: i32, v0: i32, du: i32, dv: i32, su: i32, sv: i32, uLimit: i32, vLimit: i32, swapXY: bool, ink: u8): void {
  if (!clipSteps(u0, su, du, uLimit)) return;
  const twoDu = <i64>du * 2;
  const twoDv = <i64>dv * 2;
  const e0 = twoDv - <i64>du;
  const i0 = stepLo;
  // number of minor steps taken before step i0 (closed form of the error recurrence)
  const k: i64 = i0 == 0 ? 0 : floorDiv(e0 + (i0 - 1) * twoDv, twoDu) + 1;
  let e = <i32>(e0 + i0 * twoDv - k * twoDu);
  let v = <i64>v0 + <i64>sv * k;
  if ((sv > 0 && v >= <i64>vLimit) || (sv < 0 && v < 0)) return;
  let u = u0 + su * <i32>i0;
  let vi = <i32>v; // may be far off-canvas but fits: |v| <= |v0| + dv
  const steps = <i32>(stepHi - i0 + 1);
  const tDu = <i32>twoDu;
  const tDv = <i32>twoDv;
  for (let i: i32 = 0; i < steps; i++) {
    if (vi >= 0 && vi < vLimit) {
      if (swapXY) plot(vi, u, ink);
      else plot(u, vi, ink);
    } else if ((sv > 0 && vi >= vLimit) || (sv < 0 && vi < 0)) {
      return;
    }
    if (e >= 0) {
      vi += sv;
      e -= tDu;
    }
    e += tDv;
    u += su;
  }
}

/** Pillow `line8` from (x0, y0) to (x1, y1), end pixel excluded. */
export function drawLine(x0: i32, y0: i32, x1: i32, y1: i32, ink: u8): void {
  if (
    <u32>x0 < <u32>cWidth && <u32>x1 < <u32>cWidth &&
    <u32>y0 < <u32>cHeight && <u32>y1 < <u32>cHeight
  ) {
    // both ends on the canvas (so |d| < 2^28): Pillow's loop as is, nothing to clip
    literalLine(x0, y0, x1, y1, ink);
    return;
  }
  const rdx = <i64>x1 - <i64>x0;
  const rdy = <i64>y1 - <i64>y0;
  const adx = rdx < 0 ? -rdx : rdx;
  const ady = rdy < 0 ? -rdy : rdy;
  if (adx >= <i64>SAFE || ady >= <i64>SAFE) {
    literalLine(x0, y0, x1, y1, ink);
    return;
  }
  const dx = <i32>adx;
  const dy = <i32>ady;
  const sx: i32 = rdx < 0 ? -1 : 1;
  const sy: i32 = rdy < 0 ? -1 : 1;
  if (dx == 0) {
    if (x0 < 0 || x0 >= cWidth) return;
    if (!clipSteps(y0, sy, dy, cHeight)) return;
    for (let i = stepLo; i <= stepHi; i++) plot(x0, y0 + sy * <i32>i, ink);
  } else if (dy == 0) {
    if (y0 < 0 || y0 >= cHeight) return;
    if (!clipSteps(x0, sx, dx, cWidth)) return;
    const a = x0 + sx * <i32>stepLo;
    const b = x0 + sx * <i32>stepHi;
    if (a <= b) hline(a, y0, b, ink);
    else hline(b, y0, a, ink);
  } else if (dx > dy) {
    majorLine(x0, y0, dx, dy, sx, sy, cWidth, cHeight, false, ink);
  } else {
    majorLine(y0, x0, dy, dx, sy, sx, cHeight, cWidth, true, ink);
  }
}
