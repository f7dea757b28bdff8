/**
 * The extractor workflow for one sampling ROI (PHAS notebook `extract_tiles_from_sampling_roi`):
 * build a `SamplingROIPatchExtractor`, show its sub-tile canvas and tile-density heatmap with
 * the tile grid, and for a clicked tile show the patch with the ROI mask over it, with
 * downloads as PNG or NIfTI (origin and spacing in mm).
 */
import { SamplingROIPatchExtractor, encodeNifti, encodePng, planTiles, toImageData, type Slide } from '@phas/sdk';
import type { Geometry } from '../geometry/types.js';
import { h, replace } from '../ui/dom.js';
import { saveBytes } from '../ui/download.js';
import { errorBox, loading } from '../ui/status.js';
import { cellSize, drawHeatmap, drawSubtiles, onCellClick, type TileIndex } from './grid-canvas.js';
import { overlayMask, type Raster } from './mask-overlay.js';

/** Extractor parameters (Python's defaults: 1024, 32, 16). */
export interface ExtractorParams {
  tileSize: number;
  padding: number;
  subTilesPerTile: number;
}

/** What the panel needs from its surroundings. */
export interface ExtractorPanelOptions {
  slide: Slide;
  roiId: number;
  geometry: Geometry;
  /** A file-name stem for downloads, e.g. `slide1_roi2`. */
  fileStem: string;
  /** Shows the tile grid on the slide (level-0 pixels), or hides it with `null`. */
  onGrid?: (grid: { x: number; y: number; cols: number; rows: number; tileSize: number } | null) => void;
  /** Outlines the selected tile on the slide. */
  onTile?: (tile: { x: number; y: number; size: number } | null) => void;
}

const DEFAULTS: ExtractorParams = { tileSize: 1024, padding: 32, subTilesPerTile: 16 };

function numberInput(name: string, value: number, min: number, max: number): HTMLInputElement {
  return h('input', { type: 'number', name, value, min, max, step: 1, 'data-testid': `param-${name}` });
}

/** Builds the panel; call `dispose` to cancel pending patch requests. */
export function extractorPanel(options: ExtractorPanelOptions): { element: HTMLElement; dispose(): void } {
  const tileSize = numberInput('tileSize', DEFAULTS.tileSize, 16, 8192);
  const padding = numberInput('padding', DEFAULTS.padding, 0, 1024);
  const subTiles = numberInput('subTilesPerTile', DEFAULTS.subTilesPerTile, 1, 64);
  const params = h(
    'form',
    { class: 'params', 'data-testid': 'extractor-params' },
    h('label', {}, 'Tile size', tileSize),
    h('label', {}, 'Padding', padding),
    h('label', {}, 'Sub-tiles per tile', subTiles),
    h('button', { type: 'submit' }, 'Rebuild'),
  );
  const summary = h('p', { class: 'summary', 'data-testid': 'extractor-summary' });
  const canvases = h('div', { class: 'extractor-canvases' });
  const patch = h('div', { class: 'patch-view', 'data-testid': 'patch-view' }, h('p', { class: 'hint' }, 'Click a tile to see its patch and mask.'));
  const element = h(
    'section',
    { class: 'card extractor', 'data-testid': 'extractor' },
    h('h3', {}, `Patch extractor · ROI ${options.roiId}`),
    params,
    summary,
    h('div', { class: 'extractor-body' }, canvases, patch),
  );
  let pending: AbortController | undefined;
  let generation = 0;

  async function build(): Promise<void> {
    const p: ExtractorParams = { tileSize: tileSize.valueAsNumber, padding: padding.valueAsNumber, subTilesPerTile: subTiles.valueAsNumber };
    const mine = ++generation;
    pending?.abort();
    replace(summary);
    replace(canvases, loading('Building the extractor…'));
    replace(patch, h('p', { class: 'hint' }, 'Click a tile to see its patch and mask.'));
    options.onTile?.(null);
    try {
      const extractor = await SamplingROIPatchExtractor.create(options.slide, options.geometry, p);
      const plan = await planTiles(options.geometry, { tileSize: p.tileSize, subTilesPerTile: p.subTilesPerTile });
      if (mine !== generation) return;
      showGrid(extractor, plan.tx, plan.ty, p);
    } catch (error) {
      if (mine !== generation) return;
      options.onGrid?.(null);
      replace(canvases, errorBox(error));
    }
  }

  function showGrid(extractor: SamplingROIPatchExtractor, tx: number, ty: number, p: ExtractorParams): void {
    const density = extractor.tileMaskDensity();
    const subtiles = extractor.subtileMaskDensity();
    const { indices } = extractor.tiles();
    const cols = density.width;
    const rows = density.height;
    options.onGrid?.({ x: tx, y: ty, cols, rows, tileSize: p.tileSize });
    replace(
      summary,
      `Grid ${cols} × ${rows} tiles of ${p.tileSize} px from (${tx}, ${ty}); `,
      h('strong', { 'data-testid': 'tile-count' }, String(indices.length)),
      ` tiles overlap the ROI.`,
    );
    const cell = cellSize(cols, rows, 360, 320, 3, 88);
    const heat = h('canvas', { class: 'grid-canvas', 'data-testid': 'heatmap', 'aria-label': 'Tile density heatmap' });
    const sub = h('canvas', { class: 'grid-canvas', 'data-testid': 'subtiles', 'aria-label': 'Sub-tile canvas' });
    let selected: TileIndex | undefined;
    const redraw = () => {
      drawHeatmap(heat, density, cell, selected);
      drawSubtiles(sub, subtiles, p.subTilesPerTile, cell, selected);
    };
    redraw();
    const overlapOf = (t: TileIndex) => density.data[t[1] * cols + t[0]]!;
    const choose = (t: TileIndex) => {
      selected = t;
      redraw();
      options.onTile?.({ x: tx + t[0] * p.tileSize, y: ty + t[1] * p.tileSize, size: p.tileSize });
      void showTile(extractor, t, overlapOf(t), p);
    };
    onCellClick(heat, () => cell, cols, rows, choose);
    onCellClick(sub, () => cell, cols, rows, choose);
    replace(
      canvases,
      h('figure', {}, heat, h('figcaption', {}, 'Tile density (share of each tile’s sub-tiles inside the ROI)', legend())),
      h('figure', {}, sub, h('figcaption', {}, `Sub-tile canvas (${subtiles.width} × ${subtiles.height})`)),
    );
  }

  async function showTile(extractor: SamplingROIPatchExtractor, tile: TileIndex, overlap: number, p: ExtractorParams): Promise<void> {
    pending?.abort();
    const controller = new AbortController();
    pending = controller;
    replace(patch, loading(`Fetching tile [${tile[0]}, ${tile[1]}]…`));
    try {
      const { image, mask } = await extractor.getTilePatchAndMask(tile, { signal: controller.signal });
      if (controller.signal.aborted) return;
      const origin = extractor.tilePatchOrigin(tile);
      const spacing = await options.slide.spacing();
      renderPatch(tile, overlap, image, mask, origin, spacing, p);
    } catch (error) {
      if (controller.signal.aborted) return;
      replace(patch, errorBox(error));
    }
  }

  function renderPatch(
    tile: TileIndex,
    overlap: number,
    image: Raster,
    mask: Raster,
    origin: [number, number],
    spacing: [number, number] | null,
    p: ExtractorParams,
  ): void {
    const canvas = h('canvas', { class: 'patch-canvas', 'data-testid': 'patch-canvas', width: image.width, height: image.height });
    const ctx = canvas.getContext('2d')!;
    const withMask = toImageData(overlayMask(image, mask));
    const alone = toImageData(image);
    const toggle = h('input', { type: 'checkbox', checked: true, 'data-testid': 'mask-toggle' });
    const paint = () => ctx.putImageData(toggle.checked ? withMask : alone, 0, 0);
    toggle.addEventListener('change', paint);
    paint();
    const inside = mask.data.reduce((n, v) => n + (v !== 0 ? 1 : 0), 0);
    const name = `${options.fileStem}_tile_${tile[0]}_${tile[1]}`;
    const niftiTitle = spacing ? '' : 'This slide has no spacing metadata, so NIfTI cannot be written.';
    const nifti = (what: Raster, suffix: string) => () =>
      spacing && saveBytes(encodeNifti(what, { spacing, origin }), `${name}_${suffix}.nii.gz`);
    replace(
      patch,
      h('h4', { 'data-testid': 'patch-title' }, `Tile [${tile[0]}, ${tile[1]}]`),
      canvas,
      h('label', { class: 'inline' }, toggle, ' Show mask'),
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, 'Overlap'), h('dd', { 'data-testid': 'patch-overlap' }, `${(overlap * 100).toFixed(1)} %`),
        h('dt', {}, 'Patch'), h('dd', {}, `${image.width} × ${image.height} px (tile ${p.tileSize} + padding ${p.padding})`),
        h('dt', {}, 'Mask pixels'), h('dd', { 'data-testid': 'mask-pixels' }, inside.toLocaleString('en')),
        h('dt', {}, 'Origin'), h('dd', { 'data-testid': 'patch-origin' }, `${origin[0].toFixed(5)}, ${origin[1].toFixed(5)} mm`),
      ),
      h(
        'div',
        { class: 'downloads' },
        h('button', { type: 'button', 'data-testid': 'download-patch-png', onclick: () => saveBytes(encodePng(image), `${name}_patch.png`, 'image/png') }, 'Patch PNG'),
        h('button', { type: 'button', 'data-testid': 'download-mask-png', onclick: () => saveBytes(encodePng(mask), `${name}_mask.png`, 'image/png') }, 'Mask PNG'),
        h('button', { type: 'button', 'data-testid': 'download-patch-nifti', disabled: !spacing, title: niftiTitle, onclick: nifti(image, 'patch') }, 'Patch NIfTI'),
        h('button', { type: 'button', 'data-testid': 'download-mask-nifti', disabled: !spacing, title: niftiTitle, onclick: nifti(mask, 'mask') }, 'Mask NIfTI'),
      ),
    );
  }

  params.addEventListener('submit', (e) => {
    e.preventDefault();
    void build();
  });
  void build();
  return {
    element,
    dispose() {
      generation++;
      pending?.abort();
      options.onGrid?.(null);
      options.onTile?.(null);
    },
  };
}

function legend(): HTMLElement {
  return h('span', { class: 'legend' }, h('span', {}, '0'), h('span', { class: 'ramp' }), h('span', {}, '100%'));
}
