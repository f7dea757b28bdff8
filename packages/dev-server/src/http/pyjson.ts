/**
 * Python-compatible JSON: text byte-identical to what the PHAS server (Python `json` and
 * Flask `jsonify`) writes, and a parser that keeps Python's int/float distinction.
 *
 * JavaScript has one number type; Python prints an integer-valued float as `900.0` and an
 * int as `900`. Values that must print as Python floats are wrapped in {@link PyFloat}
 * (see {@link pyFloat}); plain JS numbers print as ints when integral and as floats
 * otherwise.
 */

/** A number that Python holds as a `float` (printed with a decimal point or exponent). */
export class PyFloat {
  constructor(readonly value: number) {}
  /** Numeric value, so `+f` and arithmetic work. */
  valueOf(): number {
    return this.value;
  }
  /** The Python `repr` of the float. */
  toString(): string {
    return pyFloatRepr(this.value);
  }
}

/**
 * Marks a number as a Python float.
 *
 * @example
 * ```ts
 * pyDumps({ x0: pyFloat(900) }); // '{"x0": 900.0}'
 * ```
 */
export function pyFloat(value: number): PyFloat {
  return new PyFloat(value);
}

/** A value {@link pyDumps} can write. Objects keep their own (insertion) key order. */
export type PyJson =
  | null
  | boolean
  | number
  | string
  | PyFloat
  | PyJson[]
  | { [key: string]: PyJson | undefined };

/** The numeric value of a parsed JSON number (int or {@link PyFloat}). */
export function num(v: unknown): number {
  if (v instanceof PyFloat) return v.value;
  if (typeof v === 'number') return v;
  return NaN;
}

/** Whether `v` is a JSON number (int or {@link PyFloat}); booleans are not numbers here. */
export function isNumber(v: unknown): v is number | PyFloat {
  return typeof v === 'number' || v instanceof PyFloat;
}

/**
 * Python's `repr(float)`: the shortest round-trip digits, fixed notation for decimal
 * exponents -4…15, otherwise `d.ddde±XX`; integral values keep a `.0`.
 *
 * @example
 * ```ts
 * pyFloatRepr(900); // '900.0'
 * pyFloatRepr(1e16); // '1e+16'
 * pyFloatRepr(0.00001); // '1e-05'
 * ```
 */
export function pyFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const sign = value < 0 ? '-' : '';
  const [mant, expText] = Math.abs(value).toExponential().split('e');
  const exp = Number(expText);
  const digits = mant.replace('.', '');
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp).toString().padStart(2, '0');
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${e}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const frac = digits.slice(exp + 1);
  return `${sign}${intPart}.${frac === '' ? '0' : frac}`;
}

/** Python's `json` string encoder with `ensure_ascii=True`. */
export function pyString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c >= 0x20 && c <= 0x7e) out += s[i];
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x08) out += '\\b';
    else if (c === 0x0c) out += '\\f';
    else out += `\\u${c.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

/** Formatting options of {@link pyDumps}. */
export interface PyDumpsOptions {
  /** Sort object keys (Flask `jsonify`). Default false (insertion order). */
  sortKeys?: boolean;
  /** Compact separators `,`/`:` (Flask `jsonify`). Default false (`", "`/`": "`). */
  compact?: boolean;
}

/**
 * Python `json.dumps(value)` (default options), or with `sortKeys`/`compact` Flask's
 * `jsonify` formatting (without its trailing newline, see {@link jsonifyText}).
 * `undefined` object members are skipped.
 *
 * @example
 * ```ts
 * pyDumps([{ id: 1, name: 'é' }]); // '[{"id": 1, "name": "\\u00e9"}]'
 * ```
 */
export function pyDumps(value: PyJson, options: PyDumpsOptions = {}): string {
  const item = options.compact ? ',' : ', ';
  const kv = options.compact ? ':' : ': ';
  const write = (v: PyJson): string => {
    if (v === null) return 'null';
    if (v === true) return 'true';
    if (v === false) return 'false';
    if (typeof v === 'number') {
      return Number.isInteger(v) && !Object.is(v, -0) ? String(v) : pyFloatRepr(v);
    }
    if (typeof v === 'string') return pyString(v);
    if (v instanceof PyFloat) return pyFloatRepr(v.value);
    if (Array.isArray(v)) return `[${v.map(write).join(item)}]`;
    let keys = Object.keys(v).filter((k) => v[k] !== undefined);
    if (options.sortKeys) keys = keys.sort(comparePyStrings);
    return `{${keys.map((k) => `${pyString(k)}${kv}${write(v[k] as PyJson)}`).join(item)}}`;
  };
  return write(value);
}

/** Python's string ordering (by code point). */
function comparePyStrings(a: string, b: string): number {
  const ca = Array.from(a, (ch) => ch.codePointAt(0)!);
  const cb = Array.from(b, (ch) => ch.codePointAt(0)!);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    if (ca[i] !== cb[i]) return ca[i] - cb[i];
  }
  return ca.length - cb.length;
}

/** Flask `jsonify` body text: compact, sorted keys, ASCII-only, trailing newline. */
export function jsonifyText(value: PyJson): string {
  return `${pyDumps(value, { sortKeys: true, compact: true })}\n`;
}

/** Raised by {@link pyLoads} for text Python's `json.loads` would reject. */
export class PyJsonError extends Error {
  override name = 'PyJsonError';
}

/**
 * Python `json.loads`: numbers written with a fraction or exponent become
 * {@link PyFloat}, integers stay plain numbers; `NaN`, `Infinity`, `-Infinity` are
 * accepted like Python does; a repeated key keeps its last value.
 *
 * @example
 * ```ts
 * pyLoads('[100, 100.0]'); // [100, PyFloat(100)]
 * ```
 */
export function pyLoads(text: string): PyJson {
  let i = 0;
  const fail = (what: string): never => {
    throw new PyJsonError(`${what} at char ${i}`);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const value = (): PyJson => {
    ws();
    const c = text[i];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (text.startsWith('null', i)) return (i += 4), null;
    if (text.startsWith('true', i)) return (i += 4), true;
    if (text.startsWith('false', i)) return (i += 5), false;
    if (text.startsWith('NaN', i)) return (i += 3), pyFloat(NaN);
    if (text.startsWith('Infinity', i)) return (i += 8), pyFloat(Infinity);
    if (text.startsWith('-Infinity', i)) return (i += 9), pyFloat(-Infinity);
    return number();
  };
  const number = (): PyJson => {
    const m = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) return fail('Expecting value');
    i += m[0].length;
    const n = Number(m[0]);
    return m[1] !== undefined || m[2] !== undefined ? pyFloat(n) : n;
  };
  const string = (): string => {
    i++;
    let out = '';
    for (;;) {
      if (i >= text.length) fail('Unterminated string');
      const c = text[i++];
      if (c === '"') return out;
      if (c === '\\') {
        const e = text[i++];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e in simple) out += simple[e];
        else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i, i + 4))) {
          out += String.fromCharCode(parseInt(text.slice(i, i + 4), 16));
          i += 4;
        } else fail('Invalid \\escape');
      } else if (c.charCodeAt(0) < 0x20) fail('Invalid control character');
      else out += c;
    }
  };
  const array = (): PyJson[] => {
    i++;
    const out: PyJson[] = [];
    ws();
    if (text[i] === ']') return i++, out;
    for (;;) {
      out.push(value());
      ws();
      if (text[i] === ',') i++;
      else if (text[i] === ']') return i++, out;
      else fail("Expecting ',' delimiter");
    }
  };
  const object = (): { [key: string]: PyJson } => {
    i++;
    const out: { [key: string]: PyJson } = {};
    ws();
    if (text[i] === '}') return i++, out;
    for (;;) {
      ws();
      if (text[i] !== '"') fail('Expecting property name enclosed in double quotes');
      const key = string();
      ws();
      if (text[i++] !== ':') fail("Expecting ':' delimiter");
      const v = value();
      if (key === '__proto__') Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      else out[key] = v;
      ws();
      if (text[i] === ',') i++;
      else if (text[i] === '}') return i++, out;
      else fail("Expecting ',' delimiter");
    }
  };
  const result = value();
  ws();
  if (i !== text.length) fail('Extra data');
  return result;
}
