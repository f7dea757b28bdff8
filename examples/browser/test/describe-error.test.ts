import { describe, expect, it } from 'vitest';
import { PhasAuthError, PhasForbiddenError, PhasNetworkError } from '@phas/sdk';
import { describeError } from '../src/app/describe-error.js';

const http = { url: 'http://phas.test/auth/api/login', method: 'POST' };

describe('describeError', () => {
  it('leads with the kind of failure and quotes the server', () => {
    const e = new PhasAuthError('login failed', { ...http, status: 401, serverMessage: 'Invalid API key' });
    expect(describeError(e)).toBe('The server refused the login (wrong API key, or the session ended) (HTTP 401): Invalid API key');
  });

  it('tells kinds apart by class even when the class name is minified away', () => {
    const e = new PhasForbiddenError('no access', { ...http, status: 403, serverMessage: 'Insufficient privileges on task 4' });
    Object.defineProperty(e, 'name', { value: 'g' });
    expect(describeError(e)).toBe('You do not have access to this (or it does not exist) (HTTP 403): Insufficient privileges on task 4');
  });

  it('falls back to the message when the server said nothing', () => {
    const e = new PhasNetworkError('connect ECONNREFUSED', { url: http.url });
    expect(describeError(e)).toBe('The server could not be reached: connect ECONNREFUSED');
  });

  it('explains a browser fetch TypeError as a network failure', () => {
    expect(describeError(new TypeError('Failed to fetch'))).toBe('The server could not be reached: Failed to fetch');
  });

  it('keeps other errors as name and message', () => {
    expect(describeError(new RangeError('bad tile'))).toBe('RangeError: bad tile');
  });

  it('handles thrown non-errors', () => {
    expect(describeError('boom')).toBe('Unexpected error: boom');
    expect(describeError(null)).toBe('Unexpected error: null');
  });
});
