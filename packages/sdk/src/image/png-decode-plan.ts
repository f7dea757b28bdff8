/**
 * The shared front and back of the PNG decoders (`decodePng`, `decodePngAsync`,
 * `decodePngInto`): check the container and header, choose where the rows are reconstructed
 * (straight into the result or a paste target for 8-bit grey/RGB/RGBA, else a padded
 * scanline buffer converted afterwards), and finish the image once the data is inflated.
 * Interlaced (Adam7) images are decoded by upng-js.
 *
 * @module
 */
import { NIFTI_MAX_PIXELS, type RasterImage } from '@phas/raster-wasm';
import UPNG from 'upng-js';
import { PhasInputError } from '../errors/index.js';
import { checkDataCanFill, readPngStructure, type PngHeader, type PngStructure } from './png-chunks.js';
import { scanlinesToRaster, type PngTables } from './png-pixels.js';
import { ScanlineSink, type RowTarget } from './png-unfilter.js';

/** Largest PNG decoded, in pixels (2^28, as for every raster in the SDK). */
const MAX_PIXELS = NIFTI_MAX_PIXELS;

const SAMPLES_PER_PIXEL: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
/** Colour types whose 8-bit samples are already `RasterImage` channels. */
const DIRECT_CHANNELS: Record<number, 1 | 3 | 4> = { 0: 1, 2: 3, 6: 4 };

/** An RGBA image to decode into, with the PNG's top-left at (`left`, `top`). */
export interface PastePosition {
  image: RasterImage;
  left: number;
  top: number;
}

/** A checked PNG ready to inflate: the data, its consumer, and how to finish. */
export interface PngDecodeJob {
  header: PngHeader;
  /** The IDAT payloads (the zlib stream), in order. */
  idat: Uint8Array[];
  /** Consumes the inflated data; `undefined` for interlaced images (see {@link finishWithUpng}). */
  sink: ScanlineSink | undefined;
  /** Whether the rows go straight into the paste target (no separate image). */
  pastedDirectly: boolean;
  /** The decoded image once `sink` has every row (throws if rows are missing). */
  finish(): RasterImage;
}

function invalid(message: string, cause?: unknown): PhasInputError {
  return new PhasInputError(message, { argument: 'bytes', code: 'invalid_png', ...(cause === undefined ? {} : { cause }) });
}

/** `bytes` as a `Uint8Array`, or `PhasInputError` naming `caller`. */
export function pngInput(bytes: unknown, caller: string): Uint8Array {
  if (bytes instanceof Uint8Array) return bytes;
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  throw new PhasInputError(`${caller} expects a Uint8Array or an ArrayBuffer`, { argument: 'bytes' });
}

function checkHeader(header: PngHeader): void {
  const { width, height, bitDepth } = header;
  if (width * height > MAX_PIXELS) {
    throw new PhasInputError(`PNG ${width} × ${height} exceeds the limit of 2^28 pixels`, {
      argument: 'bytes',
      code: 'image_too_large',
    });
  }
  if (bitDepth === 16) {
    throw new PhasInputError('16-bit PNGs are not supported (RasterImage holds 8-bit samples)', {
      argument: 'bytes',
      code: 'unsupported_png',
    });
  }
  checkDataCanFill(header);
}

/** The palette and transparency tables in upng-js's form (what `scanlinesToRaster` takes). */
function tables({ header, plte, trns }: PngStructure): PngTables {
  const out: PngTables = {};
  if (plte !== undefined) out.PLTE = plte;
  if (trns === undefined) return out;
  const ushort = (at: number) => {
    if (trns.length < at + 2) throw invalid(`PNG tRNS chunk has ${trns.length} bytes, too few for colour type ${header.colourType}`);
    return (trns[at]! << 8) | trns[at + 1]!;
  };
  if (header.colourType === 3) out.tRNS = trns;
  else if (header.colourType === 0) out.tRNS = ushort(0);
  else if (header.colourType === 2) out.tRNS = [ushort(0), ushort(2), ushort(4)];
  return out;
}

/** Whether (`left`, `top`) puts a `width × height` image wholly inside the RGBA `image`. */
function fitsInside(into: PastePosition, width: number, height: number): boolean {
  const { image, left, top } = into;
  return (
    image.channels === 4 &&
    Number.isInteger(left) &&
    Number.isInteger(top) &&
    left >= 0 &&
    top >= 0 &&
    left + width <= image.width &&
    top + height <= image.height
  );
}

/**
 * Checks `input` (container, CRCs, header, size limits) and sets up its decoding. With
 * `into`, an 8-bit RGBA image lying wholly inside `into.image` is reconstructed in place
 * there (`pastedDirectly`); `accept` sees the PNG's size before any pixel is written.
 *
 * @throws PhasInputError as `decodePng` documents.
 */
export function preparePng(input: Uint8Array, into?: PastePosition, accept?: (width: number, height: number) => void): PngDecodeJob {
  const structure = readPngStructure(input);
  const { header, idat } = structure;
  checkHeader(header);
  accept?.(header.width, header.height);
  const { width, height, bitDepth, colourType } = header;
  const pngTables = tables(structure);
  if (header.interlace !== 0) {
    return { header, idat, sink: undefined, pastedDirectly: false, finish: () => finishWithUpng(input, header, pngTables) };
  }
  const samples = SAMPLES_PER_PIXEL[colourType]!;
  const rowBytes = Math.ceil((width * samples * bitDepth) / 8);
  const bpp = Math.max(1, (samples * bitDepth) >> 3);
  const direct = bitDepth === 8 && DIRECT_CHANNELS[colourType] !== undefined && pngTables.tRNS === undefined;
  const rows = (target: RowTarget) => new ScanlineSink(rowBytes, height, bpp, target);
  const job = (sink: ScanlineSink, pastedDirectly: boolean, result: () => RasterImage): PngDecodeJob => ({
    header,
    idat,
    sink,
    pastedDirectly,
    finish: () => {
      sink.finish();
      return result();
    },
  });
  if (direct && colourType === 6 && into !== undefined && fitsInside(into, width, height)) {
    const { image, left, top } = into;
    return job(rows({ data: image.data, offset: (top * image.width + left) * 4, stride: image.width * 4 }), true, () => image);
  }
  if (direct) {
    const channels = DIRECT_CHANNELS[colourType]!;
    const data = new Uint8Array(width * height * channels);
    return job(rows({ data, offset: 0, stride: rowBytes }), false, () => ({ width, height, channels, data }));
  }
  const raw = new Uint8Array(rowBytes * height);
  return job(rows({ data: raw, offset: 0, stride: rowBytes }), false, () => ({ width, height, ...scanlinesToRaster(raw, header, pngTables) }));
}

/** Decodes an interlaced PNG with upng-js (inflate, Adam7 passes, unfilter). */
function finishWithUpng(input: Uint8Array, header: PngHeader, pngTables: PngTables): RasterImage {
  const { width, height } = header;
  let converted: { channels: 1 | 3 | 4; data: Uint8Array };
  try {
    const decoded = UPNG.decode(input.slice().buffer);
    // upng-js 2.1 hands back a Uint8Array (typed as ArrayBuffer) of the unfiltered scanlines.
    const scanlines: unknown = decoded.data;
    const raw = scanlines instanceof Uint8Array ? scanlines : new Uint8Array(decoded.data);
    converted = scanlinesToRaster(raw, header, pngTables);
  } catch (error) {
    if (error instanceof PhasInputError) throw error;
    throw invalid(`PNG data could not be decoded: ${error instanceof Error ? error.message : String(error)}`, error);
  }
  return { width, height, ...converted };
}
