// Script of csp.html (inline scripts are forbidden there). Records CSP violations, exposes
// a rasterisation hook for the spec, and connects with the IIFE build's global PHAS.
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.cspViolations.push({ directive: e.effectiveDirective, blocked: e.blockedURI });
});

window.cspRasterise = async (width, height, xy, fill) => {
  const raster = await PHAS.initRaster();
  const canvas = { width, height, data: new Uint8Array(width * height) };
  raster.fillPolygon(canvas, new Float64Array(xy), { fill });
  return Array.from(canvas.data);
};

window.addEventListener('DOMContentLoaded', () => {
  document.getElementById('connect').addEventListener('submit', async (event) => {
    event.preventDefault();
    const status = document.getElementById('status');
    status.textContent = 'Connecting…';
    try {
      const client = await PHAS.Client.connect(location.origin, { apiKey: document.getElementById('key').value });
      const projects = await client.projectListing();
      status.textContent = `Connected: ${projects.length} projects`;
      // The sampling task's trapezoid ROI on the block "B,02" slide: plan its tiles in WASM.
      const task = await PHAS.SamplingROITask.open(client, 3);
      const roi = (await task.slideSamplingRois(3)).find((r) => r.id === 3);
      const slide = await task.slide(3);
      const extractor = await PHAS.SamplingROIPatchExtractor.create(slide, roi.geometry, { tileSize: 512, padding: 16, subTilesPerTile: 8 });
      const { indices, overlap } = extractor.tiles();
      document.getElementById('extractor').textContent = JSON.stringify({ indices, overlap: Array.from(overlap) });
    } catch (e) {
      status.textContent = `Error: ${e.name}: ${e.message}`;
    }
  });
});
