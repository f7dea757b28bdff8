/**
 * The server's permission decorators (protocol §3.8) as functions: each one first requires
 * a logged-in user with an e-mail address (else a 302), then the access level and flags,
 * else a 403 with the exact upstream message.
 */
import type { Ctx } from '../app/app.js';
import { atLeast, type Access } from '../data/access.js';
import type { SlideRow, TaskRow, UserRow } from '../data/state.js';
import type { AccessLevel } from '../seed.js';
import { abort, HttpRedirect } from '../http/werkzeug.js';

/** Extra flags a guard can require. */
export interface GuardFlags {
  /** `api_permission` (the `api_…` decorators). */
  api?: boolean;
  /** `anon_permission` (PHI). */
  phi?: boolean;
}

/** The logged-in, enabled user of the session, or null. */
export function sessionUser(ctx: Ctx): UserRow | null {
  const id = ctx.session?.user_id;
  if (typeof id !== 'number') return null;
  const user = ctx.app.state.users.find((u) => u.id === id);
  return user && !user.disabled ? user : null;
}

/** `login_required`: the user, or a 302 to `/auth/login` (`/auth/profile/edit` without e-mail). */
export function requireLogin(ctx: Ctx): UserRow {
  const user = sessionUser(ctx);
  if (!user) throw new HttpRedirect('/auth/login');
  if (!user.email) throw new HttpRedirect('/auth/profile/edit');
  // The real server caches user data and access rows in the session on every guarded
  // request and re-issues the cookie; we re-issue it (refreshed timestamp) likewise.
  ctx.sessionModified = true;
  return user;
}

function flagsOk(access: Access, flags: GuardFlags): boolean {
  return (!flags.api || access.api) && (!flags.phi || access.anon);
}

/** `access_project_*` (allow-on-task variant by default). */
export function guardProject(ctx: Ctx, project: string, level: AccessLevel, flags: GuardFlags & { allowOnTask?: boolean } = {}): UserRow {
  const user = requireLogin(ctx);
  const acl = ctx.app.access(user.id);
  const exists = ctx.app.state.projects.some((p) => p.id === project);
  const levelOk = flags.allowOnTask === false ? atLeast(acl.project(project).level, level) : acl.projectOrAnyTask(project, level);
  if (!exists || !levelOk || !flagsOk(acl.project(project), flags)) {
    throw abort(403, 'Insufficient privileges on project {project}');
  }
  return user;
}

/** `access_task_*` / `api_access_task_*`: the task row. */
export function guardTask(ctx: Ctx, taskId: number, level: AccessLevel, flags: GuardFlags = {}): { user: UserRow; task: TaskRow } {
  const user = requireLogin(ctx);
  const task = ctx.app.catalog.task(taskId);
  const access = task ? ctx.app.access(user.id).task(task) : undefined;
  if (!task || !access || !atLeast(access.level, level) || !flagsOk(access, flags)) {
    throw abort(403, `Insufficient privileges on task ${taskId}`);
  }
  return { user, task };
}

/** `access_slide_*`: access to the slide through any task. */
export function guardSlide(ctx: Ctx, slideId: number, level: AccessLevel, flags: GuardFlags = {}): { user: UserRow; slide: SlideRow } {
  const user = requireLogin(ctx);
  const slide = ctx.app.catalog.slide(slideId);
  const access = slide ? ctx.app.access(user.id).slide(slideId) : undefined;
  if (!slide || !access || !atLeast(access.level, level) || !flagsOk(access, flags)) {
    throw abort(403, `Insufficient privileges on slide ${slideId}`);
  }
  return { user, slide };
}

/** `access_task_slide_*`: the slide is in the task's slide index and the task level suffices. */
export function guardTaskSlide(
  ctx: Ctx,
  taskId: number,
  slideId: number,
  level: AccessLevel,
  flags: GuardFlags = {},
): { user: UserRow; task: TaskRow; slide: SlideRow } {
  const user = requireLogin(ctx);
  const task = ctx.app.catalog.task(taskId);
  const slide = ctx.app.catalog.slide(slideId);
  const access = task ? ctx.app.access(user.id).task(task) : undefined;
  if (!task || !slide || !access || !ctx.app.catalog.taskHasSlide(task, slideId) || !atLeast(access.level, level) || !flagsOk(access, flags)) {
    throw abort(403, `Insufficient privileges on slide ${slideId} in task ${taskId}`);
  }
  return { user, task, slide };
}

/**
 * `check_anon(project)`: responses are anonymized unless the session flag is off and the
 * user's project row grants PHI access.
 */
export function isAnonymized(ctx: Ctx, project: string): boolean {
  const user = sessionUser(ctx);
  if (!user) return true;
  return ctx.session?.anonymize === true || !ctx.app.access(user.id).project(project).anon;
}
