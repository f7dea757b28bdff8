// In-place ascending sorts over raw linear memory (no allocation): used for the per-row
// crossing lists (f32) and the edge start-row keys (u64). Quicksort (median of three,
// recursing into the smaller side) with insertion sort for short ranges.

const INSERTION_LIMIT: i32 = 16;

// @ts-ignore: decorator
@inline
function insertionSort<T>(base: usize, lo: i32, hi: i32): void {
  const size = sizeof<T>();
  for (let i = lo + 1; i <= hi; i++) {
    const v = load<T>(base + (<usize>i) * size);
    let j = i - 1;
    while (j >= lo) {
      const w = load<T>(base + (<usize>j) * size);
      if (w <= v) break;
      store<T>(base + (<usize>(j + 1)) * size, w);
      j--;
    }
    store<T>(base + (<usize>(j + 1)) * size, v);
  }
}

// @ts-ignore: decorator
@inline
function swap<T>(base: usize, i: i32, j: i32): void {
  const size = sizeof<T>();
  const a = base + (<usize>i) * size;
  const b = base + (<usize>j) * size;
  const t = load<T>(a);
  store<T>(a, load<T>(b));
  store<T>(b, t);
}

function quickSort<T>(base: usize, lo: i32, hi: i32): void {
  const size = sizeof<T>();
  while (hi - lo >= INSERTION_LIMIT) {
    const mid = lo + ((hi - lo) >> 1);
    // median of three into position mid, then pivot value
    if (load<T>(base + (<usize>mid) * size) < load<T>(base + (<usize>lo) * size)) swap<T>(base, mid, lo);
    if (load<T>(base + (<usize>hi) * size) < load<T>(base + (<usize>lo) * size)) swap<T>(base, hi, lo);
    if (load<T>(base + (<usize>hi) * size) < load<T>(base + (<usize>mid) * size)) swap<T>(base, hi, mid);
    const pivot = load<T>(base + (<usize>mid) * size);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (load<T>(base + (<usize>i) * size) < pivot) i++;
      while (load<T>(base + (<usize>j) * size) > pivot) j--;
      if (i <= j) {
        swap<T>(base, i, j);
        i++;
        j--;
      }
    }
    if (j - lo < hi - i) {
      if (lo < j) quickSort<T>(base, lo, j);
      lo = i;
    } else {
      if (i < hi) quickSort<T>(base, i, hi);
      hi = j;
    }
  }
  insertionSort<T>(base, lo, hi);
}

/** Sorts `count` f32 values at `base` ascending (values are finite). */
export function sortF32(base: usize, count: i32): void {
  if (count > 1) quickSort<f32>(base, 0, count - 1);
}

/** Sorts `count` u64 values at `base` ascending. */
export function sortU64(base: usize, count: i32): void {
  if (count > 1) quickSort<u64>(base, 0, count - 1);
}
