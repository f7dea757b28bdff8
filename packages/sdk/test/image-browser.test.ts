/**
 * `toImageData` (browser leaf) and, in Chromium, `decodePng`/`encodePng` against the
 * browser's own PNG codec. In Node the same file checks that `toImageData` refuses cleanly.
 */
import { describe, expect, it } from 'vitest';
import type { RasterImage } from '@phas/raster-wasm';
import { PhasInputError } from '../src/errors/index.js';
import { decodePng, encodePng } from '../src/image/index.js';
import { toImageData } from '../src/platform/browser-image.js';

const inBrowser = typeof ImageData !== 'undefined' && typeof OffscreenCanvas !== 'undefined';

function opaqueImage(width: number, height: number, channels: 1 | 3 | 4): RasterImage {
  const data = new Uint8Array(width * height * channels);
  for (let i = 0; i < width * height; i++) {
    for (let c = 0; c < channels; c++) data[i * channels + c] = c === 3 ? 255 : (i * (c + 3) + c * 50) & 255;
  }
  return { width, height, channels, data };
}

/** Pixels of `png` as the browser decodes them (RGBA; exact for opaque images). */
async function browserDecode(png: Uint8Array): Promise<Uint8ClampedArray> {
  const bitmap = await createImageBitmap(new Blob([png.slice()], { type: 'image/png' }), {
    colorSpaceConversion: 'none',
    premultiplyAlpha: 'none',
  });
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  return ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
}

/** A PNG the browser encodes (an opaque RGBA canvas) and its pixels. */
async function browserEncode(image: RasterImage): Promise<{ png: Uint8Array; rgba: Uint8ClampedArray }> {
  const canvas = new OffscreenCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d')!;
  ctx.putImageData(toImageData(image), 0, 0);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return {
    png: new Uint8Array(await blob.arrayBuffer()),
    rgba: ctx.getImageData(0, 0, image.width, image.height).data,
  };
}

describe('toImageData', () => {
  if (inBrowser) {
    it('expands grey and RGB to opaque RGBA and copies RGBA', () => {
      const grey: RasterImage = { width: 2, height: 1, channels: 1, data: new Uint8Array([7, 200]) };
      expect(Array.from(toImageData(grey).data)).toEqual([7, 7, 7, 255, 200, 200, 200, 255]);
      const rgb: RasterImage = { width: 1, height: 2, channels: 3, data: new Uint8Array([1, 2, 3, 4, 5, 6]) };
      const imageData = toImageData(rgb);
      expect([imageData.width, imageData.height]).toEqual([1, 2]);
      expect(Array.from(imageData.data)).toEqual([1, 2, 3, 255, 4, 5, 6, 255]);
      const rgba: RasterImage = { width: 1, height: 1, channels: 4, data: new Uint8Array([9, 8, 7, 6]) };
      const copied = toImageData(rgba);
      rgba.data[0] = 0;
      expect(Array.from(copied.data)).toEqual([9, 8, 7, 6]);
    });
  } else {
    it('refuses outside browsers with code not_available', () => {
      const grey: RasterImage = { width: 1, height: 1, channels: 1, data: new Uint8Array(1) };
      expect(() => toImageData(grey)).toThrow(PhasInputError);
      expect(() => toImageData(grey)).toThrow(/needs a browser/);
    });
  }

  it('rejects malformed images', () => {
    expect(() => toImageData({ width: 2, height: 2, channels: 4, data: new Uint8Array(15) })).toThrow(PhasInputError);
  });
});

if (inBrowser) {
  describe('PNG against the browser’s codec', () => {
    it('the browser decodes our PNGs (grey, RGB, opaque RGBA) to the same pixels', async () => {
      for (const channels of [1, 3, 4] as const) {
        const image = opaqueImage(47, 31, channels);
        const native = await browserDecode(encodePng(image));
        expect(native).toEqual(toImageData(image).data);
      }
    });

    it('we decode the browser’s PNGs to the same pixels', async () => {
      const image = opaqueImage(53, 29, 3);
      const { png, rgba } = await browserEncode(image);
      const decoded = decodePng(png);
      expect(decoded.width).toBe(53);
      expect(toImageData(decoded).data).toEqual(rgba);
      expect(toImageData(decoded).data).toEqual(toImageData(image).data);
    });
  });
}
