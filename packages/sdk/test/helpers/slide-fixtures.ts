/**
 * Shared fixtures of the slide and extractor specs: a `fetch` that records request paths, and
 * what the dev server's synthetic slides contain (`@phas/dev-server/pixels`), so patches can
 * be checked pixel by pixel. Browser-safe.
 */
import { readRegion, type SyntheticSlide } from '@phas/dev-server/pixels';
import type { RasterImage } from '../../src/index.js';

/** A `fetch` that records the path of every request in `sent`, in the order they are sent. */
export function recordingFetch(): { fetch: typeof fetch; sent: string[]; since(mark: number): string[] } {
  const sent: string[] = [];
  const recording: typeof fetch = (input, init) => {
    sent.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
    return fetch(input, init);
  };
  return { fetch: recording, sent, since: (mark) => sent.slice(mark) };
}

/**
 * What one E16 read of a whole patch returns: OpenSlide's read_region at the server's top-left
 * `centre − trunc(size·0.5·downsample)`, RGBA, transparent outside the slide.
 */
export function singleRead(image: SyntheticSlide, center: readonly [number, number], level: number, size: readonly [number, number]): Uint8Array {
  const ds = image.levels[level]!.downsample;
  const left = Math.trunc(center[0]) - Math.trunc(size[0] * 0.5 * ds);
  const top = Math.trunc(center[1]) - Math.trunc(size[1] * 0.5 * ds);
  return readRegion(image, level, left, top, size[0], size[1]);
}

/** RGB of the level-0 region with top-left (x, y): alpha dropped, so transparent → black. */
export function level0Rgb(image: SyntheticSlide, x: number, y: number, width: number, height: number): Uint8Array {
  const rgba = readRegion(image, 0, x, y, width, height);
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) rgb.set(rgba.subarray(i, i + 3), j);
  return rgb;
}

/** Index of the first byte where `image.data` differs from `expected` (-2: length differs), -1 when equal. */
export function firstDifference(image: Pick<RasterImage, 'data'>, expected: Uint8Array): number {
  if (image.data.length !== expected.length) return -2;
  for (let i = 0; i < expected.length; i++) if (image.data[i] !== expected[i]) return i;
  return -1;
}

/** Whether two images have the same size, channels and bytes. */
export function sameImage(a: RasterImage, b: RasterImage): boolean {
  return a.width === b.width && a.height === b.height && a.channels === b.channels && firstDifference(a, b.data) === -1;
}

/** Number of non-zero bytes. */
export function countNonZero(image: Pick<RasterImage, 'data'>): number {
  let n = 0;
  for (const v of image.data) if (v !== 0) n++;
  return n;
}
