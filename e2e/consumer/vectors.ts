/**
 * Pillow ground truth for the browser e2e specs: a few single-shape cases of
 * `packages/raster-wasm/test/vectors/polygon/cases.json` (fill only, identical in Pillow 12.3
 * and 9.4, not FMA-sensitive, small canvases), and the hash the vectors use
 * (SHA-256 of the raw mask bytes).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** One polygon case, flattened for `fillPolygon`. */
export interface PolygonCase {
  id: string;
  width: number;
  height: number;
  /** `[x0, y0, x1, y1, …]` in canvas pixels. */
  xy: number[];
  fill: number;
  /** SHA-256 (hex) of Pillow's mask bytes. */
  sha256: string;
}

interface RawCase {
  id: string;
  canvas: [number, number];
  sx: number;
  sy: number;
  shapes: { vertices: [number, number][]; fill: number | null; outline: number | null }[];
  expected: { sha256: string; nonzero: Record<string, number> };
  pillow_9_4: { same_as_primary: boolean };
  fma_sensitive?: boolean;
}

const file = new URL('../../packages/raster-wasm/test/vectors/polygon/cases.json', import.meta.url);

/** The first `count` suitable cases, in file order. */
export function pillowCases(count = 4): PolygonCase[] {
  const { cases } = JSON.parse(readFileSync(file, 'utf8')) as { cases: RawCase[] };
  return cases
    .filter(
      (c) =>
        c.shapes.length === 1 &&
        c.shapes[0]!.outline === null &&
        c.shapes[0]!.fill !== null &&
        c.sx === 1 &&
        c.sy === 1 &&
        c.canvas[0] * c.canvas[1] <= 10_000 &&
        !c.fma_sensitive &&
        c.pillow_9_4.same_as_primary &&
        Object.keys(c.expected.nonzero).length > 0,
    )
    .slice(0, count)
    .map((c) => ({
      id: c.id,
      width: c.canvas[0],
      height: c.canvas[1],
      xy: c.shapes[0]!.vertices.flat(),
      fill: c.shapes[0]!.fill!,
      sha256: c.expected.sha256,
    }));
}

/** SHA-256 (hex) of mask bytes returned from the page. */
export function maskSha256(bytes: readonly number[]): string {
  return createHash('sha256').update(Uint8Array.from(bytes)).digest('hex');
}
