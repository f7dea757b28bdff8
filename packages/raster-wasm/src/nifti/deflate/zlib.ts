/**
 * Zlib stream (RFC 1950) around the raster DEFLATE encoder, as PNG's IDAT needs.
 *
 * @module
 */
import { BitWriter } from './bits.js';
import { deflateRasterInto, maxDeflatedBytes, type RasterLayout } from './deflate.js';
import { trimmed } from './trim.js';

/**
 * Adler-32 of `bytes` (RFC 1950 §8), as an unsigned 32-bit integer.
 *
 * @example
 * ```ts
 * adler32(new TextEncoder().encode('Wikipedia')).toString(16); // '11e60398'
 * ```
 */
export function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 5552 is the most bytes that cannot overflow b before the modulo (zlib's NMAX).
  for (let i = 0; i < bytes.length; ) {
    const end = Math.min(bytes.length, i + 5552);
    for (; i < end; i++) {
      a += bytes[i];
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/**
 * Zlib-wraps the raster DEFLATE stream of `data` (rows of `layout.rowBytes` bytes, pixels
 * of `layout.bytesPerPixel`): for PNG, whose filtered scanlines are rows of
 * `1 + width · channels` bytes.
 *
 * @example
 * ```ts
 * const idat = zlibRaster(scanlines, { bytesPerPixel: 4, rowBytes: 1 + width * 4 });
 * ```
 */
export function zlibRaster(data: Uint8Array, layout: RasterLayout): Uint8Array {
  const writer = new BitWriter(2 + maxDeflatedBytes(data.length) + 4);
  writer.writeBytes(Uint8Array.of(0x78, 0x9c)); // deflate, 32 KiB window, default level
  deflateRasterInto(writer, data, layout);
  const checksum = adler32(data);
  writer.writeBytes(Uint8Array.of(checksum >>> 24, (checksum >>> 16) & 0xff, (checksum >>> 8) & 0xff, checksum & 0xff));
  return trimmed(writer.finish());
}
