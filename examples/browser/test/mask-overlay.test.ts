import { describe, expect, it } from 'vitest';
import { overlayMask, type Raster } from '../src/extractor/mask-overlay.js';

function rgb(width: number, height: number, value: number): Raster {
  return { width, height, channels: 3, data: new Uint8Array(width * height * 3).fill(value) };
}

function mask(width: number, height: number, inside: (x: number, y: number) => boolean): Raster {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = inside(x, y) ? 255 : 0;
  return { width, height, channels: 1, data };
}

const px = (r: Raster, x: number, y: number) => [...r.data.subarray((y * r.width + x) * 4, (y * r.width + x) * 4 + 4)];

describe('overlayMask', () => {
  const image = rgb(5, 5, 100);
  const m = mask(5, 5, (x, y) => x >= 1 && x <= 3 && y >= 1 && y <= 3);
  const out = overlayMask(image, m, { color: [200, 0, 0], alpha: 0.5 });

  it('returns an opaque RGBA raster of the same size', () => {
    expect(out.channels).toBe(4);
    expect(out.data.length).toBe(5 * 5 * 4);
    for (let i = 3; i < out.data.length; i += 4) expect(out.data[i]).toBe(255);
  });

  it('leaves pixels outside the mask unchanged', () => {
    expect(px(out, 0, 0)).toEqual([100, 100, 100, 255]);
    expect(px(out, 4, 2)).toEqual([100, 100, 100, 255]);
  });

  it('draws the boundary of the mask in the solid colour', () => {
    expect(px(out, 1, 1)).toEqual([200, 0, 0, 255]);
    expect(px(out, 3, 2)).toEqual([200, 0, 0, 255]);
  });

  it('tints the interior by alpha', () => {
    expect(px(out, 2, 2)).toEqual([150, 50, 50, 255]);
  });

  it('can tint without an outline', () => {
    expect(px(overlayMask(image, m, { color: [200, 0, 0], alpha: 0.5, outline: false }), 1, 1)).toEqual([150, 50, 50, 255]);
  });

  it('treats a mask pixel on the image edge as boundary', () => {
    const full = overlayMask(rgb(2, 2, 0), mask(2, 2, () => true), { color: [10, 20, 30], alpha: 0 });
    expect(px(full, 0, 0)).toEqual([10, 20, 30, 255]);
  });

  it('refuses a mask of another size or with several channels', () => {
    expect(() => overlayMask(image, mask(4, 5, () => false))).toThrow(RangeError);
    expect(() => overlayMask(image, rgb(5, 5, 0))).toThrow(/1 channel/);
  });
});
