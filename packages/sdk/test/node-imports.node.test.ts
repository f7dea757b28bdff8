/**
 * The SDK core must run in browsers: no file under src/ may import a `node:*` module, except
 * the Node leaf (platform/node.ts) and the Node entry (index.node.ts).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src/', import.meta.url));
const ALLOWED = new Set(['platform/node.ts', 'index.node.ts']);
const NODE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"](node:[^'"]+)['"]/g;

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? sources(join(dir, e.name)) : Promise.resolve(e.name.endsWith('.ts') ? [join(dir, e.name)] : []))),
  );
  return nested.flat();
}

describe('core imports', () => {
  it('finds node: imports with the pattern used below', () => {
    const sample = `import { a } from 'node:fs';\nconst b = await import("node:path");\nimport 'node:process';`;
    expect([...sample.matchAll(NODE_IMPORT)].map((m) => m[1])).toEqual(['node:fs', 'node:path', 'node:process']);
  });

  it('no file of the core imports node:*', async () => {
    const files = await sources(src);
    expect(files.length).toBeGreaterThan(20);
    const offenders: string[] = [];
    for (const file of files) {
      const name = relative(src, file).split('\\').join('/');
      if (ALLOWED.has(name)) continue;
      const text = await readFile(file, 'utf8');
      for (const match of text.matchAll(NODE_IMPORT)) offenders.push(`${name}: ${match[1]}`);
    }
    expect(offenders).toEqual([]);
  });

  it('the Node leaf is where node: modules are used', async () => {
    const text = await readFile(join(src, 'platform/node.ts'), 'utf8');
    expect([...text.matchAll(NODE_IMPORT)].length).toBeGreaterThan(0);
  });
});
