/**
 * Annotation documents without a server: segment expansion (Q12) and Python's JSON style for
 * export files.
 */
import { describe, expect, it } from 'vitest';
import { AnnotationTask, Client, expandSegments, PhasResponseError, type AnnotationDocument } from '@phas/sdk';
import { pythonJson } from '../src/annotations.js';
import { fakeFetch, htmlJson, loginOk } from './helpers/fake-fetch.js';

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

describe('annotation timestamps', () => {
  it('turns the float epoch into ISO-8601 with milliseconds, and null stays null', async () => {
    const answers: Record<string, unknown> = {
      '/api/task/1/info': { id: 1, project: 'p', name: 'A', restrict_access: 0, anonymize: 0, mode: 'annot' },
      '/api/task/1/slide/2/annot/timestamp': { timestamp: 1795965522.3841321 },
      '/api/task/1/slide/3/annot/timestamp': { timestamp: null },
      '/api/task/1/slide/4/annot/timestamp': { timestamp: '2026-01-01' },
    };
    const fake = fakeFetch((call) => {
      const path = new URL(call.url).pathname;
      return path === '/auth/api/login' ? loginOk() : htmlJson(answers[path]);
    });
    const client = await Client.connect('http://phas.test', { apiKey: 'k', fetch: fake.fetch });
    const task = await AnnotationTask.open(client, 1);
    expect(await task.getSlideAnnotTimestamp(2)).toBe('2026-11-29T15:18:42.384Z');
    expect(await task.getSlideAnnotTimestamp(3)).toBeNull();
    await expect(task.getSlideAnnotTimestamp(4)).rejects.toBeInstanceOf(PhasResponseError);
  });
});
