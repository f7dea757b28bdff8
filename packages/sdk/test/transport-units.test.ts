/**
 * The transport's pure parts: base URLs (protocol §2.1), routes, Retry-After, backoff,
 * redirect classification and server messages.
 */
import { describe, expect, it } from 'vitest';
import { PhasInputError } from '@phas/sdk';
import { redirectKind, serverMessageOf } from '../src/transport/error-map.js';
import { DEFAULT_RETRY, parseRetryAfter, resolveRetry, retryDelay } from '../src/transport/retry.js';
import { normaliseBaseUrl, route } from '../src/transport/url.js';

describe('URLs', () => {
  it('keeps the path prefix without trailing slashes, like the Python client', () => {
    expect(normaliseBaseUrl('http://h:8888')).toBe('http://h:8888');
    expect(normaliseBaseUrl('https://h/')).toBe('https://h');
    expect(normaliseBaseUrl('https://h/phas')).toBe('https://h/phas');
    expect(normaliseBaseUrl('https://h/phas//')).toBe('https://h/phas');
    expect(normaliseBaseUrl(' https://H/x ')).toBe('https://h/x');
  });

  it('refuses what is not an http(s) base URL', () => {
    for (const url of ['', 'h:8888/phas', '/phas', 'file:///x', 'https://u:p@h', 'https://h/?a=1', 'https://h/#x', 5]) {
      expect(() => normaliseBaseUrl(url), String(url)).toThrow(PhasInputError);
    }
  });

  it('encodes string segments and writes integers in decimal', () => {
    expect(route`/dltrain/api/${'a/b c'}/labelset/${7}/labels`).toBe('/dltrain/api/a%2Fb%20c/labelset/7/labels');
    expect(() => route`/x/${1.5}`).toThrow(TypeError);
  });
});

describe('retry policy', () => {
  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-1', now)).toBeUndefined();
  });

  it('draws full-jitter delays below the growing, capped ceiling', () => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(retryDelay(policy, 0, undefined, () => 0)).toBe(0);
    expect(retryDelay(policy, 0, undefined, () => 0.999)).toBe(99);
    expect(retryDelay(policy, 2, undefined, () => 0.5)).toBe(200);
    expect(retryDelay(policy, 10, undefined, () => 0.999)).toBe(999);
    expect(retryDelay(policy, 0, 60_000, () => 0)).toBe(DEFAULT_RETRY.maxRetryAfterMs);
    expect(retryDelay(policy, 0, 1500, () => 0)).toBe(1500);
  });

  it('validates the retry option', () => {
    expect(resolveRetry(undefined)).toEqual({ count: 4, baseDelayMs: 250, maxDelayMs: 8000, maxRetryAfterMs: 30_000 });
    expect(resolveRetry(0).count).toBe(0);
    expect(resolveRetry({ count: 5 })).toEqual({ ...DEFAULT_RETRY, count: 5 });
    for (const bad of [-1, 1.5, Number.NaN, 'x', null, { count: -2 }, { baseDelayMs: 0.5 }]) {
      expect(() => resolveRetry(bad as never), JSON.stringify(bad)).toThrow(PhasInputError);
    }
  });
});

describe('server answers', () => {
  it('classifies redirect targets, also under a path prefix and as absolute URLs', () => {
    expect(redirectKind('/auth/login', 'http://h')).toBe('login');
    expect(redirectKind('/phas/auth/login', 'http://h/phas')).toBe('login');
    expect(redirectKind('http://h/auth/profile/edit', 'http://h')).toBe('profile');
    expect(redirectKind(null, 'http://h')).toBe('login');
    expect(redirectKind('https://sso.example.org/landing', 'http://h')).toBe('other');
  });

  it('extracts the server message from HTML pages, JSON errors and short texts', () => {
    expect(serverMessageOf('<!doctype html>\n<title>403 Forbidden</title>\n<h1>Forbidden</h1>\n<p>Insufficient privileges on project {project}</p>\n')).toBe(
      'Insufficient privileges on project {project}',
    );
    expect(serverMessageOf('<p>You should be redirected to <a href="/auth/login">/auth/login</a>. If not, click the link.')).toBe(
      'You should be redirected to /auth/login. If not, click the link.',
    );
    expect(serverMessageOf('{"error":"Invalid API key","status":"failed"}\n')).toBe('Invalid API key');
    expect(serverMessageOf('Box is too large')).toBe('Box is too large');
    expect(serverMessageOf('x'.repeat(300))).toHaveLength(201);
    expect(serverMessageOf('<html><body>no paragraph</body></html>')).toBeUndefined();
    expect(serverMessageOf('  ')).toBeUndefined();
  });
});
