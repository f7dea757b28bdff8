import { describe, expect, it } from 'vitest';
import { densityColor, densityCss } from '../src/extractor/colormap.js';

describe('density colour scale', () => {
  it('maps the ends and a stop exactly', () => {
    expect(densityColor(0)).toEqual([68, 1, 84]);
    expect(densityColor(0.5)).toEqual([33, 145, 140]);
    expect(densityColor(1)).toEqual([253, 231, 37]);
  });

  it('interpolates between stops', () => {
    expect(densityColor(0.125)).toEqual([64, 42, 112]);
  });

  it('clamps out-of-range values and treats NaN as 0', () => {
    expect(densityColor(-3)).toEqual(densityColor(0));
    expect(densityColor(7)).toEqual(densityColor(1));
    expect(densityColor(Number.NaN)).toEqual(densityColor(0));
  });

  it('gets brighter (green channel) as density grows', () => {
    const greens = [0, 0.2, 0.4, 0.6, 0.8, 1].map((v) => densityColor(v)[1]);
    expect([...greens].sort((a, b) => a - b)).toEqual(greens);
  });

  it('formats CSS colour text', () => {
    expect(densityCss(1)).toBe('rgb(253 231 37)');
  });
});
