/**
 * Gzip member (RFC 1952) around {@link deflateRaster}.
 *
 * @module
 */
import { crc32 } from './crc32.js';
import { deflateRaster, type RasterLayout } from './deflate.js';

/**
 * Gzips `data` with the raster-aware DEFLATE encoder. The header has no file name, mtime
 * 0, XFL 0 and OS 255 (unknown), so the output depends on the input only.
 */
export function gzipRaster(data: Uint8Array, layout: RasterLayout): Uint8Array {
  const body = deflateRaster(data, layout);
  const out = new Uint8Array(10 + body.length + 8);
  out.set([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
  out.set(body, 10);
  const view = new DataView(out.buffer);
  view.setUint32(10 + body.length, crc32(data), true);
  view.setUint32(14 + body.length, data.length >>> 0, true);
  return out;
}
