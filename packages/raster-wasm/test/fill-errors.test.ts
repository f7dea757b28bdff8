// fillPolygon's input checks: clear RangeError/TypeError, nothing drawn, and the instance keeps
// working afterwards. Also the basic Pillow facts of raster-semantics §0.
import { describe, expect, it } from 'vitest';
import { initRaster, referenceFillPolygon, referenceTileSums } from '../src/index.js';

const raster = await initRaster();
const canvas = () => ({ width: 8, height: 8, data: new Uint8Array(64) });
const square = [2, 2, 6, 2, 6, 6, 2, 6];

describe('fillPolygon input errors', () => {
  const cases: [string, () => void, ErrorConstructor, RegExp][] = [
    ['NaN', () => raster.fillPolygon(canvas(), [0, 0, NaN, 1], { fill: 1 }), RangeError, /xy\[2\].*finite/],
    ['Infinity', () => raster.fillPolygon(canvas(), [0, 0, 1, -Infinity], { fill: 1 }), RangeError, /finite/],
    ['|v| >= 2^31', () => raster.fillPolygon(canvas(), [0, 0, 2 ** 31, 1], { fill: 1 }), RangeError, /2\^31/],
    ['-2^31', () => raster.fillPolygon(canvas(), [0, -(2 ** 31), 3, 1], { fill: 1 }), RangeError, /2\^31/],
    ['one point', () => raster.fillPolygon(canvas(), [1, 1], { fill: 1 }), RangeError, /at least 2 points/],
    ['odd length', () => raster.fillPolygon(canvas(), [1, 1, 2, 2, 3], { fill: 1 }), RangeError, /odd/],
    ['zero-size canvas', () => raster.fillPolygon({ width: 0, height: 4, data: new Uint8Array(0) }, square, { fill: 1 }), RangeError, /positive/],
    ['huge canvas', () => raster.fillPolygon({ width: 2 ** 15, height: 2 ** 14, data: new Uint8Array(4) }, square, { fill: 1 }), RangeError, /too large/],
    ['three channels', () => raster.fillPolygon({ width: 2, height: 2, channels: 3, data: new Uint8Array(12) } as never, square, { fill: 1 }), RangeError, /one byte per pixel/],
    ['length mismatch', () => raster.fillPolygon({ width: 4, height: 4, data: new Uint8Array(15) }, square, { fill: 1 }), RangeError, /15 bytes/],
    ['non-byte data', () => raster.fillPolygon({ width: 2, height: 2, data: [0, 0, 0, 0] as unknown as Uint8Array }, square), TypeError, /Uint8Array/],
    ['fractional ink', () => raster.fillPolygon(canvas(), square, { fill: 1.5 }), TypeError, /integer ink/],
    ['unknown pillow', () => raster.fillPolygon(canvas(), square, { fill: 1, pillow: '10' as '12' }), RangeError, /pillow/],
    ['non-numeric xy', () => raster.fillPolygon(canvas(), ['1', 2, 3, 4] as unknown as number[]), RangeError, /finite number/],
    ['NaN in a tile grid', () => raster.tileGridSums([0, 0, 5, 5, 1, NaN], 2, 2, 4), RangeError, /xy\[5\].*finite/],
    ['NaN in tile coverage', () => raster.tileCoverage([0, 0, NaN, 5, 1, 1], 2, 2, 4, { fill: 1 }), RangeError, /xy\[2\].*finite/],
    ['coverage without ink', () => raster.tileCoverage([0, 0, 5, 5, 1, 1], 2, 2, 4), RangeError, /fill ink/],
    ['tile side too large', () => raster.tileGridSums([0, 0, 5, 5, 1, 1], 1, 1, 4105), RangeError, /32 bits/],
    ['huge value in a padded mask', () => raster.drawPaddedMask(new Float64Array([0, 0, -3e9, 1, 4, 4]), 8, 2), RangeError, /xy\[2\] = -3000000000 is out of range/],
    ['NaN in the reference', () => referenceFillPolygon(canvas(), [0, 0, NaN, 1], { fill: 1 }), RangeError, /xy\[2\].*finite/],
  ];
  it.each(cases)('%s', (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
    // the instance is unharmed
    const c = canvas();
    raster.fillPolygon(c, square, { fill: 255 });
    expect(c.data.reduce((n, v) => n + (v === 255 ? 1 : 0), 0)).toBe(25);
  });
});

describe('fillPolygon basics', () => {
  it('paints the closed 5x5 block of the square (2,2)-(6,6) and leaves the rest', () => {
    const c = canvas();
    c.data.fill(7);
    raster.fillPolygon(c, new Float64Array(square), { fill: 200 });
    for (let y = 0; y < 8; y++) {
      for (let x = 0; x < 8; x++) expect(c.data[y * 8 + x]).toBe(x >= 2 && x <= 6 && y >= 2 && y <= 6 ? 200 : 7);
    }
  });

  it('truncates vertices toward zero and clamps inks (300 -> 255, outline same ink -> none)', () => {
    const a = canvas();
    raster.fillPolygon(a, [1.9, 1.9, 6.9, 1.9, 6.9, 6.9, 1.9, 6.9], { fill: 300, outline: 255 });
    expect(a.data.filter((v) => v === 255).length).toBe(36);
    const b = canvas();
    raster.fillPolygon(b, [1, 1, 6, 1, 6, 6, 1, 6], { fill: 255 });
    expect(b.data).toEqual(a.data);
  });

  it('draws the outline over the fill when the inks differ', () => {
    const c = canvas();
    raster.fillPolygon(c, square, { fill: 10, outline: 20 });
    expect(c.data[2 * 8 + 2]).toBe(20);
    expect(c.data[4 * 8 + 4]).toBe(10);
    expect(c.data.filter((v) => v === 20).length).toBe(16);
  });

  it('is even-odd: a square walked twice paints only its border', () => {
    const c = { width: 12, height: 12, data: new Uint8Array(144) };
    raster.fillPolygon(c, [2, 2, 9, 2, 9, 9, 2, 9, 2, 2, 9, 2, 9, 9, 2, 9], { fill: 1 });
    expect(c.data[5 * 12 + 5]).toBe(0);
    expect(c.data[2 * 12 + 5]).toBe(1);
  });

  it('grows its memory for a large canvas and keeps working on small ones', () => {
    const big = { width: 4000, height: 3000, data: new Uint8Array(12_000_000) };
    raster.fillPolygon(big, [0, 0, 3999, 0, 3999, 2999, 0, 2999], { fill: 1 });
    expect(big.data.every((v) => v === 1)).toBe(true);
    expect(raster.memoryBytes).toBeGreaterThanOrEqual(12_000_000);
    const c = canvas();
    raster.fillPolygon(c, square, { fill: 3 });
    expect(c.data.filter((v) => v === 3).length).toBe(25);
  });

  it('sums n x n tiles', () => {
    const c = { width: 8, height: 4, data: new Uint8Array(32) };
    c.data[0] = 5;
    c.data[3 * 8 + 7] = 9;
    c.data[1 * 8 + 5] = 1;
    expect(Array.from(raster.tileSums(c, 4))).toEqual([5, 10]);
    expect(() => raster.tileSums(c, 3)).toThrow(RangeError);
  });
});

describe('tile grids', () => {
  it('tileGridSums equals drawTileGrid sums, tileSums and the TS reference sums (SIMD, u64 and byte paths)', () => {
    const xy = [3.5, 1, 60.2, 12.7, 41, 47.9, 7, 30];
    for (const n of [16, 32, 3, 8, 24, 10]) {
      const tilesX = Math.ceil(64 / n);
      const tilesY = Math.ceil(50 / n);
      const { image, sums } = raster.drawTileGrid(xy, tilesX, tilesY, n, { fill: 255 });
      expect(Array.from(raster.tileGridSums(xy, tilesX, tilesY, n, { fill: 255 }))).toEqual(Array.from(sums));
      expect(Array.from(raster.tileSums(image, n))).toEqual(Array.from(sums));
      expect(Array.from(referenceTileSums(image, n))).toEqual(Array.from(sums));
      expect(Array.from(raster.tileCoverage(xy, tilesX, tilesY, n, { fill: 255 }))).toEqual(Array.from(sums));
      expect(sums.reduce((t, v) => t + v, 0)).toBe(image.data.reduce((t, v) => t + v, 0));
    }
  });

  it('draws a padded mask whose ring stays zero', () => {
    const mask = raster.drawPaddedMask([-10, -10, 100, -10, 100, 100, -10, 100], 16, 4, { fill: 255 });
    expect([mask.width, mask.height, mask.channels]).toEqual([24, 24, 1]);
    for (let y = 0; y < 24; y++) {
      for (let x = 0; x < 24; x++) {
        const inner = x >= 4 && x < 20 && y >= 4 && y < 20;
        expect(mask.data[y * 24 + x]).toBe(inner ? 255 : 0);
      }
    }
  });
});
