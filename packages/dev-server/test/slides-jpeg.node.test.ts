/**
 * The baseline JPEG encoder behind `jpeg` Deep Zoom tiles: the T.81 tables it writes, the
 * stream structure, and images decoded by a real decoder (Chromium's, via Playwright).
 */
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../../test/chromium.ts';
import { dziTileImage } from '../src/slides/deepzoom-tile.js';
import { dziTileRgb } from '../src/slides/deepzoom.js';
import { encodeJpeg, quantTable, STANDARD_HUFFMAN, ZIGZAG, type JpegInput } from '../src/slides/jpeg.js';
import { createSyntheticSlides } from '../src/slides/pixels.js';

const small = createSyntheticSlides().find((s) => s.width === 3000)!;

/** Marker segments of a JPEG up to SOS: [marker, body]. */
function segments(jpeg: Uint8Array): [number, Uint8Array][] {
  const out: [number, Uint8Array][] = [];
  let i = 2;
  for (;;) {
    expect(jpeg[i]).toBe(0xff);
    const marker = jpeg[i + 1];
    const len = (jpeg[i + 2] << 8) | jpeg[i + 3];
    out.push([marker, jpeg.subarray(i + 4, i + 2 + len)]);
    i += 2 + len;
    if (marker === 0xda) return out;
  }
}

describe('tables', () => {
  it('the AC tables code every baseline symbol once: EOB, ZRL and (run 0–15, size 1–10)', () => {
    const expected = [0x00, 0xf0];
    for (let run = 0; run < 16; run++) for (let size = 1; size <= 10; size++) expected.push((run << 4) | size);
    for (const spec of [STANDARD_HUFFMAN.acLuma, STANDARD_HUFFMAN.acChroma]) {
      expect(spec.bits.reduce((a, b) => a + b, 0)).toBe(162);
      expect([...spec.values].sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    }
    for (const spec of [STANDARD_HUFFMAN.dcLuma, STANDARD_HUFFMAN.dcChroma]) {
      expect(spec.bits.reduce((a, b) => a + b, 0)).toBe(12);
      expect([...spec.values]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    }
  });

  it('quantisation follows the IJG quality scale', () => {
    expect(quantTable('luma', 50).slice(0, 8)).toEqual(Uint8Array.of(16, 11, 10, 16, 24, 40, 51, 61));
    expect(quantTable('luma', 75).slice(0, 8)).toEqual(Uint8Array.of(8, 6, 5, 8, 12, 20, 26, 31)); // ×0.5, rounded half up
    expect(quantTable('chroma', 75)[0]).toBe(9);
    expect(quantTable('luma', 100).every((v) => v === 1)).toBe(true);
    expect(quantTable('luma', 10)[0]).toBe(80); // ×5
    expect(Math.max(...quantTable('chroma', 1))).toBe(255); // clamped for baseline
    expect([...ZIGZAG].sort((a, b) => a - b)).toEqual(Array.from({ length: 64 }, (_, i) => i));
  });
});

describe('stream structure', () => {
  const image: JpegInput = { width: 13, height: 7, channels: 3, data: new Uint8Array(13 * 7 * 3).map((_, i) => (i * 29) & 0xff) };

  it('SOI, JFIF, DQT (zigzag), SOF0 with the size, DHT, SOS … EOI', () => {
    const jpeg = encodeJpeg(image);
    expect([jpeg[0], jpeg[1]]).toEqual([0xff, 0xd8]);
    expect([jpeg[jpeg.length - 2], jpeg[jpeg.length - 1]]).toEqual([0xff, 0xd9]);
    const segs = segments(jpeg);
    expect(segs.map(([m]) => m)).toEqual([0xe0, 0xdb, 0xc0, 0xc4, 0xda]);
    expect(String.fromCharCode(...segs[0][1].subarray(0, 4))).toBe('JFIF');
    const dqt = segs[1][1];
    const luma = quantTable('luma', 75);
    expect([dqt[0], dqt[1], dqt[2], dqt[3]]).toEqual([0, luma[ZIGZAG[0]], luma[ZIGZAG[1]], luma[ZIGZAG[2]]]);
    const sof = segs[2][1];
    expect([sof[0], (sof[1] << 8) | sof[2], (sof[3] << 8) | sof[4], sof[5]]).toEqual([8, 7, 13, 3]);
  });

  it('stuffs every 0xFF in the entropy-coded data', () => {
    const noisy: JpegInput = { width: 64, height: 64, channels: 3, data: new Uint8Array(64 * 64 * 3).map((_, i) => (i * 2654435761) >>> 24) };
    const jpeg = encodeJpeg(noisy, 95);
    const segs = segments(jpeg);
    let start = 2;
    for (const [, body] of segs) start = body.byteOffset - jpeg.byteOffset + body.length;
    for (let i = start; i < jpeg.length - 2; i++) if (jpeg[i] === 0xff) expect(jpeg[i + 1]).toBe(0);
  });

  it('refuses bad input', () => {
    expect(() => encodeJpeg({ width: 0, height: 1, channels: 3, data: new Uint8Array(0) })).toThrow(RangeError);
    expect(() => encodeJpeg({ width: 2, height: 2, channels: 3, data: new Uint8Array(11) })).toThrow(/12 bytes/);
  });
});

describe('decoded by Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch(chromiumLaunchOptions());
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Decode JPEG bytes with Chromium's image decoder; returns RGBA (bytes travel as base64). */
  async function decode(jpeg: Uint8Array): Promise<{ width: number; height: number; data: Uint8Array }> {
    const page = await browser.newPage();
    try {
      const out = await page.evaluate(async (b64: string) => {
        const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        const rgba = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
        let text = '';
        for (let i = 0; i < rgba.length; i += 0x8000) text += String.fromCharCode(...rgba.subarray(i, i + 0x8000));
        return { width: bitmap.width, height: bitmap.height, data: btoa(text) };
      }, Buffer.from(jpeg).toString('base64'));
      return { width: out.width, height: out.height, data: new Uint8Array(Buffer.from(out.data, 'base64')) };
    } finally {
      await page.close();
    }
  }

  /** PSNR (dB) of decoded RGBA against source RGB. */
  function psnr(rgb: Uint8Array, rgba: Uint8Array): number {
    let se = 0;
    const n = rgb.length / 3;
    for (let i = 0; i < n; i++) for (let c = 0; c < 3; c++) se += (rgb[i * 3 + c] - rgba[i * 4 + c]) ** 2;
    return 10 * Math.log10((255 * 255) / (se / (n * 3)));
  }

  it('a flat colour comes back within ±2 of the original', async () => {
    const data = new Uint8Array(20 * 11 * 3);
    for (let i = 0; i < data.length; i += 3) data.set([214, 112, 170], i);
    const out = await decode(encodeJpeg({ width: 20, height: 11, channels: 3, data }));
    expect([out.width, out.height]).toEqual([20, 11]);
    for (let i = 0; i < out.data.length; i += 4) {
      expect(Math.abs(out.data[i] - 214)).toBeLessThanOrEqual(2);
      expect(Math.abs(out.data[i + 1] - 112)).toBeLessThanOrEqual(2);
      expect(Math.abs(out.data[i + 2] - 170)).toBeLessThanOrEqual(2);
    }
  });

  it('a smooth gradient decodes with PSNR above 40 dB', async () => {
    const [w, h] = [96, 64];
    const data = new Uint8Array(w * h * 3);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) data.set([(x * 255) / (w - 1), (y * 255) / (h - 1), 128 + 60 * Math.sin(x / 15)], (y * w + x) * 3);
    }
    const out = await decode(encodeJpeg({ width: w, height: h, channels: 3, data }));
    expect(psnr(data, out.data)).toBeGreaterThan(40);
  });

  it('tissue tiles (with their high-frequency position code) decode at their size, PSNR above 27 dB', async () => {
    for (const [level, col, row] of [
      [12, 5, 3],
      [12, 11, 7], // 207 × 223 edge tile
      [4, 0, 0], // 188 × 125
    ]) {
      const rgb = dziTileRgb(small, level, col, row);
      const { bytes, contentType } = dziTileImage(small, level, col, row, 'JPEG');
      expect(contentType).toBe('image/jpeg');
      const out = await decode(bytes);
      expect([out.width, out.height]).toEqual([rgb.width, rgb.height]);
      expect(psnr(rgb.data, out.data)).toBeGreaterThan(27);
    }
  });
});
