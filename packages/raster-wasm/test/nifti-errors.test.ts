/**
 * NIfTI encoder/decoder on bad input: clear RangeError/TypeError naming the problem, and
 * never a read outside the buffer (every truncation of a valid file is rejected cleanly).
 */
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'fflate';
import type { RasterImage } from '../src/image.js';
import { decodeNifti, encodeNifti } from '../src/nifti/index.js';

const grey = (width: number, height: number): RasterImage => ({
  width,
  height,
  channels: 1,
  data: new Uint8Array(width * height).map((_, i) => (i * 37) & 0xff),
});

/** A valid raw .nii of a small grey image, and a way to patch its header. */
function rawNii(): { bytes: Uint8Array; view: DataView } {
  const bytes = encodeNifti(grey(6, 4), { spacing: [1, 1], gzip: false });
  return { bytes, view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}

describe('encodeNifti rejects bad arguments', () => {
  const spacing = [1, 1] as const;
  it('malformed images', () => {
    expect(() => encodeNifti(null as unknown as RasterImage, { spacing })).toThrow(TypeError);
    expect(() => encodeNifti({ ...grey(2, 2), width: 0 }, { spacing })).toThrow(/image.width must be a positive integer/);
    expect(() => encodeNifti({ ...grey(2, 2), height: 1.5 }, { spacing })).toThrow(RangeError);
    expect(() => encodeNifti({ ...grey(2, 2), channels: 2 as 1 }, { spacing })).toThrow(/channels must be 1, 3 or 4/);
    expect(() => encodeNifti({ ...grey(2, 2), data: [0, 0, 0, 0] as unknown as Uint8Array }, { spacing })).toThrow(
      /image.data must be a Uint8Array/,
    );
    expect(() => encodeNifti({ ...grey(2, 2), data: new Uint8Array(3) }, { spacing })).toThrow(
      /image.data has 3 bytes, expected 2 × 2 × 1 = 4/,
    );
  });

  it('sizes NIfTI-1 cannot hold', () => {
    expect(() => encodeNifti(grey(32768, 1), { spacing })).toThrow(/at most 32767/);
    expect(() => encodeNifti(grey(1, 32768), { spacing })).toThrow(RangeError);
  });

  it('bad spacing and origin', () => {
    const image = grey(2, 2);
    expect(() => encodeNifti(image, undefined as unknown as { spacing: [number, number] })).toThrow(TypeError);
    expect(() => encodeNifti(image, { spacing: [1] as unknown as [number, number] })).toThrow(/two numbers/);
    expect(() => encodeNifti(image, { spacing: [0, 1] })).toThrow(/spacing\[0\] must be a positive finite/);
    expect(() => encodeNifti(image, { spacing: [1, -2] })).toThrow(RangeError);
    expect(() => encodeNifti(image, { spacing: [1, NaN] })).toThrow(RangeError);
    expect(() => encodeNifti(image, { spacing: [1e-50, 1] })).toThrow(RangeError); // 0 in float32
    expect(() => encodeNifti(image, { spacing: [1e39, 1] })).toThrow(RangeError); // Infinity in float32
    expect(() => encodeNifti(image, { spacing: ['1', 1] as unknown as [number, number] })).toThrow(TypeError);
    expect(() => encodeNifti(image, { spacing, origin: [0, Infinity] })).toThrow(/origin\[1\]/);
    expect(encodeNifti(image, { spacing, origin: [-5, 0] }).length).toBeGreaterThan(0);
  });
});

describe('decodeNifti rejects bad input with a clear error', () => {
  it('non-binary input', () => {
    expect(() => decodeNifti('n+1' as unknown as Uint8Array)).toThrow(TypeError);
  });

  it('every truncation of a raw and of a gzipped file, and nothing past the end is read', () => {
    const { bytes } = rawNii();
    for (let n = 0; n < bytes.length; n++) {
      expect(() => decodeNifti(bytes.slice(0, n))).toThrow(RangeError);
    }
    const gz = gzipSync(bytes, { level: 6 });
    for (let n = 2; n < gz.length - 8; n++) {
      expect(() => decodeNifti(gz.slice(0, n))).toThrow(RangeError);
    }
  });

  it('names the truncation', () => {
    const { bytes } = rawNii();
    expect(() => decodeNifti(bytes.subarray(0, 100))).toThrow(/100 bytes, a NIfTI-1 header needs 348/);
    expect(() => decodeNifti(bytes.subarray(0, bytes.length - 1))).toThrow(
      /6 × 4 × 1 voxel bytes from offset 352 need 376 bytes, got 375/,
    );
    expect(() => decodeNifti(gzipSync(bytes.subarray(0, 370)))).toThrow(/need 376 bytes, got 370/);
  });

  it('wrong sizeof_hdr, NIfTI-2, wrong magic, .hdr/.img pair', () => {
    let { bytes, view } = rawNii();
    view.setInt32(0, 1234, true);
    expect(() => decodeNifti(bytes)).toThrow(/sizeof_hdr is 1234, expected 348/);
    view.setInt32(0, 540, true);
    expect(() => decodeNifti(bytes)).toThrow(/NIfTI-2/);
    ({ bytes, view } = rawNii());
    bytes.set([0x6e, 0x2b, 0x32, 0], 344);
    expect(() => decodeNifti(bytes)).toThrow(/magic is "n\+2", expected "n\+1"/);
    bytes.set([0x6e, 0x69, 0x31, 0], 344);
    expect(() => decodeNifti(bytes)).toThrow(TypeError);
  });

  it('unsupported datatypes and a bitpix that does not match', () => {
    const { bytes, view } = rawNii();
    view.setInt16(70, 16, true);
    expect(() => decodeNifti(bytes)).toThrow(/unsupported NIfTI datatype 16 \(FLOAT32\)/);
    view.setInt16(70, 2304, true);
    expect(() => decodeNifti(bytes)).toThrow(TypeError);
    view.setInt16(70, 2, true);
    view.setInt16(72, 16, true);
    expect(() => decodeNifti(bytes)).toThrow(/bitpix 16 does not match datatype 2/);
  });

  it('dims that do not describe a 2-D image that fits the data', () => {
    let { bytes, view } = rawNii();
    view.setInt16(40, 0, true);
    expect(() => decodeNifti(bytes)).toThrow(/dim\[0\] must be 1…7, got 0/);
    view.setInt16(40, 8, true);
    expect(() => decodeNifti(bytes)).toThrow(RangeError);
    ({ bytes, view } = rawNii());
    view.setInt16(42, 0, true);
    expect(() => decodeNifti(bytes)).toThrow(/dim\[1\] must be at least 1, got 0/);
    ({ bytes, view } = rawNii());
    view.setInt16(44, -3, true);
    expect(() => decodeNifti(bytes)).toThrow(/dim\[2\]/);
    ({ bytes, view } = rawNii());
    view.setInt16(46, 2, true);
    expect(() => decodeNifti(bytes)).toThrow(/not 2-D/);
    ({ bytes, view } = rawNii());
    view.setInt16(42, 7, true); // 7 × 4 needs 380 bytes, the file has 376
    expect(() => decodeNifti(bytes)).toThrow(/need 380 bytes, got 376/);
  });

  it('more than 2^28 pixels is refused before anything is allocated', () => {
    const { bytes, view } = rawNii();
    view.setInt16(42, 20000, true);
    view.setInt16(44, 20000, true);
    expect(() => decodeNifti(bytes)).toThrow(/20000 × 20000 exceeds the limit of 2\^28 pixels/);
    expect(() => decodeNifti(gzipSync(bytes))).toThrow(/exceeds the limit/);
  });

  it('a tiny gzip file whose header claims a huge image is refused before allocating it', () => {
    const { bytes, view } = rawNii();
    view.setInt16(42, 16000, true);
    view.setInt16(44, 16000, true); // 256 M voxels, under the 2^28 limit
    const gz = gzipSync(bytes.subarray(0, 352));
    expect(() => decodeNifti(gz)).toThrow(/bytes of gzip data cannot hold the 256000352 bytes a 16000 × 16000 × 1 image needs/);
  });

  it('a vox_offset that is not an integer ≥ 348', () => {
    const { bytes, view } = rawNii();
    view.setFloat32(108, 100, true);
    expect(() => decodeNifti(bytes)).toThrow(/vox_offset must be an integer ≥ 348, got 100/);
    view.setFloat32(108, 352.5, true);
    expect(() => decodeNifti(bytes)).toThrow(RangeError);
    view.setFloat32(108, NaN, true);
    expect(() => decodeNifti(bytes)).toThrow(RangeError);
  });

  it('corrupt gzip data', () => {
    const gz = gzipSync(rawNii().bytes);
    const corrupt = gz.slice();
    corrupt[10] = 0xff; // first deflate block header: BTYPE 3 is invalid
    expect(() => decodeNifti(corrupt)).toThrow(/NIfTI gzip stream is corrupt/);
    expect(() => decodeNifti(gz.subarray(0, 12))).toThrow(/truncated/);
  });

  it('stops decompressing at the end of the voxels (trailing data is ignored)', () => {
    const { bytes } = rawNii();
    const longer = new Uint8Array(bytes.length + 5000);
    longer.set(bytes);
    const decoded = decodeNifti(gzipSync(longer));
    expect(decoded.image.data).toEqual(grey(6, 4).data);
  });
});
