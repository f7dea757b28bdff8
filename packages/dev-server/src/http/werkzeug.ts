/**
 * The HTML bodies Werkzeug (Flask's HTTP layer) writes for errors and redirects, byte for
 * byte (protocol §2.5), and the error type route handlers throw to produce them.
 */

/** Reason phrases of the status codes the server uses. */
export const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  204: 'No Content',
  302: 'Found',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Request Entity Too Large',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** Werkzeug's default description per status, used when `abort()` had no message. */
const DEFAULT_DESCRIPTION: Readonly<Record<number, string>> = {
  400: 'The browser (or proxy) sent a request that this server could not understand.',
  401:
    "The server could not verify that you are authorized to access the URL requested. You either supplied the wrong credentials (e.g. a bad password), or your browser doesn't understand how to supply the credentials required.",
  403: "You don't have the permission to access the requested resource. It is either read-protected or not readable by the server.",
  404: 'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.',
  405: 'The method is not allowed for the requested URL.',
  413: 'The data value transmitted exceeds the capacity limit.',
  500: 'The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.',
  502: 'The proxy server received an invalid response from an upstream server.',
  503: 'The server is temporarily unable to service your request due to maintenance downtime or capacity problems. Please try again later.',
};

/** MarkupSafe's `escape` (what Werkzeug applies to error descriptions). */
export function htmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&#34;')
    .replace(/'/g, '&#39;');
}

/**
 * The Werkzeug HTML error page for `status`, with `message` (HTML-escaped, newlines as
 * `<br>`) or Werkzeug's default description.
 *
 * @example
 * ```ts
 * errorPage(403, 'Insufficient privileges on task 4');
 * // '<!doctype html>\n<html lang=en>\n<title>403 Forbidden</title>\n<h1>Forbidden</h1>\n<p>Insufficient privileges on task 4</p>\n'
 * ```
 */
export function errorPage(status: number, message?: string): string {
  const name = STATUS_TEXT[status] ?? 'Unknown Error';
  const description = htmlEscape(message ?? DEFAULT_DESCRIPTION[status] ?? '').replace(/\n/g, '<br>');
  return `<!doctype html>\n<html lang=en>\n<title>${status} ${name}</title>\n<h1>${name}</h1>\n<p>${description}</p>\n`;
}

/**
 * Werkzeug's `redirect()` body for `location` (no trailing newline).
 *
 * @example
 * ```ts
 * redirectPage('/auth/login');
 * ```
 */
export function redirectPage(location: string): string {
  const href = htmlEscape(location);
  return (
    '<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n' +
    `<p>You should be redirected automatically to the target URL: <a href="${href}">${href}</a>. If not, click the link.`
  );
}

/**
 * Thrown by route handlers to answer with a Werkzeug error page (Flask `abort(status, message)`).
 * Unknown exceptions are turned into the generic 500 page by the server.
 */
export class HttpAbort extends Error {
  override name = 'HttpAbort';
  constructor(
    readonly status: number,
    /** The `<p>` text; Werkzeug's default description when omitted. */
    readonly description?: string,
    /** Extra response headers (e.g. `Allow` on 405). */
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${description ?? STATUS_TEXT[status] ?? ''}`);
  }
}

/** Shorthand: `throw abort(403, 'Insufficient privileges on task 4')`. */
export function abort(status: number, description?: string): HttpAbort {
  return new HttpAbort(status, description);
}

/**
 * Thrown for input the real server fails on with an unhandled exception (→ generic 500
 * page). `detail` is for the dev server's verbose log only, never sent.
 */
export class ServerFailure extends Error {
  override name = 'ServerFailure';
}

/**
 * Thrown by guards to answer with a Werkzeug redirect (302, relative `Location`, the
 * redirect page body). The location is relative to the server root; the server adds the
 * deployment path prefix.
 */
export class HttpRedirect extends Error {
  override name = 'HttpRedirect';
  constructor(
    readonly location: string,
    /** True for a location taken from the request (e.g. `Referer`): sent as is, without the path prefix. */
    readonly verbatim = false,
  ) {
    super(`302 ${location}`);
  }
}
