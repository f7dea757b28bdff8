// Every polygon and trapezoid vector (test/vectors/README.md) through the WASM fillPolygon and
// through the plain-TS reference: the raw pixels' SHA-256 must equal Pillow 12.3.0's, and
// Pillow 9.4's in '9.4' mode.
import { describe, expect, it } from 'vitest';
import { initRaster, referenceFillPolygon, type PillowVersion } from '../src/index.js';
import { maskMismatch, polygonCases, scaledXY, trapezoidCases, type MaskRecord, type Pillow94Record } from './vectors.js';

const raster = await initRaster();
const implementations = [
  ['wasm', raster.fillPolygon.bind(raster)],
  ['reference', referenceFillPolygon],
] as const;

function expectedFor(pillow: PillowVersion, expected: MaskRecord, old: Pillow94Record): MaskRecord {
  return pillow === '9.4' && !old.same_as_primary ? (old as MaskRecord) : expected;
}

describe.each(implementations.flatMap(([name, fillPolygon]) => (['12', '9.4'] as const).map((pillow) => [name, pillow, fillPolygon] as const)))(
  '%s, Pillow %s',
  (_name, pillow, fillPolygon) => {
  it(`paints every polygon case exactly (${polygonCases.length} cases)`, async () => {
    const failures: string[] = [];
    for (const c of polygonCases) {
      const [width, height] = c.canvas;
      const canvas = { width, height, data: new Uint8Array(width * height) };
      for (const s of c.shapes) {
        fillPolygon(canvas, scaledXY(s.vertices, c.sx, c.sy), { fill: s.fill, outline: s.outline, pillow });
      }
      const problem = await maskMismatch(canvas.data, expectedFor(pillow, c.expected, c.pillow_9_4));
      if (problem) failures.push(`${c.id} (${c.category}): ${problem}`);
    }
    expect(failures).toEqual([]);
  });

  it(`paints every trapezoid case exactly from its recorded corners (${trapezoidCases.length} cases)`, async () => {
    const failures: string[] = [];
    for (const c of trapezoidCases) {
      const [width, height] = c.canvas;
      const canvas = { width, height, data: new Uint8Array(width * height) };
      fillPolygon(canvas, scaledXY(c.corners, 1, 1), { fill: c.fill, outline: c.outline, pillow });
      const problem = await maskMismatch(canvas.data, expectedFor(pillow, c.expected, c.pillow_9_4));
      if (problem) failures.push(`${c.id}: ${problem}`);
    }
    expect(failures).toEqual([]);
  });
  },
);

it('includes the four huge trap canvases (8-16 Mpx wide) in the polygon set', () => {
  const wide = polygonCases.filter((c) => c.canvas[0] > 2 ** 23);
  expect(wide.length).toBe(4);
});
