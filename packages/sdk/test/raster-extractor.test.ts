// planTiles / tileMask / tilePatchOrigin against every extractor vector (Pillow 12.3.0, and the
// Pillow 9.4 records in '9.4' mode): bbox, tx, ty, tile_nz and tile_overlap compared exactly,
// the sub-tile canvas, per-tile sums and tile masks by SHA-256, geometry paths within 1e-12.
import { describe, expect, it } from 'vitest';
import { geometryDrawingXY, translateGeometry } from '@phas/raster-wasm';
import { planTiles, tileMask, tilePatchOrigin } from '../src/raster/index.js';
import { extractorCases, maskMismatch, sha256Hex, type ExtractorCase } from '../../raster-wasm/test/vectors.js';

function close(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
}

function flat(points: readonly (readonly number[])[]): number[] {
  return points.flatMap((p) => [...p]);
}

/** Polygon paths are compared exactly, trapezoid paths within 1e-12 relative (libm). */
function samePath(c: ExtractorCase, got: ArrayLike<number>, want: readonly (readonly number[])[]): boolean {
  const w = flat(want);
  if (got.length !== w.length) return false;
  for (let i = 0; i < w.length; i++) {
    if (c.geom.type === 'polygon' ? got[i] !== w[i] : !close(got[i], w[i])) return false;
  }
  return true;
}

describe('planTiles on every extractor case', () => {
  it.each(extractorCases.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const e = c.expected;
    const plan = await planTiles(c.geom, { tileSize: c.tile_size, subTilesPerTile: c.sub_tiles_per_tile });
    expect(plan.bbox).toEqual(e.bbox);
    expect([plan.tilesX, plan.tilesY, plan.tx, plan.ty]).toEqual([e.tw, e.th, e.tx, e.ty]);
    expect([plan.subtiles.width, plan.subtiles.height]).toEqual(e.canvas_size);
    // the geometry the canvas is drawn from
    const moved = translateGeometry(c.geom, -e.tx, -e.ty);
    expect(samePath(c, flat(moved.data), e.canvas_geom_data)).toBe(true);
    const s = c.sub_tiles_per_tile / c.tile_size;
    expect(samePath(c, geometryDrawingXY(c.geom, s, s, [-e.tx, -e.ty]), e.canvas_xy)).toBe(true);
    expect(await maskMismatch(plan.subtiles.data, e.subtile_canvas)).toBe('');
    const sumBytes = new Uint8Array(plan.sums.buffer, plan.sums.byteOffset, plan.sums.byteLength);
    expect(await sha256Hex(sumBytes)).toBe(e.tile_sums_sha256);
    expect(plan.indices).toEqual(e.tile_nz);
    expect(Array.from(plan.overlap)).toEqual(e.tile_overlap);
    expect(plan.density.data.length).toBe(e.tw * e.th);

    for (const t of e.tiles) {
      const [col, row] = t.tile_index;
      expect(samePath(c, geometryDrawingXY(c.geom, 1, 1, [-t.patch_xy[0], -t.patch_xy[1]]), t.xy)).toBe(true);
      const mask = await tileMask(c.geom, plan, t.tile_index, { padding: c.padding });
      expect([mask.width, mask.height, mask.channels]).toEqual([...t.mask_size, 1]);
      expect(await maskMismatch(mask.data, t.mask), `tile ${col},${row}`).toBe('');
      expect(tilePatchOrigin(plan, t.tile_index, c.spacing, c.padding)).toEqual(t.tile_patch_origin);
    }
  });
});

describe('planTiles / tileMask in Pillow 9.4 mode', () => {
  const differing = extractorCases.filter((c) => !c.pillow_9_4.same_as_primary);
  it(`matches the 9.4 records of the ${differing.length} cases that differ`, async () => {
    expect(differing.length).toBe(14);
    for (const c of differing) {
      const old = c.pillow_9_4;
      const plan = await planTiles(c.geom, { tileSize: c.tile_size, subTilesPerTile: c.sub_tiles_per_tile, pillow: '9.4' });
      if (old.subtile_canvas) {
        expect(await maskMismatch(plan.subtiles.data, old.subtile_canvas), c.id).toBe('');
        expect(plan.indices, c.id).toEqual(old.tile_nz);
        expect(Array.from(plan.overlap), c.id).toEqual(old.tile_overlap);
      }
      for (const t of old.tile_masks ?? []) {
        const mask = await tileMask(c.geom, plan, t.tile_index, { padding: c.padding, pillow: '9.4' });
        expect(await maskMismatch(mask.data, t), `${c.id} tile ${t.tile_index.join(',')}`).toBe('');
      }
    }
  });
});

describe('protocol §10.3 worked example', () => {
  it('gives the documented grid and densities', async () => {
    const plan = await planTiles(
      { type: 'polygon', data: [[1000, 500], [2500, 700], [2200, 1800], [900, 1500]] },
      { tileSize: 512, subTilesPerTile: 8 },
    );
    expect([plan.tx, plan.ty, plan.tilesX, plan.tilesY]).toEqual([676, 382, 4, 3]);
    expect(plan.subtiles.data.filter((v) => v === 255).length).toBe(400);
    expect(Array.from(plan.density.data)).toEqual([
      0.328125, 0.71875, 0.578125, 0.28125, 0.53125, 1, 1, 0.359375, 0.171875, 0.46875, 0.71875, 0.09375,
    ]);
    expect(tilePatchOrigin(plan, [0, 0], [0.0005, 0.0005], 16)).toEqual([0.33025, 0.18325]);
  });
});
