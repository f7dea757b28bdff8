/**
 * The two extractor canvases: the tile-density heatmap and the sub-tile canvas, both with
 * the tile grid, the selected tile outlined, and clicks reported as `[col, row]`.
 */
import { densityCss } from './colormap.js';

/** A tile index `[col, row]`. */
export type TileIndex = [number, number];

/** A density grid as the extractor returns it (row-major). */
export interface Grid<T extends ArrayLike<number>> {
  width: number;
  height: number;
  data: T;
}

const EMPTY = '#eef0f3';
const LINE = 'rgba(255,255,255,0.9)';

/** Pixel size of one cell so that `cols × rows` cells fit in `maxWidth × maxHeight`. */
export function cellSize(cols: number, rows: number, maxWidth: number, maxHeight: number, min = 3, max = 56): number {
  const fit = Math.floor(Math.min(maxWidth / Math.max(1, cols), maxHeight / Math.max(1, rows)));
  return Math.max(min, Math.min(max, fit));
}

/** The cell under a point of a canvas drawn with `cell`-pixel cells (or `undefined` outside). */
export function cellAt(x: number, y: number, cell: number, cols: number, rows: number): TileIndex | undefined {
  const col = Math.floor(x / cell);
  const row = Math.floor(y / cell);
  return col >= 0 && row >= 0 && col < cols && row < rows ? [col, row] : undefined;
}

function sized(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D {
  const ratio = Math.max(1, Math.round(globalThis.devicePixelRatio || 1));
  canvas.width = width * ratio;
  canvas.height = height * ratio;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  return ctx;
}

function outline(ctx: CanvasRenderingContext2D, cell: number, selected: TileIndex | undefined): void {
  if (!selected) return;
  // Dark then light, so the outline shows on every colour of the scale.
  const [x, y] = [selected[0] * cell, selected[1] * cell];
  ctx.lineWidth = 3;
  ctx.strokeStyle = '#111827';
  ctx.strokeRect(x + 0.5, y + 0.5, cell - 1, cell - 1);
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = '#ffffff';
  ctx.strokeRect(x + 2, y + 2, cell - 4, cell - 4);
}

/**
 * Draws the per-tile density heatmap (0 = light grey, else viridis) with grid lines and,
 * when cells are large enough, the overlap as a percentage.
 */
export function drawHeatmap(canvas: HTMLCanvasElement, density: Grid<ArrayLike<number>>, cell: number, selected?: TileIndex): void {
  const { width: cols, height: rows, data } = density;
  const ctx = sized(canvas, cols * cell, rows * cell);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const v = data[r * cols + c]!;
      ctx.fillStyle = v > 0 ? densityCss(v) : EMPTY;
      ctx.fillRect(c * cell, r * cell, cell, cell);
      if (cell >= 34 && v > 0) {
        ctx.fillStyle = v > 0.6 ? '#1b1b1b' : '#ffffff';
        ctx.font = `${Math.round(cell / 3.6)}px system-ui, sans-serif`;
        ctx.textAlign = 'center';
        ctx.textBaseline = 'middle';
        ctx.fillText(`${Math.round(v * 100)}%`, c * cell + cell / 2, r * cell + cell / 2);
      }
    }
  }
  gridLines(ctx, cols, rows, cell);
  outline(ctx, cell, selected);
}

/** Draws the sub-tile canvas (0/255 per sub-tile) scaled so that one tile is `cell` pixels. */
export function drawSubtiles(
  canvas: HTMLCanvasElement,
  subtiles: Grid<ArrayLike<number>>,
  subTilesPerTile: number,
  cell: number,
  selected?: TileIndex,
): void {
  const cols = subtiles.width / subTilesPerTile;
  const rows = subtiles.height / subTilesPerTile;
  const ctx = sized(canvas, cols * cell, rows * cell);
  const raw = new ImageData(subtiles.width, subtiles.height);
  for (let i = 0; i < subtiles.width * subtiles.height; i++) {
    const v = subtiles.data[i]!;
    raw.data[i * 4] = v > 0 ? 33 : 246;
    raw.data[i * 4 + 1] = v > 0 ? 145 : 247;
    raw.data[i * 4 + 2] = v > 0 ? 140 : 249;
    raw.data[i * 4 + 3] = 255;
  }
  const native = document.createElement('canvas');
  native.width = subtiles.width;
  native.height = subtiles.height;
  native.getContext('2d')!.putImageData(raw, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(native, 0, 0, cols * cell, rows * cell);
  gridLines(ctx, cols, rows, cell, 'rgba(90,100,120,0.55)');
  outline(ctx, cell, selected);
}

function gridLines(ctx: CanvasRenderingContext2D, cols: number, rows: number, cell: number, color = LINE): void {
  if (cell < 5) return;
  ctx.strokeStyle = color;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let c = 1; c < cols; c++) {
    ctx.moveTo(c * cell + 0.5, 0);
    ctx.lineTo(c * cell + 0.5, rows * cell);
  }
  for (let r = 1; r < rows; r++) {
    ctx.moveTo(0, r * cell + 0.5);
    ctx.lineTo(cols * cell, r * cell + 0.5);
  }
  ctx.stroke();
}

/** Reports clicks on a grid canvas as tile indices. */
export function onCellClick(canvas: HTMLCanvasElement, cell: () => number, cols: number, rows: number, listener: (tile: TileIndex) => void): void {
  canvas.addEventListener('click', (e) => {
    const rect = canvas.getBoundingClientRect();
    const tile = cellAt(e.clientX - rect.left, e.clientY - rect.top, cell(), cols, rows);
    if (tile) listener(tile);
  });
}
