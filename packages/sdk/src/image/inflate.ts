/**
 * zlib inflation for the PNG decoder, feeding a consumer: in Node the platform's one-piece
 * `node:zlib` inflate (thread pool, one callback), elsewhere the runtime's native zlib through
 * `DecompressionStream('deflate')` chunk by chunk, and fflate when neither exists and for the
 * synchronous decoder.
 *
 * Inflation stops as soon as the consumer is complete and more data arrives, so a small
 * stream cannot make the decoder produce (or spend time on) more than the image needs.
 *
 * @module
 */
import { Unzlib } from 'fflate';
import { PhasInputError } from '../errors/index.js';
import { currentPlatform } from '../platform/platform.js';

/** What the inflated bytes are fed to (a `ScanlineSink`). */
export interface InflateConsumer {
  push(chunk: Uint8Array): void;
  /** True once everything needed has arrived; more output then stops the inflation. */
  readonly complete: boolean;
  /** Bytes received beyond what was needed. */
  readonly extraBytes: number;
  /** Bytes needed in all. */
  readonly expectedBytes: number;
}

/** Compressed bytes handed to fflate per step (bounds the output produced per step). */
const INPUT_STEP = 1 << 16;

function inflateError(error: unknown): PhasInputError {
  const reason = error instanceof Error ? error.message : String(error);
  return new PhasInputError(`PNG image data could not be inflated: ${reason}`, { argument: 'bytes', code: 'invalid_png', cause: error });
}

function overflowing(consumer: InflateConsumer): boolean {
  return consumer.complete && consumer.extraBytes > 0;
}

/** Whether {@link inflateTo} uses native zlib (the platform's, or `DecompressionStream`). */
export function hasNativeInflate(): boolean {
  return currentPlatform().inflate !== undefined || typeof DecompressionStream === 'function';
}

/**
 * Inflates the zlib stream made of `parts` (in order) into `consumer` with fflate.
 * Errors of the consumer propagate; inflation errors become `PhasInputError` (`invalid_png`).
 */
export function inflateToSync(parts: readonly Uint8Array[], consumer: InflateConsumer): void {
  let stopped = false;
  const inflater = new Unzlib((chunk) => {
    if (stopped || chunk.length === 0) return;
    consumer.push(chunk);
    if (overflowing(consumer)) stopped = true;
  });
  try {
    for (let p = 0; p < parts.length && !stopped; p++) {
      const part = parts[p]!;
      const last = p === parts.length - 1;
      let at = 0;
      do {
        const end = Math.min(at + INPUT_STEP, part.length);
        inflater.push(part.subarray(at, end), last && end === part.length);
        at = end;
      } while (at < part.length && !stopped);
    }
  } catch (error) {
    if (error instanceof PhasInputError) throw error;
    throw inflateError(error);
  }
}

/**
 * Inflates the zlib stream made of `parts` into `consumer`: natively when the runtime has
 * `DecompressionStream`, else with fflate. Errors of the consumer propagate; inflation errors
 * (corrupt or cut-short data, a bad Adler-32 with the native inflater) become
 * `PhasInputError` (`invalid_png`).
 */
export async function inflateTo(parts: readonly Uint8Array[], consumer: InflateConsumer): Promise<void> {
  const oneShot = currentPlatform().inflate;
  if (oneShot !== undefined) {
    let inflated: Uint8Array | undefined;
    try {
      // One byte of slack tells "exactly the image" from "more than the image".
      inflated = await oneShot(parts, consumer.expectedBytes + 1);
    } catch (error) {
      // More data than the image: the streaming path below reads what is needed and stops.
      if (!(error instanceof RangeError)) throw inflateError(error);
    }
    if (inflated !== undefined) {
      consumer.push(inflated);
      return;
    }
  }
  if (typeof DecompressionStream !== 'function') {
    inflateToSync(parts, consumer);
    return;
  }
  const stream = new DecompressionStream('deflate');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  // Queued without awaiting: the reader below drives the stream; a write or close that fails
  // (corrupt data, or the reader cancelled) is reported through the reader.
  for (const part of parts) {
    // DecompressionStream takes no views of shared memory.
    const chunk = part.buffer instanceof ArrayBuffer ? (part as Uint8Array<ArrayBuffer>) : part.slice();
    writer.write(chunk).catch(() => undefined);
  }
  writer.close().catch(() => undefined);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      consumer.push(value);
      if (overflowing(consumer)) break;
    }
  } catch (error) {
    if (error instanceof PhasInputError) {
      await reader.cancel().catch(() => undefined);
      throw error;
    }
    throw inflateError(error);
  }
  await reader.cancel().catch(() => undefined);
}
