// drawSamplingRoi against the polygon and trapezoid vectors, as PHAS's draw_sampling_roi is
// used (slide-space geometry, scale factors, label inks, several ROIs on one canvas).
import { describe, expect, it } from 'vitest';
import { drawSamplingRoi, trapezoidCorners } from '../src/raster/index.js';
import { maskMismatch, polygonCases, trapezoidCases } from '../../raster-wasm/test/vectors.js';

describe('drawSamplingRoi', () => {
  it('reproduces every polygon vector (shapes drawn in order, scaled by sx, sy)', async () => {
    const failures: string[] = [];
    for (const c of polygonCases) {
      const [width, height] = c.canvas;
      const canvas = { width, height, data: new Uint8Array(width * height) };
      for (const s of c.shapes) {
        await drawSamplingRoi(canvas, { type: 'polygon', data: s.vertices }, { scaleX: c.sx, scaleY: c.sy, fill: s.fill, outline: s.outline });
      }
      const problem = await maskMismatch(canvas.data, c.expected);
      if (problem) failures.push(`${c.id}: ${problem}`);
    }
    expect(failures).toEqual([]);
  });

  it('reproduces every trapezoid vector that is not libm-sensitive, from its geometry', async () => {
    const failures: string[] = [];
    for (const c of trapezoidCases.filter((t) => !t.libm_sensitive)) {
      const [width, height] = c.canvas;
      const canvas = { width, height, data: new Uint8Array(width * height) };
      await drawSamplingRoi(canvas, c.geom, { scaleX: c.sx, scaleY: c.sy, fill: c.fill, outline: c.outline });
      const problem = await maskMismatch(canvas.data, c.expected);
      if (problem) failures.push(`${c.id}: ${problem}`);
    }
    expect(failures).toEqual([]);
  });

  it('reproduces the Pillow 9.4 records in 9.4 mode', async () => {
    const old = polygonCases.filter((c) => !c.pillow_9_4.same_as_primary);
    expect(old.length).toBe(56);
    for (const c of old) {
      const [width, height] = c.canvas;
      const canvas = { width, height, data: new Uint8Array(width * height) };
      for (const s of c.shapes) {
        await drawSamplingRoi(canvas, { type: 'polygon', data: s.vertices }, { scaleX: c.sx, scaleY: c.sy, fill: s.fill, outline: s.outline, pillow: '9.4' });
      }
      expect(await maskMismatch(canvas.data, c.pillow_9_4 as { sha256: string; nonzero: Record<string, number> }), c.id).toBe('');
    }
  });

  it('draws a zero-length trapezoid axis like PHAS (atan2(0, 0) = 0: a vertical segment)', async () => {
    const g = { type: 'trapezoid' as const, data: [[5, 5, 3], [5, 5, 3]] as [[number, number, number], [number, number, number]] };
    const corners = trapezoidCorners(g);
    expect(corners.map(([x, y]) => [Math.round(x), Math.round(y)])).toEqual([[5, 8], [5, 2], [5, 2], [5, 8]]);
    const canvas = { width: 10, height: 10, data: new Uint8Array(100) };
    await drawSamplingRoi(canvas, g);
    const painted = [...canvas.data.keys()].filter((i) => canvas.data[i] === 255).map((i) => [i % 10, Math.floor(i / 10)]);
    expect(painted.every(([x]) => x === 5)).toBe(true);
    expect(painted.length).toBeGreaterThanOrEqual(6);
  });
});
