/**
 * Writes one DEFLATE block from a token list, choosing the cheapest of dynamic Huffman,
 * fixed Huffman and stored (RFC 1951 §3.2.3–3.2.7).
 *
 * Tokens are `Uint32Array` entries: a literal byte (0…255), or a match
 * `(length << 16) | distance` (length 3…258, distance 1…32768).
 *
 * @module
 */
import type { BitWriter } from './bits.js';
import type { Histogram } from './histogram.js';
import { canonicalCodes, codeLengths } from './huffman.js';
import {
  DISTANCE_BASE,
  DISTANCE_EXTRA,
  LENGTH_BASE_OF,
  LENGTH_CODE,
  LENGTH_EXTRA_OF,
  distanceCode,
} from './tables.js';

/** Order in which code-length code lengths are sent. */
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
const END_OF_BLOCK = 256;

const FIXED_LIT = /* @__PURE__ */ (() => {
  const lengths = new Uint8Array(288);
  lengths.fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288);
  return lengths;
})();
const FIXED_DIST = /* @__PURE__ */ new Uint8Array(30).fill(5);

/** Run-length encodes code lengths into code-length symbols 0…18 (with extra bits). */
function encodeLengths(lengths: Uint8Array): { symbols: number[]; extras: number[] } {
  const symbols: number[] = [];
  const extras: number[] = [];
  for (let i = 0; i < lengths.length; ) {
    const len = lengths[i];
    let run = 1;
    while (i + run < lengths.length && lengths[i + run] === len) run++;
    i += run;
    if (len === 0) {
      while (run >= 11) {
        const n = Math.min(run, 138);
        symbols.push(18);
        extras.push(n - 11);
        run -= n;
      }
      if (run >= 3) {
        symbols.push(17);
        extras.push(run - 3);
        run = 0;
      }
    } else {
      symbols.push(len);
      extras.push(0);
      run--;
      while (run >= 3) {
        const n = Math.min(run, 6);
        symbols.push(16);
        extras.push(n - 3);
        run -= n;
      }
    }
    for (; run > 0; run--) {
      symbols.push(len);
      extras.push(0);
    }
  }
  return { symbols, extras };
}

const CL_EXTRA_BITS: Record<number, number> = { 16: 2, 17: 3, 18: 7 };

interface DynamicHeader {
  litLengths: Uint8Array;
  distLengths: Uint8Array;
  hlit: number;
  hdist: number;
  clLengths: Uint8Array;
  hclen: number;
  symbols: number[];
  extras: number[];
  bits: number;
}

function dynamicHeader(litFreq: Uint32Array, distFreq: Uint32Array): DynamicHeader {
  const litLengths = codeLengths(litFreq, 15);
  const distLengths = codeLengths(distFreq, 15);
  if (distLengths.every((l) => l === 0)) distLengths[0] = 1; // at least one distance code
  let hlit = 286;
  while (hlit > 257 && litLengths[hlit - 1] === 0) hlit--;
  let hdist = 30;
  while (hdist > 1 && distLengths[hdist - 1] === 0) hdist--;
  const all = new Uint8Array(hlit + hdist);
  all.set(litLengths.subarray(0, hlit));
  all.set(distLengths.subarray(0, hdist), hlit);
  const { symbols, extras } = encodeLengths(all);
  const clFreq = new Uint32Array(19);
  for (const s of symbols) clFreq[s]++;
  const clLengths = codeLengths(clFreq, 7);
  let hclen = 19;
  while (hclen > 4 && clLengths[CL_ORDER[hclen - 1]] === 0) hclen--;
  let bits = 3 + 5 + 5 + 4 + 3 * hclen;
  for (const s of symbols) bits += clLengths[s] + (CL_EXTRA_BITS[s] ?? 0);
  return { litLengths, distLengths, hlit, hdist, clLengths, hclen, symbols, extras, bits };
}

function codedBits(freq: Uint32Array, lengths: Uint8Array): number {
  let bits = 0;
  for (let i = 0; i < freq.length; i++) bits += freq[i] * lengths[i];
  return bits;
}

/** Huffman-codes `tokens[from, to)` and the end-of-block symbol (the hot loop). */
function writeTokens(
  w: BitWriter,
  tokens: Uint32Array,
  from: number,
  to: number,
  litLengths: Uint8Array,
  distLengths: Uint8Array,
): void {
  const litCodes = canonicalCodes(litLengths);
  const distCodes = canonicalCodes(distLengths);
  // Literal code and length in one lookup: code | length << 16.
  const litTable = new Int32Array(256);
  for (let i = 0; i < 256; i++) litTable[i] = litCodes[i] | (litLengths[i] << 16);
  // At most 48 bits per token (15 + 5 + 15 + 13), plus the end of block.
  w.reserve((to - from) * 6 + 8);
  const out = w.out;
  let pos = w.pos;
  let bits = w.bits;
  let count = w.count;
  for (let t = from; t < to; t++) {
    const token = tokens[t];
    if (token < 256) {
      const entry = litTable[token];
      bits |= (entry & 0xffff) << count;
      count += entry >>> 16;
    } else {
      const length = token >>> 16;
      const distance = token & 0xffff;
      const lc = LENGTH_CODE[length];
      bits |= litCodes[257 + lc] << count;
      count += litLengths[257 + lc];
      if (count >= 16) {
        out[pos++] = bits & 0xff;
        out[pos++] = (bits >>> 8) & 0xff;
        bits >>>= 16;
        count -= 16;
      }
      bits |= (length - LENGTH_BASE_OF[lc]) << count;
      count += LENGTH_EXTRA_OF[lc];
      if (count >= 16) {
        out[pos++] = bits & 0xff;
        out[pos++] = (bits >>> 8) & 0xff;
        bits >>>= 16;
        count -= 16;
      }
      const dc = distanceCode(distance);
      bits |= distCodes[dc] << count;
      count += distLengths[dc];
      if (count >= 16) {
        out[pos++] = bits & 0xff;
        out[pos++] = (bits >>> 8) & 0xff;
        bits >>>= 16;
        count -= 16;
      }
      bits |= (distance - DISTANCE_BASE[dc]) << count;
      count += DISTANCE_EXTRA[dc];
    }
    if (count >= 16) {
      out[pos++] = bits & 0xff;
      out[pos++] = (bits >>> 8) & 0xff;
      bits >>>= 16;
      count -= 16;
    }
  }
  w.pos = pos;
  w.bits = bits;
  w.count = count;
  w.write(litCodes[END_OF_BLOCK], litLengths[END_OF_BLOCK]);
}

/**
 * Writes `tokens[from, to)`, which decode to `raw` and whose symbols `histogram` counts,
 * as one block (or several stored blocks when storing is cheapest). `final` sets BFINAL
 * on the (last) block.
 */
export function writeBlock(
  w: BitWriter,
  tokens: Uint32Array,
  from: number,
  to: number,
  histogram: Histogram,
  raw: Uint8Array,
  final: boolean,
): void {
  const litFreq = Uint32Array.from(histogram.lit);
  const distFreq = Uint32Array.from(histogram.dist);
  litFreq[END_OF_BLOCK] = 1;
  const extraBits = histogram.extraBits();

  const header = dynamicHeader(litFreq, distFreq);
  const dynamicBits = header.bits + codedBits(litFreq, header.litLengths) + codedBits(distFreq, header.distLengths) + extraBits;
  const fixedBits = 3 + codedBits(litFreq, FIXED_LIT) + codedBits(distFreq, FIXED_DIST) + extraBits;
  const storedBits = 8 * (raw.length + 5 * Math.max(1, Math.ceil(raw.length / 65535))) + 7;

  if (storedBits < dynamicBits && storedBits < fixedBits) {
    for (let at = 0; at < raw.length || at === 0; at += 65535) {
      const part = raw.subarray(at, Math.min(raw.length, at + 65535));
      const last = at + 65535 >= raw.length;
      w.write(final && last ? 1 : 0, 1);
      w.write(0, 2);
      w.align();
      w.write(part.length, 16);
      w.write(~part.length & 0xffff, 16);
      w.writeBytes(part);
      if (last) break;
    }
    return;
  }
  if (fixedBits <= dynamicBits) {
    w.write(final ? 1 : 0, 1);
    w.write(1, 2);
    writeTokens(w, tokens, from, to, FIXED_LIT, FIXED_DIST);
    return;
  }
  w.write(final ? 1 : 0, 1);
  w.write(2, 2);
  w.write(header.hlit - 257, 5);
  w.write(header.hdist - 1, 5);
  w.write(header.hclen - 4, 4);
  for (let i = 0; i < header.hclen; i++) w.write(header.clLengths[CL_ORDER[i]], 3);
  const clCodes = canonicalCodes(header.clLengths);
  header.symbols.forEach((s, i) => {
    w.write(clCodes[s], header.clLengths[s]);
    const extra = CL_EXTRA_BITS[s];
    if (extra) w.write(header.extras[i], extra);
  });
  writeTokens(w, tokens, from, to, header.litLengths, header.distLengths);
}
