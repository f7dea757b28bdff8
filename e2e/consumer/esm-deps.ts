/**
 * For the plain-ESM e2e page (`e2e/pages/esm.html`): the SDK's built ESM (`/sdk/index.js`)
 * imports bare specifiers (`zod`, `zod/mini`, `ofetch`, `fflate`, `upng-js`,
 * `@phas/raster-wasm`, …). A page without a bundler maps them with its import map:
 * `@phas/raster-wasm` to that package's own built ESM (`/raster-wasm/index.js`), the
 * third-party ones to files pre-bundled here under `/esm-deps/` (upng-js is CommonJS and needs
 * pako, so it cannot be served as is). They are built together, so entries of one package
 * (`zod`, `zod/mini`, `zod/v4/core`) share one copy of its code.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const outDir = join(repo, 'e2e/.artifacts/esm-deps');
const entryDir = join(repo, 'e2e/.artifacts/esm-deps-entries');
const PREFIX = '/esm-deps/';

/** The import map of `e2e/pages/esm.html` (specifier → URL). */
export function esmImportMap(): Record<string, string> {
  const html = readFileSync(join(repo, 'e2e/pages/esm.html'), 'utf8');
  const json = /<script type="importmap">([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (json === undefined) throw new Error('e2e/pages/esm.html has no import map');
  return (JSON.parse(json) as { imports: Record<string, string> }).imports;
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsFiles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
  );
}

/** Every bare specifier the built browser ESM of the SDK and raster-wasm imports (`node:*` excluded). */
export function bareImports(): string[] {
  const found = new Set<string>();
  for (const dir of ['packages/sdk/dist', 'packages/raster-wasm/dist']) {
    for (const file of jsFiles(join(repo, dir))) {
      if (file.endsWith('.iife.js')) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]/g)) {
        const spec = m[1]!;
        if (!spec.startsWith('.') && !spec.startsWith('/') && !spec.startsWith('node:')) found.add(spec);
      }
    }
  }
  return [...found].sort();
}

/** Entry module re-exporting a package (named exports, plus `default` for CommonJS ones). */
function entrySource(name: string): string {
  return name === 'upng-js' ? `export { default } from 'upng-js';\n` : `export * from '${name}';\n`;
}

/** Builds every `/esm-deps/…` file the import map names; resolves with the output directory. */
export async function buildEsmDeps(): Promise<string> {
  mkdirSync(entryDir, { recursive: true });
  const entries: Record<string, string> = {};
  for (const [name, url] of Object.entries(esmImportMap())) {
    if (!url.startsWith(PREFIX)) continue;
    const file = join(entryDir, `${name.replace(/\//g, '__')}.js`);
    writeFileSync(file, entrySource(name));
    entries[url.slice(PREFIX.length).replace(/\.js$/, '')] = file;
  }
  await build({
    configFile: false,
    logLevel: 'warn',
    root: repo,
    resolve: { conditions: ['browser', 'module', 'import', 'default'] },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      lib: { entry: entries, formats: ['es'], fileName: (_format, name) => `${name}.js` },
    },
  });
  return outDir;
}
