/**
 * Gzip detection and bounded decompression for the NIfTI decoder.
 *
 * The decompressor streams (fflate `Gunzip`), asks the caller how many bytes it needs as
 * soon as the header has arrived, and stops there: a hostile `.nii.gz` cannot make it
 * allocate more than the header announces (which the caller bounds), whatever the gzip
 * trailer claims, nor more than the stream really holds (nothing is allocated up front).
 *
 * @module
 */
import { FlateErrorCode, Gunzip, type FlateError } from 'fflate';

/** Compressed bytes pushed per step; bounds the output produced per step. */
const INPUT_CHUNK = 1 << 16;

/** Whether `bytes` starts with the gzip magic number `1f 8b`. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function isFlateError(error: unknown): error is FlateError {
  return error instanceof Error && typeof (error as Partial<FlateError>).code === 'number';
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * Decompresses the gzip stream `gz` until `headBytes` bytes are out, calls `needed` with
 * them to learn the total size wanted, then decompresses up to that size and stops.
 *
 * Returns the first `needed(...)` bytes, or fewer if the stream ends early (the caller
 * reports the truncation), or all of it if it ends before `headBytes`.
 * Errors thrown by `needed` propagate unchanged.
 *
 * @throws RangeError when the gzip data is corrupt or cut short.
 */
export function gunzipBounded(
  gz: Uint8Array,
  headBytes: number,
  needed: (head: Uint8Array) => number,
): Uint8Array {
  const pending: Uint8Array[] = [];
  let pendingLength = 0;
  // The output is collected as it is decompressed, never allocated up front: `needed` comes
  // from an untrusted header (a few hundred bytes of gzip may claim gigabytes).
  let total: number | undefined;
  const parts: Uint8Array[] = [];
  let filled = 0;
  let callbackError: unknown;
  let hasCallbackError = false;

  const stream = new Gunzip((chunk) => {
    if (total === undefined) {
      pending.push(chunk);
      pendingLength += chunk.length;
      if (pendingLength < headBytes) return;
      const head = concat(pending, pendingLength);
      pending.length = 0;
      try {
        total = needed(head);
      } catch (error) {
        hasCallbackError = true;
        callbackError = error;
        throw error;
      }
      filled = Math.min(total, head.length);
      parts.push(head.subarray(0, filled));
    } else if (filled < total) {
      // fflate hands out a fresh array per chunk, so keeping it is safe.
      const n = Math.min(total - filled, chunk.length);
      parts.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      filled += n;
    }
  });

  try {
    for (let at = 0; at < gz.length; at += INPUT_CHUNK) {
      if (total !== undefined && filled === total) break;
      const end = Math.min(gz.length, at + INPUT_CHUNK);
      stream.push(gz.subarray(at, end), end === gz.length);
    }
  } catch (error) {
    if (hasCallbackError) throw callbackError;
    if (isFlateError(error) && error.code === FlateErrorCode.UnexpectedEOF) {
      throw new RangeError('NIfTI gzip stream is truncated (unexpected end of compressed data)', { cause: error });
    }
    throw new RangeError(`NIfTI gzip stream is corrupt: ${isFlateError(error) ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return total === undefined ? concat(pending, pendingLength) : concat(parts, filled);
}
