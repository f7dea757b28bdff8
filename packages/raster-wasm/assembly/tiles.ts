// Per-tile pixel sums of an n x n block grid, in one pass over the canvas rows.

// @ts-ignore: decorator
@inline
function sumBytes8(v: u64): u32 {
  // add the 8 bytes of v: pairwise into 16-bit lanes, then fold the four lanes by multiply
  const pairs = (v & 0x00ff00ff00ff00ff) + ((v >> 8) & 0x00ff00ff00ff00ff);
  return <u32>((pairs * 0x0001000100010001) >> 48);
}

/**
 * Writes `(width/n) * (height/n)` u32 sums, row-major, to `out`: out[ty*tilesX + tx] is the
 * sum of the pixels of block (ty, tx). Rows and columns beyond a whole block are ignored.
 */
export function tileSums(canvas: usize, width: i32, height: i32, stride: i32, n: i32, out: usize): void {
  const tilesX = width / n;
  const tilesY = height / n;
  memory.fill(out, 0, <usize>tilesX * <usize>tilesY * 4);
  const rows = tilesY * n;
  const wide = (n & 7) == 0;
  for (let y: i32 = 0; y < rows; y++) {
    const row = canvas + <usize>y * <usize>stride;
    const outRow = out + <usize>(y / n) * <usize>tilesX * 4;
    for (let tx: i32 = 0; tx < tilesX; tx++) {
      const p = row + <usize>tx * <usize>n;
      let s: u32 = 0;
      if (wide) {
        for (let k: i32 = 0; k < n; k += 8) {
          const v = load<u64>(p + <usize>k);
          if (v != 0) s += sumBytes8(v);
        }
      } else {
        for (let k: i32 = 0; k < n; k++) s += <u32>load<u8>(p + <usize>k);
      }
      if (s != 0) {
        const q = outRow + (<usize>tx << 2);
        store<u32>(q, load<u32>(q) + s);
      }
    }
  }
}
