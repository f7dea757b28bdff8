import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute, type Route } from '../src/app/route.js';

describe('hash routes', () => {
  const routes: Route[] = [
    { view: 'projects' },
    { view: 'tasks', project: 'hippocampus' },
    { view: 'tasks', project: 'a b/c' },
    { view: 'slides', task: 3 },
    { view: 'slide', task: 3, slide: 1 },
    { view: 'slide', task: 3, slide: 1, roi: 12 },
  ];

  it.each(routes)('round-trips %o', (route) => {
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it('formats the slide route with the ROI as a path segment', () => {
    expect(formatRoute({ view: 'slide', task: 3, slide: 1, roi: 2 })).toBe('#/task/3/slide/1/roi/2');
  });

  it.each(['', '#', '#/', '#/nowhere', '#/task/x', '#/task/3/slide', '#/task/-1', '#/project'])(
    'treats %j as the project list',
    (hash) => {
      expect(parseRoute(hash)).toEqual({ view: 'projects' });
    },
  );

  it('ignores a malformed ROI id but keeps the slide', () => {
    expect(parseRoute('#/task/3/slide/5/roi/abc')).toEqual({ view: 'slide', task: 3, slide: 5 });
  });
});
