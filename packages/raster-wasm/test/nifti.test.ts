/**
 * NIfTI encoder/decoder: the default header byte by byte against protocol §6.4, every
 * field through an independent decoder (nifti-reader-js), the voxels, origins, round trips.
 */
import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'fflate';
import * as niftiReader from 'nifti-reader-js';
import type { RasterImage } from '../src/image.js';
import { decodeNifti, encodeNifti } from '../src/nifti/index.js';

/** A deterministic image whose every byte depends on x, y and the channel. */
function pattern(width: number, height: number, channels: 1 | 3 | 4): RasterImage {
  const data = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < channels; c++) {
        data[(y * width + x) * channels + c] = (x * 7 + y * 13 + c * 101 + x * y) & 0xff;
      }
    }
  }
  return { width, height, channels, data };
}

/** The 352 header bytes PHAS writes (protocol §6.4 table; every other byte 0), built independently. */
function serverHeaderBytes(width: number, height: number, grey: boolean, sx: number, sy: number): Uint8Array {
  const bytes = new Uint8Array(352);
  const v = new DataView(bytes.buffer);
  v.setInt32(0, 348, true); // sizeof_hdr
  [grey ? 4 : 3, width, height, 1, 1, 1, 1, 1].forEach((d, i) => v.setInt16(40 + 2 * i, d, true)); // dim
  v.setInt16(70, grey ? 2 : 128, true); // datatype
  v.setInt16(72, grey ? 8 : 24, true); // bitpix
  [1, sx, sy, 1, 1, 1, 1, 1].forEach((p, i) => v.setFloat32(76 + 4 * i, p, true)); // pixdim
  v.setFloat32(108, 352, true); // vox_offset
  v.setFloat32(112, 1, true); // scl_slope
  v.setInt16(252, 0, true); // qform_code
  v.setInt16(254, 2, true); // sform_code
  v.setFloat32(264, 1, true); // quatern_d
  [-sx, 0, 0, 0].forEach((s, i) => v.setFloat32(280 + 4 * i, s, true)); // srow_x
  [0, -sy, 0, 0].forEach((s, i) => v.setFloat32(296 + 4 * i, s, true)); // srow_y
  [0, 0, 1, 0].forEach((s, i) => v.setFloat32(312 + 4 * i, s, true)); // srow_z
  bytes.set([0x6e, 0x2b, 0x31, 0x00], 344); // "n+1\0"
  return bytes;
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer;
}

const f32 = Math.fround;

describe('encodeNifti: the default header is the server writer’s (protocol §6.4)', () => {
  const cases = [
    { name: 'grey 5×3', image: pattern(5, 3, 1), spacing: [0.0162, 0.0162] as const },
    { name: 'RGB 100×67', image: pattern(100, 67, 3), spacing: [0.015, 0.0149254] as const },
    { name: 'RGB 1×1', image: pattern(1, 1, 3), spacing: [0.004, 0.004] as const },
  ];
  for (const { name, image, spacing } of cases) {
    it(`${name}: gunzipped bytes = §6.4 header + row-major voxels`, () => {
      const gz = encodeNifti(image, { spacing });
      expect([gz[0], gz[1]]).toEqual([0x1f, 0x8b]);
      const nii = gunzipSync(gz);
      const expected = serverHeaderBytes(image.width, image.height, image.channels === 1, spacing[0], spacing[1]);
      expect(nii.length).toBe(352 + image.data.length);
      for (let i = 0; i < 352; i++) {
        if (nii[i] !== expected[i]) throw new Error(`header byte ${i}: got ${nii[i]}, expected ${expected[i]}`);
      }
      expect(nii.subarray(352)).toEqual(image.data);
    });
  }

  it('gzip: false gives the same .nii uncompressed', () => {
    const image = pattern(9, 4, 1);
    const raw = encodeNifti(image, { spacing: [0.5, 0.25], gzip: false });
    expect(raw).toEqual(gunzipSync(encodeNifti(image, { spacing: [0.5, 0.25] })));
    expect(raw.subarray(0, 352)).toEqual(serverHeaderBytes(9, 4, true, 0.5, 0.25));
  });

  it('is deterministic (no mtime in the gzip header)', () => {
    const image = pattern(20, 10, 3);
    const a = encodeNifti(image, { spacing: [1, 1] });
    const b = encodeNifti(image, { spacing: [1, 1] });
    expect(a).toEqual(b);
    expect(new DataView(a.buffer, a.byteOffset).getUint32(4, true)).toBe(0);
  });
});

describe('encodeNifti read back by nifti-reader-js', () => {
  for (const channels of [1, 3] as const) {
    it(`${channels === 1 ? 'UINT8' : 'RGB24'}: every header field and every voxel`, () => {
      const image = pattern(37, 21, channels);
      const gz = encodeNifti(image, { spacing: [0.0162, 0.02] });
      const buffer = toArrayBuffer(gz);
      expect(niftiReader.isCompressed(buffer)).toBe(true);
      const nii = niftiReader.decompress(buffer) as ArrayBuffer;
      expect(niftiReader.isNIFTI1(nii)).toBe(true);
      const h = niftiReader.readHeader(nii) as niftiReader.NIFTI1;
      expect(h.littleEndian).toBe(true);
      expect(h.magic).toBe('n+1');
      expect(h.isHDR).toBe(false);
      expect(h.dims).toEqual([channels === 1 ? 4 : 3, 37, 21, 1, 1, 1, 1, 1]);
      expect(h.datatypeCode).toBe(channels === 1 ? niftiReader.NIFTI1.TYPE_UINT8 : niftiReader.NIFTI1.TYPE_RGB24);
      expect(h.numBitsPerVoxel).toBe(channels * 8);
      expect(h.pixDims).toEqual([1, f32(0.0162), f32(0.02), 1, 1, 1, 1, 1]);
      expect(h.vox_offset).toBe(352);
      expect(h.scl_slope).toBe(1);
      expect(h.scl_inter).toBe(0);
      expect(h.xyzt_units).toBe(0);
      expect(h.qform_code).toBe(0);
      expect(h.sform_code).toBe(2);
      expect([h.quatern_b, h.quatern_c, h.quatern_d]).toEqual([0, 0, 1]);
      expect([h.qoffset_x, h.qoffset_y, h.qoffset_z]).toEqual([0, 0, 0]);
      expect(h.qfac).toBe(1);
      expect(h.affine).toEqual([
        [-f32(0.0162), 0, 0, 0],
        [0, -f32(0.02), 0, 0],
        [0, 0, 1, 0],
        [0, 0, 0, 1],
      ]);
      expect([h.dim_info, h.intent_code, h.intent_p1, h.intent_p2, h.intent_p3]).toEqual([0, 0, 0, 0, 0]);
      expect([h.slice_start, h.slice_end, h.slice_code, h.slice_duration, h.toffset]).toEqual([0, 0, 0, 0, 0]);
      expect([h.cal_min, h.cal_max]).toEqual([0, 0]);
      expect([h.description, h.aux_file, h.intent_name]).toEqual(['', '', '']);
      expect(h.extensionFlag[0]).toBe(0);
      expect(new Uint8Array(niftiReader.readImage(h, nii))).toEqual(image.data);
    });
  }

  it('RGBA input is written as RGB24 with the alpha channel dropped', () => {
    const rgba = pattern(6, 5, 4);
    const nii = encodeNifti(rgba, { spacing: [1, 2], gzip: false });
    const h = niftiReader.readHeader(toArrayBuffer(nii)) as niftiReader.NIFTI1;
    expect(h.datatypeCode).toBe(niftiReader.NIFTI1.TYPE_RGB24);
    const voxels = new Uint8Array(niftiReader.readImage(h, toArrayBuffer(nii)));
    const rgb = new Uint8Array(6 * 5 * 3);
    for (let i = 0; i < 30; i++) rgb.set(rgba.data.subarray(i * 4, i * 4 + 3), i * 3);
    expect(voxels).toEqual(rgb);
  });

  it('with an origin: sform and qform agree and map pixel (i, j) to −(origin + (i, j)·spacing)', () => {
    const origin = [12.5, -3.25] as const;
    const spacing = [0.5, 0.25] as const;
    const nii = encodeNifti(pattern(8, 4, 3), { spacing, origin, gzip: false });
    const h = niftiReader.readHeader(toArrayBuffer(nii)) as niftiReader.NIFTI1;
    expect(h.sform_code).toBe(2);
    expect(h.qform_code).toBe(2);
    expect([h.qoffset_x, h.qoffset_y, h.qoffset_z]).toEqual([-12.5, 3.25, 0]);
    const sform = h.affine;
    const qform = h.getQformMat();
    expect(sform).toEqual([
      [-0.5, 0, 0, -12.5],
      [0, -0.25, 0, 3.25],
      [0, 0, 1, 0],
      [0, 0, 0, 1],
    ]);
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 4; c++) expect(qform[r][c]).toBeCloseTo(sform[r][c], 12);
    }
    // Pixel (3, 2) centre in the slide frame is origin + (3·0.5, 2·0.25) = (14, -2.75).
    const world = [0, 1].map((r) => sform[r][0] * 3 + sform[r][1] * 2 + sform[r][3]);
    expect(world).toEqual([-14, 2.75]);
  });

  it('a zero origin is written as +0, not −0', () => {
    const nii = encodeNifti(pattern(2, 2, 1), { spacing: [1, 1], origin: [0, 0], gzip: false });
    const v = new DataView(nii.buffer, nii.byteOffset);
    expect(v.getUint32(268, true)).toBe(0); // qoffset_x bits
    expect(v.getUint32(292, true)).toBe(0); // srow_x[3] bits
    expect(v.getInt16(252, true)).toBe(2);
  });
});

describe('decodeNifti', () => {
  it('round-trips grey and RGB, gzip or raw, with and without origin', () => {
    for (const channels of [1, 3] as const) {
      for (const gzip of [true, false]) {
        for (const origin of [undefined, [1.5, 2.75] as const]) {
          const image = pattern(31, 17, channels);
          const bytes = encodeNifti(image, { spacing: [0.25, 0.125], gzip, ...(origin ? { origin } : {}) });
          const decoded = decodeNifti(bytes);
          expect(decoded.image).toEqual(image);
          expect(decoded.spacing).toEqual([0.25, 0.125]);
          expect(decoded.origin).toEqual(origin ? [1.5, 2.75] : [0, 0]);
          expect(decoded.header.sformCode).toBe(2);
          expect(decoded.header.qformCode).toBe(origin ? 2 : 0);
        }
      }
    }
  });

  it('decodes RGBA input back to its RGB channels', () => {
    const rgba = pattern(4, 3, 4);
    const { image } = decodeNifti(encodeNifti(rgba, { spacing: [1, 1] }));
    expect(image.channels).toBe(3);
    expect(Array.from(image.data.subarray(0, 6))).toEqual([...rgba.data.subarray(0, 3), ...rgba.data.subarray(4, 7)]);
  });

  it('accepts an ArrayBuffer and never aliases the input bytes', () => {
    const raw = encodeNifti(pattern(5, 5, 1), { spacing: [1, 1], gzip: false });
    const decoded = decodeNifti(raw.buffer as ArrayBuffer);
    raw[352] ^= 0xff;
    expect(decoded.image.data[0]).toBe(pattern(5, 5, 1).data[0]);
  });

  it('reads every header field as written', () => {
    const { header } = decodeNifti(encodeNifti(pattern(3, 2, 3), { spacing: [0.5, 0.5] }));
    expect(header).toEqual({
      littleEndian: true,
      sizeofHdr: 348,
      dataType: '',
      dbName: '',
      extents: 0,
      sessionError: 0,
      regular: '',
      dimInfo: 0,
      dim: [3, 3, 2, 1, 1, 1, 1, 1],
      intentP1: 0,
      intentP2: 0,
      intentP3: 0,
      intentCode: 0,
      datatype: 128,
      bitpix: 24,
      sliceStart: 0,
      pixdim: [1, 0.5, 0.5, 1, 1, 1, 1, 1],
      voxOffset: 352,
      sclSlope: 1,
      sclInter: 0,
      sliceEnd: 0,
      sliceCode: 0,
      xyztUnits: 0,
      calMax: 0,
      calMin: 0,
      sliceDuration: 0,
      toffset: 0,
      glmax: 0,
      glmin: 0,
      descrip: '',
      auxFile: '',
      qformCode: 0,
      sformCode: 2,
      quaternB: 0,
      quaternC: 0,
      quaternD: 1,
      qoffsetX: 0,
      qoffsetY: 0,
      qoffsetZ: 0,
      srowX: [-0.5, 0, 0, 0],
      srowY: [0, -0.5, 0, 0],
      srowZ: [0, 0, 1, 0],
      intentName: '',
      magic: 'n+1',
    });
  });

  it('decodes a big-endian file with a 2-D dim, a larger vox_offset and no transform', () => {
    const width = 4;
    const height = 3;
    const bytes = new Uint8Array(400 + width * height);
    const v = new DataView(bytes.buffer);
    v.setInt32(0, 348, false);
    [2, width, height, 0, 0, 0, 0, 0].forEach((d, i) => v.setInt16(40 + 2 * i, d, false));
    v.setInt16(70, 2, false);
    v.setInt16(72, 8, false);
    [1, 0.75, 1.25].forEach((p, i) => v.setFloat32(76 + 4 * i, p, false));
    v.setFloat32(108, 400, false);
    bytes.set([0x6e, 0x2b, 0x31, 0], 344);
    for (let i = 0; i < width * height; i++) bytes[400 + i] = 200 + i;
    const decoded = decodeNifti(bytes);
    expect(decoded.header.littleEndian).toBe(false);
    expect(decoded.spacing).toEqual([0.75, 1.25]);
    expect(decoded.origin).toBeUndefined();
    expect(decoded.image).toEqual({ width, height, channels: 1, data: bytes.slice(400) });
  });

  it('decodes a qform-only file’s origin', () => {
    const nii = encodeNifti(pattern(2, 2, 1), { spacing: [1, 1], origin: [4, 5], gzip: false });
    new DataView(nii.buffer, nii.byteOffset).setInt16(254, 0, true); // sform_code = 0
    expect(decodeNifti(nii).origin).toEqual([4, 5]);
  });
});
