/**
 * The app's location, kept in the URL hash so that a reload (or a shared link) returns to
 * the same view: `#/`, `#/project/<id>`, `#/task/<id>`, `#/task/<id>/slide/<id>[/roi/<id>]`.
 */

/** Where the user is. */
export type Route =
  | { view: 'projects' }
  | { view: 'tasks'; project: string }
  | { view: 'slides'; task: number }
  | { view: 'slide'; task: number; slide: number; roi?: number };

const int = (s: string | undefined): number | undefined =>
  s !== undefined && /^\d+$/.test(s) ? Number(s) : undefined;

/**
 * Parses a location hash; anything unknown is the project list.
 *
 * @example
 * ```ts
 * parseRoute('#/task/3/slide/1/roi/2'); // { view: 'slide', task: 3, slide: 1, roi: 2 }
 * ```
 */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter((p) => p !== '');
  if (parts[0] === 'project' && parts[1] !== undefined && parts.length === 2) {
    return { view: 'tasks', project: decodeURIComponent(parts[1]) };
  }
  const task = int(parts[1]);
  if (parts[0] === 'task' && task !== undefined) {
    if (parts.length === 2) return { view: 'slides', task };
    const slide = int(parts[3]);
    if (parts[2] === 'slide' && slide !== undefined) {
      const roi = parts[4] === 'roi' ? int(parts[5]) : undefined;
      return roi === undefined ? { view: 'slide', task, slide } : { view: 'slide', task, slide, roi };
    }
  }
  return { view: 'projects' };
}

/** Formats a route as a location hash (the inverse of {@link parseRoute}). */
export function formatRoute(route: Route): string {
  switch (route.view) {
    case 'projects':
      return '#/';
    case 'tasks':
      return `#/project/${encodeURIComponent(route.project)}`;
    case 'slides':
      return `#/task/${route.task}`;
    case 'slide':
      return `#/task/${route.task}/slide/${route.slide}${route.roi === undefined ? '' : `/roi/${route.roi}`}`;
  }
}
