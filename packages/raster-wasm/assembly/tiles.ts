// Per-tile pixel sums of an n x n block grid, in one pass over the canvas. Tiles are summed
// band by band (n rows at a time, which stay in cache); with n a multiple of 16 each tile row
// is summed with SIMD (widening pairwise adds), with n a multiple of 8 eight bytes at a time in
// a u64, otherwise byte by byte.

// @ts-ignore: decorator
@inline
function sumBytes8(v: u64): u32 {
  // the 8 bytes of v: pairwise into 16-bit lanes, then the four lanes folded by a multiply
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
  const simd = (n & 15) == 0;
  const wide = (n & 7) == 0;
  for (let ty: i32 = 0; ty < tilesY; ty++) {
    const band = canvas + <usize>(ty * n) * <usize>stride;
    const outRow = out + <usize>ty * <usize>tilesX * 4;
    for (let tx: i32 = 0; tx < tilesX; tx++) {
      const left = band + <usize>tx * <usize>n;
      let s: u32 = 0;
      if (simd) {
        let acc = i32x4.splat(0);
        for (let y: i32 = 0; y < n; y++) {
          const p = left + <usize>y * <usize>stride;
          for (let k: i32 = 0; k < n; k += 16) {
            const v = v128.load(p + <usize>k);
            acc = i32x4.add(acc, i32x4.extadd_pairwise_i16x8_u(i16x8.extadd_pairwise_i8x16_u(v)));
          }
        }
        s = <u32>(i32x4.extract_lane(acc, 0) + i32x4.extract_lane(acc, 1) + i32x4.extract_lane(acc, 2) + i32x4.extract_lane(acc, 3));
      } else if (wide) {
        for (let y: i32 = 0; y < n; y++) {
          const p = left + <usize>y * <usize>stride;
          for (let k: i32 = 0; k < n; k += 8) s += sumBytes8(load<u64>(p + <usize>k));
        }
      } else {
        for (let y: i32 = 0; y < n; y++) {
          const p = left + <usize>y * <usize>stride;
          for (let k: i32 = 0; k < n; k++) s += <u32>load<u8>(p + <usize>k);
        }
      }
      store<u32>(outRow + (<usize>tx << 2), s);
    }
  }
}
