/**
 * Sampling ROIs (protocol §8): the write transform (then validation, then the bounding box
 * of the raw geometry), storage with edit metadata, and E23's rows.
 */
import { samplingRoiBoundingBox, trapezoidCorners, validateGeometry, type Geometry, type Point } from '@phas/raster-wasm';
import { jsonObjectBody } from '../http/body.js';
import { isNumber, num, pyDumps, pyFloat, type PyJson } from '../http/pyjson.js';
import { ServerFailure } from '../http/werkzeug.js';
import type { Affine } from './annotations.js';
import { boxListingRow } from './box-row.js';
import type { DevState, RoiRow } from './state.js';

function fail(what: string): never {
  throw new ServerFailure(`sampling ROI: ${what}`);
}

function mapPoint(m: Affine, x: number, y: number): Point {
  return [m.a[0][0] * x + m.a[0][1] * y + m.b[0], m.a[1][0] * x + m.a[1][1] * y + m.b[1]];
}

/** Plain numbers (bools stay bools, so the schema check rejects them like JSON Schema's `number`). */
function plain(v: PyJson): unknown {
  if (isNumber(v)) return num(v);
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x as PyJson)]));
  return v;
}

/**
 * The server's spatial transform of a geometry by `m`: polygon vertices mapped one by one;
 * a trapezoid rebuilt from its mapped corners (centres = corner midpoints, half-widths =
 * half the corner distances, so always ≥ 0).
 *
 * @throws ServerFailure where the server's transform raises: a polygon vertex that is not
 *   two numbers, a trapezoid that is not exactly two triples, non-numeric values.
 */
export function transformGeometry(geometry: unknown, m: Affine): Geometry {
  if (geometry === null || typeof geometry !== 'object' || Array.isArray(geometry)) fail('geometry is not an object');
  const { type, data } = geometry as { type?: unknown; data?: unknown };
  if (type !== 'polygon' && type !== 'trapezoid') fail(`unknown geometry type ${String(type)}`);
  if (!Array.isArray(data)) fail('geometry data is not a list');
  const isNum = (v: unknown): v is number => typeof v === 'number';
  if (type === 'polygon') {
    return {
      type,
      data: data.map((p: unknown) => {
        if (!Array.isArray(p) || p.length !== 2 || !isNum(p[0]) || !isNum(p[1])) fail('polygon vertex is not [x, y]');
        return mapPoint(m, p[0], p[1]);
      }),
    };
  }
  if (data.length !== 2 || !data.every((p: unknown) => Array.isArray(p) && p.length === 3 && p.every(isNum))) {
    fail('trapezoid data is not two triples');
  }
  const [p3, p4, p6, p5] = trapezoidCorners({ type, data: data as [[number, number, number], [number, number, number]] }).map(([x, y]) =>
    mapPoint(m, x, y),
  );
  const half = (a: Point, b: Point) => Math.sqrt((b[0] - a[0]) * (b[0] - a[0]) + (b[1] - a[1]) * (b[1] - a[1])) / 2;
  return {
    type,
    data: [
      [(p4[0] + p3[0]) / 2, (p4[1] + p3[1]) / 2, half(p3, p4)],
      [(p6[0] + p5[0]) / 2, (p6[1] + p5[1]) / 2, half(p5, p6)],
    ],
  };
}

/** The stored `json` text of a geometry: every coordinate a Python float. */
export function geometryJson(g: Geometry): string {
  const data = g.data.map((p) => p.map(pyFloat));
  return pyDumps({ type: g.type, data });
}

/** Parses an E24/X4 body and maps its geometry to raw space; validates it as the server does. */
export function parseRoiBody(body: string, m: Affine): { labelId: number; geometry: Geometry; id: PyJson | undefined } {
  const obj = jsonObjectBody(body, 'sampling ROI');
  if (!('label_id' in obj) || !('geometry' in obj)) fail('label_id or geometry missing');
  const geometry = transformGeometry(plain(obj.geometry as PyJson), m);
  const problem = validateGeometry(geometry);
  if (problem) fail(problem);
  const label = obj.label_id;
  if (!isNumber(label) || !Number.isInteger(num(label))) fail('label_id is not an integer');
  return { labelId: num(label), geometry, id: obj.id };
}

/** Inserts an ROI; returns its id. */
export function createRoi(state: DevState, r: { task: number; slide: number; label: number; geometry: Geometry; userId: number; now: number }): number {
  const [x0, y0, x1, y1] = samplingRoiBoundingBox(r.geometry);
  const id = state.next.roi++;
  state.rois.push({
    id, task: r.task, slide: r.slide, label: r.label, x0, y0, x1, y1, json: geometryJson(r.geometry),
    metaId: state.next.meta++, creator: r.userId, editor: r.userId, tCreate: r.now, tEdit: r.now,
  });
  return id;
}

/** Updates an ROI's label and geometry (X4). Unknown id → 500. */
export function updateRoi(state: DevState, id: number, r: { label: number; geometry: Geometry; userId: number; now: number }): void {
  const row = state.rois.find((x) => x.id === id);
  if (!row) fail(`no ROI ${id}`);
  const [x0, y0, x1, y1] = samplingRoiBoundingBox(r.geometry);
  Object.assign(row, { label: r.label, x0, y0, x1, y1, json: geometryJson(r.geometry), editor: r.userId, tEdit: r.now });
}

/** An E23 row: keys in the server's order, `json` mapped to the requested space (Q15: the box stays raw). */
export function roiListingRow(state: DevState, row: RoiRow, m: Affine): { [k: string]: PyJson } {
  const stored = JSON.parse(row.json) as Geometry;
  const g = transformGeometry(stored, m);
  return boxListingRow(state, row, { json: geometryJson(g) });
}

/** Rows ordered by last edit, newest first (ties: newer id first). */
export function byEditTimeDesc<T extends { tEdit: number; id: number }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => b.tEdit - a.tEdit || b.id - a.id);
}
