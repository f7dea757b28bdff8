/**
 * `decodePng` on mutated input (Node and Chromium): the seeded PNG fuzzer (packages/raster-wasm/
 * fuzz/png.ts) against the SDK's decoder: valid PNGs decode exactly or consistently, mutated
 * ones (truncation, flipped bits with and without repaired CRCs, extreme IHDR fields, chunks
 * dropped/duplicated/invented) decode consistently or fail with `PhasInputError`. Plus the
 * "tiny file, huge claim" case the fuzzer found: refused before inflating anything.
 */
import { expect, it } from 'vitest';
import { crc32 } from '@phas/raster-wasm';
import { decodePng, encodePng, PhasInputError } from '../src/index.js';
import { fuzzPng } from '../../raster-wasm/fuzz/png.js';
import { reliabilityLog } from '../../../test/reliability-log.js';

const log = reliabilityLog('fuzz', import.meta.url);

/** Accepts only the SDK's documented PNG errors. */
function classify(error: unknown): string | null {
  if (error instanceof PhasInputError && ['invalid_png', 'unsupported_png', 'image_too_large'].includes(error.code)) {
    return `PhasInputError ${error.code}`;
  }
  return null;
}

it('500 seeded iterations: exact or consistent decodes, PhasInputError otherwise', () => {
  const tally = fuzzPng({ seed: 20261129, iterations: 500 }, { decode: decodePng, encode: encodePng, classify });
  expect(tally.failures).toEqual([]);
  const outcomes = Object.entries(tally.outcomes);
  const rejected = outcomes.filter(([k]) => k.includes('PhasInputError')).reduce((n, [, v]) => n + v, 0);
  const kinds = new Set(outcomes.map(([k]) => k.split(' → ')[1]));
  expect(kinds).toContain('PhasInputError invalid_png');
  expect(rejected).toBeGreaterThan(250);
  log.observe(
    `PNG fuzz, seed ${tally.seed}: ${tally.iterations} valid PNGs + ${tally.iterations} mutations`,
    'valid PNGs round-trip; mutations decode consistently or throw PhasInputError (invalid_png / unsupported_png / image_too_large)',
    `${rejected} PhasInputErrors, ${tally.iterations - rejected} consistent decodes, 0 other errors`,
  );
});

it('refuses a tiny PNG claiming 16000 × 16000 pixels without inflating it', () => {
  const png = encodePng({ width: 1, height: 1, channels: 1, data: new Uint8Array([7]) });
  const view = new DataView(png.buffer, png.byteOffset);
  view.setUint32(16, 16000);
  view.setUint32(20, 16000);
  view.setUint32(29, crc32(png, 12, 29) >>> 0);
  let error: unknown;
  try {
    decodePng(png);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(PhasInputError);
  expect(error).toMatchObject({ code: 'invalid_png' });
  expect((error as Error).message).toMatch(/cannot hold a 16000 × 16000 image/);
  log.observe(`${png.length}-byte PNG whose IHDR claims 16000 × 16000`, 'PhasInputError before inflating (no 256 MB allocation)', (error as Error).message);
});
