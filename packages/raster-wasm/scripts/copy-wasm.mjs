// Copies build/raster.wasm to dist/raster.wasm (the package's "./raster.wasm" export).
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await mkdir(join(root, 'dist'), { recursive: true });
await copyFile(join(root, 'build', 'raster.wasm'), join(root, 'dist', 'raster.wasm'));
