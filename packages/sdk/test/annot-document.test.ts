/**
 * Annotation documents without a server: segment expansion (Q12) and Python's JSON style for
 * export files.
 */
import { describe, expect, it } from 'vitest';
import { expandSegments, type AnnotationDocument } from '@phas/sdk';
import { pythonJson } from '../src/annotations.js';

describe('expandSegments', () => {
  it('writes short segments in full, in nested groups too, and keeps everything else', () => {
    const doc: AnnotationDocument = [
      ['Layer', { name: 'a', children: [
        ['Path', { segments: [[1, 2], [[3, 4], [5, 6], [7, 8]]], closed: true, data: { id: 3 } }],
        ['Group', { children: [['Path', { segments: [[9, 10]] }]] }],
        ['PointText', { matrix: [1, 0, 0, 1, 5, 6], content: 'x' }],
      ] }, 'extra'],
    ];
    const frozen = JSON.stringify(doc);
    expect(expandSegments(doc)).toEqual([
      ['Layer', { name: 'a', children: [
        ['Path', { segments: [[[1, 2], [0, 0], [0, 0]], [[3, 4], [5, 6], [7, 8]]], closed: true, data: { id: 3 } }],
        ['Group', { children: [['Path', { segments: [[[9, 10], [0, 0], [0, 0]]] }]] }],
        ['PointText', { matrix: [1, 0, 0, 1, 5, 6], content: 'x' }],
      ] }, 'extra'],
    ]);
    expect(JSON.stringify(doc)).toBe(frozen);
  });
});

describe('pythonJson', () => {
  it("matches json.dumps' default separators and ASCII escaping", () => {
    expect(pythonJson([{ slide_name: 'S1', slide_id: 2, annot: [['Layer', { a: [1.5, -2], b: null, c: true }]] }])).toBe(
      '[{"slide_name": "S1", "slide_id": 2, "annot": [["Layer", {"a": [1.5, -2], "b": null, "c": true}]]}]',
    );
    expect(pythonJson('Zürich \u007f 😀 "q"\n')).toBe('"Z\\u00fcrich \\u007f \\ud83d\\ude00 \\"q\\"\\n"');
    expect(pythonJson({ skip: undefined, keep: [] })).toBe('{"keep": []}');
  });
});
