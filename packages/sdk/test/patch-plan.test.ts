import { describe, expect, it } from 'vitest';
import { planPatchRequests, regionPath, type PatchTileRequest } from '../src/patch-plan.js';

const paths = (tiles: PatchTileRequest[]) => tiles.map((t) => (t.request ? regionPath(t.request) : null));

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('planPatchRequests (protocol §6.1)', () => {
  it('reproduces the documented tiled example, x outer and y inner', () => {
    const tiles = planPatchRequests([1500, 1000], 1, [300, 200], 128, 2);
    expect(paths(tiles)).toEqual([
      '1/1328_928_128_128.png',
      '1/1328_1128_128_72.png',
      '1/1584_928_128_128.png',
      '1/1584_1128_128_72.png',
      '1/1756_928_44_128.png',
      '1/1756_1128_44_72.png',
    ]);
    expect(tiles.map((t) => [t.x, t.y, t.width, t.height])).toEqual([
      [0, 0, 128, 128],
      [0, 128, 128, 72],
      [128, 0, 128, 128],
      [128, 128, 128, 72],
      [256, 0, 44, 128],
      [256, 128, 44, 72],
    ]);
  });

  it('sends one request at the truncated centre when tileSize is 0', () => {
    expect(paths(planPatchRequests([100, 50], 0, [20, 10], 0, 1))).toEqual(['0/100_50_20_10.png']);
    expect(paths(planPatchRequests([100.9, 50.2], 2, [5000, 3000], 0, 4))).toEqual(['2/100_50_5000_3000.png']);
    // Python's int() truncates toward zero: -0.7 becomes 0, a valid centre.
    expect(paths(planPatchRequests([-0.7, 3.99], 0, [2, 2], 0, 1))).toEqual(['0/0_3_2_2.png']);
  });

  it('truncates fractional tile centres like the Python URL builder', () => {
    // cx = 10.5 + 1.5·(x − 0.5·(5 − tw)): 10.5 − 2.25 = 8.25 → 8; 10.5 + 0.75 = 11.25 → 11;
    // 10.5 + 3 = 13.5 → 13. cy = 20.25 → 20.
    const tiles = planPatchRequests([10.5, 20.25], 1, [5, 1], 2, 1.5);
    expect(paths(tiles)).toEqual(['1/8_20_2_1.png', '1/11_20_2_1.png', '1/13_20_1_1.png']);
  });

  it('covers every output pixel exactly once', () => {
    const random = rng(7);
    for (let run = 0; run < 50; run++) {
      const w = 1 + Math.floor(random() * 300);
      const h = 1 + Math.floor(random() * 300);
      const tile = Math.floor(random() * 100);
      const covered = new Uint8Array(w * h);
      for (const t of planPatchRequests([5000, 5000], 0, [w, h], tile, 1)) {
        for (let y = t.y; y < t.y + t.height; y++) for (let x = t.x; x < t.x + t.width; x++) covered[y * w + x]!++;
      }
      expect(covered.every((c) => c === 1)).toBe(true);
    }
  });

  it('shifts reads whose centre would be negative, dropping only pixels left of / above the slide (Q4)', () => {
    // Single read, centre (−10, 20), 40×30 at level 0: the server's left edge is −30.
    const [tile] = planPatchRequests([-10, 20], 0, [40, 30], 0, 1);
    expect(tile!.request).toEqual({ level: 0, centerX: 0, centerY: 20, width: 20, height: 30, offsetX: 20, offsetY: 0 });
    // The shifted read starts where pixel 20 of the original read starts: 0 − 10 = −30 + 20.
    expect(0 - Math.trunc(20 * 0.5)).toBe(-30 + 20);
  });

  it('keeps the server-side alignment of every shifted read (integer downsamples)', () => {
    const random = rng(11);
    for (let run = 0; run < 600; run++) {
      const scale = [1, 2, 4, 8][Math.floor(random() * 4)]!;
      const size: [number, number] = [1 + Math.floor(random() * 400), 1 + Math.floor(random() * 400)];
      const center: [number, number] = [Math.round((random() - 0.7) * 1500), Math.round((random() - 0.7) * 1500)];
      const tileSize = [0, 16, 64, 128][Math.floor(random() * 4)]!;
      const plain = unshiftedPlan(center, size, tileSize, scale);
      const tiles = planPatchRequests(center, 3, size, tileSize, scale);
      expect(tiles.length).toBe(plain.length);
      tiles.forEach((t, i) => {
        const p = plain[i]!;
        expect([t.x, t.y, t.width, t.height]).toEqual([p.x, p.y, p.w, p.h]);
        const axes = [
          { c: p.cx, n: p.w, r: t.request && { center: t.request.centerX, width: t.request.width, offset: t.request.offsetX } },
          { c: p.cy, n: p.h, r: t.request && { center: t.request.centerY, width: t.request.height, offset: t.request.offsetY } },
        ];
        const left = (c: number, n: number) => c - Math.trunc(n * 0.5 * scale);
        if (!t.request) {
          // Skipped only when every pixel of some axis starts left of the slide.
          expect(axes.some((a) => left(a.c, a.n) + (a.n - 1) * scale < 0)).toBe(true);
          return;
        }
        for (const { c, n, r } of axes) {
          expect(r!.center).toBeGreaterThanOrEqual(0);
          expect(r!.width).toBe(n - r!.offset);
          // The server reads from exactly where pixel `offset` of the unshifted read starts …
          expect(left(r!.center, r!.width)).toBe(left(c, n) + r!.offset * scale);
          // … and every dropped pixel starts left of (above) the slide.
          if (r!.offset > 0) expect(left(c, n) + (r!.offset - 1) * scale).toBeLessThan(0);
          else expect(r!.center).toBe(c);
        }
      });
    }
  });
});

/** The Python client's loop, written out independently (protocol §6.1). */
function unshiftedPlan(center: [number, number], size: [number, number], tile: number, scale: number) {
  if (tile === 0) {
    return [{ x: 0, y: 0, w: size[0], h: size[1], cx: Math.trunc(center[0]), cy: Math.trunc(center[1]) }];
  }
  const out = [];
  for (let x = 0; x < size[0]; x += tile) {
    for (let y = 0; y < size[1]; y += tile) {
      const w = Math.min(size[0] - x, tile);
      const h = Math.min(size[1] - y, tile);
      out.push({
        x,
        y,
        w,
        h,
        cx: Math.trunc(center[0] + scale * (x - 0.5 * (size[0] - w))),
        cy: Math.trunc(center[1] + scale * (y - 0.5 * (size[1] - h))),
      });
    }
  }
  return out;
}
