// The rasteriser fuzzer, short run (Node and Chromium): seeded random and mutated polygons
// through the wrapper and the raw WASM exports equal the TS reference with every canary intact
// (guard bytes around the canvas, row padding, untouched rows, static data, coordinates), and
// garbage input is refused with RangeError/TypeError leaving the instance usable. The long run
// is `npm run fuzz`.
import { expect, it } from 'vitest';
import { fuzzRaster } from '../fuzz/raster.js';
import { reliabilityLog } from '../../../test/reliability-log.js';

const log = reliabilityLog('fuzz', import.meta.url);

it('600 seeded iterations: equal to the reference, canaries intact, garbage refused', async () => {
  const tally = await fuzzRaster({ seed: 20261129, iterations: 600 });
  expect(tally.failures).toEqual([]);
  expect(tally.iterations).toBe(600);
  const kinds = Object.keys(tally.outcomes);
  // every kind of input was exercised
  for (const kind of ['via Raster', 'raw exports', 'drawPaddedMask', 'drawTileGrid', 'garbage']) {
    expect(kinds.some((k) => k.includes(kind)), kind).toBe(true);
  }
  const garbage = Object.entries(tally.outcomes).filter(([k]) => k.startsWith('garbage')).reduce((n, [, v]) => n + v, 0);
  log.observe(
    `raster fuzz, seed ${tally.seed}: ${tally.iterations} iterations (${Object.keys(tally.outcomes).length} kinds of input)`,
    'WASM == TS reference, no write outside the buffers, garbage → RangeError/TypeError, instance usable',
    `${tally.iterations - garbage} drawings equal with canaries intact; ${garbage} garbage inputs refused; 0 failures`,
  );
});
