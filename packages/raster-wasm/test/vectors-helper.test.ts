// The vector helpers themselves: the PNG masks decode to the recorded SHA-256, and a mismatch
// is explained pixel by pixel.
import { expect, it } from 'vitest';
import { loadMask, maskMismatch, polygonCases, sha256Hex } from './vectors.js';

it('decodes a recorded mask PNG to the recorded raw-pixel hash', async () => {
  const c = polygonCases.find((p) => Object.keys(p.expected.nonzero).length > 0);
  if (!c) throw new Error('no non-empty polygon case');
  const mask = await loadMask(c.expected.png);
  expect([mask.width, mask.height]).toEqual(c.canvas);
  expect(await sha256Hex(mask.data)).toBe(c.expected.sha256);
  expect(await maskMismatch(mask.data, c.expected)).toBe('');
});

it('names the differing pixels on a mismatch', async () => {
  const c = polygonCases[3];
  const mask = await loadMask(c.expected.png);
  const wrong = mask.data.slice();
  const [width] = c.canvas;
  wrong[2 * width + 7] ^= 1;
  const message = await maskMismatch(wrong, c.expected);
  expect(message).toMatch(/^1 pixels differ: \(7,2\) expected \d+ got \d+/);
});
