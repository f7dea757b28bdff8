/**
 * The slides of a task from its detailed manifest (protocol §5.4), with the server-side
 * filters of `slideManifest`: stain, tags (any of) and, for sampling tasks, a minimum number
 * of sampling ROIs.
 */
import type { Task } from '@phas/sdk';
import type { AppContext, ViewHandle } from '../app/context.js';
import { breadcrumbs } from '../ui/breadcrumbs.js';
import { h, replace } from '../ui/dom.js';
import { errorBox, loading, withStatus } from '../ui/status.js';
import { dataTable, type Column } from '../ui/table.js';
import { manifestQuery } from '../app/manifest-query.js';
import { taskModeName } from '../app/task-modes.js';

/** A manifest row: the CSV's columns, numbers where the schema says so, `null` for empty cells. */
type ManifestRow = Record<string, string | number | null>;

export function renderSlidesView(ctx: AppContext, container: HTMLElement, taskId: number): ViewHandle {
  const head = h('div');
  const body = h('div');
  replace(container, head, body);
  let disposed = false;

  void withStatus(body, 'Loading task…', async () => {
    const task: Task = await ctx.client.task(taskId);
    const mode = String(task.detail.mode ?? '');
    const sampling = mode === 'sampling';
    replace(
      head,
      breadcrumbs([
        { label: 'Projects', route: { view: 'projects' } },
        { label: task.project, route: { view: 'tasks', project: task.project } },
        { label: String(task.detail.name) },
      ]),
      h('h2', {}, String(task.detail.name), ' ', h('span', { class: `badge mode-${mode}` }, taskModeName(mode))),
    );
    const all = (await task.slideManifest({})) as ManifestRow[];
    const stains = [...new Set(all.map((r) => String(r.stain ?? '')))].filter((s) => s !== '').sort();

    const stain = h('select', { 'data-testid': 'filter-stain', 'aria-label': 'Stain' }, h('option', { value: '' }, 'Any stain'), ...stains.map((s) => h('option', { value: s }, s)));
    const tags = h('input', { type: 'text', placeholder: 'e.g. hippo, diag', 'data-testid': 'filter-tags', 'aria-label': 'Tags (any of)' });
    const minSroi = h('input', { type: 'number', min: 0, step: 1, value: sampling ? '1' : '', 'data-testid': 'filter-min-sroi', 'aria-label': 'Minimum sampling ROIs', disabled: !sampling });
    const results = h('div');
    const filters = h(
      'form',
      { class: 'filters', 'data-testid': 'slide-filters' },
      h('label', {}, 'Stain', stain),
      h('label', {}, 'Tags (any of)', tags),
      h('label', { title: sampling ? '' : 'Only sampling tasks count ROIs' }, 'Min. ROIs', minSroi),
      h('button', { type: 'submit' }, 'Apply'),
    );

    const columns: Column<ManifestRow>[] = [
      { key: 'id', label: 'Id', numeric: true },
      { key: 'specimen_display', label: 'Specimen' },
      { key: 'block_name', label: 'Block' },
      { key: 'section', label: 'Section', numeric: true },
      { key: 'slide', label: 'Slide', numeric: true },
      { key: 'stain', label: 'Stain' },
    ];
    const countColumn = ['n_sampling_rois', 'n_samples', 'n_annot'].find((c) => all.length > 0 && c in all[0]!);
    if (countColumn) {
      columns.push({ key: countColumn, label: { n_sampling_rois: 'ROIs', n_samples: 'Samples', n_annot: 'Annotations' }[countColumn]!, numeric: true });
    }

    async function load(): Promise<void> {
      const query = manifestQuery({ stain: stain.value, tags: tags.value, minSroi: minSroi.value }, sampling);
      replace(results, loading('Loading slides…'));
      try {
        const rows = (await task.slideManifest(query)) as ManifestRow[];
        if (disposed) return;
        replace(
          results,
          dataTable<ManifestRow>({
            testId: 'slides',
            rows,
            rowId: (r) => String(r.id),
            columns,
            onSelect: (r) => ctx.navigate({ view: 'slide', task: taskId, slide: Number(r.id) }),
            empty: 'No slide matches these filters.',
          }),
        );
      } catch (error) {
        replace(results, errorBox(error));
      }
    }
    filters.addEventListener('submit', (e) => {
      e.preventDefault();
      void load();
    });
    for (const input of [stain, minSroi]) input.addEventListener('change', () => void load());
    replace(body, filters, results);
    await load();
  });
  return {
    dispose() {
      disposed = true;
    },
  };
}
