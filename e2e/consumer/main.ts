/**
 * A minimal consumer of `@phas/sdk` as an npm package would use it, bundled by Vite: connect
 * same-origin, list projects, and rasterise with the WebAssembly core. The e2e spec reads the
 * DOM and calls `window.consumerRasterise` to compare masks with Pillow's.
 */
import { Client, initRaster } from '@phas/sdk';

declare global {
  interface Window {
    /** Fills a polygon on a zeroed `width × height` canvas and returns its bytes. */
    consumerRasterise(width: number, height: number, xy: number[], fill: number): Promise<number[]>;
  }
}

window.consumerRasterise = async (width, height, xy, fill) => {
  const raster = await initRaster();
  const canvas = { width, height, data: new Uint8Array(width * height) };
  raster.fillPolygon(canvas, new Float64Array(xy), { fill });
  return [...canvas.data];
};

const status = document.getElementById('status')!;
const list = document.getElementById('projects')!;
const out = document.getElementById('raster')!;

document.getElementById('connect')!.addEventListener('submit', async (event) => {
  event.preventDefault();
  status.textContent = 'Connecting…';
  try {
    const key = (document.getElementById('key') as HTMLInputElement).value;
    const client = await Client.connect(location.origin, { apiKey: key });
    const projects = await client.projectListing();
    list.replaceChildren(
      ...projects.map((p) => {
        const li = document.createElement('li');
        li.textContent = `${p.id}: ${p.disp_name}`;
        return li;
      }),
    );
    const triangle = await window.consumerRasterise(16, 12, [1, 1, 14, 2, 4, 12], 255);
    out.textContent = `Triangle: ${triangle.filter((v) => v !== 0).length} pixels filled`;
    status.textContent = `Connected: ${projects.length} projects`;
  } catch (e) {
    const error = e as Error;
    status.textContent = `Error: ${error.name}: ${error.message}`;
  }
});
