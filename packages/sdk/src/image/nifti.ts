/**
 * The SDK's NIfTI helpers: `@phas/raster-wasm`'s encoder and decoder with the SDK's error
 * contract (everything thrown extends `PhasError`).
 *
 * @module
 */
import {
  decodeNifti as decodeRaster,
  encodeNifti as encodeRaster,
  type DecodedNifti,
  type EncodeNiftiOptions,
  type RasterImage,
} from '@phas/raster-wasm';
import { PhasInputError } from '../errors/index.js';

/** Converts the raster package's TypeError/RangeError into a `PhasInputError`. */
function asInputError(error: unknown, argument: string, code: string): unknown {
  if (!(error instanceof TypeError || error instanceof RangeError)) return error;
  return new PhasInputError(error.message, { argument, code, cause: error });
}

/** Which argument an encoder message is about (`image.width …`, `spacing[0] …`, …). */
function argumentOf(message: string): string {
  const match = /^(image|spacing|origin)\b/.exec(message);
  return match ? match[1] : 'options';
}

/**
 * Encodes `image` as NIfTI-1 (`.nii.gz` unless `gzip: false`) with the PHAS server's
 * header layout (protocol §6.4); see `encodeNifti` in `@phas/raster-wasm` for the details
 * (RGBA input is written as RGB24, alpha dropped; `origin` sets a matching sform and qform).
 *
 * @throws PhasInputError: code `'invalid_image'` for a malformed or too large image,
 *   `'invalid_input'` for a bad spacing or origin; `argument` names which.
 * @example
 * ```ts
 * const { mask } = await extractor.getTilePatchAndMask([3, 4]);
 * await writeFile('mask.nii.gz', encodeNifti(mask, { spacing: [0.0005, 0.0005] }));
 * ```
 */
export function encodeNifti(image: RasterImage, options: EncodeNiftiOptions): Uint8Array {
  try {
    return encodeRaster(image, options);
  } catch (error) {
    const argument = argumentOf(error instanceof Error ? error.message : '');
    throw asInputError(error, argument, argument === 'image' ? 'invalid_image' : 'invalid_input');
  }
}

/**
 * Decodes a NIfTI-1 image (`.nii.gz` or `.nii`, UINT8 or RGB24, 2-D); see `decodeNifti`
 * in `@phas/raster-wasm` for the details.
 *
 * @throws PhasInputError with code `'invalid_nifti'` (argument `'bytes'`) for data that is
 *   not a supported, complete NIfTI-1 image; the raster package's error is its `cause`.
 * @example
 * ```ts
 * const { image, spacing } = decodeNifti(await slide.thumbnailNiftiImage({ maxDim: 500 }));
 * ```
 */
export function decodeNifti(bytes: Uint8Array | ArrayBuffer): DecodedNifti {
  try {
    return decodeRaster(bytes);
  } catch (error) {
    throw asInputError(error, 'bytes', 'invalid_nifti');
  }
}
