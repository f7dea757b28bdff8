/** The tasks of one project. */
import type { TaskSummary } from '@phas/sdk';
import type { AppContext, ViewHandle } from '../app/context.js';
import { taskModeName } from '../app/task-modes.js';
import { breadcrumbs } from '../ui/breadcrumbs.js';
import { h, replace } from '../ui/dom.js';
import { withStatus } from '../ui/status.js';
import { dataTable } from '../ui/table.js';


export function renderTasksView(ctx: AppContext, container: HTMLElement, project: string): ViewHandle {
  const body = h('div');
  replace(
    container,
    breadcrumbs([{ label: 'Projects', route: { view: 'projects' } }, { label: project }]),
    h('h2', {}, 'Tasks of ', h('span', { class: 'mono' }, project)),
    h('p', { class: 'hint' }, 'Sampling-ROI tasks open the extractor workflow; other tasks show their slides.'),
    body,
  );
  void withStatus(body, 'Loading tasks…', async () => {
    const tasks = await ctx.client.taskListing(project);
    replace(
      body,
      dataTable<TaskSummary>({
        testId: 'tasks',
        rows: tasks,
        rowId: (t) => t.id,
        onSelect: (t) => ctx.navigate({ view: 'slides', task: t.id }),
        empty: 'This project has no task you can see.',
        columns: [
          { key: 'id', label: 'Id', numeric: true },
          { key: 'name', label: 'Task' },
          { key: 'mode', label: 'Mode', format: (t) => h('span', { class: `badge mode-${t.mode}` }, taskModeName(t.mode)) },
          { key: 'desc', label: 'Description' },
          { key: 'nslides', label: 'Slides', numeric: true },
        ],
      }),
    );
  });
  return { dispose() {} };
}
