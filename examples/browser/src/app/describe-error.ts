/**
 * Turns anything thrown by the SDK (or the browser) into one sentence for people.
 * Uses only the error's public fields (`name`, `code`, `status`, `serverMessage`, `message`),
 * which the SDK guarantees never contain API keys or session cookies.
 */

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  status?: unknown;
  serverMessage?: unknown;
}

const byName: Record<string, string> = {
  PhasAuthError: 'The server did not accept the API key',
  PhasForbiddenError: 'You do not have access to this (or it does not exist)',
  PhasNotFoundError: 'The server does not know this address',
  PhasServerError: 'The server failed while answering',
  PhasNetworkError: 'The server could not be reached',
  PhasResponseError: 'The server sent an answer this app does not understand',
  PhasInputError: 'The input is not valid',
  PhasAbortError: 'The request was cancelled',
};

/**
 * Describes an error in words: a sentence for the kind of failure, then the server's own
 * message or the error message.
 *
 * @example
 * ```ts
 * status.textContent = describeError(e); // "The server did not accept the API key: Invalid API key"
 * ```
 */
export function describeError(error: unknown): string {
  if (typeof error !== 'object' || error === null) return `Unexpected error: ${String(error)}`;
  const e = error as ErrorLike;
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const detail =
    typeof e.serverMessage === 'string' && e.serverMessage.trim() !== ''
      ? e.serverMessage.trim()
      : typeof e.message === 'string'
        ? e.message.trim()
        : '';
  const lead = byName[name] ?? (name === 'TypeError' && /fetch/i.test(detail) ? byName.PhasNetworkError : undefined);
  if (lead === undefined) return detail === '' ? name : `${name}: ${detail}`;
  const status = typeof e.status === 'number' ? ` (HTTP ${e.status})` : '';
  return detail === '' ? `${lead}${status}.` : `${lead}${status}: ${detail}`;
}
