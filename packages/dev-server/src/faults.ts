/**
 * Fault injection for client tests: per-route or global latency, error statuses, dropped
 * connections, truncated bodies and forced session expiry, decided by a seeded PRNG so a
 * test run is reproducible.
 */

/** One fault rule. A request is affected by every rule whose `match` (and `methods`) fit. */
export interface FaultRule {
  /** Path filter (without the query): a RegExp, or a string prefix. Omitted = every path. */
  match?: RegExp | string;
  /** Upper-case methods the rule applies to. Omitted = all. */
  methods?: string[];
  /** Delay before answering, in ms. */
  latencyMs?: number;
  /** Probability 0…1 of answering with an error status instead of the real response. */
  errorRate?: number;
  /** The error status (default 503). A 503 carries `Retry-After`. */
  errorStatus?: 500 | 502 | 503;
  /** `Retry-After` seconds for 503 answers (default 1). */
  retryAfterSec?: number;
  /** Probability 0…1 of destroying the socket without answering. */
  dropRate?: number;
  /** Probability 0…1 of sending only part of the body (Content-Length announces all of it). */
  truncateRate?: number;
  /** Apply the rule's faults to at most this many matching requests, then ignore it. */
  times?: number;
}

/** Fault configuration: rules plus the PRNG seed. */
export interface FaultConfig {
  /** Seed of the PRNG deciding rates (default 1). */
  seed?: number;
  rules: FaultRule[];
}

/** What happens to one request. */
export interface FaultDecision {
  latencyMs: number;
  drop: boolean;
  error: { status: 500 | 502 | 503; retryAfterSec: number } | null;
  truncate: boolean;
}

/** mulberry32: a small deterministic PRNG returning floats in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function validateRule(rule: FaultRule): void {
  for (const key of ['errorRate', 'dropRate', 'truncateRate'] as const) {
    const v = rule[key];
    if (v !== undefined && !(v >= 0 && v <= 1)) throw new RangeError(`fault ${key} must be within 0…1, got ${v}`);
  }
  if (rule.latencyMs !== undefined && !(rule.latencyMs >= 0)) throw new RangeError(`fault latencyMs must be ≥ 0, got ${rule.latencyMs}`);
  if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times >= 0)) throw new RangeError(`fault times must be a non-negative integer, got ${rule.times}`);
}

/**
 * The runtime fault switchboard of a dev server (`server.faults`).
 *
 * @example
 * ```ts
 * server.faults.set({ seed: 7, rules: [{ match: '/dzi/patch/', errorRate: 0.5, errorStatus: 503 }] });
 * server.faults.expireSessions(); // the next guarded request gets the 302 to /auth/login
 * server.faults.clear();
 * ```
 */
export class FaultController {
  private rules: { rule: FaultRule; used: number }[] = [];
  private random: () => number = prng(1);

  constructor(
    config: FaultConfig | FaultRule[] | undefined,
    private readonly onExpireSessions: () => void,
  ) {
    if (config) this.set(config);
  }

  /** Replaces all rules (and reseeds the PRNG). */
  set(config: FaultConfig | FaultRule[]): void {
    const cfg = Array.isArray(config) ? { rules: config } : config;
    cfg.rules.forEach(validateRule);
    this.rules = cfg.rules.map((rule) => ({ rule, used: 0 }));
    this.random = prng(cfg.seed ?? 1);
  }

  /** Adds one rule. */
  add(rule: FaultRule): void {
    validateRule(rule);
    this.rules.push({ rule, used: 0 });
  }

  /** Removes every rule. */
  clear(): void {
    this.rules = [];
  }

  /**
   * Forces session expiry: every session issued before this call is rejected (the next
   * guarded request gets the 302 to the login page), as if the cookie had timed out. The
   * server does this by replacing its cookie-signing secret.
   */
  expireSessions(): void {
    this.onExpireSessions();
  }

  /** Decides the faults for one request. */
  decide(method: string, path: string): FaultDecision {
    const d: FaultDecision = { latencyMs: 0, drop: false, error: null, truncate: false };
    for (const entry of this.rules) {
      const { rule } = entry;
      if (rule.methods && !rule.methods.includes(method)) continue;
      if (rule.match instanceof RegExp ? !rule.match.test(path) : rule.match !== undefined && !path.startsWith(rule.match)) continue;
      if (rule.times !== undefined && entry.used >= rule.times) continue;
      entry.used++;
      d.latencyMs += rule.latencyMs ?? 0;
      if (rule.dropRate && this.random() < rule.dropRate) d.drop = true;
      if (rule.errorRate && this.random() < rule.errorRate && !d.error) {
        d.error = { status: rule.errorStatus ?? 503, retryAfterSec: rule.retryAfterSec ?? 1 };
      }
      if (rule.truncateRate && this.random() < rule.truncateRate) d.truncate = true;
    }
    return d;
  }
}
