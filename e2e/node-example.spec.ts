/**
 * examples/node, built to JavaScript, under plain `node` (no TypeScript loader): the demo
 * against the dev server it starts itself.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

test('the built Node demo runs under plain node and writes tiles', () => {
  const out = mkdtempSync(join(tmpdir(), 'phas-e2e-demo-'));
  try {
    const r = spawnSync(process.execPath, ['examples/node/dist/demo.js', '--out', out, '--max-tiles', '2'], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Summary: [1-9]\d* tiles, /m);
    const files = readdirSync(out, { recursive: true }).map(String);
    expect(files.some((f) => f.endsWith('_patch.png'))).toBe(true);
    expect(files.some((f) => f.endsWith('_mask.nii.gz'))).toBe(true);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
