// `npm test`: build, typecheck, unit tests (Vitest, in Node and in Chromium), e2e tests
// (Playwright, Chromium). Runs every stage even when one fails, then prints each runner's
// summary and a total line, and exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const chromium = process.env.PHAS_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(
    `Chromium not found at ${chromium}: install it with "sudo apt-get install -y chromium" (or set PHAS_CHROMIUM to its path), then run npm test again.`,
  );
  process.exit(1);
}

const results = 'test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

function run(title, command, args) {
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return r.status === 0;
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

if (!run('build', npm, ['run', 'build', '--silent'])) {
  console.error('build failed: nothing else was run');
  console.log('total: 0 passed, 1 failed');
  process.exit(1);
}
const typecheckOk = run('typecheck', npm, ['run', 'typecheck', '--silent']);
const unitOk = run('unit tests (Node + Chromium)', npx, [
  'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}/vitest.json`,
]);
const e2eOk = run('e2e tests (Playwright, Chromium)', npx, ['playwright', 'test']);

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

const v = readJson(`${results}/vitest.json`);
const unit = v
  ? { passed: v.numPassedTests, failed: v.numFailedTests + (v.numFailedTestSuites ?? 0), skipped: v.numPendingTests + v.numTodoTests }
  : { passed: 0, failed: 1, skipped: 0 };

const p = readJson(`${results}/playwright.json`);
const e2e = p?.stats
  ? { passed: p.stats.expected, failed: p.stats.unexpected + (p.stats.flaky ?? 0), skipped: p.stats.skipped }
  : { passed: 0, failed: 1, skipped: 0 };

const typecheck = { passed: typecheckOk ? 1 : 0, failed: typecheckOk ? 0 : 1, skipped: 0 };
const line = (name, r) => `${name}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`;
console.log('\nSummary');
console.log(line('typecheck', typecheck));
console.log(line('vitest', unit));
console.log(line('playwright', e2e));
const total = {
  passed: typecheck.passed + unit.passed + e2e.passed,
  failed: typecheck.failed + unit.failed + e2e.failed,
  skipped: unit.skipped + e2e.skipped,
};
console.log(line('total', total));
process.exit(typecheckOk && unitOk && e2eOk && total.failed === 0 ? 0 : 1);
