/**
 * The synthetic H&E tissue pattern, defined on level-0 pixel coordinates. Browser-safe.
 *
 * Every term is a function of X alone, of Y alone, or of a small per-cell computation, so
 * a renderer can precompute per-column and per-row tables and stay fast:
 *
 * * **Tissue outline**: inside iff `left(Y) ≤ X ≤ right(Y)` and `top(X) ≤ Y ≤ bottom(X)`:
 *   an ellipse-like section whose edges wobble (a sum of seeded sines); white glass outside.
 * * **Lumens** (vessels, pale): the plane is cut into 1024 × 1024 cells; about one cell in
 *   five holds an elliptical lumen (semi-axes 20–200 px) at a seeded position.
 * * **Nuclei** (haematoxylin purple, two shades): 24 × 24 cells; a cell holds one round
 *   nucleus (radius 4–7 px, seeded centre, dark core and lighter rim) when its hash byte
 *   is below the local cellularity `density(X) + density(Y)`, which varies across the slide.
 * * **Stroma** (eosin pink): 16 shades indexed by `tone(X) + tone(Y) + fibre(X + Y + wave(Y))`:
 *   slide-scale shading plus fine, wavy diagonal fibres.
 *
 * Colours are quantised to their high 4 bits; the low 4 bits are the position code
 * (`position.ts`). Palette entries are packed little-endian `0xAABBGGRR` (signed int32).
 */
import type { SyntheticSlide } from './catalog.js';

/** Side of a nucleus cell in level-0 pixels. */
export const CELL = 24;
/** Side of a lumen cell in level-0 pixels. */
export const LUMEN_CELL = 1024;

/** One sine term: `amp · sin(2π · t / period + phase)`. */
export interface Wave {
  readonly amp: number;
  readonly period: number;
  readonly phase: number;
}

/** Level-0 pattern parameters derived from a slide's seed and size. */
export interface Pattern {
  readonly seed: number;
  /** Tissue centre and semi-axes (level-0 px). */
  readonly cx: number;
  readonly cy: number;
  readonly rx: number;
  readonly ry: number;
  /** Edge wobbles: left/right edges (functions of Y), top/bottom edges (functions of X). */
  readonly wobbleLeft: Wave[];
  readonly wobbleRight: Wave[];
  readonly wobbleTop: Wave[];
  readonly wobbleBottom: Wave[];
  /** Stroma shading along X and along Y (slide-scale and ~100–300 px periods). */
  readonly toneX: Wave[];
  readonly toneY: Wave[];
  /** Cellularity along X and Y (periods of 5–30 % of the slide). */
  readonly densityX: Wave[];
  readonly densityY: Wave[];
  /** Row offset of the fibre pattern (makes the fibres wavy). */
  readonly fibreShift: Wave[];
  /** Fibre shade by `(X + Y + shift) mod 64`, entries 0…3. */
  readonly fibre: Uint8Array;
}

/**
 * Packed RGBA (little-endian `0xAABBGGRR`, as a signed 32-bit integer so the JIT keeps it
 * unboxed) with the low nibble of R, G, B cleared.
 */
function pack(r: number, g: number, b: number): number {
  return (r & 0xf0) | ((g & 0xf0) << 8) | ((b & 0xf0) << 16) | 0xff000000 | 0;
}

/** Background (glass): white. */
export const BACKGROUND = pack(0xff, 0xff, 0xff);
/** Lumen: very pale pink. */
export const LUMEN = pack(0xf8, 0xe8, 0xf4);
/** Nucleus colours: [dark core, dark rim, light core, light rim]. */
export const NUCLEUS: Int32Array = Int32Array.of(
  pack(0x50, 0x28, 0x80),
  pack(0x78, 0x48, 0xa0),
  pack(0x68, 0x38, 0x98),
  pack(0x90, 0x60, 0xb8),
);
/** Stroma shades (eosin), light to dark, indexed by tone 0…15. */
export const STROMA: Int32Array = (() => {
  const table = new Int32Array(16);
  for (let t = 0; t < 16; t++) {
    const f = t / 15;
    table[t] = pack(Math.round(250 - 38 * f), Math.round(208 - 112 * f), Math.round(232 - 64 * f));
  }
  return table;
})();

/** A small deterministic generator (mulberry32) for pattern parameters. */
function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` seeded waves with periods in [minPeriod, maxPeriod] and amplitudes summing to `total`. */
function waves(next: () => number, n: number, minPeriod: number, maxPeriod: number, total: number): Wave[] {
  const out: Wave[] = [];
  for (let k = 0; k < n; k++) {
    out.push({ amp: total / n, period: minPeriod + (maxPeriod - minPeriod) * next(), phase: 2 * Math.PI * next() });
  }
  return out;
}

/** Sum of `waves` at `t`. */
export function waveSum(list: readonly Wave[], t: number): number {
  let s = 0;
  for (const w of list) s += w.amp * Math.sin((2 * Math.PI * t) / w.period + w.phase);
  return s;
}

const cache = new WeakMap<SyntheticSlide, Pattern>();

/**
 * The pattern parameters of a slide (computed once per slide object).
 *
 * @example
 * ```ts
 * const p = patternOf(slide);
 * isTissue(p, p.cx, p.cy); // true: the centre is tissue
 * ```
 */
export function patternOf(slide: SyntheticSlide): Pattern {
  let p = cache.get(slide);
  if (p === undefined) {
    p = buildPattern(slide.seed, slide.width, slide.height);
    cache.set(slide, p);
  }
  return p;
}

/** Build the parameters for a `width × height` slide from `seed`. */
export function buildPattern(seed: number, width: number, height: number): Pattern {
  const next = generator(seed);
  const fibre = new Uint8Array(64);
  const phase = 2 * Math.PI * next();
  for (let k = 0; k < 64; k++) {
    const v = 1.5 + 1.2 * Math.sin((2 * Math.PI * 3 * k) / 64 + phase) + (next() - 0.5);
    fibre[k] = clampInt(Math.round(v), 0, 3);
  }
  return {
    seed: seed >>> 0,
    cx: width * (0.48 + 0.04 * next()),
    cy: height * (0.48 + 0.04 * next()),
    rx: width * (0.38 + 0.04 * next()),
    ry: height * (0.38 + 0.04 * next()),
    wobbleLeft: waves(next, 3, height * 0.08, height * 0.5, 0.16),
    wobbleRight: waves(next, 3, height * 0.08, height * 0.5, 0.16),
    wobbleTop: waves(next, 3, width * 0.08, width * 0.5, 0.16),
    wobbleBottom: waves(next, 3, width * 0.08, width * 0.5, 0.16),
    toneX: [...waves(next, 2, width * 0.12, width * 0.5, 2), ...waves(next, 2, 97, 331, 1)],
    toneY: [...waves(next, 2, height * 0.12, height * 0.5, 2), ...waves(next, 2, 89, 293, 1)],
    densityX: waves(next, 2, width * 0.05, width * 0.3, 70),
    densityY: waves(next, 2, height * 0.05, height * 0.3, 70),
    fibreShift: waves(next, 2, 61, 211, 10),
    fibre,
  };
}

/** Left and right tissue edges on row `Y` as `[left, right]`; empty (left > right) off the section. */
export function rowSpan(p: Pattern, Y: number): [number, number] {
  const u = (Y - p.cy) / p.ry;
  if (u <= -1 || u >= 1) return [1, 0];
  const half = p.rx * Math.sqrt(1 - u * u);
  return [p.cx - half * (1 + waveSum(p.wobbleLeft, Y)), p.cx + half * (1 + waveSum(p.wobbleRight, Y))];
}

/** Top and bottom tissue edges on column `X` as `[top, bottom]`; empty off the section. */
export function colSpan(p: Pattern, X: number): [number, number] {
  const v = (X - p.cx) / p.rx;
  if (v <= -1 || v >= 1) return [1, 0];
  const half = p.ry * Math.sqrt(1 - v * v);
  return [p.cy - half * (1 + waveSum(p.wobbleTop, X)), p.cy + half * (1 + waveSum(p.wobbleBottom, X))];
}

/** Whether level-0 pixel (X, Y) is tissue (inside the section outline). */
export function isTissue(p: Pattern, X: number, Y: number): boolean {
  const [l, r] = rowSpan(p, Y);
  const [t, b] = colSpan(p, X);
  return X >= l && X <= r && Y >= t && Y <= b;
}

/** Stroma tone term of column X (0…6). */
export function toneOfX(p: Pattern, X: number): number {
  return clampInt(Math.round(3 + waveSum(p.toneX, X)), 0, 6);
}

/** Stroma tone term of row Y (0…6). */
export function toneOfY(p: Pattern, Y: number): number {
  return clampInt(Math.round(3 + waveSum(p.toneY, Y)), 0, 6);
}

/** Fibre offset of row Y (an integer; the fibre index is `(X + Y + shift) & 63`). */
export function fibreShiftOf(p: Pattern, Y: number): number {
  return Math.round(waveSum(p.fibreShift, Y));
}

/** Cellularity term of column X (0…127). */
export function densityOfX(p: Pattern, X: number): number {
  return clampInt(Math.round(64 + waveSum(p.densityX, X)), 0, 127);
}

/** Cellularity term of row Y (0…127). */
export function densityOfY(p: Pattern, Y: number): number {
  return clampInt(Math.round(64 + waveSum(p.densityY, Y)), 0, 127);
}

/** Row part of the nucleus-cell hash (also mixes in the seed). */
export function rowHash(p: Pattern, cellY: number): number {
  return Math.imul(cellY, 0x165667b1) ^ p.seed;
}

/** Column part of the nucleus-cell hash. */
export function colHash(cellX: number): number {
  return Math.imul(cellX, 0x27d4eb2d);
}

/** Row part of the lumen-cell hash. */
export function lumenRowHash(p: Pattern, cellY: number): number {
  return Math.imul(cellY, 0x1b873593) ^ ~p.seed;
}

/** Column part of the lumen-cell hash. */
export function lumenColHash(cellX: number): number {
  return Math.imul(cellX, 0x3c6ef35f);
}

/** Finish a cell hash from its column and row parts (32-bit avalanche; a signed int32). */
export function mixHash(col: number, row: number): number {
  let h = col ^ row;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Half-width of the lumen chord of the lumen cell with hash `h`, on a row `dy` px below
 * the lumen centre (`lumenCentre(h >>> 17)` in the cell), or -1 when the cell has no
 * lumen (about 4 cells in 5) or the row misses it. A pixel `dx` px right of the centre
 * (`lumenCentre(h >>> 8)`) is inside iff `|dx| ≤ half`.
 */
export function lumenHalfWidth(h: number, dy: number): number {
  if ((h & 255) >= 52) return -1;
  const rx = 20 + ((h >>> 26) & 63) * 2.8;
  const ry = rx * (0.45 + ((h >>> 23) & 7) * 0.08);
  const v = dy / ry;
  const s = 1 - v * v;
  return s < 0 ? -1 : rx * Math.sqrt(s);
}

/** Offset of a lumen centre in its cell from 9 hash bits: 200…711 (semi-axes ≤ 200 stay inside). */
export function lumenCentre(bits: number): number {
  return 200 + (bits & 511);
}

/**
 * Nucleus colour index for a tissue pixel in nucleus cell with hash `h`, at offset
 * (fx, fy) in the cell, with cellularity `density` (0…254): an index into `NUCLEUS`, or
 * -1 for stroma.
 */
export function nucleusIndex(h: number, fx: number, fy: number, density: number): number {
  if (h >>> 24 >= density) return -1;
  const dx = fx - nucleusOffset(h);
  const dy = fy - nucleusOffset(h >>> 4);
  const r = 4 + ((h >>> 8) & 3);
  const d2 = dx * dx + dy * dy;
  if (d2 > r * r) return -1;
  return ((h >>> 10) & 2) | (d2 <= (r - 2) * (r - 2) ? 0 : 1);
}

/** Centre offset of a nucleus in its cell from 4 hash bits: 7…16 (so radius ≤ 7 stays inside). */
export function nucleusOffset(bits: number): number {
  return 7 + (((bits & 15) * 10) >>> 4);
}

/**
 * The packed colour (low nibbles clear) of level-0 pixel (X, Y). This is the definition
 * of the pattern; `region.ts` computes the same values with precomputed tables.
 */
export function colourAt(p: Pattern, X: number, Y: number): number {
  if (!isTissue(p, X, Y)) return BACKGROUND;
  const bx = Math.floor(X / LUMEN_CELL);
  const by = Math.floor(Y / LUMEN_CELL);
  const hl = mixHash(lumenColHash(bx), lumenRowHash(p, by));
  const half = lumenHalfWidth(hl, Y - (by * LUMEN_CELL + lumenCentre(hl >>> 17)));
  if (half >= 0 && Math.abs(X - (bx * LUMEN_CELL + lumenCentre(hl >>> 8))) <= half) return LUMEN;
  const cellX = Math.floor(X / CELL);
  const cellY = Math.floor(Y / CELL);
  const h = mixHash(colHash(cellX), rowHash(p, cellY));
  const n = nucleusIndex(h, X - cellX * CELL, Y - cellY * CELL, densityOfX(p, X) + densityOfY(p, Y));
  if (n !== -1) return NUCLEUS[n];
  return STROMA[toneOfX(p, X) + toneOfY(p, Y) + p.fibre[(X + Y + fibreShiftOf(p, Y)) & 63]];
}

function clampInt(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
