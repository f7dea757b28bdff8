/**
 * The asynchronous PNG decoders with the Node platform's one-piece `node:zlib` inflate (what
 * `@phas/sdk` in Node uses): same images as the synchronous decoder, the streaming fallback
 * when the stream holds more than the image, and the error contract.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { zlibSync } from 'fflate';
import { crc32 } from '@phas/raster-wasm';
import { PhasInputError } from '../src/errors/index.js';
import { decodePng, encodePng } from '../src/image/index.js';
import { decodePngAsync, decodePngInto } from '../src/image/png-decode-async.js';
import { nodePlatform } from '../src/platform/node.js';
import { currentPlatform, installPlatform, type Platform } from '../src/platform/platform.js';
import { transparentRgba } from '../src/patch-paste.js';

let previous: Platform;
let calls = 0;
beforeAll(() => {
  previous = currentPlatform();
  installPlatform({
    ...nodePlatform,
    inflate: (parts, maxBytes) => {
      calls++;
      return nodePlatform.inflate!(parts, maxBytes);
    },
  });
});
afterAll(() => installPlatform(previous));

/** A PNG with one IDAT holding `scanlines` (filter bytes included) compressed. */
function pngWithScanlines(width: number, height: number, colourType: number, scanlines: Uint8Array): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set([...type].map((c) => c.charCodeAt(0)), 4);
    out.set(data, 8);
    view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length) >>> 0);
    return out;
  };
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, width);
  new DataView(ihdr.buffer).setUint32(4, height);
  ihdr.set([8, colourType], 8);
  const parts = [new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlibSync(scanlines)), chunk('IEND', new Uint8Array(0))];
  return new Uint8Array(parts.flatMap((p) => [...p]));
}

it('decodes like decodePng through node:zlib (1, 3, 4 channels; into a canvas)', async () => {
  const before = calls;
  for (const channels of [1, 3, 4] as const) {
    const data = new Uint8Array(300 * 70 * channels).map((_, i) => (i % 13 < 6 ? i & 255 : (i * 7919) >>> 5));
    const png = encodePng({ width: 300, height: 70, channels, data });
    expect(await decodePngAsync(png)).toEqual(decodePng(png));
    const canvas = transparentRgba(310, 80);
    await decodePngInto(png, { image: canvas, left: 5, top: 7 });
    const row = (y: number) => Array.from(canvas.data.subarray((y * 310 + 5) * 4, (y * 310 + 305) * 4));
    const first = decodePng(png);
    const expectedRow = Array.from({ length: 300 }, (_, x) => {
      const s = x * channels;
      return channels === 4 ? [...first.data.subarray(s, s + 4)] : channels === 3 ? [...first.data.subarray(s, s + 3), 255] : [first.data[s]!, first.data[s]!, first.data[s]!, 255];
    }).flat();
    expect(row(7)).toEqual(expectedRow);
  }
  expect(calls - before).toBe(6);
});

it('a stream with more data than the image: the extra is ignored, as by decodePng', async () => {
  // Three rows of RGB for a one-row image.
  const scanlines = new Uint8Array([0, 1, 2, 3, 4, 5, 6, 0, 7, 8, 9, 10, 11, 12, 0, 13, 14, 15, 16, 17, 18]);
  const png = pngWithScanlines(2, 1, 2, scanlines);
  const expected = { width: 2, height: 1, channels: 3, data: new Uint8Array([1, 2, 3, 4, 5, 6]) };
  expect(decodePng(png)).toEqual(expected);
  expect(await decodePngAsync(png)).toEqual(expected);
});

it('corrupt, cut or short image data: PhasInputError invalid_png', async () => {
  const good = pngWithScanlines(2, 2, 2, new Uint8Array([0, 1, 2, 3, 4, 5, 6, 2, 1, 1, 1, 1, 1, 1]));
  const idatLength = new DataView(good.buffer).getUint32(33);
  const idat = good.subarray(41, 41 + idatLength);
  const withIdat = (data: Uint8Array) => {
    const png = pngWithScanlines(2, 2, 2, new Uint8Array(14));
    const out = new Uint8Array([...png.subarray(0, 33), 0, 0, 0, 0, 73, 68, 65, 84, ...data, 0, 0, 0, 0, ...png.subarray(png.length - 12)]);
    const view = new DataView(out.buffer);
    view.setUint32(33, data.length);
    view.setUint32(41 + data.length, crc32(out, 37, 41 + data.length) >>> 0);
    return out;
  };
  expect((await decodePngAsync(withIdat(idat))).data).toEqual(new Uint8Array([1, 2, 3, 4, 5, 6, 2, 3, 4, 5, 6, 7]));
  const flipped = idat.slice();
  flipped[idat.length - 1]! ^= 1; // the Adler-32 checksum
  for (const bad of [flipped, idat.subarray(0, idat.length - 3), new Uint8Array([0x78, 0x9c, 0xff, 0xff, 0xff])]) {
    const error = await decodePngAsync(withIdat(bad)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PhasInputError);
    expect(error).toMatchObject({ code: 'invalid_png' });
  }
  const short = pngWithScanlines(2, 3, 2, new Uint8Array(7));
  await expect(decodePngAsync(short)).rejects.toThrow(/1 of 3 rows/);
});
