/**
 * Base URL normalisation and route building (protocol §2.1, §2.2).
 */
import { PhasInputError } from '../errors/index.js';

/**
 * Normalises a server URL: `http:` or `https:` only, no credentials, no query or fragment,
 * path prefix kept without its trailing slash (`https://h/phas/` → `https://h/phas`).
 */
export function normaliseBaseUrl(url: unknown): string {
  if (typeof url !== 'string' || url.trim() === '') {
    throw new PhasInputError('url must be a non-empty string such as "https://phas.example.org"', {
      argument: 'url',
    });
  }
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new PhasInputError('url is not an absolute URL (the scheme is required, e.g. "https://…")', {
      argument: 'url',
    });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new PhasInputError(`url must use http: or https:, got ${parsed.protocol}`, { argument: 'url' });
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new PhasInputError('url must not contain credentials; pass the API key as an option', {
      argument: 'url',
    });
  }
  if (parsed.search !== '' || parsed.hash !== '') {
    throw new PhasInputError('url must not contain a query string or fragment', { argument: 'url' });
  }
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
}

/** A value placed in a route: numbers are written in decimal, strings percent-encoded. */
export type RouteValue = string | number;

/**
 * Builds a route from a template, encoding every interpolated string with
 * `encodeURIComponent` and every number as a plain decimal integer.
 *
 * @example
 * ```ts
 * route`/api/project/${'my project'}/tasks` // '/api/project/my%20project/tasks'
 * ```
 */
export function route(strings: TemplateStringsArray, ...values: RouteValue[]): string {
  let out = strings[0];
  values.forEach((value, i) => {
    if (typeof value === 'number') {
      if (!Number.isSafeInteger(value)) throw new TypeError(`route value must be an integer, got ${value}`);
      out += String(value);
    } else {
      out += encodeURIComponent(value);
    }
    out += strings[i + 1];
  });
  return out;
}
