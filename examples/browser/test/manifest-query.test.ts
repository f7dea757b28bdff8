import { describe, expect, it } from 'vitest';
import { manifestQuery } from '../src/app/manifest-query.js';

describe('slide filters → slideManifest options', () => {
  it('sends nothing for empty filters', () => {
    expect(manifestQuery({ stain: '', tags: '', minSroi: '' }, true)).toEqual({});
  });

  it('splits tags on commas and trims them', () => {
    expect(manifestQuery({ stain: 'Nissl', tags: ' hippo, ,diag ', minSroi: '' }, false)).toEqual({ stain: 'Nissl', tagsAny: ['hippo', 'diag'] });
  });

  it('sends the ROI minimum for sampling tasks only', () => {
    expect(manifestQuery({ stain: '', tags: '', minSroi: '2' }, true)).toEqual({ minSroi: 2 });
    expect(manifestQuery({ stain: '', tags: '', minSroi: '2' }, false)).toEqual({});
  });

  it('drops a zero or non-numeric minimum', () => {
    expect(manifestQuery({ stain: '', tags: '', minSroi: '0' }, true)).toEqual({});
    expect(manifestQuery({ stain: '', tags: '', minSroi: 'x' }, true)).toEqual({});
  });
});
