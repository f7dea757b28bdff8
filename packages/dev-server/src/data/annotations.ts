/**
 * Paper.js annotation documents (protocol §7): the `<mode>/<resolution>` affine transform
 * applied on write and (inverted) on read, path/marker counting, and the short-segment
 * corruption Q12 that the real server performs on `[x, y]` segments.
 */
import { isDict, jsonBody } from '../http/body.js';
import { isNumber, num, pyDumps, pyFloat, PyFloat, pyLoads, type PyJson } from '../http/pyjson.js';
import type { DevState } from './state.js';
import { ServerFailure } from '../http/werkzeug.js';

/** A 2×3 affine map: `p → A·p + b`. */
export interface Affine {
  a: [[number, number], [number, number]];
  b: [number, number];
}

/** The identity map. */
export const IDENTITY: Affine = { a: [[1, 0], [0, 1]], b: [0, 0] };

/**
 * The matrix M of §7.2 for a `<mode>/<resolution>` pair: `x16` scales by 16; affine
 * registration files do not exist for synthetic slides, so every mode is the identity.
 */
export function affineFor(_mode: string, resolution: string): Affine {
  return resolution === 'x16' ? { a: [[16, 0], [0, 16]], b: [0, 0] } : IDENTITY;
}

/** The inverse map (M⁻¹ for reads). */
export function invert(m: Affine): Affine {
  const [[p, q], [r, s]] = m.a;
  const det = p * s - q * r;
  const clean = (v: number) => (v === 0 ? 0 : v); // no -0.0: NumPy's inverse of these matrices has +0.0
  const a: Affine['a'] = [[clean(s / det), clean(-q / det)], [clean(-r / det), clean(p / det)]];
  return { a, b: [clean(-(a[0][0] * m.b[0] + a[0][1] * m.b[1])), clean(-(a[1][0] * m.b[0] + a[1][1] * m.b[1]))] };
}

/** A JSON number or boolean as NumPy sees it (bool is an int). */
function scalar(v: PyJson): number | null {
  if (typeof v === 'boolean') return v ? 1 : 0;
  return isNumber(v) ? num(v) : null;
}

/** `np.dot(A, v) + t`, `.tolist()`: vectors and 2×k matrices; scalars give A·v (Q12). Null when NumPy would raise. */
function dotPlus(m: Affine, v: PyJson, translate: boolean): PyJson | null {
  const [b0, b1] = translate ? m.b : [0, 0];
  const [[a00, a01], [a10, a11]] = m.a;
  const s = scalar(v);
  if (s !== null) {
    return [
      [pyFloat(a00 * s + b0), pyFloat(a01 * s + b1)],
      [pyFloat(a10 * s + b0), pyFloat(a11 * s + b1)],
    ];
  }
  if (!Array.isArray(v) || v.length !== 2) return null;
  const x = scalar(v[0]);
  const y = scalar(v[1]);
  if (x !== null && y !== null) return [pyFloat(a00 * x + a01 * y + b0), pyFloat(a10 * x + a11 * y + b1)];
  // A 2×2 matrix (an already-corrupted segment): matrix product, then b added to each row.
  const rows = v.map((row) => (Array.isArray(row) && row.length === 2 ? row.map(scalar) : null));
  if (rows.some((r) => r === null || r.some((c) => c === null))) return null;
  const [[m00, m01], [m10, m11]] = rows as [[number, number], [number, number]];
  return [
    [pyFloat(a00 * m00 + a01 * m10 + b0), pyFloat(a00 * m01 + a01 * m11 + b1)],
    [pyFloat(a10 * m00 + a11 * m10 + b0), pyFloat(a10 * m01 + a11 * m11 + b1)],
  ];
}

/** Counts of `Path` and `PointText` items in the first layer. */
export interface AnnotationCounts {
  nPaths: number;
  nMarkers: number;
}

function fail(what: string): never {
  throw new ServerFailure(`annotation: ${what}`);
}

/** The first layer's children, or null when the layer has none; throws where Python would. */
function layerChildren(doc: PyJson): PyJson[] | null {
  if (!Array.isArray(doc) || doc.length === 0) fail('document is not a non-empty list');
  const first = doc[0];
  let layer: PyJson;
  if (Array.isArray(first) && first.length >= 2) layer = first[1];
  else if (typeof first === 'string' && first.length >= 2) layer = first[1];
  else fail('first item has no properties');
  if (layer === null || typeof layer === 'number' || typeof layer === 'boolean' || layer instanceof PyFloat) fail('layer properties are not a container');
  const hasChildren = Array.isArray(layer) ? layer.includes('children') : typeof layer === 'string' ? layer.includes('children') : 'children' in layer;
  if (!hasChildren) return null;
  if (Array.isArray(layer) || typeof layer === 'string') fail('children lookup on a non-object');
  const children = (layer as { [k: string]: PyJson }).children;
  if (Array.isArray(children)) return children;
  if (typeof children === 'string' || (children !== null && typeof children === 'object' && !(children instanceof PyFloat))) return [];
  return fail('children is not iterable');
}

/**
 * Applies `m` to the document in place like the server's `transform_annot`: every segment
 * entry of each `Path` (entry 0 as a point, the handles as vectors; entries NumPy cannot
 * multiply are left alone) and each `PointText`'s `matrix[4..5]`, in the first layer only.
 * With `quirks` (default) a short `[x, y]` segment is mangled into 2×2 matrices (Q12);
 * without, it is treated as a point.
 *
 * @throws ServerFailure where the server raises (→ 500): a malformed document shape, a
 *   `Path` without `segments`, a `PointText` without a numeric `matrix[4..5]`.
 */
export function transformAnnotation(doc: PyJson, m: Affine, quirks = true): AnnotationCounts {
  const counts: AnnotationCounts = { nPaths: 0, nMarkers: 0 };
  const children = layerChildren(doc);
  if (!children) return counts;
  for (const item of children) {
    let kind: PyJson;
    if (Array.isArray(item) && item.length > 0) kind = item[0];
    else if (typeof item === 'string' && item.length > 0) kind = item[0];
    else return fail('child is not a non-empty list');
    if (kind === 'Path') {
      counts.nPaths++;
      const props = (item as PyJson[])[1];
      if (!isDict(props) || !('segments' in props)) fail('Path without segments');
      const segments = props.segments as PyJson;
      if (!Array.isArray(segments)) {
        if (typeof segments === 'string' || (segments !== null && typeof segments === 'object' && !(segments instanceof PyFloat))) continue;
        fail('segments are not iterable');
      }
      for (const seg of segments) {
        if (!Array.isArray(seg)) {
          if (typeof seg === 'string' || (seg !== null && typeof seg === 'object' && !(seg instanceof PyFloat))) continue;
          fail('segment has no length');
        }
        if (!quirks && seg.length === 2 && scalar(seg[0]) !== null && scalar(seg[1]) !== null) {
          const p = dotPlus(m, seg, true) as PyJson[];
          seg[0] = p[0];
          seg[1] = p[1];
          continue;
        }
        for (let k = 0; k < seg.length; k++) {
          const z = dotPlus(m, seg[k], k === 0);
          if (z !== null) seg[k] = z;
        }
      }
    } else if (kind === 'PointText') {
      const props = (item as PyJson[])[1];
      const matrix = isDict(props) ? props.matrix : undefined;
      if (!Array.isArray(matrix) || matrix.length < 6) fail('PointText without a 6-entry matrix');
      const p = dotPlus(m, [matrix[4], matrix[5]], true);
      if (p === null || !Array.isArray(p) || Array.isArray(p[0])) fail('PointText matrix position is not numeric');
      matrix[4] = (p as PyJson[])[0];
      matrix[5] = (p as PyJson[])[1];
      counts.nMarkers++;
    }
  }
  return counts;
}

/**
 * Parses an uploaded document (raw body, any content type), maps it to raw space with `m`
 * and stores it for (task, slide), creating or updating its edit metadata.
 *
 * @throws ServerFailure for text that is not JSON or a document the transform rejects (→ 500).
 */
export function saveAnnotation(
  state: DevState,
  target: { task: number; slide: number; userId: number; now: number },
  body: string,
  m: Affine,
  quirks: boolean,
): void {
  const doc = jsonBody(body, 'annotation');
  const counts = transformAnnotation(doc, m, quirks);
  const json = pyDumps(doc);
  const row = state.annotations.find((a) => a.task === target.task && a.slide === target.slide);
  if (row) {
    Object.assign(row, { json, ...counts, tEdit: target.now, editor: target.userId });
  } else {
    state.annotations.push({ task: target.task, slide: target.slide, json, ...counts, tCreate: target.now, tEdit: target.now, creator: target.userId, editor: target.userId, metaId: state.next.meta++ });
  }
}

/** The stored document of (task, slide) mapped by `m` (E18), or null when there is none. */
export function loadAnnotation(state: DevState, task: number, slide: number, m: Affine, quirks: boolean): string | null {
  const row = state.annotations.find((a) => a.task === task && a.slide === slide);
  if (!row) return null;
  const doc = pyLoads(row.json);
  transformAnnotation(doc, m, quirks);
  return pyDumps(doc);
}
