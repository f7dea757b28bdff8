/**
 * Werkzeug-style routing: rules such as `/api/task/<int:task_id>/slide/<int:slide_id>/info`
 * are compiled to anchored regular expressions (`<int:x>` = `\d+`, leading zeros allowed;
 * `<x>` = one non-empty path segment, no `/`). No trailing-slash redirects: a path that
 * matches no rule is a 404. GET rules also answer HEAD.
 */

/** Path parameters as matched text. */
export type Params = Record<string, string>;

/** One route. */
export interface Route<H> {
  /** Werkzeug rule text. */
  rule: string;
  /** Allowed methods (upper case); `HEAD` is added for GET routes. */
  methods: string[];
  /** Flask endpoint name, for logs and docs (`blueprint.function`). */
  endpoint: string;
  handler: H;
}

interface CompiledRoute<H> extends Route<H> {
  regex: RegExp;
  intParams: Set<string>;
}

/** Result of {@link Router.resolve}. */
export type Resolution<H> =
  | { kind: 'found'; route: Route<H>; params: Params; allowed: string[] }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Compiles a Werkzeug rule into a regular expression with named groups. */
export function compileRule(rule: string): { regex: RegExp; intParams: Set<string> } {
  const intParams = new Set<string>();
  let source = '';
  let last = 0;
  for (const m of rule.matchAll(/<(?:(int):)?([A-Za-z_][A-Za-z0-9_]*)>/g)) {
    source += escapeRegex(rule.slice(last, m.index));
    if (m[1] === 'int') {
      intParams.add(m[2]);
      source += `(?<${m[2]}>\\d+)`;
    } else source += `(?<${m[2]}>[^/]+)`;
    last = m.index + m[0].length;
  }
  source += escapeRegex(rule.slice(last));
  return { regex: new RegExp(`^${source}$`), intParams };
}

/** A route table. */
export class Router<H> {
  private readonly routes: CompiledRoute<H>[] = [];

  /** Adds a route; earlier routes win when two match the same path. */
  add(route: Route<H>): this {
    const methods = route.methods.map((m) => m.toUpperCase());
    if (methods.includes('GET') && !methods.includes('HEAD')) methods.push('HEAD');
    this.routes.push({ ...route, methods, ...compileRule(route.rule) });
    return this;
  }

  /** All routes (for a sitemap). */
  list(): readonly Route<H>[] {
    return this.routes;
  }

  /**
   * Finds the route for `method` and the decoded `path`. `allowed` lists every method any
   * rule matching the path accepts, plus `OPTIONS` (sorted, for the `Allow` header).
   */
  resolve(method: string, path: string): Resolution<H> {
    const matches: { route: CompiledRoute<H>; params: Params }[] = [];
    for (const route of this.routes) {
      const m = route.regex.exec(path);
      if (m) matches.push({ route, params: { ...(m.groups ?? {}) } });
    }
    if (matches.length === 0) return { kind: 'not-found' };
    const allowed = [...new Set([...matches.flatMap((m) => m.route.methods), 'OPTIONS'])].sort();
    const hit = matches.find((m) => m.route.methods.includes(method));
    if (!hit) return { kind: 'method-not-allowed', allowed };
    return { kind: 'found', route: hit.route, params: hit.params, allowed };
  }
}
