/**
 * Conversion of unfiltered PNG scanlines (as upng-js returns them: rows padded to whole
 * bytes, samples of `bitDepth` bits, at most 8) into `RasterImage` bytes.
 *
 * @module
 */
import { PhasInputError } from '../errors/index.js';
import type { PngHeader } from './png-chunks.js';

/** The palette and transparency chunks, as upng-js parses them. */
export interface PngTables {
  /** `PLTE`: `r, g, b` per entry. */
  PLTE?: ArrayLike<number>;
  /** `tRNS`: alpha per palette entry (type 3), grey key (type 0) or `[r, g, b]` key (type 2). */
  tRNS?: number | ArrayLike<number>;
}

const SAMPLES_PER_PIXEL: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function invalid(message: string): PhasInputError {
  return new PhasInputError(message, { argument: 'bytes', code: 'invalid_png' });
}

/** One byte per sample, rows unpadded: unpacks 1/2/4-bit rows, drops 8-bit row padding. */
function unpackSamples(raw: Uint8Array, header: PngHeader): Uint8Array {
  const { width, height, bitDepth, colourType } = header;
  const perRow = width * SAMPLES_PER_PIXEL[colourType];
  const bytesPerRow = Math.ceil((perRow * bitDepth) / 8);
  if (raw.length < bytesPerRow * height) throw invalid('PNG image data is shorter than its size says');
  if (bitDepth === 8) return raw.subarray(0, perRow * height);
  const out = new Uint8Array(perRow * height);
  const mask = (1 << bitDepth) - 1;
  for (let y = 0; y < height; y++) {
    const row = y * bytesPerRow;
    for (let i = 0; i < perRow; i++) {
      const bit = i * bitDepth;
      out[y * perRow + i] = (raw[row + (bit >> 3)] >> (8 - bitDepth - (bit & 7))) & mask;
    }
  }
  return out;
}

function greyToRaster(samples: Uint8Array, bitDepth: number, key: number | undefined): { channels: 1 | 4; data: Uint8Array } {
  const scale = 255 / ((1 << bitDepth) - 1);
  if (key === undefined) {
    if (bitDepth === 8) return { channels: 1, data: samples.slice() };
    return { channels: 1, data: samples.map((v) => v * scale) };
  }
  const data = new Uint8Array(samples.length * 4);
  for (let i = 0; i < samples.length; i++) {
    const g = samples[i] * scale;
    data.set([g, g, g, samples[i] === key ? 0 : 255], i * 4);
  }
  return { channels: 4, data };
}

function rgbToRaster(samples: Uint8Array, key: ArrayLike<number> | undefined): { channels: 3 | 4; data: Uint8Array } {
  if (key === undefined) return { channels: 3, data: samples.slice() };
  const pixels = samples.length / 3;
  const data = new Uint8Array(pixels * 4);
  for (let i = 0; i < pixels; i++) {
    const [r, g, b] = [samples[i * 3], samples[i * 3 + 1], samples[i * 3 + 2]];
    data.set([r, g, b, r === key[0] && g === key[1] && b === key[2] ? 0 : 255], i * 4);
  }
  return { channels: 4, data };
}

function paletteToRaster(indices: Uint8Array, tables: PngTables): { channels: 3 | 4; data: Uint8Array } {
  const plte = tables.PLTE;
  if (plte === undefined) throw invalid('PNG palette image has no PLTE chunk');
  const entries = Math.floor(plte.length / 3);
  const alpha = typeof tables.tRNS === 'object' ? tables.tRNS : undefined;
  const channels = alpha !== undefined ? 4 : 3;
  const data = new Uint8Array(indices.length * channels);
  for (let i = 0; i < indices.length; i++) {
    const j = indices[i];
    if (j >= entries) throw invalid(`PNG palette index ${j} is outside the ${entries}-entry palette`);
    const d = i * channels;
    data[d] = plte[j * 3];
    data[d + 1] = plte[j * 3 + 1];
    data[d + 2] = plte[j * 3 + 2];
    if (alpha !== undefined) data[d + 3] = j < alpha.length ? alpha[j] : 255;
  }
  return { channels, data };
}

function greyAlphaToRgba(samples: Uint8Array): Uint8Array {
  const pixels = samples.length / 2;
  const data = new Uint8Array(pixels * 4);
  for (let i = 0; i < pixels; i++) data.set([samples[i * 2], samples[i * 2], samples[i * 2], samples[i * 2 + 1]], i * 4);
  return data;
}

/**
 * Converts unfiltered scanlines to `RasterImage` channels and bytes (see `decodePng` for
 * the mapping). `header.bitDepth` must be 1, 2, 4 or 8.
 */
export function scanlinesToRaster(
  raw: Uint8Array,
  header: PngHeader,
  tables: PngTables,
): { channels: 1 | 3 | 4; data: Uint8Array } {
  const samples = unpackSamples(raw, header);
  switch (header.colourType) {
    case 0:
      return greyToRaster(samples, header.bitDepth, typeof tables.tRNS === 'number' ? tables.tRNS : undefined);
    case 2:
      return rgbToRaster(samples, typeof tables.tRNS === 'object' ? tables.tRNS : undefined);
    case 3:
      return paletteToRaster(samples, tables);
    case 4:
      return { channels: 4, data: greyAlphaToRgba(samples) };
    default:
      return { channels: 4, data: samples.slice() };
  }
}
