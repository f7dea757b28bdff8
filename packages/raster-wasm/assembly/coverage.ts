// Coverage mode: per-tile sums of a single-ink polygon without a canvas. Each row's painted
// runs (spans and horizontal edges, already clipped by hline) are merged into their union and
// counted per n-wide tile; a tile's sum is then ink * (number of painted pixels). This equals
// summing a drawn canvas, because with one ink a pixel painted twice holds the same value.

import { runBuf, runCount, clearRuns } from './canvas';
import { sortU64 } from './sort';

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

// @ts-ignore: decorator
@inline
function runStart(i: i32): i32 {
  return <i32>(load<u64>(runBuf + (<usize>i << 3)) >> 32);
}

// @ts-ignore: decorator
@inline
function runEnd(i: i32): i32 {
  return <i32>(<u32>load<u64>(runBuf + (<usize>i << 3)));
}

/** Adds the union of the runs recorded on row y to its tiles, then forgets the runs. */
export function flushRow(y: i32): void {
  const k = runCount;
  if (k == 0) return;
  sortU64(runBuf, k); // by start (spans arrive in order; horizontal edges do not)
  const row = counts + <usize>(y / tileN) * <usize>tilesAcross * 4;
  let a = runStart(0);
  let b = runEnd(0);
  for (let i: i32 = 1; i < k; i++) {
    const c = runStart(i);
    const d = runEnd(i);
    if (c <= b + 1) {
      if (d > b) b = d;
      continue;
    }
    countRun(row, a, b);
    a = c;
    b = d;
  }
  countRun(row, a, b);
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
