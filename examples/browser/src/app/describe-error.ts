/**
 * Turns anything thrown by the SDK (or the browser) into one sentence for people.
 * Uses only the error's public fields (`status`, `serverMessage`, `message`), which the SDK
 * guarantees never contain API keys or session cookies. Kinds are told apart with
 * `instanceof`, not by class name: minifiers rename classes in production builds.
 */
import {
  PhasAbortError,
  PhasAuthError,
  PhasForbiddenError,
  PhasHttpError,
  PhasInputError,
  PhasNetworkError,
  PhasNotFoundError,
  PhasResponseError,
  PhasServerError,
} from '@phas/sdk';

const kinds: [new (...args: never[]) => Error, string][] = [
  [PhasAuthError, 'The server refused the login (wrong API key, or the session ended)'],
  [PhasForbiddenError, 'You do not have access to this (or it does not exist)'],
  [PhasNotFoundError, 'The server does not know this address'],
  [PhasServerError, 'The server failed while answering'],
  [PhasHttpError, 'The server refused the request'],
  [PhasNetworkError, 'The server could not be reached'],
  [PhasResponseError, 'The server sent an answer this app does not understand'],
  [PhasInputError, 'The input is not valid'],
  [PhasAbortError, 'The request was cancelled'],
];

/**
 * Describes an error in words: a sentence for the kind of failure, then the server's own
 * message or the error message.
 *
 * @example
 * ```ts
 * status.textContent = describeError(e); // "The server refused the login (…) (HTTP 401): Invalid API key"
 * ```
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `Unexpected error: ${String(error)}`;
  const server = error instanceof PhasHttpError ? error.serverMessage?.trim() : undefined;
  const detail = server || error.message.trim();
  let lead = kinds.find(([kind]) => error instanceof kind)?.[1];
  if (lead === undefined && error.name === 'TypeError' && /fetch/i.test(detail)) lead = 'The server could not be reached';
  if (lead === undefined) return detail === '' ? error.name : `${error.name}: ${detail}`;
  const status = error instanceof PhasHttpError ? ` (HTTP ${error.status})` : '';
  return detail === '' ? `${lead}${status}.` : `${lead}${status}: ${detail}`;
}
