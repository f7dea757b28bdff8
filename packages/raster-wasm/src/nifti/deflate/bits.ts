/**
 * LSB-first bit writer for DEFLATE (RFC 1951 §3.1.1), growing its buffer on demand.
 *
 * The state is public so that hot loops can keep it in locals: call {@link reserve},
 * copy `out`, `pos`, `bits`, `count` into locals, write, and store them back.
 *
 * @module
 */
export class BitWriter {
  /** Output buffer; bytes `[0, pos)` are written. */
  out: Uint8Array;
  pos = 0;
  /** Pending bits (fewer than 16), least significant first. */
  bits = 0;
  count = 0;

  constructor(initialBytes: number) {
    this.out = new Uint8Array(Math.max(64, initialBytes));
  }

  /** Makes room for at least `bytes` more bytes. */
  reserve(bytes: number): void {
    if (this.pos + bytes <= this.out.length) return;
    const next = new Uint8Array(Math.max(this.out.length * 2, this.pos + bytes));
    next.set(this.out.subarray(0, this.pos));
    this.out = next;
  }

  /** Appends the low `n` bits of `value` (n ≤ 16), least significant first. */
  write(value: number, n: number): void {
    this.bits |= value << this.count;
    this.count += n;
    if (this.count >= 16) {
      this.reserve(2);
      this.out[this.pos++] = this.bits & 0xff;
      this.out[this.pos++] = (this.bits >>> 8) & 0xff;
      this.bits >>>= 16;
      this.count -= 16;
    }
  }

  /** Pads with zero bits to a byte boundary. */
  align(): void {
    this.reserve(2);
    while (this.count > 0) {
      this.out[this.pos++] = this.bits & 0xff;
      this.bits >>>= 8;
      this.count = Math.max(0, this.count - 8);
    }
    this.bits = 0;
  }

  /** Appends whole bytes; the writer must be byte-aligned. */
  writeBytes(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.out.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  /** The bytes written (after {@link align}). */
  finish(): Uint8Array {
    this.align();
    return this.out.subarray(0, this.pos);
  }
}
