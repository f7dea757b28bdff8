/**
 * An 8-bit raster image in memory: row-major, top row first, channels interleaved.
 *
 * `data.length` is `width * height * channels`. One channel is grey (or a label map),
 * three are `R,G,B`, four are `R,G,B,A` (straight, not premultiplied alpha).
 *
 * @example
 * ```ts
 * const mask: RasterImage = { width: 2, height: 1, channels: 1, data: new Uint8Array([0, 255]) };
 * ```
 */
export interface RasterImage {
  /** Width in pixels. */
  width: number;
  /** Height in pixels. */
  height: number;
  /** Samples per pixel: 1 (grey), 3 (RGB) or 4 (RGBA). */
  channels: 1 | 3 | 4;
  /** `width * height * channels` bytes, row-major, top row first. */
  data: Uint8Array;
}

/**
 * A one-byte-per-pixel canvas (Pillow mode 'L') that `Raster.fillPolygon` draws into in
 * place. A 1-channel {@link RasterImage} is one.
 *
 * @example
 * ```ts
 * const canvas: Canvas = { width: 640, height: 480, data: new Uint8Array(640 * 480) };
 * ```
 */
export interface Canvas {
  /** Width in pixels. */
  width: number;
  /** Height in pixels. */
  height: number;
  /** `width * height` bytes, row-major, top row first. */
  data: Uint8Array;
}
