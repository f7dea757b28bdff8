/**
 * PNG decoding for sample images, until the image module's `decodePng` is available:
 * upng-js, converted to 8-bit RGBA. A body that is not a PNG is a `PhasResponseError`.
 */
import type { RasterImage } from '@phas/raster-wasm';
import UPNG from 'upng-js';
import { PhasResponseError } from '../errors/index.js';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Decodes PNG bytes into an RGBA `RasterImage`. */
export function decodePngImage(bytes: Uint8Array, url: string): RasterImage {
  if (bytes.length < 8 || SIGNATURE.some((b, i) => bytes[i] !== b)) {
    throw new PhasResponseError(`The response of ${url} is not a PNG image`, { url, issues: ['(root): not a PNG'] });
  }
  let width: number;
  let height: number;
  let rgba: ArrayBuffer;
  try {
    const decoded = UPNG.decode(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    width = decoded.width;
    height = decoded.height;
    rgba = UPNG.toRGBA8(decoded)[0];
  } catch (error) {
    throw new PhasResponseError(`The PNG from ${url} could not be decoded: ${(error as Error).message}`, {
      url,
      issues: ['(root): corrupt PNG'],
    });
  }
  return { width, height, channels: 4, data: new Uint8Array(rgba) };
}
