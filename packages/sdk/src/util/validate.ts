/**
 * Argument checks shared by every public method. Each throws `PhasInputError` naming the
 * argument, so a bad call fails before any request is sent.
 */
import { PhasInputError } from '../errors/index.js';

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) {
    return String(value);
  }
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/** A positive safe integer (ids of tasks, slides, labels, samples, ROIs…). */
export function checkId(value: unknown, argument: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new PhasInputError(`${argument} must be a positive integer, got ${describe(value)}`, { argument });
  }
  return value;
}

/** A safe integer ≥ `min` (0 by default). */
export function checkInteger(value: unknown, argument: string, min = 0): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    const what = min === 0 ? 'a non-negative integer' : min === 1 ? 'a positive integer' : `an integer ≥ ${min}`;
    throw new PhasInputError(`${argument} must be ${what}, got ${describe(value)}`, { argument });
  }
  return value;
}

/** A finite number. */
export function checkFinite(value: unknown, argument: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new PhasInputError(`${argument} must be a finite number, got ${describe(value)}`, { argument });
  }
  return value;
}

/** A non-empty string. */
export function checkString(value: unknown, argument: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new PhasInputError(`${argument} must be a non-empty string, got ${describe(value)}`, { argument });
  }
  return value;
}

/** A path segment: a non-empty string without `/` (the server cannot route one, protocol §2.2). */
export function checkSegment(value: unknown, argument: string): string {
  const text = checkString(value, argument);
  if (text.includes('/')) {
    throw new PhasInputError(`${argument} must not contain "/", got ${describe(value)}`, { argument });
  }
  return text;
}

/** A boolean. */
export function checkBoolean(value: unknown, argument: string): boolean {
  if (typeof value !== 'boolean') {
    throw new PhasInputError(`${argument} must be a boolean, got ${describe(value)}`, { argument });
  }
  return value;
}

/** A plain options object (or `undefined`, returned as `{}`), rejecting unknown keys. */
export function checkOptions<T extends object>(value: T | undefined, argument: string, allowed: readonly string[]): T {
  if (value === undefined) return {} as T;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new PhasInputError(`${argument} must be an object, got ${describe(value)}`, { argument });
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw new PhasInputError(`${argument}.${key} is not a known option (known: ${allowed.join(', ')})`, {
        argument: `${argument}.${key}`,
      });
    }
  }
  return value;
}

/** An `AbortSignal` or `undefined`. */
export function checkSignal(value: unknown, argument: string): AbortSignal | undefined {
  if (value === undefined) return undefined;
  if (typeof AbortSignal === 'undefined' || !(value instanceof AbortSignal)) {
    throw new PhasInputError(`${argument} must be an AbortSignal`, { argument });
  }
  return value;
}
