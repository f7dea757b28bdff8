/**
 * Per-request context handed to route handlers: method, decoded path parameters, query,
 * the (already read) body, form fields and the session.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { SessionData } from '../auth/session.js';
import type { Params } from './router.js';
import { abort } from './werkzeug.js';

/** Inputs of a {@link RequestContext}. */
export interface RequestInit {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The decoded session cookie, or null when absent/invalid. */
  session: SessionData | null;
  /** Seconds since the epoch (fractional) at which the request arrived. */
  now: number;
}

/** What a handler sees of one request, with the session it may change. */
export class RequestContext<App> {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly now: number;
  params: Params = {};
  private sessionData: SessionData | null;
  /** Whether the handler replaced or changed the session (→ a new `Set-Cookie`). */
  sessionModified = false;

  constructor(
    readonly app: App,
    init: RequestInit,
  ) {
    this.method = init.method;
    this.path = init.path;
    this.query = init.query;
    this.headers = init.headers;
    this.body = init.body;
    this.sessionData = init.session;
    this.now = init.now;
  }

  /** The session as received (null = none). Assigning marks it modified. */
  get session(): SessionData | null {
    return this.sessionData;
  }

  set session(value: SessionData | null) {
    this.sessionData = value;
    this.sessionModified = true;
  }

  /** An `<int:name>` path parameter as a number. */
  int(name: string): number {
    const text = this.params[name];
    if (text === undefined || !/^\d+$/.test(text)) throw new Error(`route parameter ${name} is not an int`);
    return Number(text);
  }

  /** A string path parameter. */
  str(name: string): string {
    const text = this.params[name];
    if (text === undefined) throw new Error(`no route parameter ${name}`);
    return text;
  }

  /** The body as UTF-8 text. */
  text(): string {
    return this.body.toString('utf8');
  }

  /**
   * Form fields like Flask's `request.form`: parsed only for
   * `application/x-www-form-urlencoded` (and simple `multipart/form-data` text fields);
   * any other body gives an empty form.
   */
  form(): URLSearchParams {
    const type = (this.headers['content-type'] ?? '').toLowerCase();
    if (type.startsWith('application/x-www-form-urlencoded')) return new URLSearchParams(this.text());
    if (type.startsWith('multipart/form-data')) return parseMultipart(this.text(), type);
    return new URLSearchParams();
  }

  /** A required form field; missing → 400 Bad Request (Flask's `request.form[key]`). */
  formField(name: string): string {
    const v = this.form().get(name);
    if (v === null) throw abort(400);
    return v;
  }
}

/** Text fields of a `multipart/form-data` body (files are ignored). */
function parseMultipart(body: string, contentType: string): URLSearchParams {
  const out = new URLSearchParams();
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) return out;
  for (const part of body.split(`--${boundary}`)) {
    const sep = part.indexOf('\r\n\r\n');
    if (sep < 0) continue;
    const head = part.slice(0, sep);
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    if (name === undefined || /filename=/i.test(head)) continue;
    out.append(name, part.slice(sep + 4).replace(/\r\n$/, ''));
  }
  return out;
}
