/**
 * A small baseline JPEG encoder (JFIF, 8-bit YCbCr 4:4:4, the standard Huffman tables of
 * ITU-T T.81 Annex K, IJG quality scaling), for X15 Deep Zoom tiles in `jpeg` format
 * (PHAS saves them with Pillow at quality 75). Browser-safe.
 *
 * Pillow subsamples chroma 4:2:0 by default, so the bytes differ from a real server's;
 * the format, size and quality scale are the same.
 */

/** An image to encode: 3 (RGB) or 4 (RGBA, alpha ignored) channels, row-major. */
export interface JpegInput {
  readonly width: number;
  readonly height: number;
  readonly channels: 3 | 4;
  readonly data: Uint8Array;
}

/** Zigzag scan order: `ZIGZAG[k]` is the natural (row-major) index of the k-th coefficient. */
export const ZIGZAG = Uint8Array.of(
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
  35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
);

/** T.81 Annex K.1 quantisation tables (natural order) for quality 50. */
const BASE_QUANT = {
  luma: Uint8Array.of(
    16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
    18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
  ),
  chroma: Uint8Array.of(
    17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99,
    ...new Array<number>(32).fill(99),
  ),
};

/** A Huffman table as JPEG's DHT stores it: code counts per length 1…16 and the symbols. */
export interface HuffmanSpec {
  readonly bits: Uint8Array;
  readonly values: Uint8Array;
}

const hex = (s: string): Uint8Array => Uint8Array.from(s.match(/../g)!.map((h) => parseInt(h, 16)));

/** T.81 Annex K.3 tables: DC and AC, luminance and chrominance. */
export const STANDARD_HUFFMAN: Readonly<Record<'dcLuma' | 'dcChroma' | 'acLuma' | 'acChroma', HuffmanSpec>> = {
  dcLuma: { bits: Uint8Array.of(0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0), values: hex('000102030405060708090a0b') },
  dcChroma: { bits: Uint8Array.of(0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0), values: hex('000102030405060708090a0b') },
  acLuma: {
    bits: Uint8Array.of(0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d),
    values: hex(
      '01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a25262728292a3435363738393a' +
        '434445464748494a535455565758595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aa' +
        'b2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9fa',
    ),
  },
  acChroma: {
    bits: Uint8Array.of(0, 2, 1, 2, 4, 4, 3, 4, 7, 5, 4, 4, 0, 1, 2, 0x77),
    values: hex(
      '000102031104052131061241510761711322328108144291a1b1c109233352f0156272d10a162434e125f11718191a262728292a35363738393a' +
        '434445464748494a535455565758595a636465666768696a737475767778797a82838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aa' +
        'b2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae2e3e4e5e6e7e8e9eaf2f3f4f5f6f7f8f9fa',
    ),
  },
};

/**
 * The IJG (libjpeg, Pillow) quantisation table for `quality` 1–100, natural order:
 * scale 5000/q below 50, else 200 − 2q (percent), entries clamped to 1…255.
 *
 * @example
 * ```ts
 * quantTable('luma', 75)[0]; // 8 (16 at quality 50, halved)
 * ```
 */
export function quantTable(kind: 'luma' | 'chroma', quality: number): Uint8Array {
  const q = Math.min(100, Math.max(1, Math.round(quality)));
  const scale = q < 50 ? Math.floor(5000 / q) : 200 - 2 * q;
  return BASE_QUANT[kind].map((b) => Math.min(255, Math.max(1, Math.floor((b * scale + 50) / 100))));
}

/** Code and length per symbol of a Huffman spec (T.81 Annex C). */
function huffmanCodes(spec: HuffmanSpec): { code: Uint16Array; size: Uint8Array } {
  const code = new Uint16Array(256);
  const size = new Uint8Array(256);
  let c = 0;
  let k = 0;
  for (let len = 1; len <= 16; len++) {
    for (let i = 0; i < spec.bits[len - 1]; i++) {
      code[spec.values[k]] = c++;
      size[spec.values[k++]] = len;
    }
    c <<= 1;
  }
  return { code, size };
}

/** Growable byte output with a JPEG entropy-coded bit writer (0xFF bytes stuffed). */
class JpegWriter {
  private buf = new Uint8Array(1 << 16);
  private len = 0;
  private bitBuf = 0;
  private bitCount = 0;

  byte(v: number): void {
    if (this.len === this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.len++] = v;
  }

  bytes(list: ArrayLike<number>): void {
    for (let i = 0; i < list.length; i++) this.byte(list[i]);
  }

  word(v: number): void {
    this.byte(v >> 8);
    this.byte(v & 0xff);
  }

  /** A marker segment: `FF marker`, length (incl. itself), body. */
  segment(marker: number, body: ArrayLike<number>): void {
    this.byte(0xff);
    this.byte(marker);
    this.word(body.length + 2);
    this.bytes(body);
  }

  /** Append the low `n` bits of `v` (MSB first) to the entropy-coded data. */
  bits(v: number, n: number): void {
    for (let i = n - 1; i >= 0; i--) {
      this.bitBuf = (this.bitBuf << 1) | ((v >> i) & 1);
      if (++this.bitCount === 8) this.flushByte();
    }
  }

  /** Pad the last byte with 1-bits (T.81 F.1.2.3). */
  padBits(): void {
    while (this.bitCount !== 0) this.bits(1, 1);
  }

  private flushByte(): void {
    this.byte(this.bitBuf);
    if (this.bitBuf === 0xff) this.byte(0);
    this.bitBuf = 0;
    this.bitCount = 0;
  }

  result(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

/** `DCT[u * 8 + x] = C(u)/2 · cos((2x + 1)uπ/16)`: the 1-D DCT-II basis. */
const DCT = (() => {
  const t = new Float64Array(64);
  for (let u = 0; u < 8; u++) {
    for (let x = 0; x < 8; x++) t[u * 8 + x] = (u === 0 ? Math.SQRT1_2 : 1) * 0.5 * Math.cos(((2 * x + 1) * u * Math.PI) / 16);
  }
  return t;
})();

/** Forward 8 × 8 DCT of `block` (natural order, level-shifted samples) into `out`. */
function fdct(block: Float64Array, tmp: Float64Array, out: Float64Array): void {
  for (let y = 0; y < 8; y++) {
    for (let u = 0; u < 8; u++) {
      let s = 0;
      for (let x = 0; x < 8; x++) s += DCT[u * 8 + x] * block[y * 8 + x];
      tmp[y * 8 + u] = s;
    }
  }
  for (let u = 0; u < 8; u++) {
    for (let v = 0; v < 8; v++) {
      let s = 0;
      for (let y = 0; y < 8; y++) s += DCT[v * 8 + y] * tmp[y * 8 + u];
      out[v * 8 + u] = s;
    }
  }
}

/** Magnitude category of a coefficient: the number of bits of |v|. */
function category(v: number): number {
  let a = v < 0 ? -v : v;
  let n = 0;
  while (a > 0) {
    n++;
    a >>= 1;
  }
  return n;
}

/**
 * Encode an RGB(A) image as a baseline JFIF JPEG.
 *
 * @param quality 1–100, IJG scale (default 75, as PHAS's tiles).
 * @throws RangeError for sizes outside 1…65535 or a data length that does not match.
 * @example
 * ```ts
 * const jpeg = encodeJpeg({ width: 2, height: 1, channels: 3, data: Uint8Array.of(255, 0, 0, 0, 0, 255) });
 * jpeg[0] === 0xff && jpeg[1] === 0xd8; // SOI
 * ```
 */
export function encodeJpeg(image: JpegInput, quality = 75): Uint8Array {
  const { width, height, channels, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > 65535 || height > 65535) {
    throw new RangeError(`JPEG size must be integers in 1…65535, got ${width} x ${height}`);
  }
  if ((channels !== 3 && channels !== 4) || data.length !== width * height * channels) {
    throw new RangeError(`JPEG input must be RGB or RGBA with ${width * height * channels} bytes, got ${data.length}`);
  }
  const quant = [quantTable('luma', quality), quantTable('chroma', quality)];
  const w = new JpegWriter();
  w.bytes([0xff, 0xd8]); // SOI
  w.segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]); // APP0 JFIF 1.1, aspect 1:1
  const dqt: number[] = [];
  quant.forEach((table, id) => {
    dqt.push(id);
    for (let k = 0; k < 64; k++) dqt.push(table[ZIGZAG[k]]);
  });
  w.segment(0xdb, dqt);
  // SOF0: 8-bit, 3 components, no subsampling; Y uses quant table 0, Cb/Cr table 1.
  w.segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1]);
  const dht: number[] = [];
  for (const [tc, spec] of [
    [0x00, STANDARD_HUFFMAN.dcLuma],
    [0x10, STANDARD_HUFFMAN.acLuma],
    [0x01, STANDARD_HUFFMAN.dcChroma],
    [0x11, STANDARD_HUFFMAN.acChroma],
  ] as const) {
    dht.push(tc, ...spec.bits, ...spec.values);
  }
  w.segment(0xc4, dht);
  w.segment(0xda, [3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0]); // SOS
  encodeScan(w, image, quant);
  w.padBits();
  w.bytes([0xff, 0xd9]); // EOI
  return w.result();
}

/** The entropy-coded data: MCUs of one 8 × 8 block per component, left to right, top to bottom. */
function encodeScan(w: JpegWriter, image: JpegInput, quant: Uint8Array[]): void {
  const { width, height, channels, data } = image;
  const dc = [huffmanCodes(STANDARD_HUFFMAN.dcLuma), huffmanCodes(STANDARD_HUFFMAN.dcChroma)];
  const ac = [huffmanCodes(STANDARD_HUFFMAN.acLuma), huffmanCodes(STANDARD_HUFFMAN.acChroma)];
  const blocks = [new Float64Array(64), new Float64Array(64), new Float64Array(64)];
  const tmp = new Float64Array(64);
  const coef = new Float64Array(64);
  const zz = new Int32Array(64);
  const prevDc = [0, 0, 0];
  for (let by = 0; by < height; by += 8) {
    for (let bx = 0; bx < width; bx += 8) {
      // Colour conversion (JFIF), edge pixels replicated into partial blocks.
      for (let y = 0; y < 8; y++) {
        const sy = Math.min(by + y, height - 1);
        for (let x = 0; x < 8; x++) {
          const i = (sy * width + Math.min(bx + x, width - 1)) * channels;
          const r = data[i];
          const g = data[i + 1];
          const b = data[i + 2];
          const k = y * 8 + x;
          blocks[0][k] = 0.299 * r + 0.587 * g + 0.114 * b - 128;
          blocks[1][k] = -0.168736 * r - 0.331264 * g + 0.5 * b;
          blocks[2][k] = 0.5 * r - 0.418688 * g - 0.081312 * b;
        }
      }
      for (let c = 0; c < 3; c++) {
        const t = c === 0 ? 0 : 1;
        fdct(blocks[c], tmp, coef);
        for (let k = 0; k < 64; k++) {
          // ±1023 keeps every AC value within baseline's 10-bit categories (quality 100 extremes).
          zz[k] = Math.max(-1023, Math.min(1023, Math.round(coef[ZIGZAG[k]] / quant[t][ZIGZAG[k]])));
        }
        // DC: difference to the previous block of the component.
        const diff = zz[0] - prevDc[c];
        prevDc[c] = zz[0];
        const s = category(diff);
        w.bits(dc[t].code[s], dc[t].size[s]);
        if (s > 0) w.bits(diff < 0 ? diff + (1 << s) - 1 : diff, s);
        // AC: (run, size) symbols, ZRL for 16 zeros, EOB after the last non-zero.
        let run = 0;
        for (let k = 1; k < 64; k++) {
          const v = zz[k];
          if (v === 0) {
            run++;
            continue;
          }
          while (run > 15) {
            w.bits(ac[t].code[0xf0], ac[t].size[0xf0]);
            run -= 16;
          }
          const n = category(v);
          const sym = (run << 4) | n;
          w.bits(ac[t].code[sym], ac[t].size[sym]);
          w.bits(v < 0 ? v + (1 << n) - 1 : v, n);
          run = 0;
        }
        if (run > 0) w.bits(ac[t].code[0x00], ac[t].size[0x00]);
      }
    }
  }
}
