/**
 * Sampling-ROI geometry as docs/api.md fixes it (level-0 pixels). Structurally identical to
 * the SDK's own type, so values pass to and from `@phas/sdk` unchanged.
 */

/** A closed polygon `[[x, y], …]`. */
export interface PolygonGeometry {
  type: 'polygon';
  data: [number, number][];
}

/** An axis from `(x0, y0)` to `(x1, y1)` with half-widths `w0`, `w1` at its ends. */
export interface TrapezoidGeometry {
  type: 'trapezoid';
  data: [[number, number, number], [number, number, number]];
}

/** Either kind of sampling-ROI geometry. */
export type Geometry = PolygonGeometry | TrapezoidGeometry;
