/**
 * Stand-in for `pako` in the `<script>` bundle only. upng-js `require`s pako for two calls,
 * `inflate` (PNG decoding) and `deflate` (PNG encoding); fflate, which the SDK bundles anyway,
 * provides both as standard zlib streams, so the bundle does not carry a second zlib
 * implementation (about 44 KB minified, 14 KB gzipped).
 *
 * @example
 * ```ts
 * inflate(deflate(new Uint8Array([1, 2, 3]))); // Uint8Array [1, 2, 3]
 * ```
 */
import { unzlibSync, zlibSync } from 'fflate';

/** pako.inflate: a zlib stream to its bytes. */
export function inflate(data: Uint8Array): Uint8Array {
  return unzlibSync(data);
}

/** pako.deflate: bytes to a zlib stream (level 6, pako's default). */
export function deflate(data: Uint8Array): Uint8Array {
  return zlibSync(data, { level: 6 });
}
