/**
 * A zoomable slide: OpenSeadragon over PHAS's Deep Zoom endpoints (protocol §11.7, X14/X15),
 * which the browser requests same-origin with the session cookie.
 */
import OpenSeadragon from 'openseadragon';
import type { Point } from '../geometry/shapes.js';

/** Where the slide is. */
export interface SlideViewerOptions {
  /** PHAS base URL (same origin as the page, or a proxy of it). */
  serverUrl: string;
  project: string;
  slideId: number;
  /** Called when the Deep Zoom descriptor cannot be opened. */
  onError?: (message: string) => void;
}

/** The Deep Zoom descriptor URL of a slide's `raw` resource (mode `raw`: no transform). */
export function dziUrl(serverUrl: string, project: string, slideId: number): string {
  const base = serverUrl.replace(/\/+$/, '');
  return `${base}/dzi/raw/${encodeURIComponent(project)}/${slideId}/raw.dzi`;
}

/**
 * A slide viewer: pan/zoom with the mouse, plus coordinate conversion between level-0
 * pixels and the viewer element's CSS pixels.
 */
export class SlideViewer {
  readonly element: HTMLElement;
  readonly osd: OpenSeadragon.Viewer;
  /** Resolves once the slide's descriptor is open (rejects if it cannot be). */
  readonly ready: Promise<void>;

  /**
   * @example
   * ```ts
   * const viewer = new SlideViewer(container, { serverUrl: location.origin, project: 'hippocampus', slideId: 1 });
   * await viewer.ready;
   * viewer.fitImageRect([40000, 30000, 60000, 50000]);
   * ```
   */
  constructor(container: HTMLElement, options: SlideViewerOptions) {
    this.element = container;
    this.osd = OpenSeadragon({
      element: container,
      tileSources: dziUrl(options.serverUrl, options.project, options.slideId),
      drawer: 'canvas',
      showNavigationControl: false,
      showNavigator: true,
      navigatorPosition: 'BOTTOM_RIGHT',
      crossOriginPolicy: false,
      animationTime: 0.4,
      visibilityRatio: 0.5,
      maxZoomPixelRatio: 4,
      gestureSettingsMouse: { clickToZoom: false, dblClickToZoom: false },
      // A press that does not move counts as a click (drawing), however slowly it is released
      // or however busy the page is; movement beyond 5 px makes it a drag (pan).
      clickTimeThreshold: 2000,
    });
    this.ready = new Promise<void>((resolve, reject) => {
      this.osd.addOnceHandler('open', () => resolve());
      this.osd.addOnceHandler('open-failed', (e) => {
        const message = `The slide image could not be opened (${String(e.message ?? 'Deep Zoom descriptor failed')}).`;
        options.onError?.(message);
        reject(new Error(message));
      });
    });
    this.ready.catch(() => {});
  }

  /** Converts level-0 pixels to the viewer element's CSS pixels. */
  imageToElement(p: Point): Point {
    const q = this.osd.viewport.imageToViewerElementCoordinates(new OpenSeadragon.Point(p[0], p[1]));
    return [q.x, q.y];
  }

  /** Converts the viewer element's CSS pixels to level-0 pixels. */
  elementToImage(x: number, y: number): Point {
    const q = this.osd.viewport.viewerElementToImageCoordinates(new OpenSeadragon.Point(x, y));
    return [q.x, q.y];
  }

  /** Calls `listener` whenever the view moves or resizes (every animation frame while it does). */
  onViewChange(listener: () => void): void {
    this.osd.addHandler('update-viewport', listener);
    this.osd.addHandler('resize', listener);
  }

  /** Calls `listener(true)` when every tile needed for the current view is drawn, `false` when more are needed. */
  onTilesLoaded(listener: (loaded: boolean) => void): void {
    this.osd.world.addHandler('add-item', (e) => {
      e.item.addHandler('fully-loaded-change', (change) => listener(change.fullyLoaded));
    });
  }

  /** Zooms and pans to show a level-0 rectangle `[x0, y0, x1, y1]` with a margin. */
  fitImageRect([x0, y0, x1, y1]: [number, number, number, number], margin = 0.15): void {
    const w = x1 - x0;
    const h = y1 - y0;
    const rect = this.osd.viewport.imageToViewportRectangle(x0 - w * margin, y0 - h * margin, w * (1 + 2 * margin), h * (1 + 2 * margin));
    this.osd.viewport.fitBounds(rect);
  }

  zoomBy(factor: number): void {
    this.osd.viewport.zoomBy(factor);
    this.osd.viewport.applyConstraints();
  }

  home(): void {
    this.osd.viewport.goHome();
  }

  destroy(): void {
    this.osd.destroy();
  }
}
