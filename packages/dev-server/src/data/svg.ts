/**
 * E20/E21: an annotation rendered as SVG the way PHAS does with svgwrite (protocol §7.6):
 * sorted attributes, `%f` path numbers, Python float text positions, optional scaling to a
 * maximum dimension, curve or strip mode.
 */
import { isDict } from '../http/body.js';
import { isNumber, num, pyFloatRepr, pyLoads, type PyJson } from '../http/pyjson.js';
import { ServerFailure } from '../http/werkzeug.js';

/** Rendering options (already parsed from the form). */
export interface SvgOptions {
  strokeWidth: number;
  stripWidth: number;
  fontSize: string;
  fontColor: string;
  /** E20's maximum dimension; null for E21 (full resolution). */
  maxDim: number | null;
}

/** Python `'%f' % x`: six decimals, exact ties rounded half to even. */
export function pyFixed6(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
  if (Object.is(x, -0)) return '-0.000000';
  const exact = Math.abs(x).toFixed(100);
  const dot = exact.indexOf('.');
  const rest = exact.slice(dot + 7);
  let text = Math.abs(x).toFixed(6);
  if (/^50*$/.test(rest)) {
    // An exact tie: JS rounded up; Python rounds to the even last digit.
    const truncated = exact.slice(0, dot + 7);
    const lastDigit = Number(truncated[truncated.length - 1]);
    if (lastDigit % 2 === 0) text = truncated;
  }
  return (x < 0 ? '-' : '') + text;
}

/** XML escaping as ElementTree applies it (text: & < >; attributes also " and newlines). */
function xmlEscape(text: string, attribute: boolean): string {
  let out = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (attribute) out = out.replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
  return out;
}

/** An element with attributes sorted by name (svgwrite/ElementTree output). */
function element(name: string, attrs: Record<string, string>, content?: string): string {
  const a = Object.keys(attrs)
    .sort()
    .map((k) => ` ${k}="${xmlEscape(attrs[k], true)}"`)
    .join('');
  return content === undefined ? `<${name}${a} />` : `<${name}${a}>${xmlEscape(content, false)}</${name}>`;
}

/** Python `int(text)` of a form value. */
export function formInt(text: string): number {
  if (!/^\s*[+-]?\d+(?:_\d+)*\s*$/.test(text)) throw new ServerFailure(`invalid literal for int(): '${text}'`);
  return Number(text.replace(/_/g, ''));
}

/** `check_annot_child`: a Path must have ≥ 1 segment whose every coordinate is a number. */
function isDrawablePath(props: PyJson): props is { segments: PyJson[][][] } {
  if (props === null || typeof props !== 'object' || Array.isArray(props) || isNumber(props)) return false;
  const segs = props.segments;
  if (!Array.isArray(segs) || segs.length < 1) return false;
  return segs.every((seg) => Array.isArray(seg) && seg.every((pair) => Array.isArray(pair) && pair.every((v) => isNumber(v) || typeof v === 'boolean')));
}

function coord(seg: PyJson[][], entry: number, axis: number): number {
  const v = seg[entry]?.[axis];
  if (v === undefined) throw new ServerFailure('annotation segment is missing a point or handle');
  return typeof v === 'boolean' ? Number(v) : num(v);
}

/** The `d` strings of one path: a single curve, or two strip polygons per segment pair. */
function pathElements(segs: PyJson[][][], scale: number, strokeWidth: number, stripWidth: number): string[] {
  const f = pyFixed6;
  if (stripWidth === 0) {
    let d = `M${f(coord(segs[0], 0, 0) * scale)},${f(coord(segs[0], 0, 1) * scale)}`;
    for (let i = 1; i < segs.length; i++) {
      const D = [(coord(segs[i], 0, 0) - coord(segs[i - 1], 0, 0)) * scale, (coord(segs[i], 0, 1) - coord(segs[i - 1], 0, 1)) * scale];
      const V1 = [coord(segs[i - 1], 2, 0) * scale, coord(segs[i - 1], 2, 1) * scale];
      const V2 = [coord(segs[i], 1, 0) * scale, coord(segs[i], 1, 1) * scale];
      d += `c${f(V1[0])},${f(V1[1])} ${f(D[0] + V2[0])},${f(D[1] + V2[1])} ${f(D[0])},${f(D[1])}`;
    }
    return [element('path', { d, fill: 'none', stroke: '#000', 'stroke-width': String(strokeWidth) })];
  }
  const out: string[] = [];
  for (let i = 1; i < segs.length; i++) {
    const P1 = [coord(segs[i - 1], 0, 0) * scale, coord(segs[i - 1], 0, 1) * scale];
    const P2 = [coord(segs[i], 0, 0) * scale, coord(segs[i], 0, 1) * scale];
    const D = [P2[0] - P1[0], P2[1] - P1[1]];
    const V1 = [coord(segs[i - 1], 2, 0) * scale, coord(segs[i - 1], 2, 1) * scale];
    const V2 = [coord(segs[i], 1, 0) * scale, coord(segs[i], 1, 1) * scale];
    const n1 = Math.sqrt(V1[0] * V1[0] + V1[1] * V1[1]);
    const n2 = Math.sqrt(V2[0] * V2[0] + V2[1] * V2[1]);
    const T1 = n1 > 0 ? V1.map((x) => x / n1) : V1;
    const T2 = n2 > 0 ? V2.map((x) => x / n2) : V2;
    const w = stripWidth;
    for (const [sign, fill] of [[1, '#ddd'], [-1, '#aaa']] as const) {
      const Q2 = [P2[0] + sign * w * T2[1], P2[1] - sign * w * T2[0]];
      const Q1 = [P1[0] - sign * w * T1[1], P1[1] + sign * w * T1[0]];
      const DQ = [Q1[0] - Q2[0], Q1[1] - Q2[1]];
      const d =
        `M${f(P1[0])},${f(P1[1])} c${f(V1[0])},${f(V1[1])} ${f(D[0] + V2[0])},${f(D[1] + V2[1])} ${f(D[0])},${f(D[1])} ` +
        `L${f(Q2[0])},${f(Q2[1])} c${f(V2[0])},${f(V2[1])} ${f(DQ[0] + V1[0])},${f(DQ[1] + V1[1])}, ${f(DQ[0])},${f(DQ[1])} L${f(P1[0])},${f(P1[1])}`;
      out.push(element('path', { d, fill, stroke: 'none', 'stroke-width': '0' }));
    }
  }
  return out;
}

/**
 * The SVG text for a stored annotation document (`null` = no annotation) on a `width ×
 * height` slide.
 *
 * @throws ServerFailure where PHAS fails (malformed stored document, an unparsable font size).
 */
export function annotationSvg(stored: string | null, width: number, height: number, o: SvgOptions): string {
  let scale = 1.0;
  let [w, h] = [width, height];
  let strokeWidth = o.strokeWidth;
  let stripWidth = o.stripWidth;
  let fontSize = o.fontSize;
  if (o.maxDim !== null) {
    scale = o.maxDim / Math.max(width, height);
    [w, h] = [Math.trunc(width * scale), Math.trunc(height * scale)];
    strokeWidth = Math.max(Math.trunc(strokeWidth * scale), 1);
    if (stripWidth) stripWidth = Math.max(Math.trunc(stripWidth * scale), 1);
    const m = /^([0-9.]+)([a-z%]*)/.exec(fontSize);
    if (m) {
      if (!/^(\d+\.?\d*|\.\d+)$/.test(m[1])) throw new ServerFailure(`could not convert string to float: '${m[1]}'`);
      fontSize = `${Math.trunc(Number(m[1]) * scale + 0.5)}${m[2]}`;
    }
  }
  const body: string[] = [];
  if (stored !== null) {
    const doc = pyLoads(stored);
    const layer = Array.isArray(doc) && Array.isArray(doc[0]) ? doc[0][1] : undefined;
    const children = isDict(layer) ? layer.children : undefined;
    for (const x of Array.isArray(children) ? children : []) {
      if (!Array.isArray(x) || x.length === 0) throw new ServerFailure('annotation child is not a list');
      if (x[0] === 'Path') {
        if (!isDrawablePath(x[1])) continue;
        body.push(...pathElements(x[1].segments, scale, strokeWidth, stripWidth));
      } else if (x[0] === 'PointText') {
        const props = x[1];
        const matrix = isDict(props) ? props.matrix : undefined;
        if (!Array.isArray(matrix) || !isNumber(matrix[4]) || !isNumber(matrix[5])) throw new ServerFailure('PointText without a numeric matrix');
        const content = (props as { content?: PyJson }).content;
        const text = typeof content === 'string' ? content : content === undefined ? '' : String(isNumber(content) ? num(content) : content);
        body.push(
          element('text', { fill: o.fontColor, 'font-size': fontSize, stroke: o.fontColor, x: pyFloatRepr(num(matrix[4]) * scale), y: pyFloatRepr(num(matrix[5]) * scale) }, text),
        );
      }
    }
  }
  const root = {
    baseProfile: 'full',
    height: String(h),
    version: '1.1',
    width: String(w),
    xmlns: 'http://www.w3.org/2000/svg',
    'xmlns:ev': 'http://www.w3.org/2001/xml-events',
    'xmlns:xlink': 'http://www.w3.org/1999/xlink',
  };
  const attrs = Object.entries(root)
    .map(([k, v]) => ` ${k}="${v}"`)
    .join('');
  return `<svg${attrs}><defs />${body.join('')}</svg>`;
}
