/**
 * One slide of a task: the zoomable image with its sampling ROIs, the ROI list, drawing a
 * new ROI, and the patch extractor for the selected ROI.
 */
import { SamplingROITask, type Label, type SamplingRoi, type Slide, type Task } from '@phas/sdk';
import type { AppContext, ViewHandle } from '../app/context.js';
import { formatRoute } from '../app/route.js';
import { taskModeName } from '../app/task-modes.js';
import { extractorPanel } from '../extractor/extractor-panel.js';
import { boundingBox, roiOutline } from '../geometry/shapes.js';
import type { Geometry } from '../geometry/types.js';
import { breadcrumbs } from '../ui/breadcrumbs.js';
import { h, replace } from '../ui/dom.js';
import { errorBox, withStatus } from '../ui/status.js';
import { dataTable } from '../ui/table.js';
import { RoiOverlay } from '../viewer/roi-overlay.js';
import { SlideViewer } from '../viewer/slide-viewer.js';
import { roiEditor } from './roi-editor.js';

/** An ROI row with its parsed geometry (as `slideSamplingRois` returns it). */
type Roi = SamplingRoi & { geometry: Geometry };

const fmt = (n: number) => Math.round(n).toLocaleString('en');

export function renderSlideView(ctx: AppContext, container: HTMLElement, taskId: number, slideId: number, roiId?: number): ViewHandle {
  const disposers: (() => void)[] = [];
  let disposed = false;
  /** Registers a release step; runs it at once if the view is already gone (it loads asynchronously). */
  const own = (release: () => void) => (disposed ? release() : disposers.push(release));
  const head = h('div');
  const body = h('div');
  replace(container, head, body);

  void withStatus(body, 'Loading slide…', async () => {
    const task: Task = await ctx.client.task(taskId);
    const sampling = task.detail.mode === 'sampling' ? (task instanceof SamplingROITask ? task : await SamplingROITask.open(ctx.client, taskId)) : undefined;
    const slide: Slide = await task.slide(slideId);
    const [dimensions, spacing] = await Promise.all([slide.dimensions(), slide.spacing()]);
    const specimen = String((slide.detail as { specimen_display?: unknown }).specimen_display ?? slide.specimenPublic);
    const title = `${specimen} ${slide.blockName} · section ${slide.section} · slide ${slide.slideNumber} · ${slide.stain}`.trim();
    replace(
      head,
      breadcrumbs([
        { label: 'Projects', route: { view: 'projects' } },
        { label: task.project, route: { view: 'tasks', project: task.project } },
        { label: String(task.detail.name), route: { view: 'slides', task: taskId } },
        { label: `Slide ${slideId}` },
      ]),
      h('h2', { 'data-testid': 'slide-title' }, title),
      h(
        'p',
        { class: 'facts-inline' },
        dimensions ? `${fmt(dimensions[0])} × ${fmt(dimensions[1])} px` : 'size unknown',
        spacing ? ` · ${(spacing[0] * 1000).toFixed(3)} µm/px` : ' · no spacing metadata',
      ),
    );

    const viewerBox = h('div', { class: 'viewer', 'data-testid': 'slide-viewer' });
    const viewerError = h('div');
    const sidebar = h('aside', { class: 'sidebar' });
    const extractorArea = h('div', { 'data-testid': 'extractor-area' });
    const zoom = (label: string, testId: string, run: () => void) => h('button', { type: 'button', 'data-testid': testId, onclick: run, title: label, 'aria-label': label }, label);
    const viewerTools = h('div', { class: 'toolbar viewer-tools' });
    replace(
      body,
      h('div', { class: 'slide-layout' }, h('div', { class: 'viewer-column' }, viewerTools, viewerBox, viewerError), sidebar),
      extractorArea,
    );

    const viewer = new SlideViewer(viewerBox, {
      serverUrl: ctx.serverUrl,
      project: task.project,
      slideId,
      onError: (message) => replace(viewerError, errorBox(new Error(message))),
    });
    own(() => viewer.destroy());
    const overlay = new RoiOverlay(viewer);
    viewerBox.dataset.state = 'opening';
    viewer.ready.then(
      () => {
        viewerBox.dataset.state = 'ready';
        overlay.follow();
      },
      () => (viewerBox.dataset.state = 'error'),
    );
    viewer.onTilesLoaded((loaded) => (viewerBox.dataset.tiles = loaded ? 'loaded' : 'loading'));
    replace(
      viewerTools,
      zoom('Zoom in', 'zoom-in', () => viewer.zoomBy(1.6)),
      zoom('Zoom out', 'zoom-out', () => viewer.zoomBy(1 / 1.6)),
      zoom('Whole slide', 'zoom-home', () => viewer.home()),
    );

    if (!sampling) {
      replace(sidebar, h('section', { class: 'card' }, h('h3', {}, 'Sampling ROIs'), h('p', { class: 'hint', 'data-testid': 'not-sampling' }, `This task’s mode is “${taskModeName(String(task.detail.mode))}”; sampling ROIs and the patch extractor are in sampling tasks.`)));
      return;
    }

    const labelset = await sampling.labelset();
    const labels: Label[] = labelset ? await labelset.labelListing() : [];
    const labelName = (id: number) => labels.find((l) => l.id === id)?.name ?? `label ${id}`;
    const roiList = h('div');
    const editorSlot = h('div');
    replace(sidebar, h('section', { class: 'card' }, h('h3', {}, 'Sampling ROIs'), roiList), editorSlot);

    let rois: Roi[] = [];
    let extractor: { dispose(): void } | undefined;

    const select = (roi: Roi | undefined, fit: boolean) => {
      extractor?.dispose();
      extractor = undefined;
      overlay.select(roi?.id);
      for (const tr of roiList.querySelectorAll('tr[data-id]')) tr.classList.toggle('selected', tr.getAttribute('data-id') === String(roi?.id));
      history.replaceState(null, '', formatRoute({ view: 'slide', task: taskId, slide: slideId, ...(roi ? { roi: roi.id } : {}) }));
      if (!roi) return replace(extractorArea);
      if (fit) void viewer.ready.then(() => viewer.fitImageRect(boundingBox(roiOutline(roi.geometry))), () => {});
      const panel = extractorPanel({
        slide,
        roiId: roi.id,
        geometry: roi.geometry,
        fileStem: `slide${slideId}_roi${roi.id}`,
        onGrid: (grid) => overlay.setGrid(grid),
        onTile: (tile) => overlay.setTile(tile),
      });
      extractor = panel;
      replace(extractorArea, panel.element);
    };
    own(() => extractor?.dispose());

    async function loadRois(selectId?: number): Promise<void> {
      rois = (await sampling!.slideSamplingRois(slideId)) as Roi[];
      overlay.setRois(
        rois.map((r) => ({
          id: r.id,
          outline: roiOutline(r.geometry),
          color: (r.color as string | null) ?? labels.find((l) => l.id === r.label)?.color ?? '#ff9800',
          title: `ROI ${r.id}: ${labelName(r.label)}`,
        })),
      );
      replace(
        roiList,
        dataTable<Roi>({
          testId: 'rois',
          rows: rois,
          rowId: (r) => r.id,
          onSelect: (r) => select(r, true),
          empty: 'No ROI on this slide yet. Draw one below.',
          columns: [
            { key: 'id', label: 'Id', numeric: true },
            {
              key: 'label',
              label: 'Label',
              format: (r) => h('span', {}, h('span', { class: 'swatch', style: `background:${(r.color as string | null) ?? '#999'}` }), labelName(r.label)),
            },
            { key: 'geometry', label: 'Shape', format: (r) => r.geometry.type },
            { key: 'x1', label: 'Size', format: (r) => `${fmt(r.x1 - r.x0)} × ${fmt(r.y1 - r.y0)}` },
          ],
        }),
      );
      const wanted = rois.find((r) => r.id === selectId);
      if (wanted) select(wanted, true);
    }

    await loadRois(roiId);
    const editor = roiEditor({
      viewer,
      overlay,
      labels,
      save: (labelId, geometry) => sampling.createSamplingRoi(slideId, labelId, geometry),
      onSaved: (id) => void loadRois(id).catch((error) => replace(roiList, errorBox(error, 'Reloading ROIs'))),
    });
    own(editor.dispose);
    replace(editorSlot, editor.element);
  });

  return {
    dispose() {
      disposed = true;
      for (const d of disposers.splice(0)) d();
    },
  };
}
