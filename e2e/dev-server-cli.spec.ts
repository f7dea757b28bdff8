/**
 * The README's `npx phas-dev-server --port … --keys-dir …` from the repository root, on the
 * built package: the command npx runs (`node_modules/.bin/phas-dev-server`, linked by
 * `npm install`) starts, writes key files, accepts a login, and stops cleanly on SIGTERM.
 * (It is spawned directly rather than through npx so that SIGTERM reaches the server itself.)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

test('phas-dev-server (the npx command) starts, writes key files, serves a login and stops on SIGTERM', async () => {
  const keysDir = mkdtempSync(join(tmpdir(), 'phas-e2e-keys-'));
  const child = spawn('node_modules/.bin/phas-dev-server', ['--port', '0', '--keys-dir', keysDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    await expect.poll(() => out, { timeout: 30_000 }).toMatch(/key file: .*phas_admin_api_key\.json/);
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
    expect(url).toBeDefined();
    const { api_key } = JSON.parse(readFileSync(join(keysDir, 'phas_admin_api_key.json'), 'utf8')) as { api_key: string };
    const login = await fetch(`${url}/auth/api/login`, { method: 'POST', body: new URLSearchParams({ api_key }) });
    expect(login.status).toBe(200);
    expect(await login.text()).toBe('{"status":"ok"}\n');
    expect(out).not.toContain(api_key);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(keysDir, { recursive: true, force: true });
  }
});
