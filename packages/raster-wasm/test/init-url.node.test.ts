// initRaster(url) in Node: fetched over HTTP, with and without the application/wasm type
// (the second exercises the arrayBuffer fallback of instantiateStreaming), and a 404.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { initRaster } from '../src/index.js';
import { RASTER_WASM_BASE64 } from '../src/generated/raster-wasm.js';

let server: Server;
let base = '';

beforeAll(async () => {
  const bytes = Buffer.from(RASTER_WASM_BASE64, 'base64');
  server = createServer((req, res) => {
    if (req.url === '/typed.wasm') res.writeHead(200, { 'content-type': 'application/wasm' }).end(bytes);
    else if (req.url === '/untyped.wasm') res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(bytes);
    else res.writeHead(404).end('nope');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it.each(['/typed.wasm', '/untyped.wasm'])('loads %s', async (path) => {
  const raster = await initRaster(new URL(path, base));
  expect(await initRaster(`${base}${path}`)).toBe(raster);
  const canvas = { width: 4, height: 4, data: new Uint8Array(16) };
  raster.fillPolygon(canvas, [0, 0, 3, 0, 3, 3, 0, 3], { fill: 9 });
  expect(canvas.data.every((v) => v === 9)).toBe(true);
});

it('reports an HTTP error and can be retried', async () => {
  await expect(initRaster(`${base}/missing.wasm`)).rejects.toThrow(/HTTP 404/);
  await expect(initRaster(`${base}/missing.wasm`)).rejects.toThrow(/HTTP 404/);
});
