/**
 * E13/E14 headers of the synthetic slides: PHAS's property filtering (§5.6) and the
 * protocol's example header.
 */
import { describe, expect, it } from 'vitest';
import { dimensionsHeader, headerProperties, openslideHeader } from '../src/slides/header.js';
import { createSyntheticSlides, SlideImageError, type SyntheticSlide } from '../src/slides/pixels.js';

const slides = createSyntheticSlides();
const find = (w: number): SyntheticSlide => slides.find((s) => s.width === w)!;

describe('E13 dimensions header', () => {
  it('gives level-0 size and spacing in mm, null without spacing', () => {
    expect(dimensionsHeader(find(3000))).toEqual({ dimensions: [3000, 2000], spacing: [0.0005, 0.0005] });
    expect(dimensionsHeader(find(6000))).toEqual({ dimensions: [6000, 4000], spacing: null });
  });
});

describe('E14 OpenSlide header', () => {
  it('is the protocol’s example for the 3000 × 2000 generic TIFF, keys in the same order', () => {
    const header = openslideHeader(find(3000));
    const expected = {
      'openslide.vendor': 'generic-tiff',
      'tiff.ImageDescription.AppMag': '20',
      'tiff.ImageDescription.MPP': '0.5',
      'tiff.ResolutionUnit': 'none',
      'tiff.Software': 'tifffile.py',
      'tiff.XResolution': '1',
      'tiff.YResolution': '1',
    };
    expect(header.properties).toEqual(expected);
    expect(Object.keys(header.properties)).toEqual(Object.keys(expected));
    expect(header.level_dimensions).toEqual([
      [3000, 2000],
      [1500, 1000],
      [750, 500],
    ]);
    expect(header.level_downsamples).toEqual([1, 2, 4]);
  });

  it('drops Aperio Filename/User (properties and description lines) and the duplicate comment', () => {
    const slide = find(40_000);
    expect(slide.properties['aperio.User']).toBeDefined();
    expect(slide.properties['openslide.comment']).toBe(slide.properties['tiff.ImageDescription']);
    const props = openslideHeader(slide).properties;
    const keys = Object.keys(props);
    expect(keys.filter((k) => /Filename|User|openslide\.(comment|level|quickhash)/.test(k))).toEqual([]);
    expect(props['tiff.ImageDescription.AppMag']).toBe('20');
    expect(props['tiff.ImageDescription.MPP']).toBe('0.499');
    expect(props['aperio.MPP']).toBe('0.499');
    // The first `|` segment has an `=` (in "Q=70"), so PHAS makes a key of everything before it.
    const first = keys.find((k) => k.startsWith('tiff.ImageDescription.Aperio Image Library'));
    expect(first).toBe('tiff.ImageDescription.Aperio Image Library v12.0.15 \r\n40000x30000 [0,0 40000x30000] (256x256) JPEG/RGB Q');
    expect(props[first!]).toBe('70');
  });

  it('drops the MIRAX data-file, hierarchy and layer prefixes but keeps the rest', () => {
    const props = openslideHeader(find(2999)).properties;
    expect(Object.keys(props).filter((k) => k.startsWith('mirax.'))).toEqual([
      'mirax.GENERAL.OBJECTIVE_MAGNIFICATION',
      'mirax.GENERAL.SLIDE_NAME',
    ]);
    expect(props['openslide.background-color']).toBe('FFFFFF');
    expect(props['openslide.mpp-x']).toBe('0.2431');
  });

  it('splits the description on newlines unless it has more `|`, trimming keys and values', () => {
    expect(
      headerProperties({ 'tiff.ImageDescription': ' a = 1 \n b=x|y \nno equals\nFilename = f\n c = = 2 ' }),
    ).toEqual({ 'tiff.ImageDescription.a': '1', 'tiff.ImageDescription.b': 'x|y', 'tiff.ImageDescription.c': '= 2' });
    expect(headerProperties({ 'tiff.ImageDescription': 'head|k1 = v1|k2 = v2\nmore' })).toEqual({
      'tiff.ImageDescription.k1': 'v1',
      'tiff.ImageDescription.k2': 'v2\nmore',
    });
  });

  it('keeps an openslide.comment that differs from the description; fails (500) without a description', () => {
    expect(headerProperties({ 'openslide.comment': 'scanner note', 'tiff.ImageDescription': 'x = 1' })).toEqual({
      'openslide.comment': 'scanner note',
      'tiff.ImageDescription.x': '1',
    });
    let error: unknown;
    try {
      headerProperties({ 'openslide.comment': 'orphan' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SlideImageError);
    expect(error).toMatchObject({ code: 'bad_metadata', status: 500 });
  });
});
