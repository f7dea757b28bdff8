/**
 * The PHAS browser example: connect, browse projects → tasks → slides, look at a slide with
 * its sampling ROIs, draw new ones, and run the patch extractor on an ROI.
 */
import './style.css';
import type { Client } from '@phas/sdk';
import type { AppContext, ViewHandle } from './app/context.js';
import { formatRoute, parseRoute, type Route } from './app/route.js';
import { forgetSession, resumeSession } from './app/session.js';
import { h, replace } from './ui/dom.js';
import { errorBox, loading } from './ui/status.js';
import { renderConnectView } from './views/connect-view.js';
import { renderProjectsView } from './views/projects-view.js';
import { renderSlidesView } from './views/slides-view.js';
import { renderTasksView } from './views/tasks-view.js';

const main = document.getElementById('app')!;
const connection = document.getElementById('connection')!;
let ctx: AppContext | undefined;
let current: ViewHandle | undefined;

function show(route: Route): void {
  current?.dispose();
  current = undefined;
  if (!ctx) return;
  switch (route.view) {
    case 'projects':
      current = renderProjectsView(ctx, main);
      break;
    case 'tasks':
      current = renderTasksView(ctx, main, route.project);
      break;
    case 'slides':
      current = renderSlidesView(ctx, main, route.task);
      break;
    case 'slide':
      showSlide(ctx, route);
      break;
  }
}

/** The slide view (with OpenSeadragon) is a separate chunk, loaded when first needed. */
function showSlide(context: AppContext, route: Extract<Route, { view: 'slide' }>): void {
  replace(main, loading('Loading the slide viewer…'));
  let cancelled = false;
  current = { dispose: () => (cancelled = true) };
  import('./views/slide-view.js').then(
    ({ renderSlideView }) => {
      if (!cancelled) current = renderSlideView(context, main, route.task, route.slide, route.roi);
    },
    (error: unknown) => {
      if (!cancelled) replace(main, errorBox(error, 'Loading the slide viewer'));
    },
  );
}

function connected(client: Client, serverUrl: string): void {
  ctx = {
    client,
    serverUrl,
    navigate: (route) => {
      location.hash = formatRoute(route);
    },
  };
  replace(
    connection,
    h('span', { class: 'dot', 'aria-hidden': 'true' }),
    h('span', { 'data-testid': 'connected-to' }, `Connected to ${serverUrl}`),
    h('button', { type: 'button', class: 'link', 'data-testid': 'disconnect', onclick: disconnect }, 'Disconnect'),
  );
  show(parseRoute(location.hash));
}

function disconnect(): void {
  current?.dispose();
  current = undefined;
  ctx = undefined;
  forgetSession();
  replace(connection);
  renderConnectView(main, connected);
}

window.addEventListener('hashchange', () => show(parseRoute(location.hash)));

async function start(): Promise<void> {
  replace(main, loading('Resuming session…'));
  const resumed = await resumeSession();
  if (resumed) connected(resumed.client, resumed.serverUrl);
  else renderConnectView(main, connected);
}

void start();
