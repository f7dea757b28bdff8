// Loading raster.wasm: from the inlined base64 (default), a compiled WebAssembly.Module, raw
// bytes, or a URL. Instantiation is memoised per source, so every caller shares one instance.

import { RASTER_WASM_BASE64 } from './generated/raster-wasm.js';
import { Raster, type RasterExports } from './raster.js';

/** Where {@link initRaster} gets the module from. */
export type RasterSource = WebAssembly.Module | BufferSource | URL | string;

let defaultRaster: Promise<Raster> | undefined;
const byObject = new WeakMap<object, Promise<Raster>>();
const byUrl = new Map<string, Promise<Raster>>();

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function toExports(instance: WebAssembly.Instance): RasterExports {
  const e = instance.exports as Record<string, unknown>;
  for (const name of ['heapBase', 'scratchBytes', 'scanCoordinates', 'fillPolygon', 'tileSums', 'coverageSums']) {
    if (typeof e[name] !== 'function') throw new TypeError(`not a raster.wasm module: export ${name} is missing`);
  }
  if (!(e.memory instanceof WebAssembly.Memory)) throw new TypeError('not a raster.wasm module: no exported memory');
  return e as unknown as RasterExports;
}

async function fromBytes(bytes: BufferSource): Promise<Raster> {
  const { instance } = await WebAssembly.instantiate(bytes, {});
  return new Raster(toExports(instance));
}

async function fromModule(module: WebAssembly.Module): Promise<Raster> {
  const instance = await WebAssembly.instantiate(module, {});
  return new Raster(toExports(instance));
}

async function fromUrl(url: string): Promise<Raster> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot load raster.wasm from ${url}: HTTP ${response.status}`);
  if (typeof WebAssembly.instantiateStreaming === 'function') {
    try {
      const { instance } = await WebAssembly.instantiateStreaming(response.clone(), {});
      return new Raster(toExports(instance));
    } catch {
      // e.g. served without Content-Type application/wasm: fall back to the bytes
    }
  }
  return fromBytes(await response.arrayBuffer());
}

function memo<K>(cache: { get(k: K): Promise<Raster> | undefined; set(k: K, v: Promise<Raster>): unknown; delete(k: K): unknown }, key: K, load: () => Promise<Raster>): Promise<Raster> {
  let p = cache.get(key);
  if (!p) {
    p = load();
    cache.set(key, p);
    p.catch(() => cache.delete(key)); // a failed load may be retried
  }
  return p;
}

/**
 * Compiles and instantiates the rasteriser once and returns the shared {@link Raster}.
 * Later calls (with the same source) return the same promise.
 *
 * `source` is optional: by default the module inlined in this package is used, so nothing
 * has to be served. Apps that load the `.wasm` themselves (e.g. `@phas/raster-wasm/raster.wasm`
 * with a strict CSP) may pass a `WebAssembly.Module`, the bytes, or a URL.
 *
 * @example
 * ```ts
 * import { initRaster } from '@phas/raster-wasm';
 * const raster = await initRaster();
 * // or: await initRaster(new URL('raster.wasm', import.meta.url));
 * ```
 */
export function initRaster(source?: RasterSource): Promise<Raster> {
  if (source === undefined) {
    if (!defaultRaster) {
      defaultRaster = fromBytes(decodeBase64(RASTER_WASM_BASE64));
      defaultRaster.catch(() => {
        defaultRaster = undefined;
      });
    }
    return defaultRaster;
  }
  if (source instanceof WebAssembly.Module) return memo(byObject, source, () => fromModule(source));
  if (typeof source === 'string' || source instanceof URL) {
    const href = String(source);
    return memo(byUrl, href, () => fromUrl(href));
  }
  if (ArrayBuffer.isView(source) || source instanceof ArrayBuffer) return memo(byObject, source, () => fromBytes(source));
  return Promise.reject(new TypeError('initRaster source must be a WebAssembly.Module, bytes, a URL or a string'));
}
