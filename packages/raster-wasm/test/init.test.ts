// initRaster: memoised default instance, and the other sources (Module, bytes, URL).
import { expect, it } from 'vitest';
import { initRaster, Raster } from '../src/index.js';
import { RASTER_WASM_BASE64 } from '../src/generated/raster-wasm.js';

function wasmBytes(): Uint8Array<ArrayBuffer> {
  const s = atob(RASTER_WASM_BASE64);
  return Uint8Array.from(s, (ch) => ch.charCodeAt(0));
}

function drawsSquare(raster: Raster): number {
  const canvas = { width: 8, height: 8, data: new Uint8Array(64) };
  raster.fillPolygon(canvas, [2, 2, 6, 2, 6, 6, 2, 6], { fill: 255 });
  return canvas.data.filter((v) => v === 255).length;
}

it('returns one shared instance for the default source', async () => {
  const [a, b] = await Promise.all([initRaster(), initRaster()]);
  expect(a).toBe(b);
  expect(a).toBeInstanceOf(Raster);
  expect(drawsSquare(a)).toBe(25);
});

it('accepts bytes and a compiled module (memoised per source)', async () => {
  const bytes = wasmBytes();
  const fromBytes = await initRaster(bytes);
  expect(await initRaster(bytes)).toBe(fromBytes);
  expect(drawsSquare(fromBytes)).toBe(25);
  const module = await WebAssembly.compile(bytes);
  const fromModule = await initRaster(module);
  expect(fromModule).not.toBe(fromBytes);
  expect(drawsSquare(fromModule)).toBe(25);
});

it('rejects a module that is not raster.wasm, and bad sources', async () => {
  // (module) — an empty module: magic + version only
  const empty = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
  await expect(initRaster(empty)).rejects.toThrow(/not a raster.wasm module/);
  await expect(initRaster(42 as unknown as string)).rejects.toThrow(TypeError);
});
