// Sampling-ROI geometry math shared by the SDK and the dev server (raster-semantics §9,
// protocol §8.4): PHAS's trapezoid corners, bounding box, translation and validation. Pure
// float64 arithmetic in exactly the operation order of the Python code it mirrors.

/** A point `[x, y]`. */
export type Point = [number, number];

/** A closed polygon, vertices in order, level-0 pixels. */
export interface PolygonGeometry {
  type: 'polygon';
  data: Point[];
}

/**
 * A trapezoid: an axis from (x0, y0) to (x1, y1), extending half-width w0 on both sides at the
 * first end and w1 at the second.
 */
export interface TrapezoidGeometry {
  type: 'trapezoid';
  data: [[number, number, number], [number, number, number]];
}

/** A sampling-ROI geometry (protocol §8.1). */
export type Geometry = PolygonGeometry | TrapezoidGeometry;

/** Bounding box `[x0, y0, x1, y1]` (min x, min y, max x, max y). */
export type BBox = [number, number, number, number];

const COORD_LIMIT = 2 ** 31;

/**
 * The four corners PHAS draws for a trapezoid, unscaled, in its drawing order p3, p4, p6, p5
 * (`angle = atan2(y1-y0, x1-x0)`, `u = cos(angle + pi/2)`, `v = sin(angle + pi/2)`).
 *
 * @example
 * ```ts
 * trapezoidCorners({ type: 'trapezoid', data: [[0, 0, 10], [100, 0, 20]] });
 * // ≈ [[0, 10], [0, -10], [100, -20], [100, 20]]
 * ```
 */
export function trapezoidCorners(geometry: TrapezoidGeometry): [Point, Point, Point, Point] {
  const [[x0, y0, w0], [x1, y1, w1]] = geometry.data;
  const angle = Math.atan2(y1 - y0, x1 - x0);
  const u = Math.cos(angle + Math.PI / 2);
  const v = Math.sin(angle + Math.PI / 2);
  const p3: Point = [x0 + w0 * u, y0 + w0 * v];
  const p4: Point = [x0 - w0 * u, y0 - w0 * v];
  const p5: Point = [x1 + w1 * u, y1 + w1 * v];
  const p6: Point = [x1 - w1 * u, y1 - w1 * v];
  return [p3, p4, p6, p5];
}

/**
 * PHAS's `compute_sampling_roi_bounding_box`: a polygon's vertex min/max; for a trapezoid the
 * normal-vector construction (no trigonometry), in the documented operation order.
 *
 * @example
 * ```ts
 * samplingRoiBoundingBox({ type: 'polygon', data: [[1000, 500], [2500, 700], [900, 1500]] });
 * // [900, 500, 2500, 1500]
 * ```
 */
export function samplingRoiBoundingBox(geometry: Geometry): BBox {
  if (geometry.type === 'polygon') {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    const data = geometry.data;
    for (let i = 0; i < data.length; i++) {
      const x = data[i][0];
      const y = data[i][1];
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    return [minX, minY, maxX, maxY];
  }
  const [[x0, y0, w0], [x1, y1, w1]] = geometry.data;
  let nx = y1 - y0;
  let ny = x0 - x1;
  const len = Math.sqrt(nx * nx + ny * ny);
  nx = nx / len;
  ny = ny / len;
  const xs = [x0 - w0 * nx, x0 + w0 * nx, x1 - w1 * nx, x1 + w1 * nx];
  const ys = [y0 - w0 * ny, y0 + w0 * ny, y1 - w1 * ny, y1 + w1 * ny];
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/**
 * PHAS's `translate_geom(geom, dx, dy)`: polygons are shifted vertex-wise; trapezoids are
 * rebuilt from their shifted corners (new centres, half-widths `sqrt(...)/2`, never negative).
 * The input is not modified.
 *
 * @example
 * ```ts
 * translateGeometry({ type: 'polygon', data: [[10, 20], [30, 40]] }, -10, 5);
 * // { type: 'polygon', data: [[0, 25], [20, 45]] }
 * ```
 */
export function translateGeometry<G extends Geometry>(geometry: G, dx: number, dy: number): G;
export function translateGeometry(geometry: Geometry, dx: number, dy: number): Geometry {
  if (geometry.type === 'polygon') {
    return { ...geometry, data: geometry.data.map(([x, y]): Point => [x + dx, y + dy]) };
  }
  const [p3, p4, p6, p5] = trapezoidCorners(geometry);
  const x3 = p3[0] + dx, y3 = p3[1] + dy;
  const x4 = p4[0] + dx, y4 = p4[1] + dy;
  const x5 = p5[0] + dx, y5 = p5[1] + dy;
  const x6 = p6[0] + dx, y6 = p6[1] + dy;
  const w0 = Math.sqrt((x4 - x3) * (x4 - x3) + (y4 - y3) * (y4 - y3)) / 2;
  const w1 = Math.sqrt((x6 - x5) * (x6 - x5) + (y6 - y5) * (y6 - y5)) / 2;
  return {
    ...geometry,
    data: [
      [(x4 + x3) / 2, (y4 + y3) / 2, w0],
      [(x6 + x5) / 2, (y6 + y5) / 2, w1],
    ],
  };
}

/**
 * The flat vertex list PHAS hands to Pillow for a geometry drawn at scale (sx, sy): polygon
 * vertices `(x*sx, y*sy)`, or the trapezoid corners p3, p4, p6, p5 scaled the same way. With
 * `translate = [dx, dy]` the geometry first goes through {@link translateGeometry} (polygon:
 * `((x + dx)*sx, (y + dy)*sy)`; trapezoid: the corner round trip), without building the
 * intermediate geometry for polygons.
 *
 * @example
 * ```ts
 * geometryDrawingXY({ type: 'polygon', data: [[100, 200], [300, 400], [0, 50]] }, 0.5, 0.5);
 * // Float64Array [50, 100, 150, 200, 0, 25]
 * ```
 */
export function geometryDrawingXY(geometry: Geometry, sx = 1, sy = 1, translate?: readonly [number, number]): Float64Array {
  if (geometry.type === 'trapezoid') {
    const g = translate ? translateGeometry(geometry, translate[0], translate[1]) : geometry;
    return flatten(trapezoidCorners(g), 0, 0, sx, sy);
  }
  return translate ? flatten(geometry.data, translate[0], translate[1], sx, sy) : flatten(geometry.data, 0, 0, sx, sy);
}

function flatten(points: readonly (readonly number[])[], dx: number, dy: number, sx: number, sy: number): Float64Array {
  const xy = new Float64Array(points.length * 2);
  if (dx === 0 && dy === 0) {
    for (let i = 0; i < points.length; i++) {
      xy[2 * i] = points[i][0] * sx;
      xy[2 * i + 1] = points[i][1] * sy;
    }
  } else {
    for (let i = 0; i < points.length; i++) {
      xy[2 * i] = (points[i][0] + dx) * sx;
      xy[2 * i + 1] = (points[i][1] + dy) * sy;
    }
  }
  return xy;
}

/** Checks `data[i]` is an array of exactly `count` finite numbers below 2^31 in magnitude. */
function checkNumbers(data: unknown[], i: number, count: number): string | null {
  const values = data[i];
  if (!Array.isArray(values) || values.length !== count) return `geometry.data[${i}] must be an array of exactly ${count} numbers`;
  for (let k = 0; k < count; k++) {
    const v: unknown = values[k];
    if (typeof v !== 'number' || !(v > -COORD_LIMIT && v < COORD_LIMIT)) {
      return typeof v === 'number' && Number.isFinite(v)
        ? `geometry.data[${i}][${k}] is out of range (|value| must be below 2^31)`
        : `geometry.data[${i}][${k}] must be a finite number`;
    }
  }
  return null;
}

/** Options of {@link validateGeometry}. */
export interface ValidateGeometryOptions {
  /**
   * Accept a trapezoid whose two axis points coincide. PHAS cannot store one (its bounding box
   * divides by zero) but can draw it (`atan2(0, 0) = 0`), so drawing functions allow it.
   */
  allowZeroAxis?: boolean;
}

/**
 * Checks that a value is a geometry PHAS accepts and can rasterise: `type` 'polygon' with at
 * least 2 vertices of exactly 2 finite numbers, or 'trapezoid' with exactly 2 triples whose
 * axis points differ; every number finite with |value| < 2^31. Returns a description of the
 * first problem, or `null` when the geometry is valid.
 *
 * @example
 * ```ts
 * validateGeometry({ type: 'polygon', data: [[0, 0]] });
 * // 'geometry.data must have at least 2 vertices'
 * ```
 */
export function validateGeometry(geometry: unknown, options: ValidateGeometryOptions = {}): string | null {
  if (geometry === null || typeof geometry !== 'object') return 'geometry must be an object { type, data }';
  const { type, data } = geometry as { type?: unknown; data?: unknown };
  if (type !== 'polygon' && type !== 'trapezoid') return `geometry.type must be 'polygon' or 'trapezoid'`;
  if (!Array.isArray(data)) return 'geometry.data must be an array';
  if (type === 'polygon') {
    if (data.length < 2) return 'geometry.data must have at least 2 vertices';
    for (let i = 0; i < data.length; i++) {
      const problem = checkNumbers(data, i, 2);
      if (problem) return problem;
    }
    return null;
  }
  if (data.length !== 2) return 'trapezoid geometry.data must be exactly 2 triples [x, y, w]';
  for (let i = 0; i < 2; i++) {
    const problem = checkNumbers(data, i, 3);
    if (problem) return problem;
  }
  const [[x0, y0], [x1, y1]] = data as number[][];
  if (x0 === x1 && y0 === y1 && !options.allowZeroAxis) return 'trapezoid axis points must differ';
  return null;
}
