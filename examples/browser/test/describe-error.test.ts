import { describe, expect, it } from 'vitest';
import { describeError } from '../src/app/describe-error.js';

class FakeAuthError extends Error {
  override name = 'PhasAuthError';
  status = 401;
  serverMessage = 'Invalid API key';
}

describe('describeError', () => {
  it('leads with the kind of failure and quotes the server', () => {
    expect(describeError(new FakeAuthError('login failed'))).toBe('The server did not accept the API key (HTTP 401): Invalid API key');
  });

  it('falls back to the message when the server said nothing', () => {
    const e = Object.assign(new Error('connect ECONNREFUSED'), { name: 'PhasNetworkError' });
    expect(describeError(e)).toBe('The server could not be reached: connect ECONNREFUSED');
  });

  it('explains a browser fetch TypeError as a network failure', () => {
    expect(describeError(new TypeError('Failed to fetch'))).toBe('The server could not be reached: Failed to fetch');
  });

  it('keeps unknown errors as name and message', () => {
    expect(describeError(new RangeError('bad tile'))).toBe('RangeError: bad tile');
  });

  it('handles thrown non-errors', () => {
    expect(describeError('boom')).toBe('Unexpected error: boom');
    expect(describeError(null)).toBe('Unexpected error: null');
  });
});
