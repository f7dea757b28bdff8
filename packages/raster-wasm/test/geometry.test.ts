// Geometry math against the trapezoid vectors (corners exact or within 1e-12 relative, then the
// end-to-end raster from `geom`) and validateGeometry / translateGeometry / bounding boxes.
import { describe, expect, it } from 'vitest';
import {
  geometryDrawingXY,
  initRaster,
  samplingRoiBoundingBox,
  trapezoidCorners,
  translateGeometry,
  validateGeometry,
  type Geometry,
} from '../src/index.js';
import { maskMismatch, trapezoidCases } from './vectors.js';

function close(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
}

describe('trapezoidCorners', () => {
  it('matches the recorded corners of every trapezoid case (order p3, p4, p6, p5)', () => {
    const off: string[] = [];
    for (const c of trapezoidCases) {
      const corners = trapezoidCorners(c.geom).map(([x, y]) => [x * c.sx, y * c.sy]);
      corners.forEach((p, k) => {
        if (!close(p[0], c.corners[k][0]) || !close(p[1], c.corners[k][1])) off.push(`${c.id} corner ${k}`);
      });
    }
    expect(off).toEqual([]);
  });

  it('draws every non-libm-sensitive trapezoid case end to end from its geometry', async () => {
    const raster = await initRaster();
    const failures: string[] = [];
    const cases = trapezoidCases.filter((c) => !c.libm_sensitive);
    expect(cases.length).toBe(trapezoidCases.length - 4);
    for (const c of cases) {
      const [width, height] = c.canvas;
      const canvas = { width, height, data: new Uint8Array(width * height) };
      raster.fillPolygon(canvas, geometryDrawingXY(c.geom, c.sx, c.sy), { fill: c.fill, outline: c.outline });
      const problem = await maskMismatch(canvas.data, c.expected);
      if (problem) failures.push(`${c.id}: ${problem}`);
    }
    expect(failures).toEqual([]);
  });

  it('puts p3/p4 on the left/right of the axis direction', () => {
    const [p3, p4, p6, p5] = trapezoidCorners({ type: 'trapezoid', data: [[0, 0, 10], [100, 0, 20]] });
    expect(p3[1]).toBeCloseTo(10, 12);
    expect(p4[1]).toBeCloseTo(-10, 12);
    expect(p6).toEqual([100 - 20 * Math.cos(Math.PI / 2), -20]);
    expect(p5[1]).toBeCloseTo(20, 12);
  });
});

describe('samplingRoiBoundingBox', () => {
  it('is the vertex min/max of a polygon', () => {
    const g: Geometry = { type: 'polygon', data: [[1000, 500], [2500, 700], [2200, 1800], [900, 1500]] };
    expect(samplingRoiBoundingBox(g)).toEqual([900, 500, 2500, 1800]);
  });

  it('uses the normal construction for a trapezoid (protocol §10.4 example)', () => {
    // [[500,500,100],[600,1500,200]] with tile 512 gives tx 343 / ty 236 only with this box
    const box = samplingRoiBoundingBox({ type: 'trapezoid', data: [[500, 500, 100], [600, 1500, 200]] });
    // normal n = (y1 - y0, x0 - x1) / len = (1000, -100) / sqrt(1010000)
    const len = Math.sqrt(1000 * 1000 + -100 * -100);
    const nx = 1000 / len;
    const ny = -100 / len;
    expect(box).toEqual([500 - 100 * nx, 500 + 100 * ny, 600 + 200 * nx, 1500 - 200 * ny]);
  });
});

describe('translateGeometry', () => {
  it('shifts polygon vertices and leaves the input alone', () => {
    const g: Geometry = { type: 'polygon', data: [[10, 20], [30, 40]] };
    expect(translateGeometry(g, -10, 5)).toEqual({ type: 'polygon', data: [[0, 25], [20, 45]] });
    expect(g.data).toEqual([[10, 20], [30, 40]]);
  });

  it('rebuilds a trapezoid from its corners: negative widths come back positive and swapped', () => {
    const t = translateGeometry({ type: 'trapezoid', data: [[0, 0, -10], [100, 0, 20]] }, 5, 7);
    expect(t.data[0][0]).toBeCloseTo(5, 12);
    expect(t.data[0][1]).toBeCloseTo(7, 12);
    expect(t.data[0][2]).toBeCloseTo(10, 12);
    expect(t.data[1][2]).toBeCloseTo(20, 12);
    // the round trip swaps p3/p4 of the negative end, so the drawn corner order changes
    const before = trapezoidCorners({ type: 'trapezoid', data: [[0, 0, -10], [100, 0, 20]] });
    const after = trapezoidCorners(t);
    expect(after[0][1] - 7).toBeCloseTo(-before[0][1], 9);
  });
});

describe('validateGeometry', () => {
  const ok: unknown[] = [
    { type: 'polygon', data: [[0, 0], [1, 1]] },
    { type: 'trapezoid', data: [[0, 0, 1], [5, 5, 0]] },
  ];
  const bad: [unknown, RegExp][] = [
    [null, /object/],
    [{ type: 'circle', data: [] }, /type/],
    [{ type: 'polygon' }, /array/],
    [{ type: 'polygon', data: [[0, 0]] }, /at least 2/],
    [{ type: 'polygon', data: [[0, 0], [1, 2, 3]] }, /data\[1\].*exactly 2/],
    [{ type: 'polygon', data: [[0, 0], [1, NaN]] }, /data\[1\]\[1\].*finite/],
    [{ type: 'polygon', data: [[0, 0], ['1', 2]] }, /finite/],
    [{ type: 'polygon', data: [[0, 0], [2 ** 31, 2]] }, /2\^31/],
    [{ type: 'trapezoid', data: [[0, 0, 1]] }, /exactly 2 triples/],
    [{ type: 'trapezoid', data: [[0, 0, 1], [1, 1]] }, /exactly 3/],
    [{ type: 'trapezoid', data: [[3, 4, 1], [3, 4, 2]] }, /axis points must differ/],
    [{ type: 'trapezoid', data: [[3, 4, Infinity], [5, 4, 2]] }, /finite/],
  ];
  it.each(ok)('accepts %j', (g) => expect(validateGeometry(g)).toBeNull());
  it.each(bad)('refuses %j', (g, message) => expect(validateGeometry(g)).toMatch(message));
  it('accepts a zero-length trapezoid axis only when asked (drawable, not storable)', () => {
    const g = { type: 'trapezoid', data: [[3, 4, 1], [3, 4, 2]] };
    expect(validateGeometry(g, { allowZeroAxis: true })).toBeNull();
    expect(validateGeometry({ ...g, data: [[3, 4, 1], [3, NaN, 2]] }, { allowZeroAxis: true })).toMatch(/finite/);
  });
});
