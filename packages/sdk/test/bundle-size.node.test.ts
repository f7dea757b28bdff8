/**
 * The `<script>` bundle (`vite.iife.config.ts`): built here into a temporary directory, then
 * evaluated in a fresh `vm` context that has only what a browser page has (no `require`, no
 * `process`), to check that it defines the global `PHAS` with the public API, that its
 * inlined WebAssembly and its PNG codec work, and that its size stays within a regression
 * ceiling. (The size target, 60 KB gzipped, is reported by `bench/bundle-size.bench.ts`.)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const configFile = fileURLToPath(new URL('../vite.iife.config.ts', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'phas-iife-'));
let code = '';

/** Browser-like globals (each context has its own intrinsics: Uint8Array, Promise, …). */
function browserContext() {
  return createContext({
    atob,
    btoa,
    TextEncoder,
    TextDecoder,
    URL,
    URLSearchParams,
    WebAssembly,
    AbortController,
    AbortSignal,
    DOMException,
    Event,
    EventTarget,
    Headers,
    Request,
    Response,
    fetch,
    setTimeout,
    clearTimeout,
    queueMicrotask,
    console,
  });
}

beforeAll(async () => {
  await build({
    configFile,
    logLevel: 'silent',
    build: { outDir, sourcemap: false, reportCompressedSize: false },
  });
  code = readFileSync(join(outDir, 'phas.iife.js'), 'utf8');
}, 120_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('dist/phas.iife.js', () => {
  it('defines the global PHAS with the public API', () => {
    const context = browserContext();
    runInContext(code, context);
    const names = runInContext('Object.keys(PHAS).sort()', context) as string[];
    for (const name of [
      'Client',
      'Task',
      'AnnotationTask',
      'DLTrainingTask',
      'SamplingROITask',
      'Labelset',
      'Slide',
      'SamplingROIPatchExtractor',
      'initRaster',
      'encodeNifti',
      'decodeNifti',
      'PhasError',
      'PhasInputError',
      'PhasAbortError',
    ]) {
      expect(names, name).toContain(name);
    }
    expect(runInContext('typeof PHAS.Client.connect', context)).toBe('function');
    expect(runInContext('new PHAS.PhasInputError("x") instanceof PHAS.PhasError', context)).toBe(true);
  });

  it('runs its inlined WebAssembly', async () => {
    const context = browserContext();
    runInContext(code, context);
    const filled = await runInContext(
      `PHAS.initRaster().then((raster) => {
         const canvas = { width: 8, height: 8, data: new Uint8Array(64) };
         raster.fillPolygon(canvas, new Float64Array([1, 1, 6, 1, 6, 6, 1, 6]), { fill: 255 });
         return canvas.data.filter((v) => v === 255).length;
       })`,
      context,
    );
    expect(filled).toBe(36);
  });

  it('round-trips a PNG through its codec (upng-js on the fflate zlib shim)', () => {
    const context = browserContext();
    runInContext(code, context);
    if (runInContext('typeof PHAS.encodePng', context) !== 'function') {
      throw new Error('PHAS.encodePng is not exported by src/index.ts');
    }
    const same = runInContext(
      `(() => {
         const data = new Uint8Array(5 * 3 * 4).map((_, i) => (i * 37) & 255);
         const image = { width: 5, height: 3, channels: 4, data };
         const back = PHAS.decodePng(PHAS.encodePng(image));
         return back.width === 5 && back.height === 3 && back.channels === 4 && back.data.every((v, i) => v === data[i]);
       })()`,
      context,
    );
    expect(same).toBe(true);
  });

  it('stays under the size ceiling (80 KB gzipped) and needs no module loader', () => {
    expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(80 * 1024);
    expect(code).not.toMatch(/\brequire\(["']/);
    expect(code).not.toMatch(/\bimport\(["']/);
  });
});
