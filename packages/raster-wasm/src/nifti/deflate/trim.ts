/**
 * Output buffer trimming.
 *
 * @module
 */

/**
 * `bytes` itself when it fills most of its buffer, else an exact copy, so a small result
 * does not keep the worst-case-sized buffer alive.
 */
export function trimmed(bytes: Uint8Array): Uint8Array {
  return bytes.length >= (bytes.buffer.byteLength * 3) / 4 ? bytes : bytes.slice();
}
