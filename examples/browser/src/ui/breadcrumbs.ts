/** The "Projects › Hippocampus › Sampling › Slide 3" trail at the top of each view. */
import { formatRoute, type Route } from '../app/route.js';
import { h } from './dom.js';

/** One step of the trail; the last one (without `route`) is the current view. */
export interface Crumb {
  label: string;
  route?: Route;
}

/** Builds the trail as a `<nav>` of links. */
export function breadcrumbs(crumbs: readonly Crumb[]): HTMLElement {
  const items = crumbs.map((c, i) =>
    h(
      'li',
      {},
      c.route && i < crumbs.length - 1
        ? h('a', { href: formatRoute(c.route) }, c.label)
        : h('span', { 'aria-current': 'page' }, c.label),
    ),
  );
  return h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb', 'data-testid': 'breadcrumbs' }, h('ol', {}, ...items));
}
