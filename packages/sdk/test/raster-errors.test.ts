// The SDK raster functions refuse bad input with PhasInputError, before drawing anything.
import { describe, expect, it } from 'vitest';
import { PhasInputError } from '../src/errors/index.js';
import { drawSamplingRoi, planTiles, tileMask, trapezoidCorners } from '../src/raster/index.js';

const square = { type: 'polygon' as const, data: [[10, 10], [50, 10], [50, 50], [10, 50]] as [number, number][] };

describe('raster input errors', () => {
  it('refuses malformed geometry', async () => {
    await expect(planTiles({ type: 'polygon', data: [[1, 2]] })).rejects.toThrow(PhasInputError);
    await expect(planTiles({ type: 'polygon', data: [[1, 2], [3, NaN]] })).rejects.toThrow(/finite/);
    await expect(planTiles({ type: 'trapezoid', data: [[1, 2, 3], [1, 2, 4]] })).rejects.toThrow(/axis points/);
    expect(() => trapezoidCorners({ type: 'polygon', data: [[0, 0], [1, 1]] } as never)).toThrow(PhasInputError);
  });

  it('refuses a degenerate bounding box and bad options', async () => {
    await expect(planTiles({ type: 'polygon', data: [[0, 5], [100, 5]] })).rejects.toThrow(/zero width or height/);
    await expect(planTiles(square, { tileSize: 0 })).rejects.toThrow(/tileSize/);
    await expect(planTiles(square, { subTilesPerTile: 2.5 })).rejects.toThrow(/subTilesPerTile/);
  });

  it('refuses a tile index outside the grid', async () => {
    const plan = await planTiles(square, { tileSize: 16, subTilesPerTile: 4 });
    await expect(tileMask(square, plan, [plan.tilesX, 0])).rejects.toThrow(/outside/);
    await expect(tileMask(square, plan, [-1, 0])).rejects.toThrow(PhasInputError);
    await expect(tileMask(square, plan, [0, 0], { padding: -1 })).rejects.toThrow(/padding/);
  });

  it('refuses a bad canvas and draws nothing on it', async () => {
    const canvas = { width: 4, height: 4, data: new Uint8Array(15) };
    const err = await drawSamplingRoi(canvas, square).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PhasInputError);
    expect((err as PhasInputError).argument).toBe('canvas');
    await expect(drawSamplingRoi({ width: 4, height: 4, data: new Uint8Array(16) }, square, { scaleX: NaN })).rejects.toThrow(/scaleX/);
    const rgb = { width: 2, height: 2, channels: 3, data: new Uint8Array(12) };
    await expect(drawSamplingRoi(rgb, square)).rejects.toThrow(PhasInputError);
    expect(rgb.data.every((v) => v === 0)).toBe(true);
  });

  it('draws with the defaults: fill 255, scale 1, no outline', async () => {
    const canvas = { width: 64, height: 64, data: new Uint8Array(64 * 64) };
    await drawSamplingRoi(canvas, square);
    expect(canvas.data.filter((v) => v === 255).length).toBe(41 * 41);
    const half = { width: 64, height: 64, data: new Uint8Array(64 * 64) };
    await drawSamplingRoi(half, square, { scaleX: 0.5, scaleY: 0.5, fill: 7, outline: 9 });
    expect(half.data[5 * 64 + 5]).toBe(9);
    expect(half.data[10 * 64 + 10]).toBe(7);
  });
});
