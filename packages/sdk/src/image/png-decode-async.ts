/**
 * The asynchronous PNG decoders used by `getPatch` and the extractor: the same checks and
 * results as `decodePng`, but inflated by the runtime's native zlib (`DecompressionStream`;
 * in Node off the main thread), so parallel reads overlap their decoding, and, for
 * `decodePngInto`, with 8-bit RGBA rows reconstructed straight into the destination image.
 *
 * @module
 */
import type { RasterImage } from '@phas/raster-wasm';
import { pasteRgba } from '../patch-paste.js';
import { inflateTo } from './inflate.js';
import { pngInput, preparePng, type PastePosition } from './png-decode-plan.js';

/**
 * `decodePng`, inflating with the runtime's native zlib when it has `DecompressionStream`
 * (fflate otherwise). Same result, same errors.
 *
 * @throws PhasInputError as `decodePng`: `'invalid_png'`, `'unsupported_png'`, `'image_too_large'`.
 * @example
 * ```ts
 * const image = await decodePngAsync(new Uint8Array(await (await fetch(url)).arrayBuffer()));
 * ```
 */
export async function decodePngAsync(bytes: Uint8Array | ArrayBuffer): Promise<RasterImage> {
  const job = preparePng(pngInput(bytes, 'decodePngAsync'));
  if (job.sink !== undefined) await inflateTo(job.idat, job.sink);
  return job.finish();
}

/**
 * Decodes a PNG and pastes it into the RGBA `into.image` with its top-left at
 * (`into.left`, `into.top`), like `pasteRgba(into.image, decodePng(bytes), left, top)`:
 * pixels replaced, grey/RGB made opaque, parts outside clipped. An 8-bit RGBA PNG lying
 * wholly inside is reconstructed in place, without an intermediate image. `accept` is called
 * with the PNG's size before any pixel is written and may throw to refuse it.
 *
 * If decoding fails part-way, rows already reconstructed in place stay in `into.image`.
 * Returns the PNG's `[width, height]`.
 *
 * @throws PhasInputError as `decodePng`; whatever `accept` throws.
 * @example
 * ```ts
 * const canvas = transparentRgba(2048, 2048);
 * await decodePngInto(tilePng, { image: canvas, left: 1024, top: 0 });
 * ```
 */
export async function decodePngInto(
  bytes: Uint8Array | ArrayBuffer,
  into: PastePosition,
  accept?: (width: number, height: number) => void,
): Promise<[number, number]> {
  const job = preparePng(pngInput(bytes, 'decodePngInto'), into, accept);
  if (job.sink !== undefined) await inflateTo(job.idat, job.sink);
  const image = job.finish();
  if (!job.pastedDirectly) pasteRgba(into.image, image, into.left, into.top);
  return [job.header.width, job.header.height];
}
