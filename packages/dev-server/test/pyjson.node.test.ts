/**
 * Python-compatible JSON text (protocol §2.4, §13.4).
 */
import { describe, expect, it } from 'vitest';
import { jsonifyText, pyDumps, pyFloat, PyFloat, pyFloatRepr, pyLoads, PyJsonError } from '../src/http/pyjson.js';

describe('pyFloatRepr', () => {
  it.each([
    [900, '900.0'],
    [0.0005, '0.0005'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1.5e-7, '1.5e-07'],
    [1795965522.3841321, '1795965522.3841321'],
    [1e16, '1e+16'],
    [1234567890123456.8, '1234567890123456.8'],
    [1.2345e22, '1.2345e+22'],
    [-0, '-0.0'],
    [-2.5, '-2.5'],
    [0.1 + 0.2, '0.30000000000000004'],
    [400.4962809790011, '400.4962809790011'],
    [NaN, 'NaN'],
    [-Infinity, '-Infinity'],
  ])('%d → %s', (value, text) => {
    expect(pyFloatRepr(value)).toBe(text);
  });
});

describe('pyDumps', () => {
  it('uses Python separators, insertion order, ints vs floats and ASCII escapes', () => {
    expect(pyDumps({ b: 1, a: [pyFloat(2), 2.5, null, true], s: 'é\u{1F600}"\\\n\u007f' })).toBe(
      '{"b": 1, "a": [2.0, 2.5, null, true], "s": "\\u00e9\\ud83d\\ude00\\"\\\\\\n\\u007f"}',
    );
  });

  it('jsonify: compact, sorted keys, trailing newline', () => {
    expect(jsonifyText({ spacing: [0.0005, 0.0005], dimensions: [3000, 2000] })).toBe('{"dimensions":[3000,2000],"spacing":[0.0005,0.0005]}\n');
  });
});

describe('pyLoads', () => {
  it('keeps the int/float distinction and accepts NaN/Infinity', () => {
    const v = pyLoads('[100, 100.0, 1e2, -0.5, NaN, {"a": "\\u00e9"}]') as unknown[];
    expect(v[0]).toBe(100);
    expect(v[1]).toBeInstanceOf(PyFloat);
    expect(pyDumps(v as never)).toBe('[100, 100.0, 100.0, -0.5, NaN, {"a": "\\u00e9"}]');
  });

  it.each(['', '[1,]', '{"a" 1}', '01', '[1] x', "{'a': 1}"])('rejects %j', (text) => {
    expect(() => pyLoads(text)).toThrow(PyJsonError);
  });
});
