/**
 * Gzip member (RFC 1952) around the raster DEFLATE encoder.
 *
 * @module
 */
import { BitWriter } from './bits.js';
import { crc32 } from './crc32.js';
import { deflateRasterInto, maxDeflatedBytes, type RasterLayout } from './deflate.js';
import { trimmed } from './trim.js';

/**
 * Gzips `data` with the raster-aware DEFLATE encoder. The header has no file name, mtime
 * 0, XFL 0 and OS 255 (unknown), so the output depends on the input only.
 */
export function gzipRaster(data: Uint8Array, layout: RasterLayout): Uint8Array {
  const writer = new BitWriter(10 + maxDeflatedBytes(data.length) + 8);
  writer.writeBytes(Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff));
  deflateRasterInto(writer, data, layout);
  const trailer = new Uint8Array(8);
  const view = new DataView(trailer.buffer);
  view.setUint32(0, crc32(data), true);
  view.setUint32(4, data.length >>> 0, true);
  writer.writeBytes(trailer);
  return trimmed(writer.finish());
}
