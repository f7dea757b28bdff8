/**
 * Deep Zoom (X14/X15): the descriptor XML, DeepZoomGenerator's level and tile math, and
 * tile pixels against single pixels of the pyramid level they come from.
 */
import UPNG from 'upng-js';
import { describe, expect, it } from 'vitest';
import { deepZoomLevels, dziDescriptorXml, dziTileInfo, dziTileRgb } from '../src/slides/deepzoom.js';
import { dziTile } from '../src/slides/deepzoom-tile.js';
import { createSyntheticSlides, pixelAt, SlideImageError, type SyntheticSlide } from '../src/slides/pixels.js';

const slides = createSyntheticSlides();
const find = (w: number): SyntheticSlide => slides.find((s) => s.width === w)!;
const small = find(3000);
const big = find(100_000);

function refusal(attempt: () => unknown): SlideImageError {
  try {
    attempt();
  } catch (e) {
    if (e instanceof SlideImageError) return e;
    throw e;
  }
  throw new Error('expected a SlideImageError');
}

describe('X14 descriptor', () => {
  it('is openslide-python’s get_dzi("png") text', () => {
    expect(dziDescriptorXml(small)).toBe(
      '<Image TileSize="254" Overlap="1" Format="png" xmlns="http://schemas.microsoft.com/deepzoom/2008"><Size Width="3000" Height="2000" /></Image>',
    );
  });
});

describe('Deep Zoom levels', () => {
  it('count ceil(log2(max(W, H))) + 1, halving with ceil from the full size down to 1 × 1', () => {
    for (const slide of slides) {
      const levels = deepZoomLevels(slide);
      expect(levels.length).toBe(Math.ceil(Math.log2(Math.max(slide.width, slide.height))) + 1);
      expect(levels[0]).toMatchObject({ width: 1, height: 1, cols: 1, rows: 1 });
      const top = levels[levels.length - 1];
      expect([top.width, top.height, top.l0Downsample, top.slideLevel]).toEqual([slide.width, slide.height, 1, 0]);
      for (let k = 1; k < levels.length; k++) {
        expect(levels[k - 1].width).toBe(Math.ceil(levels[k].width / 2));
        expect(levels[k - 1].height).toBe(Math.ceil(levels[k].height / 2));
        expect(levels[k].cols).toBe(Math.ceil(levels[k].width / 254));
        expect(levels[k].rows).toBe(Math.ceil(levels[k].height / 254));
      }
    }
  });

  it('reads each level from the pyramid level OpenSlide would choose', () => {
    const levels = deepZoomLevels(small); // 13 levels; pyramid downsamples 1, 2, 4
    expect(levels.map((l) => l.slideLevel)).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 0]);
    expect(levels[10]).toMatchObject({ width: 750, height: 500, l0Downsample: 4, levelScale: 1 });
    expect(levels[9]).toMatchObject({ width: 375, height: 250, l0Downsample: 8, levelScale: 2 });
    // big: level 6 downsample is 64.0102…, so Deep Zoom downsample 64 reads level 5
    const bigLevels = deepZoomLevels(big);
    expect(bigLevels[bigLevels.length - 7]).toMatchObject({ l0Downsample: 64, slideLevel: 5, levelScale: 2 });
  });
});

describe('tile addressing', () => {
  it('adds the overlap on inner edges only and clips the last row/column', () => {
    expect(dziTileInfo(small, 12, 0, 0)).toEqual({
      slideLevel: 0,
      l0Location: [0, 0],
      levelLocation: [0, 0],
      levelSize: [255, 255],
      tileSize: [255, 255],
    });
    expect(dziTileInfo(small, 12, 1, 0)).toMatchObject({ l0Location: [253, 0], levelSize: [256, 255], tileSize: [256, 255] });
    // last column 11: x 2794 − 1 …, width 3000 − 2794 + 1 = 207; last row 7: 2000 − 1778 + 1 = 223
    expect(dziTileInfo(small, 12, 11, 7)).toMatchObject({ l0Location: [2793, 1777], levelSize: [207, 223], tileSize: [207, 223] });
    // a level read at twice its size: level 9 (375 × 250) from pyramid level 2 (750 × 500)
    expect(dziTileInfo(small, 9, 1, 0)).toEqual({
      slideLevel: 2,
      l0Location: [2024, 0],
      levelLocation: [506, 0],
      levelSize: [244, 500],
      tileSize: [122, 250],
    });
  });

  it('refuses levels and addresses outside the pyramid (500, as PHAS)', () => {
    expect(refusal(() => dziTileInfo(small, 13, 0, 0))).toMatchObject({ code: 'bad_level', status: 500 });
    expect(refusal(() => dziTileInfo(small, 12, 12, 0))).toMatchObject({ code: 'bad_tile', status: 500 });
    expect(refusal(() => dziTileInfo(small, 12, 0, -1))).toMatchObject({ code: 'bad_tile', status: 500 });
  });
});

describe('tile pixels', () => {
  const rgbAt = (img: { width: number; data: Uint8Array }, u: number, v: number) =>
    Array.from(img.data.subarray((v * img.width + u) * 3, (v * img.width + u) * 3 + 3));

  it('full-resolution tiles are the level-0 pixels (RGB) from the overlapped origin', () => {
    const tile = dziTileRgb(small, 12, 5, 3); // origin (5·254 − 1, 3·254 − 1)
    expect([tile.width, tile.height]).toEqual([256, 256]);
    for (const [u, v] of [
      [0, 0],
      [255, 255],
      [100, 7],
      [31, 200],
    ]) {
      expect(rgbAt(tile, u, v)).toEqual(pixelAt(small, 0, 1269 + u, 761 + v).slice(0, 3));
    }
  });

  it('a level read at twice its size averages 2 × 2 blocks of the pyramid level', () => {
    const tile = dziTileRgb(small, 9, 0, 0); // 510 × 500 of pyramid level 2 → 255 × 250
    expect([tile.width, tile.height]).toEqual([255, 250]);
    for (const [u, v] of [
      [0, 0],
      [254, 249],
      [120, 99],
    ]) {
      const sum = [0, 0, 0];
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ]) {
        const p = pixelAt(small, 2, 2 * u + dx, 2 * v + dy);
        for (let c = 0; c < 3; c++) sum[c] += p[c];
      }
      expect(rgbAt(tile, u, v)).toEqual(sum.map((s) => Math.round(s / 4)));
    }
  });

  it('X15 png is an RGB PNG of the tile; jpeg is a JPEG; other formats are refused with 404', () => {
    const png = dziTile(small, 10, 2, 1, 'PNG');
    const img = UPNG.decode(png.slice().buffer);
    const rgb = dziTileRgb(small, 10, 2, 1);
    expect([img.width, img.height, img.ctype]).toEqual([rgb.width, rgb.height, 2]);
    expect(Buffer.from(new Uint8Array(img.data).subarray(0, rgb.data.length)).equals(Buffer.from(rgb.data))).toBe(true);
    const jpeg = dziTile(small, 10, 2, 1, 'jpeg');
    expect([jpeg[0], jpeg[1], jpeg[2]]).toEqual([0xff, 0xd8, 0xff]);
    expect(refusal(() => dziTile(small, 10, 0, 0, 'gif'))).toMatchObject({ code: 'bad_format', status: 404, message: 'bad format' });
  });
});
