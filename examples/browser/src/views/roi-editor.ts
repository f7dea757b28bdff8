/**
 * Drawing a new sampling ROI on the slide viewer and saving it with `createSamplingRoi`:
 * tool buttons, the step-by-step hint, the label picker (the task's labelset) and Save.
 */
import type { Label } from '@phas/sdk';
import { describeError } from '../app/describe-error.js';
import type { Geometry } from '../geometry/types.js';
import { h, replace } from '../ui/dom.js';
import { RoiDrawing, type DrawKind } from '../viewer/drawing.js';
import type { RoiOverlay } from '../viewer/roi-overlay.js';
import type { SlideViewer } from '../viewer/slide-viewer.js';

/** What the editor needs. */
export interface RoiEditorOptions {
  viewer: SlideViewer;
  overlay: RoiOverlay;
  labels: Label[];
  /** Saves the ROI and returns its new id. */
  save(labelId: number, geometry: Geometry): Promise<number>;
  /** Called after a successful save. */
  onSaved(id: number): void;
}

/**
 * Builds the editor panel and wires the viewer's clicks while a tool is active. Keys while
 * drawing: Enter finishes a polygon, Backspace undoes, Escape cancels.
 */
export function roiEditor(options: RoiEditorOptions): { element: HTMLElement; dispose(): void } {
  const { viewer, overlay } = options;
  let drawing: RoiDrawing | undefined;
  let cursor: [number, number] | undefined;

  const label = h(
    'select',
    { 'data-testid': 'roi-label', 'aria-label': 'Label of the new ROI' },
    ...options.labels.map((l) => h('option', { value: l.id }, `${l.name}`)),
  );
  const hint = h('p', { class: 'hint', 'data-testid': 'draw-hint' }, 'Pick a tool, then click on the slide. Drag to pan, scroll to zoom; Enter finishes, Backspace undoes, Escape cancels.');
  const status = h('p', { class: 'form-status', role: 'status', 'data-testid': 'roi-save-status' });
  const polygonButton = h('button', { type: 'button', 'data-testid': 'draw-polygon' }, 'Polygon');
  const trapezoidButton = h('button', { type: 'button', 'data-testid': 'draw-trapezoid' }, 'Trapezoid');
  const undo = h('button', { type: 'button', 'data-testid': 'draw-undo' }, 'Undo');
  const finish = h('button', { type: 'button', 'data-testid': 'draw-finish' }, 'Finish');
  const cancel = h('button', { type: 'button', 'data-testid': 'draw-cancel' }, 'Cancel');
  const save = h('button', { type: 'button', class: 'primary', 'data-testid': 'roi-save' }, 'Save ROI');

  function refresh(): void {
    const active = drawing !== undefined;
    viewer.element.classList.toggle('drawing', active);
    polygonButton.classList.toggle('active', drawing?.kind === 'polygon');
    trapezoidButton.classList.toggle('active', drawing?.kind === 'trapezoid');
    undo.disabled = !active || drawing!.clicks.length === 0;
    finish.disabled = !drawing?.canFinish;
    cancel.disabled = !active;
    save.disabled = !drawing?.complete || options.labels.length === 0;
    if (drawing) replace(hint, drawing.hint());
    overlay.setPreview(drawing ? drawing.preview(cursor) : null);
  }

  function start(kind: DrawKind): void {
    drawing = new RoiDrawing(kind);
    replace(status);
    refresh();
  }

  polygonButton.addEventListener('click', () => start('polygon'));
  trapezoidButton.addEventListener('click', () => start('trapezoid'));
  undo.addEventListener('click', () => {
    drawing?.undo();
    refresh();
  });
  finish.addEventListener('click', () => {
    drawing?.finish();
    refresh();
  });
  cancel.addEventListener('click', () => {
    drawing = undefined;
    replace(hint, 'Pick a tool, then click on the slide.');
    refresh();
  });
  save.addEventListener('click', async () => {
    if (!drawing?.complete) return;
    save.disabled = true;
    status.classList.remove('bad');
    replace(status, h('span', { class: 'spinner' }), 'Saving…');
    try {
      const id = await options.save(Number(label.value), drawing.geometry());
      drawing = undefined;
      replace(status, `Saved as ROI ${id}.`);
      replace(hint, 'Pick a tool, then click on the slide.');
      refresh();
      options.onSaved(id);
    } catch (error) {
      status.classList.add('bad');
      replace(status, describeError(error));
      refresh();
    }
  });

  viewer.osd.addHandler('canvas-click', (e) => {
    if (!drawing || !e.quick) return;
    e.preventDefaultAction = true;
    drawing.click(viewer.elementToImage(e.position.x, e.position.y));
    refresh();
  });
  viewer.osd.addHandler('canvas-double-click', (e) => {
    if (!drawing) return;
    e.preventDefaultAction = true;
    drawing.finish();
    refresh();
  });
  viewer.element.addEventListener('pointermove', (e) => {
    if (!drawing || drawing.complete) return;
    const rect = viewer.element.getBoundingClientRect();
    cursor = viewer.elementToImage(e.clientX - rect.left, e.clientY - rect.top);
    overlay.setPreview(drawing.preview(cursor));
  });
  viewer.element.addEventListener('pointerleave', () => {
    cursor = undefined;
    if (drawing) overlay.setPreview(drawing.preview());
  });

  const onKey = (e: KeyboardEvent) => {
    if (!drawing || (e.target instanceof HTMLElement && e.target.closest('input, select, textarea'))) return;
    const action = { Enter: finish, Backspace: undo, Escape: cancel }[e.key];
    if (action && !action.disabled) {
      e.preventDefault();
      action.click();
    }
  };
  document.addEventListener('keydown', onKey);

  refresh();
  const element = h(
    'section',
    { class: 'card roi-editor', 'data-testid': 'roi-editor' },
    h('h3', {}, 'New ROI'),
    h('div', { class: 'toolbar' }, polygonButton, trapezoidButton, undo, finish, cancel),
    hint,
    options.labels.length === 0
      ? h('p', { class: 'error' }, 'The task’s labelset has no labels, so ROIs cannot be labelled.')
      : h('label', {}, 'Label ', label),
    h('div', { class: 'actions' }, save),
    status,
  );
  return { element, dispose: () => document.removeEventListener('keydown', onKey) };
}
