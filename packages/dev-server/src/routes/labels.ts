/**
 * Labelset editing (X41, protocol §11.14): add a labelset to a project, add labels (by task
 * or by labelset), update and delete labels.
 */
import type { Ctx, Handler } from '../app/app.js';
import { guardProject, guardTask } from '../auth/guards.js';
import { pyJsonReply } from '../http/reply.js';
import type { Router } from '../http/router.js';
import { ServerFailure } from '../http/werkzeug.js';

function nextId(rows: { id: number }[]): number {
  return rows.reduce((m, r) => Math.max(m, r.id), 0) + 1;
}

/** A random saturated colour like the web UI's (`#rrggbb`). */
function randomColour(): string {
  const h = Math.random() * 6;
  const s = 0.5 + Math.random() * 0.5;
  const v = 0.5 + Math.random() * 0.5;
  const f = h - Math.floor(h);
  const [p, q, t] = [v * (1 - s), v * (1 - s * f), v * (1 - s * (1 - f))];
  const rgb = [[v, t, p], [q, v, p], [p, v, t], [p, q, v], [t, p, v], [v, p, q]][Math.floor(h) % 6];
  return `#${rgb.map((c) => Math.trunc(c * 255).toString(16).padStart(2, '0')).join('')}`;
}

function addLabel(ctx: Ctx, labelset: number, name: string, description: string | null, color: string): number {
  const id = nextId(ctx.app.state.labels);
  ctx.app.state.labels.push({ id, labelset, name, description, color });
  ctx.app.changed();
  return id;
}

/** `POST /dltrain/<project>/add_labelset` (project write): form `name`, optional `desc`. */
const addLabelset: Handler = (ctx) => {
  const project = ctx.str('project');
  guardProject(ctx, project, 'write', { allowOnTask: false });
  const name = ctx.formField('name');
  const id = nextId(ctx.app.state.labelsets);
  ctx.app.state.labelsets.push({ id, project, name, description: ctx.form().get('desc') });
  ctx.app.changed();
  return pyJsonReply({ id });
};

/** `POST /dltrain/task/<id>/labelset/addlabel` (task write, dltrain tasks): form `label_name`, `label_color`, `label_desc`. */
const addTaskLabel: Handler = (ctx) => {
  const { task } = guardTask(ctx, ctx.int('task_id'), 'write');
  const lsName = task.json.dltrain?.labelset;
  const ls = ctx.app.state.labelsets.find((l) => l.project === task.project && l.name === lsName);
  if (!ls) throw new ServerFailure(`task ${task.id} has no dltrain labelset`);
  const id = addLabel(ctx, ls.id, ctx.formField('label_name'), ctx.formField('label_desc'), ctx.formField('label_color'));
  return pyJsonReply({ id });
};

/** `POST /dltrain/api/<project>/labelset/<id>/add_label` (project admin): `Label <id>`, random colour. */
const addNamedLabel: Handler = (ctx) => {
  guardProject(ctx, ctx.str('project'), 'admin', { allowOnTask: false });
  const id = nextId(ctx.app.state.labels);
  addLabel(ctx, ctx.int('labelset_id'), `Label ${id}`, 'New Label', randomColour());
  return pyJsonReply({ id });
};

/** `POST /dltrain/api/<project>/label/<id>/update` (project admin): form `name`, `desc`, `color`. */
const updateLabel: Handler = (ctx) => {
  guardProject(ctx, ctx.str('project'), 'admin', { allowOnTask: false });
  const [name, desc, color] = [ctx.formField('name'), ctx.formField('desc'), ctx.formField('color')];
  const label = ctx.app.state.labels.find((l) => l.id === ctx.int('label_id'));
  if (label) {
    Object.assign(label, { name, description: desc, color });
    ctx.app.changed();
  }
  return pyJsonReply({ status: 'ok' });
};

/** `POST /dltrain/api/<project>/label/<id>/delete` (project admin): refused while training samples use it. */
const deleteLabel: Handler = (ctx) => {
  guardProject(ctx, ctx.str('project'), 'admin', { allowOnTask: false });
  const id = ctx.int('label_id');
  if (ctx.app.state.samples.some((s) => s.label === id)) return pyJsonReply({ status: 'failed', reason: 'in_use' });
  const before = ctx.app.state.labels.length;
  ctx.app.state.labels = ctx.app.state.labels.filter((l) => l.id !== id);
  if (ctx.app.state.labels.length !== before) ctx.app.changed();
  return pyJsonReply({ status: 'ok' });
};

/** Registers the labelset-editing routes. */
export function registerLabelRoutes(router: Router<Handler>): void {
  router
    .add({ rule: '/dltrain/<project>/add_labelset', methods: ['POST'], endpoint: 'dltrain.add_labelset', handler: addLabelset })
    .add({ rule: '/dltrain/task/<int:task_id>/labelset/addlabel', methods: ['POST'], endpoint: 'dltrain.add_labelset_label', handler: addTaskLabel })
    .add({ rule: '/dltrain/api/<project>/labelset/<int:labelset_id>/add_label', methods: ['POST'], endpoint: 'dltrain.project_labelset_add_label', handler: addNamedLabel })
    .add({ rule: '/dltrain/api/<project>/label/<int:label_id>/update', methods: ['POST'], endpoint: 'dltrain.project_update_label', handler: updateLabel })
    .add({ rule: '/dltrain/api/<project>/label/<int:label_id>/delete', methods: ['POST'], endpoint: 'dltrain.project_delete_label', handler: deleteLabel });
}
