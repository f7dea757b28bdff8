/**
 * The single HTTP layer of the SDK, built on ofetch. Every resource class goes through the
 * internal methods below (`getJson`, `getBytes`, `postJson`, …); they implement the policy of
 * protocol §2–§3 in one place:
 *
 * - URLs are `<base URL with path prefix><route>` with no trailing slash;
 * - redirects are not followed: a 302 to the login page (a browser's `opaqueredirect`) renews
 *   the session once through the renewer the client installed (log in with the key again,
 *   re-apply anonymized mode) and repeats the request; a 302 to `/auth/profile/edit` is a
 *   `PhasAuthError` with code `profile_incomplete`;
 * - in runtimes without a cookie store (Node) the session cookie is kept here, fed only by
 *   POST responses like the Python client (Q31); browsers use `credentials: 'include'`;
 * - idempotent requests are retried on 408/429/5xx and network errors with full-jitter
 *   exponential backoff, honouring `Retry-After`;
 * - each attempt has a timeout composed with the caller's signals;
 * - bodies are parsed as JSON whatever the Content-Type and checked with zod;
 * - failures become the typed errors of `../errors`, chosen in `error-map.ts`.
 *
 * Request bodies (the login form carries the API key) are never logged and never attached to
 * errors; errors carry only method, URL, status and the server's message.
 */
import { createFetch, type $Fetch } from 'ofetch';
import type { $ZodType, output } from 'zod/v4/core';
import { PhasAbortError, PhasAuthError, PhasError, PhasNetworkError } from '../errors/index.js';
import { CookieJar } from './cookies.js';
import { httpError, redirectKind } from './error-map.js';
import { checkShape, parseJson, toJson } from './json-body.js';
import { DEFAULT_RETRY, parseRetryAfter, retryDelay, type ResolvedRetryPolicy } from './retry.js';
import { attemptSignal, sleep } from './signals.js';
import { checkInteger, checkOptions, checkSignal } from '../util/validate.js';

/** Receives the SDK's debug lines (never containing keys or cookies). */
export interface Logger {
  debug(message: string): void;
}

/** A query value: `undefined`/`null` are dropped, arrays repeat the key, empty arrays vanish. */
export type QueryValue = string | number | boolean | readonly (string | number)[] | null | undefined;

/** Per-request options every SDK method accepts. */
export interface RequestOptions {
  /** Cancels the request (and any wait between retries): `PhasAbortError`. */
  signal?: AbortSignal;
  /** Per-attempt timeout in ms (default: the client's, 30 000); 0 means none. */
  timeout?: number;
}

/** Options of one transport call. */
export interface CallOptions extends RequestOptions {
  query?: Record<string, QueryValue>;
  /** For POSTs: safe to repeat (GETs always are). */
  idempotent?: boolean;
}

/** How the transport is set up (by `Client.connect`). */
export interface TransportInit {
  /** Normalised base URL (see `normaliseBaseUrl`). */
  baseUrl: string;
  fetch?: typeof globalThis.fetch;
  /** Default per-attempt timeout in ms (30 000 when omitted; 0: none). */
  timeout?: number;
  retry?: ResolvedRetryPolicy;
  /** Client-wide signal: aborting it cancels every request. */
  signal?: AbortSignal;
  logger?: Logger;
  /** Node only: an undici dispatcher (e.g. accepting self-signed certificates). */
  dispatcher?: unknown;
  /** `'jar'`: keep the session cookie here (Node); `'browser'`: let the browser do it. */
  cookies: 'jar' | 'browser';
  /** Source of randomness for backoff jitter (tests). */
  random?: () => number;
}

/** Renews the session after the server dropped it (installed by the client). */
export type SessionRenewer = (options: RequestOptions) => Promise<void>;

type Body =
  | { kind: 'json'; value: unknown }
  | { kind: 'form'; value: Record<string, string> }
  | { kind: 'none' };

type Expect = 'json' | 'json-or-null' | 'text' | 'bytes';

interface Call {
  method: 'GET' | 'POST';
  path: string;
  body: Body;
  expect: Expect;
  options: CallOptions;
  /** Whether a login redirect may trigger a session renewal (false for the login itself). */
  renew: boolean;
}

interface RawAnswer {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
}

const DEFAULT_TIMEOUT_MS = 30_000;
/** Keys a call's options may have (the public `RequestOptions` plus internal ones). */
const CALL_OPTION_KEYS = ['signal', 'timeout', 'query', 'idempotent', 'renew'] as const;
/** Redirect statuses (0 is a browser's `opaqueredirect`). */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const decoder = new TextDecoder();

/** The SDK's HTTP layer (internal; reached through `Client`). */
export class Transport {
  /** Base URL with path prefix, no trailing slash. */
  readonly baseUrl: string;
  readonly #ofetch: $Fetch;
  readonly #timeout: number;
  readonly #retry: ResolvedRetryPolicy;
  readonly #signal: AbortSignal | undefined;
  readonly #logger: Logger | undefined;
  readonly #dispatcher: unknown;
  readonly #jar: CookieJar | undefined;
  readonly #random: () => number;
  #renewer: SessionRenewer | undefined;
  #renewing: Promise<void> | undefined;
  /** Incremented on every successful renewal, so concurrent 302s share one re-login. */
  #generation = 0;

  constructor(init: TransportInit) {
    this.baseUrl = init.baseUrl;
    const fetchImpl = init.fetch ?? globalThis.fetch;
    this.#ofetch = createFetch({ fetch: (input, requestInit) => fetchImpl(input, requestInit) });
    this.#timeout = init.timeout ?? DEFAULT_TIMEOUT_MS;
    this.#retry = init.retry ?? DEFAULT_RETRY;
    this.#signal = init.signal;
    this.#logger = init.logger;
    this.#dispatcher = init.dispatcher;
    this.#jar = init.cookies === 'jar' ? new CookieJar() : undefined;
    this.#random = init.random ?? Math.random;
  }

  /** Installs the function that logs in again after a login redirect. */
  setRenewer(renewer: SessionRenewer | undefined): void {
    this.#renewer = renewer;
  }

  /** Forgets the session cookie (Node); browsers keep theirs. */
  clearSession(): void {
    this.#jar?.clear();
  }

  /** GET a JSON body checked against `schema`. */
  async getJson<S extends $ZodType>(path: string, schema: S, options: CallOptions = {}): Promise<output<S>> {
    const value = await this.#call({ method: 'GET', path, body: { kind: 'none' }, expect: 'json', options, renew: true });
    return checkShape(schema, value, this.#url(path));
  }

  /** GET a JSON body, or `null` when the body is empty (E18). */
  async getJsonOrNull<S extends $ZodType>(path: string, schema: S, options: CallOptions = {}): Promise<output<S> | null> {
    const value = await this.#call({ method: 'GET', path, body: { kind: 'none' }, expect: 'json-or-null', options, renew: true });
    return value === null ? null : checkShape(schema, value, this.#url(path));
  }

  /** GET a body as bytes (PNG, NIfTI). */
  async getBytes(path: string, options: CallOptions = {}): Promise<Uint8Array> {
    return (await this.#call({ method: 'GET', path, body: { kind: 'none' }, expect: 'bytes', options, renew: true })) as Uint8Array;
  }

  /** GET a body as text (CSV). */
  async getText(path: string, options: CallOptions = {}): Promise<string> {
    return (await this.#call({ method: 'GET', path, body: { kind: 'none' }, expect: 'text', options, renew: true })) as string;
  }

  /** POST a JSON body; the JSON answer is checked against `schema`. */
  async postJson<S extends $ZodType>(path: string, body: unknown, schema: S, options: CallOptions = {}): Promise<output<S>> {
    const value = await this.#call({ method: 'POST', path, body: { kind: 'json', value: body }, expect: 'json', options, renew: true });
    return checkShape(schema, value, this.#url(path));
  }

  /** POST a JSON body; answer as text (PHAS's plain `success`). */
  async postJsonForText(path: string, body: unknown, options: CallOptions = {}): Promise<string> {
    return (await this.#call({ method: 'POST', path, body: { kind: 'json', value: body }, expect: 'text', options, renew: true })) as string;
  }

  /** POST a form; the JSON answer is checked against `schema`. */
  async postForm<S extends $ZodType>(
    path: string,
    form: Record<string, string>,
    schema: S,
    options: CallOptions & { renew?: boolean } = {},
  ): Promise<output<S>> {
    const value = await this.#call({
      method: 'POST',
      path,
      body: { kind: 'form', value: form },
      expect: 'json',
      options,
      renew: options.renew ?? true,
    });
    return checkShape(schema, value, this.#url(path));
  }

  /** POST a form; answer as bytes (SVG). */
  async postFormForBytes(path: string, form: Record<string, string>, options: CallOptions = {}): Promise<Uint8Array> {
    return (await this.#call({ method: 'POST', path, body: { kind: 'form', value: form }, expect: 'bytes', options, renew: true })) as Uint8Array;
  }

  /** POST a form; answer as text (`success`). */
  async postFormForText(path: string, form: Record<string, string>, options: CallOptions = {}): Promise<string> {
    return (await this.#call({ method: 'POST', path, body: { kind: 'form', value: form }, expect: 'text', options, renew: true })) as string;
  }

  /** POST with an empty body; the JSON answer is checked against `schema` (E3). */
  async postEmpty<S extends $ZodType>(path: string, schema: S, options: CallOptions & { renew?: boolean } = {}): Promise<output<S>> {
    const value = await this.#call({ method: 'POST', path, body: { kind: 'none' }, expect: 'json', options, renew: options.renew ?? true });
    return checkShape(schema, value, this.#url(path));
  }

  /** POST with an empty body; answer as text (E25 `success`). */
  async postEmptyForText(path: string, options: CallOptions = {}): Promise<string> {
    return (await this.#call({ method: 'POST', path, body: { kind: 'none' }, expect: 'text', options, renew: true })) as string;
  }

  #url(path: string): string {
    return `${this.baseUrl}${path}`;
  }

  #log(message: string): void {
    this.#logger?.debug(`phas: ${message}`);
  }

  async #call(call: Call): Promise<unknown> {
    checkOptions(call.options, 'options', CALL_OPTION_KEYS);
    checkSignal(call.options.signal, 'options.signal');
    if (call.options.timeout !== undefined) checkInteger(call.options.timeout, 'options.timeout');
    const url = this.#url(call.path);
    const serialised = call.body.kind === 'json' ? toJson(call.body.value, 'body') : undefined;
    const idempotent = call.method === 'GET' || call.options.idempotent === true;
    const timeout = call.options.timeout ?? this.#timeout;
    let retries = 0;
    let renewed = false;
    for (;;) {
      const generation = this.#generation;
      let answer: RawAnswer;
      try {
        answer = await this.#attempt(call, url, serialised, timeout);
      } catch (error) {
        if (error instanceof PhasNetworkError && idempotent && retries < this.#retry.count) {
          await this.#wait(call, url, retries++, undefined, error.message);
          continue;
        }
        throw error;
      }
      const { status } = answer;
      if (status === 0 || REDIRECTS.has(status)) {
        const kind = redirectKind(answer.headers.get('location'), this.baseUrl);
        if (kind === 'profile') {
          throw new PhasAuthError(
            'The PHAS account has no e-mail address; complete the profile in the web interface (/auth/profile/edit)',
            { status, url, method: call.method, code: 'profile_incomplete' },
          );
        }
        if (call.renew && this.#renewer && !renewed) {
          renewed = true;
          await this.#renew(generation, call, url);
          continue;
        }
        const [code, reason] = !call.renew
          ? ['login_redirected', 'the server redirected the login itself; is the URL the base URL of a PHAS server?']
          : this.#renewer
            ? ['session_rejected', 'the server still asks for a login after the session was renewed']
            : ['not_authenticated', 'not logged in (no API key to log in with, and no browser session)'];
        throw new PhasAuthError(`${call.method} ${url}: ${reason}`, { status, url, method: call.method, code });
      }
      if (status < 200 || status >= 300) {
        const error = httpError({ status, url, method: call.method, body: decoder.decode(answer.bytes) });
        if (error.retryable && idempotent && retries < this.#retry.count) {
          const retryAfter = parseRetryAfter(answer.headers.get('retry-after'));
          await this.#wait(call, url, retries++, retryAfter, `HTTP ${status}`);
          continue;
        }
        throw error;
      }
      return this.#decode(call.expect, answer.bytes, url);
    }
  }

  #decode(expect: Expect, bytes: Uint8Array, url: string): unknown {
    if (expect === 'bytes') return bytes;
    const text = decoder.decode(bytes);
    if (expect === 'text') return text;
    if (expect === 'json-or-null' && text.trim() === '') return null;
    return parseJson(text, url);
  }

  /**
   * Logs in again once for all requests that met the login redirect. The re-login is shared,
   * so it runs without any one caller's signal (the client-wide signal still applies); each
   * caller stops waiting as soon as its own signal aborts.
   */
  async #renew(generation: number, call: Call, url: string): Promise<void> {
    if (this.#generation !== generation) return; // another request already renewed the session
    if (!this.#renewing) {
      this.#log('session dropped by the server; logging in again');
      const renewer = this.#renewer as SessionRenewer;
      this.#renewing = renewer({ timeout: call.options.timeout })
        .then(() => {
          this.#generation++;
        })
        .finally(() => {
          this.#renewing = undefined;
        });
    }
    const signal = call.options.signal;
    if (!signal) return this.#renewing;
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(new PhasAbortError(`${call.method} ${url} was aborted`, { cause: signal.reason }));
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      await Promise.race([this.#renewing, aborted]);
    } finally {
      signal.removeEventListener('abort', onAbort as () => void);
    }
  }

  async #wait(call: Call, url: string, retryIndex: number, retryAfterMs: number | undefined, reason: string): Promise<void> {
    const delay = retryDelay(this.#retry, retryIndex, retryAfterMs, this.#random);
    this.#log(`${call.method} ${url}: ${reason}; retry ${retryIndex + 1} of ${this.#retry.count} in ${delay} ms`);
    try {
      await sleep(delay, [call.options.signal, this.#signal]);
    } catch (reasonValue) {
      throw new PhasAbortError(`${call.method} ${url} was aborted`, { cause: reasonValue });
    }
  }

  async #attempt(call: Call, url: string, serialised: string | undefined, timeout: number): Promise<RawAnswer> {
    const headers = new Headers();
    let body: string | undefined;
    if (call.body.kind === 'json') {
      headers.set('content-type', 'application/json');
      body = serialised;
    } else if (call.body.kind === 'form') {
      headers.set('content-type', 'application/x-www-form-urlencoded');
      body = new URLSearchParams(call.body.value).toString();
    }
    const cookie = this.#jar?.header();
    if (cookie !== undefined) headers.set('cookie', cookie);
    const attempt = attemptSignal([call.options.signal, this.#signal], timeout);
    try {
      if (attempt.signal.aborted) throw attempt.signal.reason;
      const response = await this.#ofetch.raw(url, {
        method: call.method,
        headers,
        body,
        query: call.options.query as Record<string, unknown> | undefined,
        redirect: 'manual',
        credentials: this.#jar ? undefined : 'include',
        responseType: 'arrayBuffer',
        ignoreResponseError: true,
        retry: 0,
        signal: attempt.signal,
        ...(this.#dispatcher === undefined ? {} : { dispatcher: this.#dispatcher }),
      } as Parameters<$Fetch['raw']>[1]);
      const status = response.type === 'opaqueredirect' ? 0 : response.status;
      this.#log(`${call.method} ${url} → ${status === 0 ? 'redirect' : status}`);
      if (this.#jar && call.method === 'POST') this.#jar.store(response.headers);
      const data = response._data as ArrayBuffer | undefined;
      if (status === 200 && response.redirected && /\/auth\/login\/?$/.test(new URL(response.url).pathname)) {
        // A fetch that followed the redirect despite `redirect: 'manual'`: treat as the 302.
        return { status: 302, headers: new Headers({ location: response.url }), bytes: new Uint8Array(0) };
      }
      return { status, headers: response.headers, bytes: data ? new Uint8Array(data) : new Uint8Array(0) };
    } catch (error) {
      throw this.#failure(error, call, url, attempt.timedOut(), attempt.callerAborted(), timeout);
    } finally {
      attempt.dispose();
    }
  }

  /** Turns a thrown fetch error into an SDK error without keeping ofetch's request objects. */
  #failure(error: unknown, call: Call, url: string, timedOut: boolean, aborted: boolean, timeout: number): PhasError {
    if (error instanceof PhasError) return error;
    // ofetch wraps the fetch error in a FetchError whose `options` hold the request body: keep
    // only the underlying error.
    const underlying = (error as { name?: string; cause?: unknown })?.name === 'FetchError' ? (error as { cause?: unknown }).cause : error;
    if (aborted) return new PhasAbortError(`${call.method} ${url} was aborted`, { cause: underlying });
    if (timedOut) {
      return new PhasNetworkError(`${call.method} ${url} timed out after ${timeout} ms`, { url, timedOut: true });
    }
    const detail = underlying instanceof Error ? describeNetworkError(underlying) : 'unknown error';
    return new PhasNetworkError(`${call.method} ${url} failed: ${detail}`, {
      url,
      cause: underlying instanceof Error ? underlying : undefined,
    });
  }
}

function describeNetworkError(error: Error): string {
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? `${error.message} (${code})` : error.message;
}
