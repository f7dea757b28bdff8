import { describe, expect, it } from 'vitest';
import { RoiDrawing } from '../src/viewer/drawing.js';
import { distanceToLine, trapezoidFromClicks, boundingBox, polygonFromClicks } from '../src/geometry/shapes.js';

describe('drawing a trapezoid', () => {
  it('takes the axis ends, then the half-width', () => {
    const d = new RoiDrawing('trapezoid');
    expect(d.hint()).toMatch(/start of the axis/);
    d.click([100.4, 100]);
    d.click([100, 600.6]);
    expect(d.complete).toBe(false);
    expect(() => d.geometry()).toThrow(/not complete/);
    d.click([180, 350]);
    expect(d.complete).toBe(true);
    expect(d.geometry()).toEqual({ type: 'trapezoid', data: [[100, 100, 80], [100, 601, 80]] });
  });

  it('ignores clicks after completion and previews four corners', () => {
    const d = new RoiDrawing('trapezoid');
    for (const p of [[0, 0], [0, 100], [10, 50], [999, 999]] as [number, number][]) d.click(p);
    expect(d.clicks.length).toBe(3);
    const preview = d.preview();
    expect(preview.closed).toBe(true);
    expect(preview.points.length).toBe(4);
    boundingBox(preview.points).forEach((v, i) => expect(v).toBeCloseTo([-10, 0, 10, 100][i]!, 9));
  });

  it('previews the axis to the cursor before the width is known', () => {
    const d = new RoiDrawing('trapezoid');
    d.click([0, 0]);
    expect(d.preview([5, 5])).toEqual({ points: [[0, 0], [5, 5]], closed: false });
  });
});

describe('drawing a polygon', () => {
  it('needs three vertices and an explicit finish', () => {
    const d = new RoiDrawing('polygon');
    d.click([0, 0]);
    d.click([10, 0]);
    expect(d.canFinish).toBe(false);
    expect(d.finish()).toBe(false);
    d.click([10, 10.6]);
    expect(d.canFinish).toBe(true);
    expect(d.complete).toBe(false);
    expect(d.finish()).toBe(true);
    expect(d.geometry()).toEqual({ type: 'polygon', data: [[0, 0], [10, 0], [10, 11]] });
  });

  it('undo reopens a finished polygon, then removes vertices', () => {
    const d = new RoiDrawing('polygon');
    for (const p of [[0, 0], [10, 0], [10, 10]] as [number, number][]) d.click(p);
    d.finish();
    d.undo();
    expect(d.complete).toBe(false);
    expect(d.clicks.length).toBe(3);
    d.undo();
    expect(d.clicks.length).toBe(2);
  });
});

describe('shape helpers', () => {
  it('measures the distance to a line, or to the point when it degenerates', () => {
    expect(distanceToLine([3, 4], [0, 0], [10, 0])).toBe(4);
    expect(distanceToLine([3, 4], [0, 0], [0, 0])).toBe(5);
  });

  it('gives a trapezoid at least 1 px of half-width', () => {
    expect(trapezoidFromClicks([0, 0], [0, 10], [0, 5]).data).toEqual([[0, 0, 1], [0, 10, 1]]);
  });

  it('rounds polygon vertices to whole pixels', () => {
    expect(polygonFromClicks([[0.4, 0.6], [2.5, 3.49]])).toEqual({ type: 'polygon', data: [[0, 1], [3, 3]] });
  });
});
