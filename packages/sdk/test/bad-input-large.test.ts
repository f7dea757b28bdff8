/**
 * Large but valid input is not bad input: a sampling ROI polygon with 10^6 vertices (a circle
 * of radius 20,000 px on the 100,000 × 80,000 slide) plans its tiles, draws its tile masks
 * and extracts a tile, in Node and in Chromium, and the results equal the plain-TS reference
 * rasteriser's pixel for pixel. (Time and memory are measured in bench/load.bench.ts.)
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { geometryDrawingXY, referenceFillPolygon, referenceTileSums } from '@phas/raster-wasm';
import { seed } from '@phas/dev-server/seed';
import { Client, planTiles, SamplingROIPatchExtractor, SamplingROITask, tileMask, type Geometry, type TilePlan } from '../src/index.js';
import { reliabilityLog } from '../../../test/reliability-log.js';
import { firstDifference } from './helpers/slide-fixtures.js';

const url = inject('phasUrl');
const keys = inject('phasKeys');
const log = reliabilityLog('bad-input', import.meta.url);

const VERTICES = 1_000_000;
const [CX, CY, R] = [50_000, 40_000, 20_000];

/** A regular 10^6-gon approximating the circle (centre (50000, 40000), radius 20000). */
function circle(): Geometry {
  const data: [number, number][] = new Array(VERTICES);
  for (let i = 0; i < VERTICES; i++) {
    const a = (2 * Math.PI * i) / VERTICES;
    data[i] = [CX + R * Math.cos(a), CY + R * Math.sin(a)];
  }
  return { type: 'polygon', data };
}

/** The reference's padded tile mask: the ROI translated to the tile, filled 255, padded. */
function referenceMask(g: Geometry, plan: TilePlan, [col, row]: [number, number], padding: number): Uint8Array {
  const ts = plan.tileSize;
  const tile = { width: ts, height: ts, data: new Uint8Array(ts * ts) };
  referenceFillPolygon(tile, geometryDrawingXY(g, 1, 1, [-(plan.tx + col * ts), -(plan.ty + row * ts)]), { fill: 255 });
  const outer = ts + 2 * padding;
  const out = new Uint8Array(outer * outer);
  for (let y = 0; y < ts; y++) out.set(tile.data.subarray(y * ts, (y + 1) * ts), (y + padding) * outer + padding);
  return out;
}

const geometry = circle();
let plan: TilePlan;
/** The first tile in `tiles()` order: on the circle's top edge, partly covered. */
let edgeTile: [number, number];
/** The reference mask of `edgeTile` (computed once: the reference visits every edge on every row). */
let edgeMask: Uint8Array;

beforeAll(async () => {
  plan = await planTiles(geometry);
  edgeTile = plan.indices[0]!;
  edgeMask = referenceMask(geometry, plan, edgeTile, 32);
});

describe('a 10^6-vertex polygon ROI', () => {
  it('plans the tile grid exactly as the reference draws it', () => {
    const { tilesX, tilesY, subTilesPerTile: n, tileSize, tx, ty } = plan;
    const canvas = { width: tilesX * n, height: tilesY * n, data: new Uint8Array(tilesX * n * tilesY * n) };
    const s = n / tileSize;
    referenceFillPolygon(canvas, geometryDrawingXY(geometry, s, s, [-tx, -ty]), { fill: 255, outline: 255 });
    expect(firstDifference(plan.subtiles, canvas.data)).toBe(-1);
    expect(Array.from(plan.sums)).toEqual(Array.from(referenceTileSums(canvas, n)));
    // ~π/4 of the 40×40-tile bounding square is covered
    const covered = plan.density.data.reduce((a, b) => a + b, 0);
    expect(covered / (tilesX * tilesY)).toBeCloseTo(Math.PI / 4, 1);
    log.observe('planTiles on a 10^6-vertex circle (tile 1024, 16 sub-tiles)', 'works; equal to the TS reference', `${tilesX}×${tilesY} tiles, ${plan.indices.length} touched; sub-tile canvas ${canvas.width}×${canvas.height} identical to the reference`);
  });

  it('draws an edge tile mask equal to the reference', async () => {
    const mask = await tileMask(geometry, plan, edgeTile, { padding: 32 });
    expect([mask.width, mask.height]).toEqual([1088, 1088]);
    expect(firstDifference(mask, edgeMask)).toBe(-1);
    const painted = mask.data.reduce((n, v) => n + (v ? 1 : 0), 0);
    expect(painted).toBeGreaterThan(0);
    expect(painted).toBeLessThan(1024 * 1024);
    log.observe('tileMask of a partly covered tile of the 10^6-gon', 'equal to the TS reference', `tile [${edgeTile.join(', ')}]: ${painted} of 1024² pixels inside, identical to the reference`);
  });

  it('extracts a tile through the SDK (create, tiles, getTilePatchAndMask)', async () => {
    const client = await Client.connect(url, { apiKey: keys.admin.apiKey });
    const task = await SamplingROITask.open(client, seed.tasks.sampling.id);
    const ex = await SamplingROIPatchExtractor.create(await task.slide(seed.slides.big.id), geometry);
    expect(ex.tiles().indices).toEqual(plan.indices);
    const { image, mask } = await ex.getTilePatchAndMask(edgeTile);
    expect([image.width, image.height, image.channels]).toEqual([1088, 1088, 3]);
    expect(firstDifference(mask, edgeMask)).toBe(-1);
    log.observe('SamplingROIPatchExtractor on the 10^6-gon', 'the same tiles as planTiles; the mask of the tile read equals the reference', `${ex.tiles().indices.length} tiles; tile [${edgeTile.join(', ')}] read as 1088×1088 RGB with the reference mask`);
  });
});
