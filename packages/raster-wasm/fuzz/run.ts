/**
 * `npm run fuzz`: the long fuzz run (the CI specs run a few hundred iterations of the same
 * fuzzers). For each target (raster, nifti, png) it runs until the iteration count or the time
 * budget is reached, then prints what it tried (every kind of input and how it ended, with one
 * example message per kind of rejection) and any failure with the seed and iteration that
 * reproduce it. Exits 1 when something failed.
 *
 * Usage:
 *   npm run fuzz -- [--seed N|random] [--iterations N] [--seconds S] [--only raster,nifti,png] [--from I]
 *
 * Defaults: seed 1, 100000 iterations, 60 s per target, all targets.
 * Replay one failure: `npm run fuzz -- --only png --seed 5 --from 1717 --iterations 1`.
 */
import { decodePng, encodePng } from '../../sdk/src/image/index.js';
import { PhasInputError } from '../../sdk/src/errors/index.js';
import { fuzzNifti } from './nifti.js';
import { fuzzPng } from './png.js';
import { fuzzRaster } from './raster.js';
import type { FuzzRunOptions, FuzzTally } from './random.js';

interface Args {
  seed: number;
  iterations: number;
  seconds: number;
  from: number;
  only: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { seed: 1, iterations: 100_000, seconds: 60, from: 0, only: ['raster', 'nifti', 'png'] };
  for (let i = 0; i < argv.length; i++) {
    const [name, value] = [argv[i], argv[i + 1]];
    const number = () => {
      const n = Number(value);
      if (!Number.isFinite(n) || n < 0) throw new Error(`${name} needs a non-negative number, got ${value}`);
      i++;
      return n;
    };
    if (name === '--seed') {
      args.seed = value === 'random' ? (Math.random() * 2 ** 32) >>> 0 : number();
      if (value === 'random') i++;
    } else if (name === '--iterations') args.iterations = number();
    else if (name === '--seconds') args.seconds = number();
    else if (name === '--from') args.from = number();
    else if (name === '--only') {
      args.only = (value ?? '').split(',').filter(Boolean);
      i++;
    } else throw new Error(`unknown option ${name} (use --seed, --iterations, --seconds, --only, --from)`);
  }
  return args;
}

function classifyPngError(error: unknown): string | null {
  if (error instanceof PhasInputError && ['invalid_png', 'unsupported_png', 'image_too_large'].includes(error.code)) {
    return `PhasInputError ${error.code}`;
  }
  return null;
}

function print(tally: FuzzTally, ms: number, extra = ''): void {
  console.log(`\n## ${tally.target}: ${tally.iterations} iterations in ${(ms / 1000).toFixed(1)} s (seed ${tally.seed})${extra}`);
  const rows = Object.entries(tally.outcomes).sort((a, b) => a[0].localeCompare(b[0]));
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [outcome, n] of rows) {
    const example = tally.examples[outcome];
    console.log(`  ${outcome.padEnd(width)}  ${String(n).padStart(7)}${example ? `   e.g. "${example}"` : ''}`);
  }
  if (tally.failures.length === 0) console.log('  failures: none');
  else for (const f of tally.failures) console.log(`  FAILURE ${f}`);
}

const args = parseArgs(process.argv.slice(2));
const run: FuzzRunOptions = { seed: args.seed, iterations: args.iterations, from: args.from, budgetMs: args.seconds * 1000 };
console.log(`fuzz: seed ${args.seed}, up to ${args.iterations} iterations or ${args.seconds} s per target, from iteration ${args.from}: ${args.only.join(', ')}`);
let failed = 0;
for (const target of args.only) {
  const start = performance.now();
  if (target === 'raster') {
    const tally = await fuzzRaster(run);
    print(tally, performance.now() - start);
    failed += tally.failures.length;
  } else if (target === 'nifti') {
    const tally = fuzzNifti(run);
    print(tally, performance.now() - start);
    failed += tally.failures.length;
  } else if (target === 'png') {
    const tally = fuzzPng(run, { decode: decodePng, encode: encodePng, classify: classifyPngError });
    print(tally, performance.now() - start, `; slowest decode ${tally.slowestMs.toFixed(0)} ms`);
    failed += tally.failures.length;
  } else {
    console.error(`unknown target ${target} (raster, nifti, png)`);
    failed++;
  }
}
console.log(failed ? `\n${failed} failure(s)` : '\nno failures');
process.exit(failed ? 1 : 0);
