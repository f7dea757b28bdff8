/**
 * The route table against protocol §1: every endpoint of the two summary tables (except the
 * few the dev server deliberately omits) is registered with exactly the documented URL rule
 * and accepts the documented method.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Handler } from '../src/app/app.js';
import { compileRule, Router } from '../src/http/router.js';
import { registerRoutes } from '../src/routes/index.js';

const OMITTED = new Set(['X7', 'X29', 'X30', 'X31']);

/** `[id, methods, rule]` of every §1 table row whose URL column is a plain rule. */
function documentedEndpoints(): [string, string[], string][] {
  const doc = readFileSync(new URL('../../../docs/phas-protocol.md', import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf('### 1.1'), doc.indexOf('## 2. General conventions'));
  const rows: [string, string[], string][] = [];
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const id = cells[1];
    if (!/^[EX]\d+$/.test(id ?? '')) continue;
    const [methodCell, urlCell] = id.startsWith('E') ? [cells[4], cells[5]] : [cells[2], cells[3]];
    const rule = /`(\/[^`]*)`/.exec(urlCell ?? '')?.[1];
    if (!rule) continue;
    rows.push([id, methodCell.match(/GET|POST/g) ?? [], rule]);
  }
  return rows;
}

const router = new Router<Handler>();
registerRoutes(router);
const rules = new Map(router.list().map((r) => [r.rule, r.methods]));
const endpoints = documentedEndpoints();

describe('route table = protocol §1', () => {
  it('found the tables', () => {
    expect(endpoints.filter(([id]) => id.startsWith('E'))).toHaveLength(28);
    expect(endpoints.length).toBeGreaterThan(60);
  });

  it.each(endpoints.filter(([id]) => !OMITTED.has(id)))('%s %j %s', (_id, methods, rule) => {
    expect(rules.has(rule)).toBe(true);
    for (const m of methods) expect(rules.get(rule)).toContain(m);
  });

  it('has no duplicate rules', () => {
    expect(rules.size).toBe(router.list().length);
  });

  it('has no overlapping rules: a sample path of each rule matches that rule only', () => {
    const compiled = router.list().map((r) => ({ rule: r.rule, regex: compileRule(r.rule).regex }));
    for (const { rule } of compiled) {
      const sample = rule.replace(/<int:[a-z_]+>/g, '7').replace(/<[a-z_]+>/g, 'abc');
      expect(compiled.filter((c) => c.regex.test(sample)).map((c) => c.rule)).toEqual([rule]);
    }
  });
});
