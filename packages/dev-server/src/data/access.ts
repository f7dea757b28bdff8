/**
 * The permission model of protocol §3.7: effective project, task and slide access levels
 * with the `anon` (PHI) and `api` flags.
 */
import type { AccessLevel } from '../seed.js';
import type { Catalog } from './catalog.js';
import type { TaskRow } from './state.js';

const RANK: Record<AccessLevel, number> = { none: 0, read: 1, write: 2, admin: 3 };

/** Whether `level` is at least `needed`. */
export function atLeast(level: AccessLevel, needed: AccessLevel): boolean {
  return RANK[level] >= RANK[needed];
}

function max(a: AccessLevel, b: AccessLevel): AccessLevel {
  return RANK[a] >= RANK[b] ? a : b;
}

/** An effective access level with its flags. */
export interface Access {
  level: AccessLevel;
  /** May see PHI (`anon_permission > 0`). */
  anon: boolean;
  /** May use API-only endpoints (`api_permission > 0`). */
  api: boolean;
}

const NONE: Access = { level: 'none', anon: false, api: false };

/** Effective permissions of one user. */
export class AccessControl {
  constructor(
    private readonly catalog: Catalog,
    readonly userId: number,
  ) {}

  /** The user's project access row (or none). */
  project(project: string): Access {
    const row = this.catalog.state.projectAccess.find((a) => a.userId === this.userId && a.project === project);
    return row ? { level: row.access, anon: row.anon, api: row.api } : NONE;
  }

  /** Task access: the project level, or the task row's level for `restrict-access` tasks; flags from the project. */
  task(task: TaskRow): Access {
    const p = this.project(task.project);
    if (!task.json['restrict-access']) return p;
    const row = this.catalog.state.taskAccess.find((a) => a.userId === this.userId && a.taskId === task.id);
    return { ...p, level: row?.access ?? 'none' };
  }

  /** Slide access: the maximum over every task whose slide index contains the slide. */
  slide(slideId: number): Access {
    let acc = NONE;
    for (const task of this.catalog.state.tasks) {
      if (!this.catalog.taskHasSlide(task, slideId)) continue;
      const t = this.task(task);
      acc = { level: max(acc.level, t.level), anon: acc.anon || t.anon, api: acc.api || t.api };
    }
    return acc;
  }

  /** Project level ≥ `needed`, or (allow-on-task) some task of the project ≥ `needed`. */
  projectOrAnyTask(project: string, needed: AccessLevel): boolean {
    if (atLeast(this.project(project).level, needed)) return true;
    return this.catalog.state.tasks.some((t) => t.project === project && atLeast(this.task(t).level, needed));
  }
}
