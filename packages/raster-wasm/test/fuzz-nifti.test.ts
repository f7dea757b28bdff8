// The NIfTI decoder fuzzer, short run (Node and Chromium): valid files round-trip exactly;
// truncated, bit-flipped, junk-suffixed files and extreme header fields (raw and re-gzipped)
// either decode consistently or fail with a clear RangeError/TypeError, never a generic
// out-of-bounds or allocation error. Plus the gzip "small file, huge claim" case the fuzzer
// found: nothing may be allocated up front from the header's numbers.
import { gzipSync } from 'fflate';
import { expect, it } from 'vitest';
import { decodeNifti, encodeNifti } from '../src/nifti/index.js';
import { fuzzNifti } from '../fuzz/nifti.js';
import { reliabilityLog } from '../../../test/reliability-log.js';

const log = reliabilityLog('fuzz', import.meta.url);

it('400 seeded iterations: exact round trips, clear errors only', () => {
  const tally = fuzzNifti({ seed: 20261129, iterations: 400 });
  expect(tally.failures).toEqual([]);
  const rejected = Object.entries(tally.outcomes).filter(([k]) => /Error$/.test(k)).reduce((n, [, v]) => n + v, 0);
  const decoded = Object.entries(tally.outcomes).filter(([k]) => k.endsWith('(consistent)')).reduce((n, [, v]) => n + v, 0);
  expect(rejected).toBeGreaterThan(200);
  expect(decoded).toBeGreaterThan(10);
  log.observe(
    `NIfTI fuzz, seed ${tally.seed}: ${tally.iterations} valid files + ${tally.iterations} mutations (truncation, bit flips, extreme header fields, junk)`,
    'valid files decode exactly; mutations decode consistently or fail with a clear RangeError/TypeError',
    `${tally.iterations} exact round trips; ${rejected} clear rejections, ${decoded} consistent decodes; 0 failures`,
  );
});

it.each([1e30, 2 ** 31, 2 ** 40])('a tiny .nii.gz claiming vox_offset %d fails as truncated, allocating nothing huge', (voxOffset) => {
  const raw = encodeNifti({ width: 4, height: 3, channels: 1, data: new Uint8Array(12).fill(9) }, { spacing: [1, 1], gzip: false });
  new DataView(raw.buffer, raw.byteOffset).setFloat32(108, voxOffset, true);
  const gz = gzipSync(raw);
  expect(gz.length).toBeLessThan(500);
  expect(() => decodeNifti(gz)).toThrow(/NIfTI data is truncated/);
  log.observe(`.nii.gz of ${gz.length} bytes with vox_offset ${voxOffset}`, 'RangeError "truncated", memory bounded by the real stream', 'RangeError: NIfTI data is truncated');
});
