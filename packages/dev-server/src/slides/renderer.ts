/**
 * The fast renderer of synthetic slide pixels: per-column tables built once, then one
 * tight loop per row (the arithmetic of `pattern.ts`'s `colourAt`, hoisted per cell).
 * Browser-safe.
 */
import type { SyntheticSlide } from './catalog.js';
import { pyramidLevel } from './level.js';
import {
  BACKGROUND,
  CELL,
  LUMEN,
  LUMEN_CELL,
  NUCLEUS,
  STROMA,
  colHash,
  colSpan,
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

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

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
  /** Tissue rows of each column as integers: `ceil(top)` … `floor(bottom)`. */
  private readonly colTop: Int32Array;
  private readonly colBottom: Int32Array;
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
    this.colTop = new Int32Array(n);
    this.colBottom = new Int32Array(n);
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
      // Y ≥ top ⟺ Y ≥ ceil(top) for integer Y (likewise bottom); empty spans stay empty.
      this.colTop[k] = clampToInt32(Math.ceil(top));
      this.colBottom[k] = clampToInt32(Math.floor(bottom));
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
    const [leftEdge, rightEdge] = rowSpan(p, Y);
    const left = clampToInt32(Math.ceil(leftEdge));
    const right = clampToInt32(Math.floor(rightEdge));
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
    // Lumen columns on this row: lumenLeft … lumenRight (empty when lumenLeft > lumenRight).
    let lumenLeft = 1;
    let lumenRight = 0;
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
          const half = lumenHalf(hl, rLumenDy - centre(hl >>> 17));
          // |X − x0| ≤ half ⟺ x0 − floor(half) ≤ X ≤ x0 + floor(half) for integers X, x0.
          const x0 = colLumenCellX[k] * LUMEN_CELL + centre(hl >>> 8);
          lumenLeft = half >= 0 ? x0 - Math.floor(half) : 1;
          lumenRight = half >= 0 ? x0 + Math.floor(half) : 0;
        }
        if (X >= lumenLeft && X <= lumenRight) {
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

/** Clamp to the int32 range (edges of empty spans can be far off the slide). */
function clampToInt32(v: number): number {
  return v < -2147483648 ? -2147483648 : v > 2147483647 ? 2147483647 : v;
}

/** Convert packed little-endian RGBA words to host order in place (no-op on little-endian hosts). */
export function packedToHostOrder(px: Uint32Array): void {
  if (!LITTLE_ENDIAN) swapBytes(px);
}

/** Reverse the bytes of each 32-bit word (big-endian hosts). */
function swapBytes(px: Uint32Array): void {
  for (let i = 0; i < px.length; i++) {
    const v = px[i];
    px[i] = ((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24);
  }
}
