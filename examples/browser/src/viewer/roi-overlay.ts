/**
 * An SVG layer over the slide viewer, in level-0 pixel coordinates: the sampling ROIs, the
 * extractor's tile grid, the selected tile and the shape being drawn. One `<g>` transform
 * follows the viewer, so shapes are built once and only the transform changes while panning.
 */
import type { Point } from '../geometry/shapes.js';
import type { SlideViewer } from './slide-viewer.js';

const SVG = 'http://www.w3.org/2000/svg';

/** An ROI as the overlay draws it. */
export interface OverlayRoi {
  id: number;
  outline: Point[];
  color: string;
  title: string;
}

/** The extractor's tile grid in level-0 pixels. */
export interface OverlayGrid {
  x: number;
  y: number;
  cols: number;
  rows: number;
  tileSize: number;
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

const pointsAttr = (points: readonly Point[]) => points.map(([x, y]) => `${x},${y}`).join(' ');

/** Draws ROIs and helpers over a {@link SlideViewer}. */
export class RoiOverlay {
  readonly svg: SVGSVGElement;
  private readonly root: SVGGElement;
  private readonly roiLayer: SVGGElement;
  private readonly gridLayer: SVGGElement;
  private readonly tileLayer: SVGGElement;
  private readonly drawLayer: SVGGElement;
  private selected: number | undefined;

  constructor(private readonly viewer: SlideViewer) {
    this.svg = svg('svg', { class: 'roi-overlay', 'data-testid': 'roi-overlay' });
    this.root = svg('g');
    this.gridLayer = svg('g', { class: 'grid' });
    this.roiLayer = svg('g', { class: 'rois' });
    this.tileLayer = svg('g', { class: 'tile' });
    this.drawLayer = svg('g', { class: 'drawing' });
    this.root.append(this.gridLayer, this.roiLayer, this.tileLayer, this.drawLayer);
    this.svg.append(this.root);
    viewer.element.append(this.svg);
    viewer.onViewChange(() => this.follow());
  }

  /** Re-applies the viewer's current pan/zoom to the layer. */
  follow(): void {
    const [ox, oy] = this.viewer.imageToElement([0, 0]);
    const [ux] = this.viewer.imageToElement([1, 0]);
    const scale = ux - ox;
    if (!Number.isFinite(scale) || scale <= 0) return;
    this.root.setAttribute('transform', `translate(${ox} ${oy}) scale(${scale})`);
  }

  /** Replaces the ROIs shown. */
  setRois(rois: readonly OverlayRoi[]): void {
    this.roiLayer.replaceChildren(
      ...rois.map((roi) => {
        const shape = svg('polygon', {
          points: pointsAttr(roi.outline),
          stroke: roi.color,
          fill: roi.color,
          'data-roi': roi.id,
          class: roi.id === this.selected ? 'roi selected' : 'roi',
        });
        const title = svg('title');
        title.textContent = roi.title;
        shape.append(title);
        return shape;
      }),
    );
  }

  /** Highlights one ROI (or none). */
  select(id: number | undefined): void {
    this.selected = id;
    for (const el of this.roiLayer.querySelectorAll('polygon')) {
      el.classList.toggle('selected', el.getAttribute('data-roi') === String(id));
    }
  }

  /** Shows the extractor's tile grid (or hides it with `null`). */
  setGrid(grid: OverlayGrid | null): void {
    this.gridLayer.replaceChildren();
    if (!grid) return;
    const { x, y, cols, rows, tileSize } = grid;
    const path: string[] = [];
    for (let c = 0; c <= cols; c++) path.push(`M${x + c * tileSize} ${y}V${y + rows * tileSize}`);
    for (let r = 0; r <= rows; r++) path.push(`M${x} ${y + r * tileSize}H${x + cols * tileSize}`);
    this.gridLayer.append(svg('path', { d: path.join(''), 'data-testid': 'overlay-grid' }));
  }

  /** Outlines one tile `[x0, y0, size]` (or nothing with `null`). */
  setTile(tile: { x: number; y: number; size: number } | null): void {
    this.tileLayer.replaceChildren();
    if (tile) this.tileLayer.append(svg('rect', { x: tile.x, y: tile.y, width: tile.size, height: tile.size }));
  }

  /** Shows the shape being drawn (vertices and outline). */
  setPreview(preview: { points: Point[]; closed: boolean } | null): void {
    this.drawLayer.replaceChildren();
    if (!preview || preview.points.length === 0) return;
    const shape = svg(preview.closed ? 'polygon' : 'polyline', { points: pointsAttr(preview.points) });
    this.drawLayer.append(shape);
  }

  destroy(): void {
    this.svg.remove();
  }
}
