import { PhasError } from './phas-error.js';

/** What every HTTP error carries. */
export interface PhasHttpErrorInit {
  /** HTTP status code (302 for a redirect to the login page). */
  status: number;
  /** Request URL (never contains secrets: the SDK sends keys only in POST bodies). */
  url: string;
  /** Request method, e.g. `'GET'`. */
  method: string;
  /** The server's own message (the `<p>` of its HTML error page, or its JSON `error`). */
  serverMessage?: string | undefined;
  /** Override of the default `http_<status>` code. */
  code?: string;
  retryable?: boolean;
  cause?: unknown;
}

/**
 * The server answered with an error status. Subclasses name the common cases; the SDK picks
 * the subclass in one place from the status code.
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof PhasHttpError) console.log(e.status, e.serverMessage); }
 * ```
 */
export class PhasHttpError extends PhasError {
  override name: string = 'PhasHttpError';
  readonly status: number;
  readonly url: string;
  readonly method: string;
  /** The server's message, e.g. `Insufficient privileges on task 4`. */
  readonly serverMessage: string | undefined;

  constructor(message: string, init: PhasHttpErrorInit) {
    super(message, {
      code: init.code ?? `http_${init.status}`,
      retryable: init.retryable ?? false,
      cause: init.cause,
    });
    this.status = init.status;
    this.url = init.url;
    this.method = init.method;
    this.serverMessage = init.serverMessage;
  }
}

/**
 * Authentication failed: a wrong, disabled or expired API key (the server's 401 message is in
 * `serverMessage`), or a session the server dropped (its 302 to the login page) that one
 * re-login could not renew. The key itself never appears in the message.
 */
export class PhasAuthError extends PhasHttpError {
  override name: string = 'PhasAuthError';
}

/** 403: the user lacks access (PHAS also answers 403 for task and slide ids that do not exist). */
export class PhasForbiddenError extends PhasHttpError {
  override name: string = 'PhasForbiddenError';
}

/** 404: no such route or resource (PHAS also uses 404 for some limits, see protocol Q36). */
export class PhasNotFoundError extends PhasHttpError {
  override name: string = 'PhasNotFoundError';
}

/** 5xx: the server failed; PHAS answers 500 to most invalid input it was not protected from. */
export class PhasServerError extends PhasHttpError {
  override name: string = 'PhasServerError';
}
