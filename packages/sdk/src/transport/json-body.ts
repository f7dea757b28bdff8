/**
 * Request and response bodies: JSON serialisation that refuses what JSON cannot carry, and
 * parsing that ignores the Content-Type (PHAS serves JSON as text/html, protocol Q6) and checks
 * the shape with zod.
 */
import { safeParse, type $ZodIssue, type $ZodType, type output } from 'zod/v4/core';
import { PhasInputError, PhasResponseError } from '../errors/index.js';

/**
 * Serialises `value` as JSON, refusing NaN, ±Infinity, functions, symbols, bigints and
 * cycles with `PhasInputError` (`JSON.stringify` would silently write `null` or throw a
 * TypeError).
 */
export function toJson(value: unknown, argument: string): string {
  const stack: unknown[] = [];
  const walk = (item: unknown, path: string): void => {
    switch (typeof item) {
      case 'number':
        if (!Number.isFinite(item)) throw new PhasInputError(`${path} must be a finite number, got ${item}`, { argument: path });
        return;
      case 'string':
      case 'boolean':
        return;
      case 'undefined':
      case 'function':
      case 'symbol':
      case 'bigint':
        throw new PhasInputError(`${path} cannot be sent as JSON (${typeof item})`, { argument: path });
      default:
        break;
    }
    if (item === null) return;
    if (stack.includes(item)) throw new PhasInputError(`${path} contains a cycle`, { argument: path });
    stack.push(item);
    if (Array.isArray(item)) item.forEach((child, i) => walk(child, `${path}[${i}]`));
    else {
      for (const [key, child] of Object.entries(item as Record<string, unknown>)) {
        if (child !== undefined) walk(child, `${path}.${key}`);
      }
    }
    stack.pop();
  };
  walk(value, argument);
  return JSON.stringify(value);
}

/** Formats zod issues as `path: message` lines. */
export function formatIssues(issues: readonly $ZodIssue[]): string[] {
  return issues.map((issue) => {
    const path = issue.path
      .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
      .join('');
    return `${path === '' ? '(root)' : path}: ${issue.message}`;
  });
}

/**
 * Checks a parsed value against `schema`; a mismatch is a `PhasResponseError`. On success the
 * value itself is returned (not zod's copy), so rows keep the server's keys in the server's
 * order; the SDK's response schemas only check and never transform.
 */
export function checkShape<S extends $ZodType>(schema: S, value: unknown, url: string): output<S> {
  const result = safeParse(schema, value);
  if (result.success) return value as output<S>;
  const issues = formatIssues(result.error.issues);
  throw new PhasResponseError(
    `The response of ${url} does not have the expected shape: ${issues.slice(0, 3).join('; ')}${
      issues.length > 3 ? ` (+${issues.length - 3} more)` : ''
    }`,
    { url, issues },
  );
}

/** Parses a body as JSON whatever its Content-Type; invalid JSON is a `PhasResponseError`. */
export function parseJson(text: string, url: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const start = text.trimStart().slice(0, 40);
    throw new PhasResponseError(`The response of ${url} is not JSON (it starts with ${JSON.stringify(start)})`, {
      url,
      issues: ['(root): not JSON'],
    });
  }
}
