/**
 * Sampling-ROI geometry for display and drawing: outlines, bounding boxes and building a
 * trapezoid from clicks. Coordinates are level-0 pixels (protocol §8.1).
 */
import { trapezoidCorners } from '@phas/sdk';
import type { Geometry } from './types.js';

/** A point `[x, y]` in level-0 pixels. */
export type Point = [number, number];

/**
 * The polygon to draw for a geometry: its vertices, or the trapezoid's four corners in
 * PHAS's drawing order.
 *
 * @example
 * ```ts
 * roiOutline({ type: 'trapezoid', data: [[0, 0, 10], [0, 100, 10]] }).length; // 4
 * ```
 */
export function roiOutline(geometry: Geometry): Point[] {
  if (geometry.type === 'polygon') return geometry.data.map(([x, y]) => [x, y] as Point);
  return trapezoidCorners(geometry).map(([x, y]) => [x, y] as Point);
}

/** `[x0, y0, x1, y1]` of a list of points. */
export function boundingBox(points: readonly Point[]): [number, number, number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const [x, y] of points) {
    x0 = Math.min(x0, x); y0 = Math.min(y0, y);
    x1 = Math.max(x1, x); y1 = Math.max(y1, y);
  }
  return [x0, y0, x1, y1];
}

/** Distance from `p` to the infinite line through `a` and `b` (to `a` when they coincide). */
export function distanceToLine(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy);
  if (len === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * (p[0] - a[0]) - dx * (p[1] - a[1])) / len;
}

/**
 * A trapezoid with axis `a`→`b` whose half-width at both ends is the distance from
 * `widthPoint` to the axis (rounded to whole pixels, at least 1).
 *
 * @example
 * ```ts
 * trapezoidFromClicks([0, 0], [0, 100], [30, 50]); // { type: 'trapezoid', data: [[0, 0, 30], [0, 100, 30]] }
 * ```
 */
export function trapezoidFromClicks(a: Point, b: Point, widthPoint: Point): Geometry {
  const w = Math.max(1, Math.round(distanceToLine(widthPoint, a, b)));
  const r = (v: number) => Math.round(v);
  return { type: 'trapezoid', data: [[r(a[0]), r(a[1]), w], [r(b[0]), r(b[1]), w]] };
}

/** A polygon geometry from clicked vertices (rounded to whole pixels). */
export function polygonFromClicks(points: readonly Point[]): Geometry {
  return { type: 'polygon', data: points.map(([x, y]) => [Math.round(x), Math.round(y)] as Point) };
}

/** Centroid of the vertices (a label anchor). */
export function vertexCentroid(points: readonly Point[]): Point {
  const n = Math.max(1, points.length);
  return [points.reduce((s, p) => s + p[0], 0) / n, points.reduce((s, p) => s + p[1], 0) / n];
}
