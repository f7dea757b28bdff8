// A plain-TypeScript Pillow `ImageDraw.polygon` (mode 'L'), written directly from
// docs/raster-semantics.md §3, §4 and §6 as Pillow itself works: every scan edge is visited on
// every row (O(rows x edges)). It is the independent reference the WebAssembly rasteriser is
// checked against, and a fallback for tiny jobs; it is not meant to be fast.

import type { Canvas } from '../image.js';
import { checkCanvas, checkCoordinates, checkXY, resolveInk } from '../input.js';
import type { FillPolygonOptions } from '../raster.js';
import { isub, roundDown, roundUp, roundf } from './numeric.js';

const f32 = Math.fround;

interface Edge {
  x0: number; // int
  y0: number; // int
  ymin: number;
  ymax: number;
  dx: number; // float32 value
}

class Painter {
  constructor(
    readonly canvas: Canvas,
    readonly swapSpans: boolean,
  ) {}

  hline(x0: number, y: number, x1: number, ink: number): void {
    const { width, height, data } = this.canvas;
    if (y < 0 || y >= height) return;
    if (this.swapSpans && x0 > x1) [x0, x1] = [x1, x0];
    if (x0 < 0) x0 = 0;
    else if (x0 >= width) return;
    if (x1 < 0) return;
    else if (x1 >= width) x1 = width - 1;
    if (x0 <= x1) data.fill(ink, y * width + x0, y * width + x1 + 1);
  }

  point(x: number, y: number, ink: number): void {
    const { width, height, data } = this.canvas;
    if (x >= 0 && x < width && y >= 0 && y < height) data[y * width + x] = ink;
  }

  /** Pillow `line8`, replayed step by step with int32 arithmetic. */
  line(x0: number, y0: number, x1: number, y1: number, ink: number): void {
    let dx = isub(x1, x0);
    let dy = isub(y1, y0);
    let xs = 1;
    let ys = 1;
    if (dx < 0) {
      dx = -dx | 0;
      xs = -1;
    }
    if (dy < 0) {
      dy = -dy | 0;
      ys = -1;
    }
    if (dx === 0) {
      for (let i = 0; i < dy; i++, y0 = (y0 + ys) | 0) this.point(x0, y0, ink);
    } else if (dy === 0) {
      for (let i = 0; i < dx; i++, x0 = (x0 + xs) | 0) this.point(x0, y0, ink);
    } else if (dx > dy) {
      const n = dx;
      const tdy = (dy + dy) | 0;
      const tdx = (dx + dx) | 0;
      let e = (tdy - dx) | 0;
      for (let i = 0; i < n; i++) {
        this.point(x0, y0, ink);
        if (e >= 0) {
          y0 = (y0 + ys) | 0;
          e = (e - tdx) | 0;
        }
        e = (e + tdy) | 0;
        x0 = (x0 + xs) | 0;
      }
    } else {
      const n = dy;
      const tdx = (dx + dx) | 0;
      const tdy = (dy + dy) | 0;
      let e = (tdx - dy) | 0;
      for (let i = 0; i < n; i++) {
        this.point(x0, y0, ink);
        if (e >= 0) {
          x0 = (x0 + xs) | 0;
          e = (e - tdy) | 0;
        }
        e = (e + tdx) | 0;
        y0 = (y0 + ys) | 0;
      }
    }
  }
}

/** X(e, y) = f32(f32(f32(y - y0) * dx) + f32(x0)), §3.4. */
function cross(e: Edge, y: number): number {
  return f32(f32(f32(isub(y, e.y0)) * e.dx) + f32(e.x0));
}

function buildEdges(X: number[], Y: number[], painter: Painter, ink: number): Edge[] {
  const n = X.length;
  const table: Edge[] = [];
  const add = (ax: number, ay: number, bx: number, by: number) => {
    if (ay === by) {
      painter.hline(Math.min(ax, bx), ay, Math.max(ax, bx), ink);
      return;
    }
    table.push({ x0: ax, y0: ay, ymin: Math.min(ay, by), ymax: Math.max(ay, by), dx: f32(f32(isub(bx, ax)) / f32(isub(by, ay))) });
  };
  for (let i = 0; i < n - 1; i++) add(X[i], Y[i], X[i + 1], Y[i + 1]);
  if (X[n - 1] !== X[0] || Y[n - 1] !== Y[0]) add(X[n - 1], Y[n - 1], X[0], Y[0]);
  return table;
}

/** Corner rule C (Pillow >= 11.2.1), §3.5: returns the possibly moved crossing v. */
function ruleC(table: Edge[], i: number, y: number, v: number): number {
  const e = table[i];
  for (let k = 0; k < i; k++) {
    const o = table[k];
    if (o.dx === 0) continue;
    if (y !== o.ymin && y !== o.ymax) continue;
    if (roundf(v) !== roundf(cross(o, y))) continue;
    const y2 = y === e.ymax ? y - 1 : y + 1;
    const a = cross(e, y2);
    if (!(o.ymin <= y2 && y2 <= o.ymax)) continue;
    const b = cross(o, y2);
    if (v > f32(a + 1) && v > f32(b + 1)) return f32(roundf(Math.max(a, b)) + 1);
    if (v < f32(a - 1) && v < f32(b - 1)) return f32(roundf(Math.min(a, b)) - 1);
    return v;
  }
  return v;
}

/** Corner rule A (Pillow 9.2-11.0), §6, with its write into slot k of the row buffer. */
function ruleA(table: Edge[], i: number, y: number, M: number, xs: number[]): void {
  const e = table[i];
  const v = xs[xs.length - 1];
  for (let k = 0; k < i; k++) {
    const o = table[k];
    if ((e.dx > 0 && o.dx <= 0) || (e.dx < 0 && o.dx >= 0)) continue;
    if (!((y === e.ymin && y === o.ymin) || (y === e.ymax && y === o.ymax))) continue;
    if (v !== cross(o, y)) continue;
    const s = y === M ? -1 : 1;
    const a = cross(e, y + s);
    const b = cross(o, y + s);
    let t: number;
    if (y === e.ymax) t = e.dx > 0 ? Math.max(a, b) + 1 : Math.min(a, b) - 1;
    else t = e.dx > 0 ? Math.min(a, b) : Math.max(a, b) + 1;
    // slots at or beyond the current length are overwritten by later appends or never read
    if (k < xs.length) xs[k] = f32(t);
    return;
  }
}

function fillPass(X: number[], Y: number[], painter: Painter, ink: number, pillow94: boolean): void {
  const table = buildEdges(X, Y, painter, ink);
  // A loop, not Math.max(...Y): spreading a million vertices overflows the call stack.
  let M = -Infinity;
  let yMin = Infinity;
  for (const y of Y) {
    if (y > M) M = y;
    if (y < yMin) yMin = y;
  }
  const yStart = Math.max(0, yMin);
  const yEnd = Math.min(painter.canvas.height - 1, M);
  for (let y = yStart; y <= yEnd; y++) {
    const xs: number[] = [];
    for (let i = 0; i < table.length; i++) {
      const e = table[i];
      if (!(e.ymin <= y && y <= e.ymax)) continue;
      const v = cross(e, y);
      xs.push(v);
      if (y === e.ymax && y < M) {
        xs.push(v);
      } else if (!pillow94) {
        if ((y === e.ymin || y === e.ymax) && e.dx !== 0) xs[xs.length - 1] = ruleC(table, i, y, v);
      } else if (e.dx !== 0 && roundf(v) === v) {
        ruleA(table, i, y, M, xs);
      }
    }
    xs.sort((a, b) => a - b);
    for (let p = 1; p < xs.length; p += 2) painter.hline(roundUp(xs[p - 1]), y, roundDown(xs[p]), ink);
  }
}

/**
 * Reference implementation of {@link Raster.fillPolygon}, same arguments and result, in plain
 * TypeScript (no WebAssembly). Slow on big polygons (every edge on every row), exact always.
 *
 * @example
 * ```ts
 * const canvas = { width: 8, height: 8, data: new Uint8Array(64) };
 * referenceFillPolygon(canvas, [2, 2, 6, 2, 6, 6, 2, 6], { fill: 255 });
 * ```
 */
export function referenceFillPolygon(canvas: Canvas, xy: ArrayLike<number>, options: FillPolygonOptions = {}): void {
  checkCanvas(canvas);
  const n = checkXY(xy);
  checkCoordinates(xy);
  const fill = resolveInk(options.fill, 'fill');
  let outline = resolveInk(options.outline, 'outline');
  if (options.pillow !== undefined && options.pillow !== '12' && options.pillow !== '9.4') {
    throw new RangeError(`pillow must be '12' or '9.4', got ${String(options.pillow)}`);
  }
  const pillow94 = options.pillow === '9.4';
  if (fill < 0 && outline < 0) outline = 0;
  const X: number[] = [];
  const Y: number[] = [];
  for (let i = 0; i < n; i++) {
    X.push(Math.trunc(xy[2 * i]));
    Y.push(Math.trunc(xy[2 * i + 1]));
  }
  const painter = new Painter(canvas, pillow94);
  if (fill >= 0) fillPass(X, Y, painter, fill, pillow94);
  if (outline >= 0 && outline !== fill) {
    for (let i = 0; i < n; i++) {
      const j = (i + 1) % n;
      painter.line(X[i], Y[i], X[j], Y[j], outline);
    }
  }
}

/**
 * Reference per-tile sums of the n x n blocks of a canvas (row-major, u32), the plain-TS
 * counterpart of {@link Raster.tileSums}.
 *
 * @example
 * ```ts
 * referenceTileSums({ width: 32, height: 16, data }, 16); // Uint32Array(2)
 * ```
 */
export function referenceTileSums(canvas: Canvas, n: number): Uint32Array {
  const { width, height, data } = canvas;
  const tilesX = Math.floor(width / n);
  const tilesY = Math.floor(height / n);
  const sums = new Uint32Array(tilesX * tilesY);
  for (let y = 0; y < tilesY * n; y++) {
    const row = Math.floor(y / n) * tilesX;
    for (let x = 0; x < tilesX * n; x++) sums[row + Math.floor(x / n)] += data[y * width + x];
  }
  return sums;
}
