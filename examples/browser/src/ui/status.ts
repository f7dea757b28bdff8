/**
 * Loading and error states for a region of the page: `await withStatus(el, 'Loading…', job)`
 * shows a spinner while `job` runs and the error in words if it fails.
 */
import { PhasAuthError } from '@phas/sdk';
import { describeError } from '../app/describe-error.js';
import { forgetSession } from '../app/session.js';
import { h, replace } from './dom.js';

/** A spinner with a caption. */
export function loading(caption: string): HTMLElement {
  return h('div', { class: 'loading', role: 'status', 'data-testid': 'loading' }, h('span', { class: 'spinner' }), caption);
}

/**
 * An error box with the error described in words. When the session is gone (the server
 * refused the key or a resumed session ended), it offers to connect again.
 */
export function errorBox(error: unknown, context?: string): HTMLElement {
  const words = describeError(error);
  const again =
    error instanceof PhasAuthError &&
    h('button', { type: 'button', class: 'link-button', 'data-testid': 'connect-again', onclick: () => (forgetSession(), location.reload()) }, 'Connect again');
  return h('div', { class: 'error', role: 'alert', 'data-testid': 'error' }, context ? `${context}: ${words}` : words, again ? ' ' : null, again);
}

/**
 * Shows a loading state in `region` while `job` runs. On failure the region shows the error
 * (and the promise resolves to `undefined`), so callers never leave a spinner behind.
 */
export async function withStatus<T>(region: Element, caption: string, job: () => Promise<T>): Promise<T | undefined> {
  replace(region, loading(caption));
  try {
    const result = await job();
    if (region.firstElementChild?.classList.contains('loading')) replace(region);
    return result;
  } catch (error) {
    replace(region, errorBox(error, caption.replace(/…$/, '')));
    return undefined;
  }
}
