/**
 * Reading synthetic slide pixels: one pixel (`pixelAt`, the readable definition) and whole
 * regions (`readRegion`, OpenSlide's `read_region`, table-driven and fast). Browser-safe.
 *
 * Level `L` pixel (col, row) shows the level-0 pattern sampled at
 * `(floor(col · ds), floor(row · ds))` with `ds = levels[L].downsample`, plus the position
 * code of (col, row) at level L (`position.ts`). Pixels outside the level are `(0,0,0,0)`.
 */
import type { PyramidLevel, SyntheticSlide } from './catalog.js';
import { SlideImageError } from './errors.js';
import {
  BACKGROUND,
  CELL,
  LUMEN,
  LUMEN_CELL,
  NUCLEUS,
  STROMA,
  colHash,
  colSpan,
  colourAt,
  densityOfX,
  densityOfY,
  fibreShiftOf,
  lumenCentre,
  lumenColHash,
  lumenHalfWidth,
  lumenRowHash,
  mixHash,
  nucleusOffset,
  patternOf,
  type Pattern,
  rowHash,
  rowSpan,
  toneOfX,
  toneOfY,
} from './pattern.js';
import { positionCode } from './position.js';

/** An RGBA pixel `[r, g, b, a]`. */
export type Rgba = [number, number, number, number];

/** Largest region (in pixels) the renderer allocates: 64 Mpx = 256 MB of RGBA. */
export const MAX_REGION_PIXELS = 64 * 1024 * 1024;

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * The pyramid level `level` of `slide`, or a `SlideImageError` (`bad_level`, 500) when
 * `level` is not an integer in `[0, levels.length)`.
 *
 * @example
 * ```ts
 * pyramidLevel(slide, 0).downsample; // 1
 * ```
 */
export function pyramidLevel(slide: SyntheticSlide, level: number): PyramidLevel {
  if (!Number.isInteger(level) || level < 0 || level >= slide.levels.length) {
    throw new SlideImageError(
      'bad_level',
      500,
      `Level ${level} is outside the pyramid of slide ${slide.id} (levels 0-${slide.levels.length - 1})`,
    );
  }
  return slide.levels[level];
}

/** Throw `bad_size` / `too_large` unless w × h is a positive, affordable integer size. */
export function checkRegionSize(width: number, height: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new SlideImageError('bad_size', 500, `Region size must be positive integers, got ${width} x ${height}`);
  }
  if (width * height > MAX_REGION_PIXELS) {
    throw new SlideImageError(
      'too_large',
      500,
      `Region ${width} x ${height} exceeds the synthetic slide limit of ${MAX_REGION_PIXELS} pixels`,
    );
  }
}

/**
 * The RGBA value of pixel (`col`, `row`) of pyramid level `level` (level coordinates).
 * Computed directly from the pattern's definition (no tables): the reference the fast
 * region renderer is tested against, and a convenient oracle for SDK tests.
 *
 * @example
 * ```ts
 * const slide = createSyntheticSlides()[1];
 * pixelAt(slide, 0, 1500, 1000); // tissue: e.g. [0xe5, 0x95, 0xc8, 255], low bits = position code
 * pixelAt(slide, 0, -1, 0); // [0, 0, 0, 0]: outside the slide
 * ```
 */
export function pixelAt(slide: SyntheticSlide, level: number, col: number, row: number): Rgba {
  const lv = pyramidLevel(slide, level);
  if (!Number.isInteger(col) || !Number.isInteger(row)) {
    throw new SlideImageError('bad_size', 500, `Pixel coordinates must be integers, got (${col}, ${row})`);
  }
  if (col < 0 || row < 0 || col >= lv.width || row >= lv.height) return [0, 0, 0, 0];
  const c = colourAt(patternOf(slide), Math.floor(col * lv.downsample), Math.floor(row * lv.downsample));
  const [cr, cg, cb] = positionCode(level, col, row);
  return [(c & 0xff) | cr, ((c >>> 8) & 0xff) | cg, ((c >>> 16) & 0xff) | cb, 255];
}

/**
 * The level pixel where a region whose level-0 top-left is (`x`, `y`) starts at `level`:
 * `(floor(x / ds), floor(y / ds))`.
 *
 * @example
 * ```ts
 * regionOrigin(slide, 1, 1201, -3); // [600, -2] on a level with downsample 2
 * ```
 */
export function regionOrigin(slide: SyntheticSlide, level: number, x: number, y: number): [number, number] {
  const ds = pyramidLevel(slide, level).downsample;
  return [Math.floor(x / ds), Math.floor(y / ds)];
}

/**
 * OpenSlide `read_region((x, y), level, (width, height))`: RGBA bytes, row-major, of the
 * `width × height` level pixels starting at level pixel `regionOrigin(slide, level, x, y)`.
 * (`x`, `y`) are level-0 coordinates and may be negative; parts outside the slide are
 * transparent `(0,0,0,0)`.
 *
 * @throws SlideImageError `bad_level` for a level outside the pyramid, `bad_size` for a
 *   non-positive or non-integer size, `too_large` beyond `MAX_REGION_PIXELS`.
 * @example
 * ```ts
 * const rgba = readRegion(slide, 0, 90, 45, 20, 10); // E16 centre (100, 50), level 0, 20 × 10
 * rgba.length; // 800
 * ```
 */
export function readRegion(
  slide: SyntheticSlide,
  level: number,
  x: number,
  y: number,
  width: number,
  height: number,
): Uint8Array {
  if (!Number.isInteger(x) || !Number.isInteger(y)) {
    throw new SlideImageError('bad_size', 500, `Region origin must be integers, got (${x}, ${y})`);
  }
  const [col0, row0] = regionOrigin(slide, level, x, y);
  return readLevelRegion(slide, level, col0, row0, width, height);
}

/**
 * Like `readRegion` but addressed in level coordinates: the `width × height` level pixels
 * starting at level pixel (`col0`, `row0`).
 *
 * @example
 * ```ts
 * readLevelRegion(slide, 2, 0, 0, 750, 500); // the whole level 2 of a 3000 × 2000 slide
 * ```
 */
export function readLevelRegion(
  slide: SyntheticSlide,
  level: number,
  col0: number,
  row0: number,
  width: number,
  height: number,
): Uint8Array {
  const lv = pyramidLevel(slide, level);
  checkRegionSize(width, height);
  if (!Number.isInteger(col0) || !Number.isInteger(row0)) {
    throw new SlideImageError('bad_size', 500, `Region origin must be integers, got (${col0}, ${row0})`);
  }
  const out = new Uint8Array(width * height * 4);
  const px = new Uint32Array(out.buffer);
  // The in-level columns and rows: [a0, a1) × [b0, b1) of the output.
  const a0 = clamp(-col0, 0, width);
  const a1 = clamp(lv.width - col0, a0, width);
  const b0 = clamp(-row0, 0, height);
  const b1 = clamp(lv.height - row0, b0, height);
  if (a0 < a1 && b0 < b1) {
    const cols = new Int32Array(a1 - a0);
    for (let k = 0; k < cols.length; k++) cols[k] = col0 + a0 + k;
    const renderer = new LevelRenderer(slide, level, cols);
    for (let b = b0; b < b1; b++) renderer.renderRow(row0 + b, px, b * width + a0);
  }
  if (!LITTLE_ENDIAN) swapBytes(px);
  return out;
}

/**
 * Renders chosen columns of one pyramid level, row by row, with per-column tables built
 * once: the fast path behind `readRegion` and the thumbnails. Output pixels are packed
 * little-endian RGBA words (`0xAABBGGRR`); callers on big-endian hosts swap bytes.
 *
 * @example
 * ```ts
 * const r = new LevelRenderer(slide, 0, Int32Array.of(10, 20, 30));
 * const row = new Uint32Array(3);
 * r.renderRow(5, row, 0); // pixels (10,5), (20,5), (30,5)
 * ```
 */
export class LevelRenderer {
  private readonly ds: number;
  private readonly levelBits: number;
  private readonly levelHeight: number;
  private readonly p: Pattern;
  private readonly colX: Int32Array;
  private readonly colTop: Float64Array;
  private readonly colBottom: Float64Array;
  private readonly colCellHash: Int32Array;
  private readonly colFx: Int32Array;
  private readonly colLumenHash: Int32Array;
  private readonly colLumenCellX: Int32Array;
  private readonly colTone: Uint8Array;
  private readonly colDensity: Uint8Array;
  /** Position-code bits of each column; -1 marks a column outside the level. */
  private readonly colCode: Int32Array;

  /**
   * @param slide The slide.
   * @param level Pyramid level.
   * @param cols Level column of each output position (any order; outside the level → transparent).
   */
  constructor(slide: SyntheticSlide, level: number, cols: ArrayLike<number>) {
    const lv = pyramidLevel(slide, level);
    this.ds = lv.downsample;
    this.levelBits = (level & 7) << 16;
    this.levelHeight = lv.height;
    const p = (this.p = patternOf(slide));
    const n = cols.length;
    this.colX = new Int32Array(n);
    this.colTop = new Float64Array(n);
    this.colBottom = new Float64Array(n);
    this.colCellHash = new Int32Array(n);
    this.colFx = new Int32Array(n);
    this.colLumenHash = new Int32Array(n);
    this.colLumenCellX = new Int32Array(n);
    this.colTone = new Uint8Array(n);
    this.colDensity = new Uint8Array(n);
    this.colCode = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      const col = cols[k];
      if (!(col >= 0 && col < lv.width)) {
        this.colCode[k] = -1;
        continue;
      }
      const X = Math.floor(col * this.ds);
      const cellX = Math.floor(X / CELL);
      const lumenX = Math.floor(X / LUMEN_CELL);
      const [top, bottom] = colSpan(p, X);
      this.colX[k] = X;
      this.colTop[k] = top;
      this.colBottom[k] = bottom;
      this.colCellHash[k] = colHash(cellX);
      this.colFx[k] = X - cellX * CELL;
      this.colLumenHash[k] = lumenColHash(lumenX);
      this.colLumenCellX[k] = lumenX;
      this.colTone[k] = toneOfX(p, X);
      this.colDensity[k] = densityOfX(p, X);
      this.colCode[k] = (col & 15) | (((col >> 4) & 1) << 19);
    }
  }

  /**
   * Write the pixels of level row `row` for every column into `px[offset …]` (packed
   * RGBA words). A row outside the level, or a column outside it, writes 0 (transparent).
   */
  renderRow(row: number, px: Uint32Array, offset: number): void {
    const n = this.colX.length;
    if (!(row >= 0 && row < this.levelHeight)) {
      px.fill(0, offset, offset + n);
      return;
    }
    const p = this.p;
    const { colX, colTop, colBottom, colCellHash, colFx, colLumenHash, colLumenCellX, colTone, colDensity, colCode } = this;
    // Imported bindings can compile to getters (tsx, Vite SSR); read them once.
    const stroma = STROMA;
    const nuclei = NUCLEUS;
    const background = BACKGROUND;
    const lumenColour = LUMEN;
    const mix = mixHash;
    const lumenHalf = lumenHalfWidth;
    const centre = lumenCentre;
    const offsetOf = nucleusOffset;
    const fibre = p.fibre;
    const Y = Math.floor(row * this.ds);
    const cellY = Math.floor(Y / CELL);
    const fy = Y - cellY * CELL;
    const lumenY = Math.floor(Y / LUMEN_CELL);
    const [left, right] = rowSpan(p, Y);
    const rHash = rowHash(p, cellY);
    const rLumenHash = lumenRowHash(p, lumenY);
    const rLumenDy = Y - lumenY * LUMEN_CELL;
    const rTone = toneOfY(p, Y);
    const rDensity = densityOfY(p, Y);
    const rFibre = Y + fibreShiftOf(p, Y);
    const rowCode = ((row & 15) << 8) | (((row >> 4) & 1) << 19) | this.levelBits;
    // The lumen of the current lumen cell and the nucleus of the current nucleus cell
    // (the arithmetic of `colourAt`, hoisted per cell).
    let lumenCell = 0;
    let haveLumen = false;
    let lumenX = 0;
    let lumenHalfWidthOnRow = -1;
    let cell = 0;
    let haveCell = false;
    let threshold = 0;
    let ox = 0;
    let dy2 = 0;
    let r2 = -1;
    let core2 = 0;
    let shade = 0;
    let o = offset;
    for (let k = 0; k < n; k++, o++) {
      const code = colCode[k];
      if (code === -1) {
        px[o] = 0;
        continue;
      }
      const X = colX[k];
      let c: number;
      if (X < left || X > right || Y < colTop[k] || Y > colBottom[k]) {
        c = background;
      } else {
        if (!haveLumen || colLumenHash[k] !== lumenCell) {
          lumenCell = colLumenHash[k];
          haveLumen = true;
          const hl = mix(lumenCell, rLumenHash);
          lumenHalfWidthOnRow = lumenHalf(hl, rLumenDy - centre(hl >>> 17));
          lumenX = colLumenCellX[k] * LUMEN_CELL + centre(hl >>> 8);
        }
        if (lumenHalfWidthOnRow >= 0 && Math.abs(X - lumenX) <= lumenHalfWidthOnRow) {
          c = lumenColour;
        } else {
          if (!haveCell || colCellHash[k] !== cell) {
            cell = colCellHash[k];
            haveCell = true;
            const h = mix(cell, rHash);
            threshold = h >>> 24;
            ox = offsetOf(h);
            const dy = fy - offsetOf(h >>> 4);
            const r = 4 + ((h >>> 8) & 3);
            dy2 = dy * dy;
            r2 = dy2 <= r * r ? r * r : -1; // -1: this row misses the nucleus
            core2 = (r - 2) * (r - 2);
            shade = (h >>> 10) & 2;
          }
          c = 0;
          if (r2 >= 0 && threshold < colDensity[k] + rDensity) {
            const dx = colFx[k] - ox;
            const d2 = dx * dx + dy2;
            if (d2 <= r2) c = nuclei[shade | (d2 <= core2 ? 0 : 1)];
          }
          if (c === 0) c = stroma[colTone[k] + rTone + fibre[(X + rFibre) & 63]];
        }
      }
      px[o] = c | (code ^ rowCode);
    }
  }
}

/** Convert packed little-endian RGBA words to host order in place (no-op on little-endian hosts). */
export function packedToHostOrder(px: Uint32Array): void {
  if (!LITTLE_ENDIAN) swapBytes(px);
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/** Reverse the bytes of each 32-bit word (big-endian hosts). */
function swapBytes(px: Uint32Array): void {
  for (let i = 0; i < px.length; i++) {
    const v = px[i];
    px[i] = ((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24);
  }
}
