/** What every view gets: the connected client, where it points, and navigation. */
import type { Client } from '@phas/sdk';
import type { Route } from './route.js';

export interface AppContext {
  client: Client;
  /** PHAS base URL the client is connected to (no trailing slash). */
  serverUrl: string;
  /** Goes to another view (updates the URL hash). */
  navigate(route: Route): void;
}

/** A rendered view; `dispose` releases what it holds (viewers, listeners, requests). */
export interface ViewHandle {
  dispose(): void;
}
