// Pillow `ImageDraw.polygon` on mode 'L' (raster-semantics §3 and §6), with an active-edge
// table: scan edges (and horizontal edges) are bucketed by their first visible row, the active
// list is kept in scan-table order (so crossings are produced exactly in Pillow's order), and
// every float32 step is the one Pillow performs. Mode 0 is Pillow >= 11.2.1 (corner rule C,
// §3.5); mode 1 is Pillow 9.4 (corner rule A with its write to slot k, reversed spans swapped).
// All painting goes through hline/plot (canvas.ts); in coverage mode hline records runs that
// coverage.ts counts per tile at the end of each row.

import { setSwapSpans, hline, cHeight, cCoverage } from './canvas';
import { flushRow } from './coverage';
import { drawLine } from './line';
import { sortF32, sortU64 } from './sort';

const INT_MIN: i32 = -2147483648;

// ---- scratch layout (all arrays sized by the vertex count n) -------------------------------
let pX: usize = 0; // i32[n]   truncated vertex x
let pY: usize = 0; // i32[n]   truncated vertex y
let eX0: usize = 0; // f32[n]  f32(x0) of the edge's first endpoint
let eY0: usize = 0; // i32[n]  y0 of the edge's first endpoint
let eDx: usize = 0; // f32[n]  f32(f32(bx-ax) / f32(by-ay))
let eYmin: usize = 0; // i32[n]
let eYmax: usize = 0; // i32[n]
let keys: usize = 0; // u64[n]  (first visible row << 32) | table index
let actA: usize = 0; // i32[n]  active edges, table order
let actB: usize = 0; // i32[n]
let xsBuf: usize = 0; // f32[2n] crossings of the current row
let epBuf: usize = 0; // i32[n]  edges with an endpoint on the current row, table order
let hY: usize = 0; // i32[n]   horizontal edges: row
let hX0: usize = 0; // i32[n]  horizontal edges: xmin
let hX1: usize = 0; // i32[n]  horizontal edges: xmax
let hKeys: usize = 0; // u64[n] (visible row << 32) | horizontal edge index
let runs: usize = 0; // i32[4n] the runs of one row, in coverage mode (see coverage.ts)
let rowCounts: usize = 0; // i32[rows + 1] counting-sort buckets (only when rows is small enough)
let useCounting: bool = false;

// @ts-ignore: decorator
@inline
function align8(v: usize): usize {
  return (v + 7) & ~(<usize>7);
}

/** Counting sort of the edges by first row when the visible rows are not many more than edges. */
// @ts-ignore: decorator
@inline
function countingFits(n: i32, rows: i32): bool {
  return rows <= 4 * n + 65536;
}

function layout(scratch: usize, n: i32, rows: i32): usize {
  const n4 = <usize>n * 4;
  let p = align8(scratch);
  pX = p; p = align8(p + n4);
  pY = p; p = align8(p + n4);
  eX0 = p; p = align8(p + n4);
  eY0 = p; p = align8(p + n4);
  eDx = p; p = align8(p + n4);
  eYmin = p; p = align8(p + n4);
  eYmax = p; p = align8(p + n4);
  keys = p; p = align8(p + n4 * 2);
  actA = p; p = align8(p + n4);
  actB = p; p = align8(p + n4);
  xsBuf = p; p = align8(p + n4 * 2);
  epBuf = p; p = align8(p + n4);
  hY = p; p = align8(p + n4);
  hX0 = p; p = align8(p + n4);
  hX1 = p; p = align8(p + n4);
  hKeys = p; p = align8(p + n4 * 2);
  runs = p; p = align8(p + n4 * 4);
  useCounting = countingFits(n, rows);
  rowCounts = p;
  if (useCounting) p = align8(p + (<usize>rows + 1) * 4);
  return p - scratch;
}

/** The run buffer of coverage mode (valid after `drawPolygon`'s layout for the same n). */
export function runBuffer(scratch: usize, n: i32, height: i32): usize {
  layout(scratch, n, height);
  return runs;
}

/**
 * Bytes of scratch memory `fillPolygon` needs for n vertices on a canvas of `height` rows
 * (plus 8 for alignment).
 */
export function fillScratchBytes(n: i32, height: i32): usize {
  return layout(0, n, height) + 8;
}

// ---- Pillow's numeric helpers -----------------------------------------------------------------

/** C `(int)` of a double on x86-64: out-of-range values give INT_MIN. */
// @ts-ignore: decorator
@inline
function cInt(d: f64): i32 {
  return d >= -2147483648.0 && d < 2147483648.0 ? <i32>d : INT_MIN;
}

/** C `roundf`: nearest integer, halves away from zero, in float32. */
// @ts-ignore: decorator
@inline
function roundfC(v: f32): f32 {
  let t = Mathf.trunc(v);
  if (Mathf.abs(v - t) >= <f32>0.5) t += v < 0 ? <f32>-1.0 : <f32>1.0;
  return t;
}

// @ts-ignore: decorator
@inline
function roundUp(f: f32): i32 {
  return f >= 0 ? cInt(<f64>Mathf.floor(f + <f32>0.5)) : cInt(-Math.floor(Math.abs(<f64>f) + 0.5));
}

// @ts-ignore: decorator
@inline
function roundDown(f: f32): i32 {
  return f >= 0 ? cInt(<f64>Mathf.ceil(f - <f32>0.5)) : cInt(-Math.ceil(Math.abs(<f64>f) - 0.5));
}

// @ts-ignore: decorator
@inline
function ld32(base: usize, i: i32): i32 {
  return load<i32>(base + (<usize>i << 2));
}

// @ts-ignore: decorator
@inline
function ldf(base: usize, i: i32): f32 {
  return load<f32>(base + (<usize>i << 2));
}

/** Crossing of scan edge t with row y: f32(f32(f32(y - y0) * dx) + f32(x0)) (§3.4). */
// @ts-ignore: decorator
@inline
function crossing(t: i32, y: i32): f32 {
  return <f32>(y - ld32(eY0, t)) * ldf(eDx, t) + ldf(eX0, t);
}

// ---- the fill pass ----------------------------------------------------------------------------

/**
 * Orders the items whose row range [ymins[t], ymaxs[t]] reaches a visible row by their first
 * visible row, keeping index order within a row: writes (row - ylo) << 32 | t to `out`,
 * ascending, and returns how many. Counting sort when the rows allow, else a sort.
 */
function bucketByRow(count: i32, ymins: usize, ymaxs: usize, ylo: i32, yhi: i32, out: usize): i32 {
  let nk: i32 = 0;
  if (useCounting) {
    const rows = yhi - ylo + 1;
    memory.fill(rowCounts, 0, (<usize>rows + 1) * 4);
    for (let t: i32 = 0; t < count; t++) {
      const lo = ld32(ymins, t);
      const hi = ld32(ymaxs, t);
      if (hi < ylo || lo > yhi) continue;
      const q = rowCounts + (<usize>((lo > ylo ? lo : ylo) - ylo + 1) << 2);
      store<i32>(q, load<i32>(q) + 1);
      nk++;
    }
    for (let r: i32 = 1; r <= rows; r++) {
      const q = rowCounts + (<usize>r << 2);
      store<i32>(q, load<i32>(q) + load<i32>(q - 4));
    }
    for (let t: i32 = 0; t < count; t++) {
      const lo = ld32(ymins, t);
      const hi = ld32(ymaxs, t);
      if (hi < ylo || lo > yhi) continue;
      const start = (lo > ylo ? lo : ylo) - ylo;
      const q = rowCounts + (<usize>start << 2);
      const at = load<i32>(q);
      store<i32>(q, at + 1);
      store<u64>(out + (<usize>at << 3), (<u64>start << 32) | <u64>t);
    }
  } else {
    for (let t: i32 = 0; t < count; t++) {
      const lo = ld32(ymins, t);
      const hi = ld32(ymaxs, t);
      if (hi < ylo || lo > yhi) continue;
      const start = lo > ylo ? lo : ylo;
      store<u64>(out + (<usize>nk << 3), (<u64>(start - ylo) << 32) | <u64>t);
      nk++;
    }
    sortU64(out, nk);
  }
  return nk;
}

function fillPass(n: i32, ink: u8, pillow94: bool): void {
  // 3.1 / 3.2: edges; horizontal ones are painted as runs on their row, the rest form the
  // scan table
  let count: i32 = 0;
  let nh: i32 = 0;
  let minY: i32 = ld32(pY, 0);
  let maxY: i32 = minY;
  const last = n - 1;
  for (let i: i32 = 0; i < n; i++) {
    const y = ld32(pY, i);
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const closed = ld32(pX, last) == ld32(pX, 0) && ld32(pY, last) == ld32(pY, 0);
  const segments = closed ? n - 1 : n;
  for (let i: i32 = 0; i < segments; i++) {
    const j = i == last ? 0 : i + 1;
    const ax = ld32(pX, i);
    const ay = ld32(pY, i);
    const bx = ld32(pX, j);
    const by = ld32(pY, j);
    if (ay == by) {
      const h = <usize>nh << 2;
      store<i32>(hY + h, ay);
      store<i32>(hX0 + h, ax <= bx ? ax : bx);
      store<i32>(hX1 + h, ax <= bx ? bx : ax);
      nh++;
      continue;
    }
    const o = <usize>count << 2;
    store<f32>(eX0 + o, <f32>ax);
    store<i32>(eY0 + o, ay);
    store<f32>(eDx + o, <f32>(bx - ax) / <f32>(by - ay));
    store<i32>(eYmin + o, ay < by ? ay : by);
    store<i32>(eYmax + o, ay < by ? by : ay);
    count++;
  }
  // 3.3: visible rows
  const M = maxY;
  const ylo = minY > 0 ? minY : 0;
  const yhi = M < cHeight - 1 ? M : cHeight - 1;
  if (ylo > yhi) return;

  // bucket the scan edges and the horizontal edges by their first visible row, in table order
  const nk = bucketByRow(count, eYmin, eYmax, ylo, yhi, keys);
  const nhk = bucketByRow(nh, hY, hY, ylo, yhi, hKeys);

  let act = actA;
  let nxt = actB;
  let nAct: i32 = 0;
  let kp: i32 = 0;
  let hp: i32 = 0;
  for (let y = ylo; y <= yhi; y++) {
    const rowKey = <u64>(y - ylo);
    // horizontal edges on this row: full runs
    while (hp < nhk && (load<u64>(hKeys + (<usize>hp << 3)) >> 32) == rowKey) {
      const h = <usize>(<u32>load<u64>(hKeys + (<usize>hp << 3))) << 2;
      hline(load<i32>(hX0 + h), y, load<i32>(hX1 + h), ink);
      hp++;
    }
    // merge: surviving active edges (ymax >= y) with the edges starting on this row
    let m: i32 = 0;
    let a: i32 = 0;
    while (a < nAct || (kp < nk && (load<u64>(keys + (<usize>kp << 3)) >> 32) == rowKey)) {
      let t: i32;
      if (a < nAct) {
        const ta = ld32(act, a);
        if (kp < nk && (load<u64>(keys + (<usize>kp << 3)) >> 32) == rowKey) {
          const tk = <i32>(<u32>load<u64>(keys + (<usize>kp << 3)));
          if (tk < ta) {
            t = tk;
            kp++;
          } else {
            t = ta;
            a++;
          }
        } else {
          t = ta;
          a++;
        }
      } else {
        t = <i32>(<u32>load<u64>(keys + (<usize>kp << 3)));
        kp++;
      }
      if (ld32(eYmax, t) >= y) {
        store<i32>(nxt + (<usize>m << 2), t);
        m++;
      }
    }
    const swapTmp = act;
    act = nxt;
    nxt = swapTmp;
    nAct = m;

    // 3.4: crossings in table order
    let nxs: i32 = 0;
    let nep: i32 = 0;
    for (let q: i32 = 0; q < nAct; q++) {
      const t = ld32(act, q);
      const ymin = ld32(eYmin, t);
      const ymax = ld32(eYmax, t);
      const dx = ldf(eDx, t);
      let v = crossing(t, y);
      const slot = nxs;
      store<f32>(xsBuf + (<usize>slot << 2), v);
      nxs++;
      const isStart = y == ymin;
      const isEnd = y == ymax;
      if (isEnd && y < M) {
        store<f32>(xsBuf + (<usize>nxs << 2), v);
        nxs++;
      } else if (!pillow94) {
        if ((isStart || isEnd) && dx != 0) {
          // 3.5: corner rule C
          for (let r: i32 = 0; r < nep; r++) {
            const o = ld32(epBuf, r);
            if (ldf(eDx, o) == 0) continue;
            if (roundfC(v) != roundfC(crossing(o, y))) continue;
            const y2 = isEnd ? y - 1 : y + 1;
            const ea = crossing(t, y2);
            if (!(ld32(eYmin, o) <= y2 && y2 <= ld32(eYmax, o))) continue;
            const eb = crossing(o, y2);
            if (v > ea + <f32>1 && v > eb + <f32>1) {
              v = roundfC(Mathf.max(ea, eb)) + <f32>1;
            } else if (v < ea - <f32>1 && v < eb - <f32>1) {
              v = roundfC(Mathf.min(ea, eb)) - <f32>1;
            }
            store<f32>(xsBuf + (<usize>slot << 2), v);
            break;
          }
        }
      } else if (dx != 0 && roundfC(v) == v) {
        // §6 rule A (Pillow 9.2 - 11.0), including its write to slot k
        for (let r: i32 = 0; r < nep; r++) {
          const o = ld32(epBuf, r);
          const odx = ldf(eDx, o);
          if ((dx > 0 && odx <= 0) || (dx < 0 && odx >= 0)) continue;
          if (!((isStart && y == ld32(eYmin, o)) || (isEnd && y == ld32(eYmax, o)))) continue;
          if (v != crossing(o, y)) continue;
          const y2 = y == M ? y - 1 : y + 1;
          const ea = crossing(t, y2);
          const eb = crossing(o, y2);
          let w: f32;
          if (isEnd) w = dx > 0 ? Mathf.max(ea, eb) + <f32>1 : Mathf.min(ea, eb) - <f32>1;
          else w = dx > 0 ? Mathf.min(ea, eb) : Mathf.max(ea, eb) + <f32>1;
          if (o < nxs) store<f32>(xsBuf + (<usize>o << 2), w);
          break;
        }
      }
      if (isStart || isEnd) {
        store<i32>(epBuf + (<usize>nep << 2), t);
        nep++;
      }
    }

    // 3.6: spans
    sortF32(xsBuf, nxs);
    for (let p: i32 = 1; p < nxs; p += 2) {
      hline(roundUp(load<f32>(xsBuf + (<usize>(p - 1) << 2))), y, roundDown(load<f32>(xsBuf + (<usize>p << 2))), ink);
    }
    if (cCoverage) flushRow(y);
  }
}

/** A coordinate Pillow can truncate to int32 without undefined behaviour: finite, |v| < 2^31. */
// @ts-ignore: decorator
@inline
function inRange(v: f64): bool {
  return v > -2147483648.0 && v < 2147483648.0; // false for NaN and infinities too
}

/**
 * Checks the `2n` coordinates at `xy` and writes the truncated y extent (min, max) as two i32
 * to `out`. Returns 0, or 1 + the index of the first value that is NaN, infinite or has
 * |v| >= 2^31.
 */
export function scanCoordinates(xy: usize, n: i32, out: usize): i32 {
  let minY: i32 = i32.MAX_VALUE;
  let maxY: i32 = i32.MIN_VALUE;
  for (let i: i32 = 0; i < n; i++) {
    const x = load<f64>(xy + (<usize>i << 4));
    const y = load<f64>(xy + (<usize>i << 4) + 8);
    if (!inRange(x)) return 2 * i + 1;
    if (!inRange(y)) return 2 * i + 2;
    const ty = <i32>y;
    if (ty < minY) minY = ty;
    if (ty > maxY) maxY = ty;
  }
  store<i32>(out, minY);
  store<i32>(out + 4, maxY);
  return 0;
}

/**
 * Draws one polygon (n >= 2 vertices) onto the current canvas (see canvas.ts). `fill`/`outline`:
 * 0..255, or -1 for none (both none: outline ink 0, Pillow's default). `mode`: 0 = Pillow >=
 * 11.2.1, 1 = Pillow 9.4. Every coordinate is checked before anything is painted: returns 0,
 * or 1 + the index of the first coordinate out of range (then nothing is drawn).
 */
export function drawPolygon(xy: usize, n: i32, fill: i32, outline: i32, mode: i32, scratch: usize): i32 {
  layout(scratch, n, cHeight);
  for (let i: i32 = 0; i < n; i++) {
    const x = load<f64>(xy + (<usize>i << 4));
    const y = load<f64>(xy + (<usize>i << 4) + 8);
    if (!inRange(x)) return 2 * i + 1;
    if (!inRange(y)) return 2 * i + 2;
    store<i32>(pX + (<usize>i << 2), <i32>x);
    store<i32>(pY + (<usize>i << 2), <i32>y);
  }
  if (fill < 0 && outline < 0) outline = 0;
  setSwapSpans(mode == 1);
  if (fill >= 0) fillPass(n, <u8>fill, mode == 1);
  if (outline >= 0 && outline != fill) {
    for (let i: i32 = 0; i < n; i++) {
      const j = i == n - 1 ? 0 : i + 1;
      drawLine(ld32(pX, i), ld32(pY, i), ld32(pX, j), ld32(pY, j), <u8>outline);
    }
  }
  setSwapSpans(false);
  return 0;
}
