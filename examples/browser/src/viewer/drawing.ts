/**
 * The state of drawing a new sampling ROI with clicks on the slide (no DOM here):
 * a polygon takes one click per vertex and is finished explicitly (at least 3 vertices);
 * a trapezoid takes three clicks: the two ends of its axis, then a point at its half-width.
 */
import { polygonFromClicks, trapezoidFromClicks, roiOutline, type Point } from '../geometry/shapes.js';
import type { Geometry } from '../geometry/types.js';

/** The kinds of ROI that can be drawn. */
export type DrawKind = 'polygon' | 'trapezoid';

/**
 * Collects clicks (level-0 pixels) into a geometry.
 *
 * @example
 * ```ts
 * const d = new RoiDrawing('trapezoid');
 * d.click([100, 100]); d.click([100, 600]); d.click([180, 350]);
 * d.complete; // true
 * d.geometry(); // { type: 'trapezoid', data: [[100, 100, 80], [100, 600, 80]] }
 * ```
 */
export class RoiDrawing {
  readonly kind: DrawKind;
  private readonly points: Point[] = [];
  private finished = false;

  constructor(kind: DrawKind) {
    this.kind = kind;
  }

  /** The clicks so far. */
  get clicks(): readonly Point[] {
    return this.points;
  }

  /** Whether the shape is done and {@link geometry} can be saved. */
  get complete(): boolean {
    return this.kind === 'trapezoid' ? this.points.length === 3 : this.finished;
  }

  /** Whether {@link finish} would complete a polygon now. */
  get canFinish(): boolean {
    return this.kind === 'polygon' && !this.finished && this.points.length >= 3;
  }

  /** Adds a click; ignored once the shape is complete. */
  click(p: Point): void {
    if (this.complete) return;
    this.points.push([p[0], p[1]]);
  }

  /** Removes the last click (and reopens a finished polygon). */
  undo(): void {
    if (this.finished) this.finished = false;
    else this.points.pop();
  }

  /** Closes a polygon; returns whether it is now complete. */
  finish(): boolean {
    if (this.canFinish) this.finished = true;
    return this.complete;
  }

  /**
   * The outline to show while drawing, with `cursor` as the next (provisional) click:
   * `closed` says whether it is an area (polygon ring / trapezoid) or an open polyline.
   */
  preview(cursor?: Point): { points: Point[]; closed: boolean } {
    const pts = this.complete || cursor === undefined ? [...this.points] : [...this.points, cursor];
    if (this.kind === 'trapezoid') {
      if (pts.length >= 3) {
        return { points: roiOutline(trapezoidFromClicks(pts[0]!, pts[1]!, pts[2]!)), closed: true };
      }
      return { points: pts, closed: false };
    }
    return { points: pts, closed: this.finished || pts.length >= 3 };
  }

  /**
   * The geometry to save.
   *
   * @throws {Error} when the shape is not complete.
   */
  geometry(): Geometry {
    if (!this.complete) throw new Error(`The ${this.kind} is not complete yet.`);
    const [a, b, c] = this.points;
    return this.kind === 'trapezoid' ? trapezoidFromClicks(a!, b!, c!) : polygonFromClicks(this.points);
  }

  /** A hint for the next step, for people. */
  hint(): string {
    const n = this.points.length;
    if (this.kind === 'trapezoid') {
      return ['Click the start of the axis.', 'Click the end of the axis.', 'Click to set the half-width.', 'Trapezoid complete.'][n]!;
    }
    if (this.finished) return 'Polygon complete.';
    return n < 3 ? `Click vertex ${n + 1} (at least 3).` : 'Click more vertices, or Finish (double-click).';
  }
}
