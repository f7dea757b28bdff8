/**
 * PNG answers of the server (sample images): decoded with the image module's `decodePng`;
 * a body that is not a decodable PNG is the server's fault, so it becomes `PhasResponseError`.
 */
import type { RasterImage } from '@phas/raster-wasm';
import { PhasInputError, PhasResponseError } from '../errors/index.js';
import { decodePng } from '../image/index.js';

/** Decodes PNG bytes from `url` into a `RasterImage` (channels as the PNG has them). */
export function decodeServerPng(bytes: Uint8Array, url: string): RasterImage {
  try {
    return decodePng(bytes);
  } catch (error) {
    if (!(error instanceof PhasInputError)) throw error;
    throw new PhasResponseError(`The image from ${url} is not a usable PNG: ${error.message}`, {
      url,
      issues: [`(root): ${error.message}`],
    });
  }
}
