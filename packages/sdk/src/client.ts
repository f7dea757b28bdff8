/**
 * The entry point of the SDK: `Client.connect` logs in with an API key (or, in a browser page
 * of the PHAS server, uses the page's session) and offers the account-level calls (E2–E6,
 * X16). Tasks, labelsets and slides hang off it.
 */
import * as z from 'zod/mini';
import { PhasInputError } from './errors/index.js';
import { Labelset } from './labelset.js';
import { currentPlatform } from './platform/platform.js';
import { anonymizeSchema, loginSchema, privateAccessSchema } from './schemas/auth.js';
import { projectInfoSchema, type ProjectInfo } from './schemas/browse.js';
import { labelsetSummarySchema, type LabelsetSummary } from './schemas/labelset.js';
import { projectSchema, taskSummarySchema, type Project, type TaskSummary } from './schemas/project.js';
import { Task } from './task.js';
import { resolveRetry, type RetryPolicy } from './transport/retry.js';
import { Transport, type Logger, type RequestOptions } from './transport/transport.js';
import { normaliseBaseUrl, route } from './transport/url.js';
import { resolveApiKey, type ApiKeyFile } from './util/api-key.js';
import { checkBoolean, checkInteger, checkOptions, checkSegment, checkSignal } from './util/validate.js';

/** Options of {@link Client.connect}. */
export interface ConnectOptions {
  /** The API key, or the parsed key file object `{ api_key }`. */
  apiKey?: string | ApiKeyFile;
  /** Node: path of the JSON key file (`phas_<user>_api_key.json`). */
  apiKeyFile?: string;
  /** Node: `false` accepts self-signed TLS certificates (like requests' `verify=False`). */
  verify?: boolean;
  /** The `fetch` used for every request, the login included (default: the global one). */
  fetch?: typeof globalThis.fetch;
  /** Cancels the login and every later request of this client. */
  signal?: AbortSignal;
  /** Per-request timeout in ms (default 30 000; 0 disables). */
  timeout?: number;
  /**
   * Retries of idempotent requests on 408/429/5xx and network errors: a count (default 2) or
   * a {@link RetryPolicy}.
   */
  retry?: number | RetryPolicy;
  /** Parallel requests for bulk work (default 6). */
  concurrency?: number;
  /** Receives debug lines (requests, retries, re-logins); never keys or cookies. */
  logger?: Logger;
}

const CONNECT_KEYS = [
  'apiKey',
  'apiKeyFile',
  'verify',
  'fetch',
  'signal',
  'timeout',
  'retry',
  'concurrency',
  'logger',
] as const;

/**
 * A connection to a PHAS server.
 *
 * In Node each client keeps its own session cookie. In a browser the session is the page's
 * cookie for the server, shared by every client of the page: connecting with another key
 * switches all of them to that account (and anonymized mode is shared too).
 *
 * @example
 * ```ts
 * import { Client } from '@phas/sdk';
 * const client = await Client.connect('https://phas.example.org', { apiKeyFile: 'phas_me_api_key.json' });
 * for (const project of await client.projectListing()) console.log(project.id, project.disp_name);
 * ```
 */
export class Client {
  /** The server's base URL (with its path prefix, without a trailing slash). */
  readonly url: string;
  /** Parallel requests for bulk work. */
  readonly concurrency: number;
  /** @internal The HTTP layer shared by every object of this client. */
  readonly transport: Transport;
  /** The logger given to `connect` (debug lines without secrets), if any. */
  readonly logger: Logger | undefined;
  readonly #apiKey: string | undefined;
  /** The anonymized mode the user chose (re-applied after a re-login, Q32). */
  #anonymize: boolean | undefined;

  private constructor(transport: Transport, apiKey: string | undefined, concurrency: number, logger: Logger | undefined) {
    this.transport = transport;
    this.logger = logger;
    this.url = transport.baseUrl;
    this.#apiKey = apiKey;
    this.concurrency = concurrency;
  }

  /**
   * Connects to a PHAS server and logs in with the API key (E1). The key comes from `apiKey`,
   * `apiKeyFile` (Node) or the key file named by `PHAS_AUTH_KEY` (Node). In a browser page
   * served by PHAS, omitting the key uses the page's existing session.
   *
   * A wrong key fails with `PhasAuthError` (the server's message, e.g. `Invalid API key`); a
   * missing or malformed key file, or no key at all in Node, with `PhasInputError` before any
   * request.
   *
   * @example
   * ```ts
   * const client = await Client.connect('https://phas.example.org/phas', { apiKey: process.env.PHAS_KEY });
   * ```
   */
  static async connect(url: string, options?: ConnectOptions): Promise<Client> {
    const o = checkOptions(options, 'options', CONNECT_KEYS);
    const baseUrl = normaliseBaseUrl(url);
    const signal = checkSignal(o.signal, 'options.signal');
    const timeout = o.timeout === undefined ? undefined : checkInteger(o.timeout, 'options.timeout');
    const retry = resolveRetry(o.retry, 'options.retry');
    const concurrency = o.concurrency === undefined ? 6 : checkInteger(o.concurrency, 'options.concurrency', 1);
    if (o.fetch !== undefined && typeof o.fetch !== 'function') {
      throw new PhasInputError('options.fetch must be a function', { argument: 'options.fetch' });
    }
    if (o.logger !== undefined && typeof o.logger?.debug !== 'function') {
      throw new PhasInputError('options.logger must have a debug(message) method', { argument: 'options.logger' });
    }
    const verify = o.verify === undefined ? true : checkBoolean(o.verify, 'options.verify');
    const platform = currentPlatform();
    const apiKey = await resolveApiKey(o, platform);
    const dispatcher = verify ? undefined : await platform.insecureTlsDispatcher();
    const transport = new Transport({
      baseUrl,
      fetch: o.fetch,
      timeout,
      retry,
      signal,
      logger: o.logger,
      dispatcher,
      cookies: platform.browserCookies ? 'browser' : 'jar',
    });
    const client = new Client(transport, apiKey, concurrency, o.logger);
    if (apiKey !== undefined) {
      transport.setRenewer((requestOptions) => client.#renewSession(requestOptions));
      await client.#login({});
    }
    return client;
  }

  async #login(options: RequestOptions): Promise<void> {
    this.transport.clearSession();
    await this.transport.postForm('/auth/api/login', { api_key: this.#apiKey as string }, loginSchema, {
      ...options,
      renew: false,
      idempotent: true,
    });
  }

  async #renewSession(options: RequestOptions): Promise<void> {
    await this.#login(options);
    if (this.#anonymize === true) {
      await this.transport.postEmpty(route`/auth/api/set_anonymize/${1}`, anonymizeSchema, {
        ...options,
        renew: false,
        idempotent: true,
      });
    }
  }

  /**
   * The projects the user can see (E5), ordered by display name; the server's rows unchanged.
   * The server caches this list for 5 minutes.
   *
   * @example
   * ```ts
   * const ids = (await client.projectListing()).map((p) => p.id);
   * ```
   */
  async projectListing(options: RequestOptions = {}): Promise<Project[]> {
    return this.transport.getJson('/api/projects', z.array(projectSchema), options);
  }

  /**
   * The tasks of a project that the user can access (E6); the server's rows unchanged.
   *
   * @example
   * ```ts
   * const annotTasks = (await client.taskListing('hippocampus')).filter((t) => t.mode === 'annot');
   * ```
   */
  async taskListing(project: string, options: RequestOptions = {}): Promise<TaskSummary[]> {
    checkSegment(project, 'project');
    return this.transport.getJson(route`/api/project/${project}/tasks`, z.array(taskSummarySchema), options);
  }

  /**
   * A project's description (X19): `{ description }`, the server's object.
   *
   * @example
   * ```ts
   * const { description } = await client.projectInfo('hippocampus');
   * ```
   */
  async projectInfo(project: string, options: RequestOptions = {}): Promise<ProjectInfo> {
    checkSegment(project, 'project');
    return this.transport.getJson(route`/api/project/${project}/info`, projectInfoSchema, options);
  }

  /**
   * Whether the session is in anonymized mode (E2): private names hidden in manifests and
   * slide info.
   *
   * @example
   * ```ts
   * if (await client.getAnonymize()) console.log('names are hidden');
   * ```
   */
  async getAnonymize(options: RequestOptions = {}): Promise<boolean> {
    return (await this.transport.getJson('/auth/api/anonymize', anonymizeSchema, options)).anonymize;
  }

  /**
   * Turns anonymized mode on or off (E3) and returns the new state. The choice is kept across
   * the transparent re-logins the SDK does when the server drops the session.
   *
   * @example
   * ```ts
   * await client.setAnonymize(true);
   * ```
   */
  async setAnonymize(value: boolean, options: RequestOptions = {}): Promise<boolean> {
    checkBoolean(value, 'value');
    const result = await this.transport.postEmpty(route`/auth/api/set_anonymize/${value ? 1 : 0}`, anonymizeSchema, {
      ...options,
      idempotent: true,
    });
    this.#anonymize = value;
    return result.anonymize;
  }

  /**
   * Whether the user may see private (PHI) names in a project (E4). Unknown projects give
   * `false`.
   *
   * @example
   * ```ts
   * const canSeeNames = await client.getProjectPrivateAccess('hippocampus');
   * ```
   */
  async getProjectPrivateAccess(project: string, options: RequestOptions = {}): Promise<boolean> {
    checkSegment(project, 'project');
    const result = await this.transport.getJson(route`/auth/api/project/${project}/private_access`, privateAccessSchema, options);
    return result.private_access;
  }

  /**
   * Opens a task (E7). The result is an `AnnotationTask`, `DLTrainingTask` or
   * `SamplingROITask` when the task has that mode, else a plain `Task`.
   *
   * @example
   * ```ts
   * const task = await client.task(1);
   * console.log(task.detail.name, task.detail.mode);
   * ```
   */
  async task(taskId: number, options: RequestOptions = {}): Promise<Task> {
    return Task.open(this, taskId, options);
  }

  /**
   * The labelsets of a project (X16), ordered by name.
   *
   * @example
   * ```ts
   * const names = (await client.labelsets('hippocampus')).map((l) => l.name);
   * ```
   */
  async labelsets(project: string, options: RequestOptions = {}): Promise<LabelsetSummary[]> {
    checkSegment(project, 'project');
    return this.transport.getJson(route`/dltrain/api/${project}/labelsets`, z.array(labelsetSummarySchema), options);
  }

  /**
   * A labelset object for a project's labelset id (no I/O).
   *
   * @example
   * ```ts
   * const labels = await client.labelset('hippocampus', 1).labelListing();
   * ```
   */
  labelset(project: string, labelsetId: number): Labelset {
    return new Labelset(this, project, labelsetId);
  }
}
