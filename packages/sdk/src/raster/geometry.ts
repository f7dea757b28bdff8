/**
 * Geometry checks and corners for the SDK's raster functions: `validateGeometry` from
 * `@phas/raster-wasm`, turned into `PhasInputError`.
 */
import { trapezoidCorners as corners, validateGeometry, type Geometry, type Point, type TrapezoidGeometry } from '@phas/raster-wasm';
import { PhasInputError } from '../errors/index.js';

/**
 * Throws `PhasInputError` (argument `geometry`) unless `geometry` is a valid ROI geometry.
 * `forDrawing` also accepts a trapezoid with a zero-length axis (drawable, but PHAS cannot
 * compute its bounding box).
 */
export function checkGeometry(geometry: unknown, argument = 'geometry', forDrawing = false): Geometry {
  const problem = validateGeometry(geometry, { allowZeroAxis: forDrawing });
  if (problem !== null) throw new PhasInputError(problem.replace(/^geometry/, argument), { argument });
  return geometry as Geometry;
}

/**
 * The 4 corners PHAS draws for a trapezoid ROI, unscaled, in its drawing order p3, p4, p6, p5
 * (raster-semantics §9). Invalid geometry throws `PhasInputError`.
 *
 * @example
 * ```ts
 * import { trapezoidCorners } from '@phas/sdk';
 * const [p3, p4, p6, p5] = trapezoidCorners({ type: 'trapezoid', data: [[500, 500, 100], [600, 1500, 200]] });
 * ```
 */
export function trapezoidCorners(geometry: TrapezoidGeometry): [Point, Point, Point, Point] {
  const g = checkGeometry(geometry, 'geometry', true);
  if (g.type !== 'trapezoid') throw new PhasInputError(`geometry.type must be 'trapezoid'`, { argument: 'geometry' });
  return corners(g);
}

/** Runs a raster call, turning its RangeError/TypeError into `PhasInputError`. */
export function asInputError<T>(argument: string, call: () => T): T {
  try {
    return call();
  } catch (e) {
    if (e instanceof RangeError || e instanceof TypeError) throw new PhasInputError(e.message, { argument, cause: e });
    throw e;
  }
}
