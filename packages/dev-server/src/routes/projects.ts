/**
 * Projects, tasks and labelsets: E5, E6, E7, E9, E10, X16, X19 (protocol §4).
 */
import type { Ctx, Handler } from '../app/app.js';
import { guardProject, guardTask, requireLogin } from '../auth/guards.js';
import type { LabelsetRow, TaskRow } from '../data/state.js';
import { pyJsonReply } from '../http/reply.js';
import type { PyJson } from '../http/pyjson.js';
import type { Router } from '../http/router.js';
import { ServerFailure } from '../http/werkzeug.js';

/** E5: projects with any project or task access, ordered by display name. */
const projectListing: Handler = (ctx) => {
  const user = requireLogin(ctx);
  const acl = ctx.app.access(user.id);
  const { state, catalog } = ctx.app;
  const rows = [...state.projects]
    .sort((a, b) => (a.dispName < b.dispName ? -1 : a.dispName > b.dispName ? 1 : 0))
    .flatMap((p) => {
      const levels = [acl.project(p.id).level, ...state.tasks.filter((t) => t.project === p.id).map((t) => acl.task(t).level)];
      if (levels.every((l) => l === 'none')) return [];
      const c = catalog.counts(catalog.projectSlides(p.id));
      return [{ id: p.id, admin: levels.includes('admin') ? 1 : 0, disp_name: p.dispName, desc: p.desc, nslides: c.nslides, nblocks: c.nblocks, nspecimens: c.nspecimens }];
    });
  return pyJsonReply(rows);
};

/** E6: the project's tasks the user can access, in id order. */
const taskListing: Handler = (ctx) => {
  const project = ctx.str('project');
  const user = guardProject(ctx, project, 'read');
  const acl = ctx.app.access(user.id);
  const { state, catalog } = ctx.app;
  const rows = state.tasks
    .filter((t) => t.project === project)
    .flatMap((t) => {
      const level = user.siteAdmin ? 'admin' : acl.task(t).level;
      if (level === 'none') return [];
      const c = catalog.counts(catalog.taskSlides(t));
      return [{ id: t.id, name: t.json.name, desc: t.json.desc ?? null, mode: t.json.mode, admin: level === 'admin' ? 1 : 0, nspecimens: c.nspecimens, nblocks: c.nblocks, nslides: c.nslides }];
    });
  return pyJsonReply(rows);
};

/** E7 body: fixed keys, then `desc`, `mode`, `reference-task` when present in the task JSON. */
export function taskInfo(task: TaskRow): { [key: string]: PyJson } {
  const j = task.json;
  const info: { [key: string]: PyJson } = {
    id: task.id,
    project: task.project,
    name: j.name,
    restrict_access: j['restrict-access'] ? 1 : 0,
    anonymize: j.anonymize ? 1 : 0,
  };
  if (j.desc !== undefined) info.desc = j.desc;
  if (j.mode !== undefined) info.mode = j.mode;
  if (j['reference-task'] !== undefined) info['reference-task'] = j['reference-task'];
  return info;
}

/** The labelset a dltrain/sampling task names (null for other modes); a dangling name fails like upstream (500). */
export function taskLabelset(ctx: Ctx, task: TaskRow): LabelsetRow | null {
  const name = task.json.mode === 'dltrain' ? task.json.dltrain?.labelset : task.json.mode === 'sampling' ? task.json.sampling?.labelset : undefined;
  if (name === undefined) return null;
  const ls = ctx.app.state.labelsets.find((l) => l.project === task.project && l.name === name);
  if (!ls) throw new ServerFailure(`task ${task.id} names unknown labelset ${name}`);
  return ls;
}

/** E9: no guard at all; unknown task → 500. */
const taskLabelsetInfo: Handler = (ctx) => {
  const task = ctx.app.catalog.task(ctx.int('task_id'));
  if (!task) throw new ServerFailure('unknown task');
  const ls = taskLabelset(ctx, task);
  return pyJsonReply({ name: ls?.name ?? null, id: ls?.id ?? null });
};

function labelCounts(ctx: Ctx, labelId: number): { n_samples: number; n_sampling_rois: number } {
  const { samples, rois } = ctx.app.state;
  return { n_samples: samples.filter((s) => s.label === labelId).length, n_sampling_rois: rois.filter((r) => r.label === labelId).length };
}

/** E10: labels of a labelset, by id; counts over all tasks; the project is not checked against the labelset (Q38). */
const labelListing: Handler = (ctx) => {
  guardProject(ctx, ctx.str('project'), 'read');
  const lset = ctx.int('lset');
  const rows = ctx.app.state.labels
    .filter((l) => l.labelset === lset)
    .sort((a, b) => a.id - b.id)
    .map((l) => ({ id: l.id, name: l.name, description: l.description, color: l.color, ...labelCounts(ctx, l.id) }));
  return pyJsonReply(rows);
};

/** X16: labelsets of a project by name with label counts (sums null without labels). */
const labelsets: Handler = (ctx) => {
  const project = ctx.str('project');
  guardProject(ctx, project, 'read');
  const rows = ctx.app.state.labelsets
    .filter((l) => l.project === project)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((ls) => {
      const labels = ctx.app.state.labels.filter((l) => l.labelset === ls.id);
      const counts = labels.map((l) => labelCounts(ctx, l.id));
      const sum = (k: 'n_samples' | 'n_sampling_rois') => (labels.length === 0 ? null : counts.reduce((s, c) => s + c[k], 0));
      return { id: ls.id, name: ls.name, description: ls.description, n_labels: labels.length, n_samples: sum('n_samples'), n_sampling_rois: sum('n_sampling_rois') };
    });
  return pyJsonReply(rows);
};

/** X19. */
const projectInfo: Handler = (ctx) => {
  const project = ctx.str('project');
  guardProject(ctx, project, 'read');
  const p = ctx.app.state.projects.find((x) => x.id === project);
  return pyJsonReply({ description: p?.desc ?? null });
};

/** E7. */
const taskGetInfo: Handler = (ctx) => pyJsonReply(taskInfo(guardTask(ctx, ctx.int('task_id'), 'read').task));

/** Registers the project/task/labelset routes. */
export function registerProjectRoutes(router: Router<Handler>): void {
  router
    .add({ rule: '/api/projects', methods: ['GET'], endpoint: 'slide.project_listing', handler: projectListing })
    .add({ rule: '/api/project/<project>/tasks', methods: ['GET'], endpoint: 'slide.task_listing', handler: taskListing })
    .add({ rule: '/api/project/<project>/info', methods: ['GET'], endpoint: 'slide.project_get_info', handler: projectInfo })
    .add({ rule: '/api/task/<int:task_id>/info', methods: ['GET'], endpoint: 'slide.task_get_info', handler: taskGetInfo })
    .add({ rule: '/api/task/<int:task_id>/labelset', methods: ['GET'], endpoint: 'dltrain.get_labelset_for_task', handler: taskLabelsetInfo })
    .add({ rule: '/dltrain/api/<project>/labelset/<int:lset>/labels', methods: ['GET'], endpoint: 'dltrain.get_labelset_label_listing', handler: labelListing })
    .add({ rule: '/dltrain/api/<project>/labelsets', methods: ['GET'], endpoint: 'dltrain.get_project_labelsets', handler: labelsets });
}
