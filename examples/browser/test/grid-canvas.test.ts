import { describe, expect, it } from 'vitest';
import { cellAt, cellSize } from '../src/extractor/grid-canvas.js';

describe('heatmap cell geometry', () => {
  it('fits the grid in the box, within the bounds', () => {
    expect(cellSize(20, 20, 360, 320)).toBe(16);
    expect(cellSize(1, 2, 360, 320, 3, 88)).toBe(88);
    expect(cellSize(500, 10, 360, 320)).toBe(3);
  });

  it('finds the cell under a point', () => {
    expect(cellAt(0, 0, 16, 20, 18)).toEqual([0, 0]);
    expect(cellAt(16, 15.9, 16, 20, 18)).toEqual([1, 0]);
    expect(cellAt(319.9, 287.9, 16, 20, 18)).toEqual([19, 17]);
  });

  it('reports nothing outside the grid', () => {
    expect(cellAt(-1, 5, 16, 20, 18)).toBeUndefined();
    expect(cellAt(320, 5, 16, 20, 18)).toBeUndefined();
    expect(cellAt(5, 288, 16, 20, 18)).toBeUndefined();
  });
});
