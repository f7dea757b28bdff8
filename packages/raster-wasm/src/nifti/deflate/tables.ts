/**
 * DEFLATE length and distance code tables (RFC 1951 §3.2.5), as lookups.
 *
 * @module
 */

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
  8193, 12289, 16385, 24577,
];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

/** Longest match DEFLATE can express. */
export const MAX_MATCH = 258;
/** Shortest match DEFLATE can express. */
export const MIN_MATCH = 3;
/** Farthest back a match may reach. */
export const WINDOW = 32768;

/** For each length 3…258 (index = length): literal/length symbol − 257. */
export const LENGTH_CODE = new Uint8Array(MAX_MATCH + 1);
/** For each distance code: the base distance and the number of extra bits. */
export const DISTANCE_BASE = Uint16Array.from(DIST_BASE);
export const DISTANCE_EXTRA = Uint8Array.from(DIST_EXTRA);
export const LENGTH_BASE_OF = Uint16Array.from(LENGTH_BASE);
export const LENGTH_EXTRA_OF = Uint8Array.from(LENGTH_EXTRA);

for (let code = 0; code < LENGTH_BASE.length; code++) {
  const end = code + 1 < LENGTH_BASE.length ? LENGTH_BASE[code + 1] : MAX_MATCH + 1;
  for (let len = LENGTH_BASE[code]; len < end && len <= MAX_MATCH; len++) LENGTH_CODE[len] = code;
}
LENGTH_CODE[MAX_MATCH] = 28; // 258 has its own code (285), not 284 + 31

/** Distance code of `distance` (1…32768), by binary search (builds the lookup tables). */
function distanceCodeSearch(distance: number): number {
  let lo = 0;
  let hi = DIST_BASE.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (DIST_BASE[mid] <= distance) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Distance codes of distances 0…256 (index = distance; 0 unused). */
const DIST_CODE_SMALL = /* @__PURE__ */ (() => {
  const table = new Uint8Array(257);
  for (let d = 1; d <= 256; d++) table[d] = distanceCodeSearch(d);
  return table;
})();

/** Distance codes of distances 257…32768, indexed by `(distance - 1) >> 7` (bases are 128-aligned there). */
const DIST_CODE_LARGE = /* @__PURE__ */ (() => {
  const table = new Uint8Array(256);
  for (let i = 2; i < 256; i++) table[i] = distanceCodeSearch((i << 7) + 1);
  return table;
})();

/** Distance code of `distance` (1…32768), by table lookup. */
export function distanceCode(distance: number): number {
  return distance <= 256 ? DIST_CODE_SMALL[distance] : DIST_CODE_LARGE[(distance - 1) >> 7];
}
