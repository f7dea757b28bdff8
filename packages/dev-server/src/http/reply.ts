/**
 * Response values produced by route handlers, and constructors for the body styles of
 * protocol §2.4.
 */
import { jsonifyText, pyDumps, type PyJson } from './pyjson.js';
import { errorPage } from './werkzeug.js';

/** A complete response. Header names are written as given. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

/** Flask's default content type: `text/html; charset=utf-8`. */
export const HTML = 'text/html; charset=utf-8';

/** A text body; `text/html; charset=utf-8` unless another type is given. */
export function textReply(body: string, status = 200, contentType = HTML): Reply {
  return { status, headers: { 'Content-Type': contentType }, body };
}

/**
 * Style 1 (`json.dumps` string served as HTML) or, with `bogusContentType`, style 3
 * (plus the literal `ContentType: application/json` header).
 */
export function pyJsonReply(value: PyJson, options: { bogusContentType?: boolean; status?: number } = {}): Reply {
  const reply = textReply(pyDumps(value), options.status ?? 200);
  if (options.bogusContentType) reply.headers['ContentType'] = 'application/json';
  return reply;
}

/** Style 2: Flask `jsonify` (compact, sorted keys, trailing newline, `application/json`). */
export function jsonifyReply(value: PyJson, status = 200): Reply {
  return textReply(jsonifyText(value), status, 'application/json');
}

/** A Werkzeug HTML error page. */
export function errorReply(status: number, message?: string, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'Content-Type': HTML, ...headers }, body: errorPage(status, message) };
}

/** A binary body. */
export function bytesReply(body: Uint8Array, contentType: string, headers: Record<string, string> = {}): Reply {
  return { status: 200, headers: { 'Content-Type': contentType, ...headers }, body };
}
