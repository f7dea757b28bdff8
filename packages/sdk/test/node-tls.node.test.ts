/**
 * `verify: false` (Node): a server with a self-signed certificate is refused by default and
 * accepted with `verify: false`, through Node's bundled undici Agent. The certificate is made
 * for this run with the system's `openssl`.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, PhasInputError, PhasNetworkError } from '@phas/sdk';

const KEY = 'tls-test-key-0000';
let server: Server;
let url: string;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'phas-tls-'));
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  await promisify(execFile)('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPath, '-out', certPath,
    '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
  ]);
  server = createServer({ key: await readFile(keyPath), cert: await readFile(certPath) }, (req, res) => {
    if (req.url === '/auth/api/login' && req.method === 'POST') {
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'session=tls; HttpOnly; Path=/' });
      res.end('{"status":"ok"}\n');
    } else if (req.url === '/api/projects' && req.headers.cookie === 'session=tls') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('[{"id": "tls", "admin": 1, "disp_name": "TLS", "desc": null, "nslides": 0, "nblocks": 0, "nspecimens": 0}]');
    } else {
      res.writeHead(302, { location: '/auth/login' });
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe('verify', () => {
  it('refuses a self-signed certificate by default', async () => {
    const error = await Client.connect(url, { apiKey: KEY, retry: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PhasNetworkError);
    expect((error as PhasNetworkError).timedOut).toBe(false);
    expect((error as Error).message).toMatch(/CERT/);
  });

  it('accepts it with verify: false', async () => {
    const client = await Client.connect(url, { apiKey: KEY, verify: false });
    expect((await client.projectListing()).map((p) => p.id)).toEqual(['tls']);
  });

  it('checks the option type', async () => {
    await expect(Client.connect(url, { apiKey: KEY, verify: 'no' as unknown as boolean })).rejects.toBeInstanceOf(PhasInputError);
  });
});
