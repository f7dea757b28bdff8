/**
 * Seeded randomness for the fuzzers: every iteration gets its own generator derived from
 * (seed, iteration), so any failure can be replayed alone (`npm run fuzz -- --seed S --from I
 * --iterations 1`).
 */

/** A source of floats in [0, 1) with helpers. */
export interface Rand {
  (): number;
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number;
  /** One of `items`. */
  pick<T>(items: readonly T[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
}

/** mulberry32, wrapped with helpers. */
export function makeRand(seed: number): Rand {
  let a = seed >>> 0;
  const next = (() => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }) as Rand;
  next.int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  next.pick = (items) => items[Math.floor(next() * items.length)]!;
  next.chance = (p) => next() < p;
  return next;
}

/** The generator of iteration `i` of a run with `seed`. */
export function iterationRand(seed: number, i: number): Rand {
  return makeRand((seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0);
}

/** Tally of outcomes of one fuzz target, plus the failures (each with what reproduces it). */
export interface FuzzTally {
  target: string;
  seed: number;
  iterations: number;
  /** How often each kind of input was tried and how it ended, e.g. `valid polygon → equal`. */
  outcomes: Record<string, number>;
  /** One example message per rejection kind (what the clear errors say). */
  examples: Record<string, string>;
  failures: string[];
}

export function newTally(target: string, seed: number): FuzzTally {
  return { target, seed, iterations: 0, outcomes: {}, examples: {}, failures: [] };
}

/** Counts one outcome (and keeps the first example message of it). */
export function count(tally: FuzzTally, outcome: string, example?: string): void {
  tally.outcomes[outcome] = (tally.outcomes[outcome] ?? 0) + 1;
  if (example !== undefined && !(outcome in tally.examples)) tally.examples[outcome] = example.slice(0, 160);
}

/** Records a failure (capped at 20 kept). */
export function fail(tally: FuzzTally, iteration: number, what: string): void {
  if (tally.failures.length < 20) tally.failures.push(`seed ${tally.seed} iteration ${iteration}: ${what}`);
}

/** How long a fuzz run goes: an iteration count, optionally cut short by a time budget. */
export interface FuzzRunOptions {
  seed: number;
  iterations: number;
  /** First iteration (to replay one). Default 0. */
  from?: number;
  /** Stop early after this many ms (the long runner's time budget). */
  budgetMs?: number;
}

/** Runs `body` for each iteration with its own generator, counting iterations in `tally`. */
export function forEachIteration(options: FuzzRunOptions, tally: FuzzTally, body: (rand: Rand, i: number) => void): void {
  const started = Date.now();
  const from = options.from ?? 0;
  for (let i = from; i < from + options.iterations; i++) {
    if (options.budgetMs !== undefined && Date.now() - started > options.budgetMs) break;
    tally.iterations++;
    body(iterationRand(options.seed, i), i);
  }
}
