/**
 * The NIfTI-1 header as a plain object, and its byte layout.
 *
 * One table ({@link NIFTI1_FIELDS}) lists every field with its offset and type; the reader
 * and the writer both walk it with a `DataView`, so the two can never disagree.
 *
 * @module
 */
import { NIFTI1_HEADER_SIZE } from './constants.js';

/**
 * Every field of a NIfTI-1 header (names are the C field names in camelCase), plus
 * `littleEndian`, the byte order the header was read in or is to be written in.
 * Text fields are Latin-1 strings without their NUL padding.
 */
export interface NiftiHeader {
  littleEndian: boolean;
  sizeofHdr: number;
  dataType: string;
  dbName: string;
  extents: number;
  sessionError: number;
  regular: string;
  dimInfo: number;
  /** `dim[0]` is the number of dimensions, `dim[1..7]` the sizes. */
  dim: number[];
  intentP1: number;
  intentP2: number;
  intentP3: number;
  intentCode: number;
  datatype: number;
  bitpix: number;
  sliceStart: number;
  /** `pixdim[0]` is `qfac` (±1), `pixdim[1..7]` the voxel sizes. */
  pixdim: number[];
  voxOffset: number;
  sclSlope: number;
  sclInter: number;
  sliceEnd: number;
  sliceCode: number;
  xyztUnits: number;
  calMax: number;
  calMin: number;
  sliceDuration: number;
  toffset: number;
  glmax: number;
  glmin: number;
  descrip: string;
  auxFile: string;
  qformCode: number;
  sformCode: number;
  quaternB: number;
  quaternC: number;
  quaternD: number;
  qoffsetX: number;
  qoffsetY: number;
  qoffsetZ: number;
  /** First row of the sform affine: `[a, b, c, offset]`. */
  srowX: number[];
  srowY: number[];
  srowZ: number[];
  intentName: string;
  /** `'n+1'` for a single file, `'ni1'` for a `.hdr`/`.img` pair. */
  magic: string;
}

type NumericKind = 'u8' | 'i16' | 'i32' | 'f32';
type FieldKind = NumericKind | 'text';

/** One header field: name, byte offset, kind, and element count (bytes for text). */
interface FieldSpec {
  readonly name: Exclude<keyof NiftiHeader, 'littleEndian'>;
  readonly offset: number;
  readonly kind: FieldKind;
  readonly count: number;
}

const field = (name: FieldSpec['name'], offset: number, kind: FieldKind, count = 1): FieldSpec => ({
  name,
  offset,
  kind,
  count,
});

/** The NIfTI-1 header layout (nifti1.h), in file order. */
export const NIFTI1_FIELDS: readonly FieldSpec[] = [
  field('sizeofHdr', 0, 'i32'),
  field('dataType', 4, 'text', 10),
  field('dbName', 14, 'text', 18),
  field('extents', 32, 'i32'),
  field('sessionError', 36, 'i16'),
  field('regular', 38, 'text', 1),
  field('dimInfo', 39, 'u8'),
  field('dim', 40, 'i16', 8),
  field('intentP1', 56, 'f32'),
  field('intentP2', 60, 'f32'),
  field('intentP3', 64, 'f32'),
  field('intentCode', 68, 'i16'),
  field('datatype', 70, 'i16'),
  field('bitpix', 72, 'i16'),
  field('sliceStart', 74, 'i16'),
  field('pixdim', 76, 'f32', 8),
  field('voxOffset', 108, 'f32'),
  field('sclSlope', 112, 'f32'),
  field('sclInter', 116, 'f32'),
  field('sliceEnd', 120, 'i16'),
  field('sliceCode', 122, 'u8'),
  field('xyztUnits', 123, 'u8'),
  field('calMax', 124, 'f32'),
  field('calMin', 128, 'f32'),
  field('sliceDuration', 132, 'f32'),
  field('toffset', 136, 'f32'),
  field('glmax', 140, 'i32'),
  field('glmin', 144, 'i32'),
  field('descrip', 148, 'text', 80),
  field('auxFile', 228, 'text', 24),
  field('qformCode', 252, 'i16'),
  field('sformCode', 254, 'i16'),
  field('quaternB', 256, 'f32'),
  field('quaternC', 260, 'f32'),
  field('quaternD', 264, 'f32'),
  field('qoffsetX', 268, 'f32'),
  field('qoffsetY', 272, 'f32'),
  field('qoffsetZ', 276, 'f32'),
  field('srowX', 280, 'f32', 4),
  field('srowY', 296, 'f32', 4),
  field('srowZ', 312, 'f32', 4),
  field('intentName', 328, 'text', 16),
  field('magic', 344, 'text', 4),
];

const SIZE: Record<NumericKind, number> = { u8: 1, i16: 2, i32: 4, f32: 4 };

function readNumber(view: DataView, offset: number, kind: NumericKind, le: boolean): number {
  switch (kind) {
    case 'u8':
      return view.getUint8(offset);
    case 'i16':
      return view.getInt16(offset, le);
    case 'i32':
      return view.getInt32(offset, le);
    case 'f32':
      return view.getFloat32(offset, le);
  }
}

function writeNumber(view: DataView, offset: number, kind: NumericKind, value: number, le: boolean): void {
  switch (kind) {
    case 'u8':
      return view.setUint8(offset, value);
    case 'i16':
      return view.setInt16(offset, value, le);
    case 'i32':
      return view.setInt32(offset, value, le);
    case 'f32':
      return view.setFloat32(offset, value, le);
  }
}

function readText(view: DataView, offset: number, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) {
    const byte = view.getUint8(offset + i);
    if (byte === 0) break;
    text += String.fromCharCode(byte);
  }
  return text;
}

function writeText(view: DataView, offset: number, length: number, text: string, name: string): void {
  if (text.length > length) {
    throw new RangeError(`NIfTI header field ${name} holds at most ${length} characters, got ${text.length}`);
  }
  for (let i = 0; i < length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0;
    if (code > 0xff) throw new RangeError(`NIfTI header field ${name} must be Latin-1 text`);
    view.setUint8(offset + i, code);
  }
}

/**
 * Reads a NIfTI-1 header from the first 348 bytes of `view`, in the given byte order.
 * The caller checks that at least 348 bytes are present.
 */
export function readNiftiHeader(view: DataView, littleEndian: boolean): NiftiHeader {
  const header: Record<string, unknown> = { littleEndian };
  for (const spec of NIFTI1_FIELDS) {
    if (spec.kind === 'text') {
      header[spec.name] = readText(view, spec.offset, spec.count);
    } else if (spec.count === 1) {
      header[spec.name] = readNumber(view, spec.offset, spec.kind, littleEndian);
    } else {
      const values: number[] = [];
      for (let i = 0; i < spec.count; i++) {
        values.push(readNumber(view, spec.offset + i * SIZE[spec.kind], spec.kind, littleEndian));
      }
      header[spec.name] = values;
    }
  }
  return header as unknown as NiftiHeader;
}

/**
 * Writes `header` field by field into the first 348 bytes of `view` (which must be at
 * least that long), in `header.littleEndian` byte order. Bytes not covered by a field are
 * left as they are (zero in a fresh buffer).
 */
export function writeNiftiHeader(view: DataView, header: NiftiHeader): void {
  if (view.byteLength < NIFTI1_HEADER_SIZE) {
    throw new RangeError(`a NIfTI-1 header needs ${NIFTI1_HEADER_SIZE} bytes, the buffer has ${view.byteLength}`);
  }
  const le = header.littleEndian;
  for (const spec of NIFTI1_FIELDS) {
    const value = header[spec.name];
    if (spec.kind === 'text') {
      writeText(view, spec.offset, spec.count, value as string, spec.name);
    } else if (spec.count === 1) {
      writeNumber(view, spec.offset, spec.kind, value as number, le);
    } else {
      const values = value as number[];
      if (values.length !== spec.count) {
        throw new RangeError(`NIfTI header field ${spec.name} needs ${spec.count} values, got ${values.length}`);
      }
      for (let i = 0; i < spec.count; i++) {
        writeNumber(view, spec.offset + i * SIZE[spec.kind], spec.kind, values[i], le);
      }
    }
  }
}

/**
 * A header with every field zero or empty except `sizeofHdr` (348) and `magic` (`'n+1'`),
 * little-endian: the starting point of every header the encoder writes.
 */
export function emptyNiftiHeader(): NiftiHeader {
  return {
    littleEndian: true,
    sizeofHdr: NIFTI1_HEADER_SIZE,
    dataType: '',
    dbName: '',
    extents: 0,
    sessionError: 0,
    regular: '',
    dimInfo: 0,
    dim: [0, 0, 0, 0, 0, 0, 0, 0],
    intentP1: 0,
    intentP2: 0,
    intentP3: 0,
    intentCode: 0,
    datatype: 0,
    bitpix: 0,
    sliceStart: 0,
    pixdim: [0, 0, 0, 0, 0, 0, 0, 0],
    voxOffset: 0,
    sclSlope: 0,
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
    sformCode: 0,
    quaternB: 0,
    quaternC: 0,
    quaternD: 0,
    qoffsetX: 0,
    qoffsetY: 0,
    qoffsetZ: 0,
    srowX: [0, 0, 0, 0],
    srowY: [0, 0, 0, 0],
    srowZ: [0, 0, 0, 0],
    intentName: '',
    magic: 'n+1',
  };
}
