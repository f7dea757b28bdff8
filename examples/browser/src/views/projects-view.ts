/** The list of projects the user can see. */
import type { Project } from '@phas/sdk';
import type { AppContext, ViewHandle } from '../app/context.js';
import { h, replace } from '../ui/dom.js';
import { withStatus } from '../ui/status.js';
import { dataTable } from '../ui/table.js';

export function renderProjectsView(ctx: AppContext, container: HTMLElement): ViewHandle {
  const body = h('div');
  replace(container, h('h2', {}, 'Projects'), h('p', { class: 'hint' }, 'Pick a project to see its tasks.'), body);
  void withStatus(body, 'Loading projects…', async () => {
    const projects = await ctx.client.projectListing();
    replace(
      body,
      dataTable<Project>({
        testId: 'projects',
        rows: projects,
        rowId: (p) => p.id,
        onSelect: (p) => ctx.navigate({ view: 'tasks', project: p.id }),
        empty: 'You have access to no project.',
        columns: [
          { key: 'disp_name', label: 'Project' },
          { key: 'id', label: 'Id' },
          { key: 'desc', label: 'Description' },
          { key: 'nspecimens', label: 'Specimens', numeric: true },
          { key: 'nblocks', label: 'Blocks', numeric: true },
          { key: 'nslides', label: 'Slides', numeric: true },
        ],
      }),
    );
  });
  return { dispose() {} };
}
