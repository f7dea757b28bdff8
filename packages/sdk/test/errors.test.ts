import { describe, expect, it } from 'vitest';
import {
  PhasAbortError,
  PhasAuthError,
  PhasError,
  PhasForbiddenError,
  PhasHttpError,
  PhasInputError,
  PhasNetworkError,
  PhasNotFoundError,
  PhasResponseError,
  PhasServerError,
} from '@phas/sdk';

const http = { status: 500, url: 'http://h/api/projects', method: 'GET', serverMessage: 'boom' };

describe('error classes', () => {
  const cases: Array<[PhasError, string, string, boolean]> = [
    [new PhasError('x', { code: 'c' }), 'PhasError', 'c', false],
    [new PhasInputError('x', { argument: 'slideId' }), 'PhasInputError', 'invalid_input', false],
    [new PhasHttpError('x', { ...http, status: 418 }), 'PhasHttpError', 'http_418', false],
    [new PhasAuthError('x', { ...http, status: 401 }), 'PhasAuthError', 'http_401', false],
    [new PhasForbiddenError('x', { ...http, status: 403 }), 'PhasForbiddenError', 'http_403', false],
    [new PhasNotFoundError('x', { ...http, status: 404 }), 'PhasNotFoundError', 'http_404', false],
    [new PhasServerError('x', { ...http, retryable: true }), 'PhasServerError', 'http_500', true],
    [new PhasResponseError('x', { url: http.url, issues: ['[0].id: expected number'] }), 'PhasResponseError', 'invalid_response', false],
    [new PhasNetworkError('x', { url: http.url }), 'PhasNetworkError', 'network_error', true],
    [new PhasNetworkError('x', { url: http.url, timedOut: true }), 'PhasNetworkError', 'timeout', true],
    [new PhasAbortError(), 'PhasAbortError', 'aborted', false],
  ];

  it.each(cases)('%s has an explicit name, a code and a retryable flag', (error, name, code, retryable) => {
    expect(error.name).toBe(name);
    expect(String(error)).toMatch(new RegExp(`^${name}: `));
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
    expect(error).toBeInstanceOf(PhasError);
    expect(error).toBeInstanceOf(Error);
  });

  it('HTTP subclasses carry status, url, method and the server message', () => {
    const e = new PhasForbiddenError('no', { ...http, status: 403, serverMessage: 'Insufficient privileges on task 4' });
    expect(e).toBeInstanceOf(PhasHttpError);
    expect([e.status, e.url, e.method, e.serverMessage]).toEqual([403, http.url, 'GET', 'Insufficient privileges on task 4']);
  });

  it('keeps the cause when given one', () => {
    const cause = new TypeError('fetch failed');
    expect(new PhasNetworkError('x', { url: http.url, cause }).cause).toBe(cause);
  });
});
