/**
 * Draws a tile's ROI mask over its patch: the inside tinted, the mask's boundary pixels
 * solid, so that a person can see exactly which pixels the mask covers.
 */
import type { Rgb } from './colormap.js';

/** A raster as the SDK returns it (`RasterImage`). */
export interface Raster {
  width: number;
  height: number;
  channels: 1 | 3 | 4;
  data: Uint8Array;
}

/** How the mask is drawn. */
export interface OverlayStyle {
  /** Colour of the mask (default cyan, which stands out on H&E and Nissl stains). */
  color?: Rgb;
  /** Opacity of the tint inside the mask, 0…1 (default 0.35). */
  alpha?: number;
  /** Draw the mask's boundary pixels opaque (default true). */
  outline?: boolean;
}

/**
 * Composites a 1-channel mask (non-zero = inside) over an RGB or RGBA patch of the same size
 * and returns an opaque RGBA raster.
 *
 * @throws {RangeError} when the sizes differ or the mask is not 1-channel.
 * @example
 * ```ts
 * const shown = overlayMask(image, mask, { color: [255, 0, 255], alpha: 0.4 });
 * ctx.putImageData(toImageData(shown), 0, 0);
 * ```
 */
export function overlayMask(image: Raster, mask: Raster, style: OverlayStyle = {}): Raster & { channels: 4 } {
  const { width, height } = image;
  if (mask.width !== width || mask.height !== height) {
    throw new RangeError(`mask is ${mask.width}×${mask.height}, patch is ${width}×${height}`);
  }
  if (mask.channels !== 1) throw new RangeError(`mask must have 1 channel, not ${mask.channels}`);
  const color = style.color ?? [0, 229, 255];
  const alpha = Math.min(1, Math.max(0, style.alpha ?? 0.35));
  const outline = style.outline ?? true;
  const out = new Uint8Array(width * height * 4);
  const inside = (x: number, y: number) =>
    x >= 0 && y >= 0 && x < width && y < height && mask.data[y * width + x] !== 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      const src = p * image.channels;
      const dst = p * 4;
      let a = 0;
      if (inside(x, y)) {
        const edge = !inside(x - 1, y) || !inside(x + 1, y) || !inside(x, y - 1) || !inside(x, y + 1);
        a = outline && edge ? 1 : alpha;
      }
      for (let c = 0; c < 3; c++) {
        const v = image.channels === 1 ? image.data[src]! : image.data[src + c]!;
        out[dst + c] = Math.round(v * (1 - a) + color[c]! * a);
      }
      out[dst + 3] = 255;
    }
  }
  return { width, height, channels: 4, data: out };
}

