// `npm run bench`: runs every package's benchmark scripts one after another (never in
// parallel, so they do not disturb each other) and lets each print its own table.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv.slice(2);
const packages = ['raster-wasm', 'dev-server', 'sdk'];
let failed = 0;
for (const pkg of packages) {
  const dir = join('packages', pkg, 'bench');
  if (!existsSync(dir)) continue;
  const scripts = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o) || pkg.includes(o)))
    .sort();
  for (const script of scripts) {
    const file = join(dir, script);
    console.log(`\n=== ${file} ===`);
    const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', file], { stdio: 'inherit' });
    if (r.status !== 0) {
      console.error(`${file} exited with ${r.status}`);
      failed++;
    }
  }
}
process.exit(failed ? 1 : 0);
