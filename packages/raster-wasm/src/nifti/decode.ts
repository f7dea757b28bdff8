/**
 * `decodeNifti`: reads a single-file NIfTI-1 image (gzip or raw) into a {@link RasterImage}.
 *
 * @module
 */
import type { RasterImage } from '../image.js';
import {
  NIFTI1_HEADER_SIZE,
  NIFTI_MAX_PIXELS,
  NIFTI_TYPE_RGB24,
  NIFTI_TYPE_UINT8,
} from './constants.js';
import { gunzipBounded, isGzip } from './gunzip.js';
import { readNiftiHeader, type NiftiHeader } from './header.js';

/** What {@link decodeNifti} returns. */
export interface DecodedNifti {
  /** The voxels: 1 channel for UINT8, 3 (`R,G,B`) for RGB24; row `j` is `y = j`. */
  image: RasterImage;
  /** `[pixdim[1], pixdim[2]]`: the voxel size along x and y, as stored (mm by PHAS convention). */
  spacing: [number, number];
  /**
   * Centre of pixel (0, 0) in PHAS's slide frame (the inverse of {@link encodeNifti}'s
   * `origin`: the negated x and y offsets of the sform, or of the qform when the file has
   * no sform). Absent when the file has neither (both codes 0). PHAS's own files give `[0, 0]`.
   */
  origin?: [number, number];
  /** Every header field as read. */
  header: NiftiHeader;
}

/** Where the voxels are and how to read them; the result of checking a header. */
interface Layout {
  header: NiftiHeader;
  width: number;
  height: number;
  channels: 1 | 3;
  voxOffset: number;
  /** `voxOffset` plus the voxel bytes: how much of the file is needed. */
  end: number;
}

const DATATYPE_NAMES: Record<number, string> = {
  1: 'BINARY',
  4: 'INT16',
  8: 'INT32',
  16: 'FLOAT32',
  32: 'COMPLEX64',
  64: 'FLOAT64',
  256: 'INT8',
  512: 'UINT16',
  768: 'UINT32',
  1024: 'INT64',
  1280: 'UINT64',
  1536: 'FLOAT128',
  1792: 'COMPLEX128',
  2048: 'COMPLEX256',
  2304: 'RGBA32',
};

function byteOrder(view: DataView): boolean {
  if (view.getInt32(0, true) === NIFTI1_HEADER_SIZE) return true;
  if (view.getInt32(0, false) === NIFTI1_HEADER_SIZE) return false;
  if (view.getInt32(0, true) === 540 || view.getInt32(0, false) === 540) {
    throw new TypeError('NIfTI-2 files are not supported (sizeof_hdr is 540); only NIfTI-1');
  }
  throw new RangeError(
    `not a NIfTI-1 file: sizeof_hdr is ${view.getInt32(0, true)}, expected ${NIFTI1_HEADER_SIZE}`,
  );
}

function channelsOf(header: NiftiHeader): 1 | 3 {
  const { datatype, bitpix } = header;
  const expected = datatype === NIFTI_TYPE_UINT8 ? 8 : datatype === NIFTI_TYPE_RGB24 ? 24 : undefined;
  if (expected === undefined) {
    const name = DATATYPE_NAMES[datatype] ?? 'unknown';
    throw new TypeError(`unsupported NIfTI datatype ${datatype} (${name}); only UINT8 (2) and RGB24 (128) are supported`);
  }
  if (bitpix !== expected) {
    throw new RangeError(`NIfTI bitpix ${bitpix} does not match datatype ${datatype} (expected ${expected})`);
  }
  return datatype === NIFTI_TYPE_UINT8 ? 1 : 3;
}

function planeSize(header: NiftiHeader): [number, number] {
  const dim = header.dim;
  const rank = dim[0];
  if (!(rank >= 1 && rank <= 7)) throw new RangeError(`NIfTI dim[0] must be 1…7, got ${rank}`);
  for (let i = 1; i <= rank; i++) {
    if (dim[i] < 1) throw new RangeError(`NIfTI dim[${i}] must be at least 1, got ${dim[i]}`);
  }
  for (let i = 3; i <= rank; i++) {
    if (dim[i] !== 1) {
      throw new RangeError(
        `NIfTI image is not 2-D (dim = [${dim.join(', ')}]); only images with dim[3…] = 1 can be decoded`,
      );
    }
  }
  return [dim[1], rank >= 2 ? dim[2] : 1];
}

/** Checks the header at the start of `bytes` and works out where the voxels are. */
function layoutOf(bytes: Uint8Array): Layout {
  if (bytes.length < NIFTI1_HEADER_SIZE) {
    throw new RangeError(
      `NIfTI data is truncated: ${bytes.length} bytes, a NIfTI-1 header needs ${NIFTI1_HEADER_SIZE}`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, NIFTI1_HEADER_SIZE);
  const header = readNiftiHeader(view, byteOrder(view));
  if (header.magic === 'ni1') {
    throw new TypeError("NIfTI header has magic 'ni1' (a .hdr/.img pair); only single-file images ('n+1') are supported");
  }
  if (header.magic !== 'n+1') {
    throw new RangeError(`not a NIfTI-1 file: magic is ${JSON.stringify(header.magic)}, expected "n+1"`);
  }
  const channels = channelsOf(header);
  const [width, height] = planeSize(header);
  if (width * height > NIFTI_MAX_PIXELS) {
    throw new RangeError(`NIfTI image ${width} × ${height} exceeds the limit of 2^28 pixels`);
  }
  const voxOffset = header.voxOffset;
  if (!Number.isInteger(voxOffset) || voxOffset < NIFTI1_HEADER_SIZE) {
    throw new RangeError(`NIfTI vox_offset must be an integer ≥ ${NIFTI1_HEADER_SIZE}, got ${voxOffset}`);
  }
  return { header, width, height, channels, voxOffset, end: voxOffset + width * height * channels };
}

/** DEFLATE expands at most 1032:1 (a 258-byte match in 2 bits). */
const MAX_DEFLATE_RATIO = 1032;

/**
 * Bytes of the decompressed file needed for the header in `head`, refused before anything
 * is allocated when `compressedBytes` of gzip data could not possibly hold them.
 */
function neededBytes(head: Uint8Array, compressedBytes: number): number {
  const layout = layoutOf(head);
  if (layout.end > compressedBytes * MAX_DEFLATE_RATIO) {
    const { width, height, channels } = layout;
    throw new RangeError(
      `NIfTI data is truncated: ${compressedBytes} bytes of gzip data cannot hold the ${layout.end} bytes ` +
        `a ${width} × ${height} × ${channels} image needs`,
    );
  }
  return layout.end;
}

function originOf(header: NiftiHeader): [number, number] | undefined {
  if (header.sformCode > 0) return [0 - header.srowX[3], 0 - header.srowY[3]];
  if (header.qformCode > 0) return [0 - header.qoffsetX, 0 - header.qoffsetY];
  return undefined;
}

/**
 * Decodes a single-file NIfTI-1 image, gzip-compressed (`.nii.gz`) or not (`.nii`),
 * little- or big-endian, with UINT8 (→ 1 channel) or RGB24 (→ 3 channels) voxels and
 * a 2-D size (`dim[3…]` all 1). Voxel values are returned as stored (`scl_slope` and
 * `scl_inter` are reported in `header`, not applied).
 *
 * The returned image owns its bytes (it never aliases `bytes`), and the decoder never
 * reads outside `bytes` nor decompresses past the end of the voxel data.
 *
 * @param bytes The file contents.
 * @throws TypeError if `bytes` is not binary, for an unsupported datatype, NIfTI-2 or a
 *   `.hdr/.img` pair; RangeError for truncated or corrupt data, a wrong magic, dims that do
 *   not fit the data, or more than 2^28 pixels.
 * @example
 * ```ts
 * const bytes = await slide.thumbnailNiftiImage({ maxDim: 500 });
 * const { image, spacing } = decodeNifti(bytes);
 * console.log(image.width, image.height, image.channels, spacing); // 500 333 3 [0.03, 0.03]
 * ```
 */
export function decodeNifti(bytes: Uint8Array | ArrayBuffer): DecodedNifti {
  let input: Uint8Array;
  if (bytes instanceof Uint8Array) input = bytes;
  else if (bytes instanceof ArrayBuffer) input = new Uint8Array(bytes);
  else throw new TypeError('decodeNifti expects a Uint8Array or an ArrayBuffer');

  const gz = isGzip(input);
  const file = gz ? gunzipBounded(input, NIFTI1_HEADER_SIZE, (head) => neededBytes(head, input.length)) : input;
  const layout = layoutOf(file);
  if (file.length < layout.end) {
    const { width, height, channels } = layout;
    throw new RangeError(
      `NIfTI data is truncated: ${width} × ${height} × ${channels} voxel bytes from offset ` +
        `${layout.voxOffset} need ${layout.end} bytes, got ${file.length}`,
    );
  }
  // A gunzipped buffer is ours already; raw input is copied so the image never aliases it.
  const data = gz ? file.subarray(layout.voxOffset, layout.end) : file.slice(layout.voxOffset, layout.end);
  const { header, width, height, channels } = layout;
  const result: DecodedNifti = {
    image: { width, height, channels, data },
    spacing: [header.pixdim[1], header.pixdim[2]],
    header,
  };
  const origin = originOf(header);
  if (origin) result.origin = origin;
  return result;
}
