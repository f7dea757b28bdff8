/**
 * The one place where an HTTP answer that is not a success becomes a typed error
 * (protocol §2.5): the subclass is chosen from the status, the server's own message is taken
 * from the `<p>` of its HTML error page, from E1's JSON `error`, or from a short plain-text body.
 */
import {
  PhasAuthError,
  PhasForbiddenError,
  PhasHttpError,
  PhasNotFoundError,
  PhasServerError,
  type PhasHttpErrorInit,
} from '../errors/index.js';

/** What the error mapping needs to know about a response. */
export interface FailedResponse {
  status: number;
  url: string;
  method: string;
  /** The body as text (may be empty). */
  body: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };

function unescapeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name: string) => ENTITIES[name] ?? '');
}

/**
 * The server's message in an error body: the first `<p>` of an HTML page, the `error` member
 * of a JSON object, or a short single-paragraph plain text. `undefined` when there is none.
 */
export function serverMessageOf(body: string): string | undefined {
  const text = body.trim();
  if (text === '') return undefined;
  const paragraph = /<p>([\s\S]*?)(?:<\/p>|$)/i.exec(text);
  if (paragraph) return unescapeHtml(paragraph[1].replace(/<[^>]*>/g, '').trim()) || undefined;
  if (text.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed !== null && typeof parsed === 'object' && typeof (parsed as { error?: unknown }).error === 'string') {
        return (parsed as { error: string }).error;
      }
    } catch {
      // not JSON: fall through to the plain-text rule
    }
  }
  if (text.startsWith('<')) return undefined;
  return text.length <= 200 ? text : `${text.slice(0, 200)}…`;
}

/** True for statuses worth repeating: 408, 429 and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Builds the typed error for a failed response. */
export function httpError(response: FailedResponse): PhasHttpError {
  const serverMessage = serverMessageOf(response.body);
  const init: PhasHttpErrorInit = {
    status: response.status,
    url: response.url,
    method: response.method,
    serverMessage,
    retryable: isRetryableStatus(response.status),
  };
  const message = `${response.method} ${response.url} failed with HTTP ${response.status}${
    serverMessage ? `: ${serverMessage}` : ''
  }`;
  const status = response.status;
  if (status === 401 && isJsonError(response.body)) {
    return new PhasAuthError(message, { ...init, code: 'auth_failed' });
  }
  if (status === 403) return new PhasForbiddenError(message, init);
  if (status === 404) return new PhasNotFoundError(message, init);
  if (status >= 500) return new PhasServerError(message, init);
  return new PhasHttpError(message, init);
}

function isJsonError(body: string): boolean {
  const text = body.trim();
  if (!text.startsWith('{')) return false;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && 'error' in parsed;
  } catch {
    return false;
  }
}

/** Where a redirect points, as far as the SDK cares. */
export type RedirectKind = 'login' | 'profile' | 'other';

/**
 * Classifies a redirect `Location` (relative or absolute). Browsers hide it behind an
 * `opaqueredirect` response, which is treated as `'login'` (PHAS only redirects API calls
 * when the session is missing or the profile is incomplete).
 */
export function redirectKind(location: string | null, baseUrl: string): RedirectKind {
  if (location === null || location === '') return 'login';
  let path: string;
  try {
    path = new URL(location, `${baseUrl}/`).pathname;
  } catch {
    return 'other';
  }
  if (/\/auth\/profile\/edit\/?$/.test(path)) return 'profile';
  if (/\/auth\/login\/?$/.test(path)) return 'login';
  return 'other';
}
