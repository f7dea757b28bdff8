/**
 * Runs the SDK's benchmarks one after another, each in a fresh Node process (with `--expose-gc`
 * and the `phas-source` condition, so no build is needed except for the bundle-size one), and
 * lets each print its table.
 *
 * Usage: `npx tsx packages/sdk/bench/run.ts [name-filter…]`
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const filters = process.argv.slice(2);
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
let failed = 0;
for (const script of scripts) {
  console.log(`\n=== ${script} ===`);
  const result = spawnSync(process.execPath, ['--expose-gc', '--conditions=phas-source', '--import', 'tsx', `${dir}${script}`], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
