/**
 * The slide headers PHAS serves: E13's dimensions/spacing and E14's OpenSlide header
 * (protocol §5.5, §5.6). Browser-safe.
 */
import type { SyntheticSlide } from './catalog.js';
import { SlideImageError } from './errors.js';

/** E13 body: level-0 size and spacing (mm) from the slide's metadata file. */
export interface DimensionsHeader {
  dimensions: [number, number];
  spacing: [number, number] | null;
}

/** E14 body (keys in PHAS's order). `level_downsamples` are Python floats on the wire (`1.0`). */
export interface OpenSlideHeader {
  properties: Record<string, string>;
  level_dimensions: [number, number][];
  level_downsamples: number[];
}

/** Property-name prefixes PHAS leaves out of E14. */
const DROPPED_PREFIXES = [
  'mirax.DATAFILE.FILE',
  'mirax.HIERARCHICAL',
  'mirax.LAYER',
  'mirax.NONHIERLAYER',
  'openslide.level',
  'openslide.quickhash',
  'aperio.Filename',
  'aperio.User',
];

/**
 * E13's body for a slide: `{ dimensions: [W, H], spacing: [sx, sy] | null }`.
 *
 * @example
 * ```ts
 * dimensionsHeader(slide3000x2000); // { dimensions: [3000, 2000], spacing: [0.0005, 0.0005] }
 * ```
 */
export function dimensionsHeader(slide: SyntheticSlide): DimensionsHeader {
  return {
    dimensions: [slide.width, slide.height],
    spacing: slide.spacing === null ? null : [slide.spacing[0], slide.spacing[1]],
  };
}

/**
 * PHAS's view of an OpenSlide property map (§5.6), in iteration order: dropped prefixes
 * removed; `tiff.ImageDescription` split into lines (on `|` when it has more `|` than
 * newlines, else on newlines) and every line with an `=` turned into
 * `tiff.ImageDescription.<key>` = `<value>` (both trimmed, split at the first `=`), except
 * keys `Filename` and `User`; `openslide.comment*` entries equal to the description dropped.
 *
 * @throws SlideImageError `bad_metadata` (500) when an `openslide.comment*` property exists
 *   but `tiff.ImageDescription` does not (PHAS fails the same way).
 * @example
 * ```ts
 * headerProperties({ 'openslide.vendor': 'generic-tiff', 'tiff.ImageDescription': 'AppMag = 20\nMPP = 0.5' });
 * // { 'openslide.vendor': 'generic-tiff', 'tiff.ImageDescription.AppMag': '20', 'tiff.ImageDescription.MPP': '0.5' }
 * ```
 */
export function headerProperties(properties: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  const description = properties['tiff.ImageDescription'];
  for (const [key, value] of Object.entries(properties)) {
    if (key === 'tiff.ImageDescription') {
      const sep = count(value, '|') > count(value, '\n') ? '|' : '\n';
      for (const line of value.split(sep)) {
        const eq = line.indexOf('=');
        if (eq < 0) continue;
        const k = line.slice(0, eq).trim();
        if (k !== 'Filename' && k !== 'User') out[`tiff.ImageDescription.${k}`] = line.slice(eq + 1).trim();
      }
    } else if (DROPPED_PREFIXES.some((prefix) => key.startsWith(prefix))) {
      continue;
    } else if (key.startsWith('openslide.comment')) {
      if (description === undefined) {
        throw new SlideImageError('bad_metadata', 500, `Property ${key} present without tiff.ImageDescription`);
      }
      if (value !== description) out[key] = value;
    } else {
      out[key] = value;
    }
  }
  return out;
}

/**
 * E14's body for a slide: filtered properties, level sizes and downsamples.
 *
 * @example
 * ```ts
 * openslideHeader(slide3000x2000).level_dimensions; // [[3000, 2000], [1500, 1000], [750, 500]]
 * ```
 */
export function openslideHeader(slide: SyntheticSlide): OpenSlideHeader {
  return {
    properties: headerProperties(slide.properties),
    level_dimensions: slide.levels.map((l) => [l.width, l.height]),
    level_downsamples: slide.levels.map((l) => l.downsample),
  };
}

function count(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}
