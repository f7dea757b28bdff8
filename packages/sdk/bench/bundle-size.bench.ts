/**
 * Size of the `<script>` bundle `dist/phas.iife.js` (built by `npm run build`): raw,
 * gzip (level 9) and brotli. Target: ≤ 60 KB min+gzip.
 */
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { printTable } from './table.js';

const file = fileURLToPath(new URL('../dist/phas.iife.js', import.meta.url));
if (!existsSync(file)) {
  console.error(`${file} is missing: run "npm run build -w @phas/sdk" first`);
  process.exit(1);
}
const bytes = readFileSync(file);
const gzip = gzipSync(bytes, { level: 9 }).length;
const brotli = brotliCompressSync(bytes).length;
const kb = (n: number) => n / 1024;
printTable('dist/phas.iife.js', ['form', 'KiB'], [
  ['minified', kb(bytes.length)],
  ['minified + gzip -9', kb(gzip)],
  ['minified + brotli', kb(brotli)],
]);
console.log(`gzip ${kb(gzip).toFixed(1)} KiB (target ≤ 60 KiB): ${gzip <= 60 * 1024 ? 'ok' : 'OVER BUDGET'}`);
