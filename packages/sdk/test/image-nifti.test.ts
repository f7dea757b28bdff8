/**
 * The SDK's NIfTI helpers: same bytes as `@phas/raster-wasm`'s, and every failure a
 * `PhasInputError` naming the argument, with the raster package's error as its cause.
 */
import { describe, expect, it } from 'vitest';
import * as raster from '@phas/raster-wasm';
import type { RasterImage } from '@phas/raster-wasm';
import { PhasInputError } from '../src/errors/index.js';
import { decodeNifti, encodeNifti } from '../src/image/index.js';

const image: RasterImage = { width: 5, height: 4, channels: 3, data: new Uint8Array(60).map((_, i) => i * 4) };

function inputError(fn: () => unknown): PhasInputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(PhasInputError);
    return error as PhasInputError;
  }
  throw new Error('expected a PhasInputError');
}

describe('SDK encodeNifti / decodeNifti', () => {
  it('give the raster package’s bytes and round-trip', () => {
    const bytes = encodeNifti(image, { spacing: [0.5, 0.25], origin: [1, 2] });
    expect(bytes).toEqual(raster.encodeNifti(image, { spacing: [0.5, 0.25], origin: [1, 2] }));
    const decoded = decodeNifti(bytes);
    expect(decoded.image).toEqual(image);
    expect(decoded.spacing).toEqual([0.5, 0.25]);
    expect(decoded.origin).toEqual([1, 2]);
  });

  it('report bad images, spacings and origins as PhasInputError', () => {
    const badImage = inputError(() => encodeNifti({ ...image, data: new Uint8Array(3) }, { spacing: [1, 1] }));
    expect([badImage.code, badImage.argument]).toEqual(['invalid_image', 'image']);
    expect(badImage.cause).toBeInstanceOf(RangeError);
    const wide = inputError(() => encodeNifti({ width: 40_000, height: 1, channels: 1, data: new Uint8Array(40_000) }, { spacing: [1, 1] }));
    expect([wide.code, wide.argument]).toEqual(['invalid_image', 'image']);
    const spacing = inputError(() => encodeNifti(image, { spacing: [0, 1] }));
    expect([spacing.code, spacing.argument]).toEqual(['invalid_input', 'spacing']);
    expect(spacing.message).toMatch(/spacing\[0\]/);
    const origin = inputError(() => encodeNifti(image, { spacing: [1, 1], origin: [NaN, 0] }));
    expect([origin.code, origin.argument]).toEqual(['invalid_input', 'origin']);
    const options = inputError(() => encodeNifti(image, undefined as unknown as { spacing: [number, number] }));
    expect([options.code, options.argument]).toEqual(['invalid_input', 'options']);
  });

  it('report undecodable data as PhasInputError invalid_nifti', () => {
    const truncated = inputError(() => decodeNifti(encodeNifti(image, { spacing: [1, 1], gzip: false }).subarray(0, 360)));
    expect([truncated.code, truncated.argument]).toEqual(['invalid_nifti', 'bytes']);
    expect(truncated.cause).toBeInstanceOf(RangeError);
    expect(truncated.message).toMatch(/truncated/);
    const notBinary = inputError(() => decodeNifti('x' as unknown as Uint8Array));
    expect(notBinary.cause).toBeInstanceOf(TypeError);
  });
});

describe('the public entry', () => {
  it('exports the SDK wrappers, so NIfTI failures are PhasInputErrors there too', async () => {
    const sdk = await import('@phas/sdk');
    expect(sdk.decodeNifti).toBe(decodeNifti);
    expect(sdk.encodeNifti).toBe(encodeNifti);
    expect(() => sdk.decodeNifti(new Uint8Array(10))).toThrow(PhasInputError);
  });
});
