/**
 * Fuzzing the NIfTI decoder: valid files from `encodeNifti` (raw and gzip, 1/3/4-channel
 * images) decoded back exactly, then truncated, bit-flipped, with header fields set to extreme
 * values (dims, datatype, bitpix, vox_offset, sizeof_hdr, magic; re-gzipped so the header
 * check is reached), or with junk appended. Every input must either decode to a consistent
 * image that owns its bytes, or fail with a RangeError/TypeError whose message says what is
 * wrong with the NIfTI/gzip data; never another error (an out-of-bounds read would surface
 * as a generic RangeError from DataView/typed arrays, which is counted as a failure).
 */
import { gzipSync } from 'fflate';
import { decodeNifti, encodeNifti, type DecodedNifti } from '../src/nifti/index.js';
import type { RasterImage } from '../src/image.js';
import { count, fail, forEachIteration, newTally, type FuzzRunOptions, type FuzzTally, type Rand } from './random.js';

/** Messages of JS internals, not of the decoder: an unchecked read or allocation. */
const GENERIC = /outside the bounds|Invalid typed array length|Array buffer allocation failed|out of memory|undefined|is not a function|Cannot read/i;
/** What a clear decoder message talks about. */
const CLEAR = /nifti|gzip|deflate|compress|header|magic|vox_offset|datatype|bitpix|dim\[/i;

function randomImage(rand: Rand): RasterImage {
  const width = rand.int(1, 40);
  const height = rand.int(1, 30);
  const channels = rand.pick([1, 3, 4] as const);
  const data = new Uint8Array(width * height * channels);
  for (let i = 0; i < data.length; i++) data[i] = rand.int(0, 255);
  return { width, height, channels, data };
}

/** What the decoder must give back for an image `encodeNifti` wrote (RGBA loses its alpha). */
function expectedVoxels(image: RasterImage): Uint8Array {
  if (image.channels !== 4) return image.data;
  const out = new Uint8Array(image.width * image.height * 3);
  for (let i = 0, j = 0; i < image.data.length; i += 4, j += 3) out.set(image.data.subarray(i, i + 3), j);
  return out;
}

/** Header fields worth breaking: [offset, writer, interesting values]. */
const FIELDS: [string, number, 'i16' | 'i32' | 'f32', number[]][] = [
  ['sizeof_hdr', 0, 'i32', [0, 540, 347, -348, 0x5c010000]],
  ['dim[0]', 40, 'i16', [0, -1, 8, 3, 7]],
  ['dim[1]', 42, 'i16', [0, -1, 32767, 1]],
  ['dim[2]', 44, 'i16', [0, -5, 32767, 16384]],
  ['dim[3]', 46, 'i16', [0, 2, -1, 32767]],
  ['datatype', 70, 'i16', [0, 4, 16, 2304, 128, 2, -1]],
  ['bitpix', 72, 'i16', [0, 7, 16, 24, 8, 32767]],
  ['vox_offset', 108, 'f32', [NaN, -1, 0, 351, 352.5, 1e30, 2 ** 31, Infinity]],
  ['magic', 344, 'i32', [0, 0x0031696e, 0x00322b6e]],
];

function setField(bytes: Uint8Array, offset: number, kind: 'i16' | 'i32' | 'f32', value: number): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (kind === 'i16') view.setInt16(offset, value, true);
  else if (kind === 'i32') view.setInt32(offset, value, true);
  else view.setFloat32(offset, value, true);
}

type Mutation = { name: string; bytes: Uint8Array };

function mutate(rand: Rand, raw: Uint8Array, gz: Uint8Array): Mutation {
  const kind = rand.pick(['truncate-raw', 'truncate-gz', 'flip-raw', 'flip-gz', 'field', 'field', 'junk', 'empty'] as const);
  switch (kind) {
    case 'truncate-raw':
      return { name: 'raw file truncated', bytes: raw.slice(0, rand.int(0, raw.length - 1)) };
    case 'truncate-gz':
      return { name: 'gzip file truncated', bytes: gz.slice(0, rand.int(0, gz.length - 1)) };
    case 'flip-raw':
    case 'flip-gz': {
      const bytes = (kind === 'flip-raw' ? raw : gz).slice();
      const headerOnly = kind === 'flip-raw' && rand.chance(0.7);
      for (let k = rand.int(1, 8); k > 0; k--) bytes[rand.int(0, headerOnly ? 351 : bytes.length - 1)] ^= 1 << rand.int(0, 7);
      return { name: kind === 'flip-raw' ? 'raw file with flipped bits' : 'gzip file with flipped bits', bytes };
    }
    case 'field': {
      const [field, offset, type, values] = rand.pick(FIELDS);
      const bytes = raw.slice();
      setField(bytes, offset, type, rand.pick(values));
      return { name: `header ${field} set to an extreme value`, bytes: rand.chance(0.5) ? gzipSync(bytes) : bytes };
    }
    case 'junk': {
      const junk = new Uint8Array(rand.int(1, 64)).map(() => rand.int(0, 255));
      const base = rand.chance(0.5) ? raw : gz;
      const bytes = new Uint8Array(base.length + junk.length);
      bytes.set(base);
      bytes.set(junk, base.length);
      return { name: 'junk appended', bytes };
    }
    case 'empty':
      return { name: 'empty or tiny input', bytes: new Uint8Array(rand.int(0, 4)).map(() => rand.int(0, 255)) };
  }
}

/** Checks a successful decode: consistent sizes, in the limits, not aliasing the input. */
function consistent(result: DecodedNifti, input: Uint8Array): string | null {
  const { width, height, channels, data } = result.image;
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0)) return `bad size ${width}×${height}`;
  if (channels !== 1 && channels !== 3) return `bad channels ${channels}`;
  if (data.length !== width * height * channels) return `data has ${data.length} bytes for ${width}×${height}×${channels}`;
  if (data.buffer === input.buffer) return 'the image aliases the input bytes';
  return null;
}

/**
 * Runs the NIfTI fuzzer and returns the tally.
 *
 * @example
 * ```ts
 * const tally = fuzzNifti({ seed: 1, iterations: 300 });
 * ```
 */
export function fuzzNifti(options: FuzzRunOptions): FuzzTally {
  const tally = newTally('nifti', options.seed);
  forEachIteration(options, tally, (rand, i) => {
    const image = randomImage(rand);
    const spacing: [number, number] = [rand.pick([0.5, 0.0005, 1e-6, 3]), rand.pick([0.5, 0.0005, 2])];
    const raw = encodeNifti(image, { spacing, gzip: false });
    const gz = encodeNifti(image, { spacing, gzip: true });
    // The valid files decode back exactly.
    for (const [name, bytes] of [['raw', raw], ['gzip', gz]] as const) {
      const back = decodeNifti(bytes);
      const want = expectedVoxels(image);
      const same = back.image.width === image.width && back.image.height === image.height && back.image.data.every((v, k) => v === want[k]);
      if (!same || back.image.data.length !== want.length) fail(tally, i, `valid ${name} file does not decode to its image`);
    }
    count(tally, 'valid file (raw and gzip) → decodes exactly');
    const m = mutate(rand, raw, gz);
    try {
      const result = decodeNifti(m.bytes);
      const problem = consistent(result, m.bytes);
      if (problem) {
        fail(tally, i, `${m.name}: decoded inconsistently (${problem})`);
        count(tally, `${m.name} → INCONSISTENT`);
      } else count(tally, `${m.name} → decodes (consistent)`);
    } catch (e) {
      const clear = (e instanceof RangeError || e instanceof TypeError) && CLEAR.test(e.message) && !GENERIC.test(e.message);
      if (!clear) {
        fail(tally, i, `${m.name}: unclear error ${String(e)}`);
        count(tally, `${m.name} → UNCLEAR ERROR`, String(e));
      } else count(tally, `${m.name} → ${e.name}`, e.message);
    }
  });
  return tally;
}
