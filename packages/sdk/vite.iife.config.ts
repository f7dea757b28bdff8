/**
 * The `<script>` build: `dist/phas.iife.js`, one minified file that defines the global `PHAS`
 * with everything the browser entry (`src/index.ts`) exports. All dependencies (ofetch, zod,
 * upng-js, fflate, @phas/raster-wasm with its inlined WebAssembly) are bundled; nothing is
 * loaded at run time. upng-js's `pako` is replaced by a shim over fflate (`iife/pako-fflate.ts`).
 *
 * Run from packages/sdk: `vite build --config vite.iife.config.ts` (part of `npm run build`).
 * Sources are resolved through the `phas-source` export condition, so the bundle does not need
 * the other packages to be built first (only raster-wasm's generated WASM module).
 *
 * @example
 * ```html
 * <script src="phas.iife.js"></script>
 * <script>
 *   PHAS.Client.connect(location.origin).then((client) => client.projectListing());
 * </script>
 * ```
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * upng-js picks its zlib with `typeof require == "function" ? require("pako") : window.pako`.
 * In a bundle `require` is gone at run time, so it would look for a global `window.pako` (and
 * fail in browsers and workers). Make it take the bundled module.
 */
function upngBundledPako(): Plugin {
  return {
    name: 'phas:upng-bundled-pako',
    transform(code, id) {
      if (!/[\\/]upng-js[\\/]UPNG\.js$/.test(id)) return null;
      const patched = code.replace('if (typeof require == "function") {pako = require("pako");}', 'if (true) {pako = require("pako");}');
      if (patched === code) this.error('upng-js changed: cannot find its pako selection to patch');
      return { code: patched, map: null };
    },
  };
}

export default defineConfig({
  root,
  // The bundle must not read the dev-only public directory or a page's env files.
  publicDir: false,
  envDir: false,
  plugins: [upngBundledPako()],
  resolve: {
    conditions: ['phas-source', 'browser', 'module', 'import', 'default'],
    // upng-js's zlib dependency, served by fflate (already in the bundle): see iife/pako-fflate.ts.
    alias: { pako: fileURLToPath(new URL('iife/pako-fflate.ts', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    // `tsc` writes the ESM build into dist/ first: keep it.
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    reportCompressedSize: true,
    lib: {
      entry: fileURLToPath(new URL('src/index.ts', import.meta.url)),
      formats: ['iife'],
      name: 'PHAS',
      fileName: () => 'phas.iife.js',
    },
    rolldownOptions: {
      // Everything inlined: a script tag cannot import anything.
      external: [],
      output: { exports: 'named' },
    },
  },
});
