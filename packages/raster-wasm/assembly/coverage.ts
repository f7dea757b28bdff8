// Coverage mode: per-tile sums of a single-ink polygon without a canvas. Each row's painted
// runs (spans and horizontal edges, already clipped by hline) are merged into their union and
// counted per n-wide tile; a tile's sum is then ink * (number of painted pixels). This equals
// summing a drawn canvas, because with one ink a pixel painted twice holds the same value.

import { runBuf, runCount, clearRuns } from './canvas';

let counts: usize = 0; // u32[tilesX * tilesY]
let tilesAcross: i32 = 0;
let tileN: i32 = 1;

/** Starts counting into `out` (u32[tilesX * tilesY], zeroed here). */
export function beginCoverage(out: usize, tilesX: i32, tilesY: i32, n: i32): void {
  counts = out;
  tilesAcross = tilesX;
  tileN = n;
  memory.fill(out, 0, <usize>tilesX * <usize>tilesY * 4);
}

// @ts-ignore: decorator
@inline
function bump(row: usize, tile: i32, by: i32): void {
  const q = row + (<usize>tile << 2);
  store<u32>(q, load<u32>(q) + <u32>by);
}

/** Adds the union of the runs recorded on row y to its tiles, then forgets the runs. */
export function flushRow(y: i32): void {
  const k = runCount;
  if (k == 0) return;
  // insertion sort by start (runs arrive nearly sorted: spans in order, horizontals after)
  for (let i: i32 = 1; i < k; i++) {
    const a = load<i32>(runBuf + (<usize>i << 3));
    const b = load<i32>(runBuf + (<usize>i << 3) + 4);
    let j = i - 1;
    while (j >= 0 && load<i32>(runBuf + (<usize>j << 3)) > a) {
      store<u64>(runBuf + (<usize>(j + 1) << 3), load<u64>(runBuf + (<usize>j << 3)));
      j--;
    }
    store<i32>(runBuf + (<usize>(j + 1) << 3), a);
    store<i32>(runBuf + (<usize>(j + 1) << 3) + 4, b);
  }
  const row = counts + <usize>(y / tileN) * <usize>tilesAcross * 4;
  let a = load<i32>(runBuf);
  let b = load<i32>(runBuf + 4);
  for (let i: i32 = 1; i <= k; i++) {
    if (i < k) {
      const c = load<i32>(runBuf + (<usize>i << 3));
      const d = load<i32>(runBuf + (<usize>i << 3) + 4);
      if (c <= b + 1) {
        if (d > b) b = d;
        continue;
      }
      countRun(row, a, b);
      a = c;
      b = d;
    } else {
      countRun(row, a, b);
    }
  }
  clearRuns();
}

/** Adds pixels a..b (inclusive) of one row to the tiles they fall in. */
function countRun(row: usize, a: i32, b: i32): void {
  const n = tileN;
  const ta = a / n;
  const tb = b / n;
  if (ta == tb) {
    bump(row, ta, b - a + 1);
    return;
  }
  bump(row, ta, (ta + 1) * n - a);
  for (let t = ta + 1; t < tb; t++) bump(row, t, n);
  bump(row, tb, b - tb * n + 1);
}

/** Turns the pixel counts into sums of `ink`. */
export function finishCoverage(tilesX: i32, tilesY: i32, ink: u32): void {
  const total = <usize>tilesX * <usize>tilesY;
  for (let i: usize = 0; i < total; i++) {
    const q = counts + (i << 2);
    store<u32>(q, load<u32>(q) * ink);
  }
}
