/**
 * The `phas-dev-server` CLI: argument parsing, start-up output, key files, verbose request
 * lines without secrets, clean shutdown on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCli } from '../src/cli-args.js';

describe('parseCli', () => {
  it('maps the documented flags', () => {
    expect(parseCli(['--port', '0', '--keys-dir', 'k', '--data', 'd', '--cors', 'loopback', '--latency', '25', '--verbose', '--host', '127.0.0.2'])).toEqual({
      port: 0, host: '127.0.0.2', keysDir: 'k', dataDir: 'd', cors: true, latencyMs: 25, verbose: true,
    });
    expect(parseCli([])).toMatchObject({ port: 8080, cors: undefined, verbose: false });
    expect(parseCli(['--cors', 'http://localhost:5173', '--prefix', '/phas'])).toMatchObject({ cors: 'http://localhost:5173', pathPrefix: '/phas' });
    expect(parseCli(['--help'])).toBe('help');
  });

  it.each([['--port', 'x'], ['--port', '70000'], ['--latency', '-1'], ['--bogus']])('rejects %s %s', (...args) => {
    expect(() => parseCli(args.filter((a): a is string => a !== undefined))).toThrow();
  });
});

describe('phas-dev-server process', () => {
  it('prints its URL and key files, serves, logs requests without secrets, stops on SIGTERM', async () => {
    const keysDir = await mkdtemp(join(tmpdir(), 'phas-keys-'));
    const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0', '--keys-dir', keysDir, '--verbose'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      while (!/key file: .*noemail/.test(out)) {
        if (child.exitCode !== null) throw new Error(`exited early: ${err}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      expect(url).toBeDefined();
      const keyFile = join(keysDir, 'phas_admin_api_key.json');
      expect(out).toContain(keyFile);
      const { api_key } = JSON.parse(await readFile(keyFile, 'utf8')) as { api_key: string };
      expect(api_key).toMatch(/^[0-9a-f-]{36}$/);
      const login = await fetch(`${url}/auth/api/login`, { method: 'POST', body: new URLSearchParams({ api_key }) });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0];
      expect((await fetch(`${url}/api/projects`, { headers: { cookie } })).status).toBe(200);
      while (!err.includes('GET /api/projects 200')) await new Promise((r) => setTimeout(r, 20));
      expect(err).toMatch(/^POST \/auth\/api\/login 200 \d+\.\dms$/m);
      expect(err).not.toContain(api_key);
      expect(err).not.toContain(cookie.slice('session='.length));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out).toContain('SIGTERM: shutting down');
    } finally {
      child.kill('SIGKILL');
      await rm(keysDir, { recursive: true, force: true });
    }
  });
});
