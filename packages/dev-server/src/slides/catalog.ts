/**
 * The synthetic slides the dev server serves: sizes, pyramids, spacing and OpenSlide-like
 * property maps. Pure data, browser-safe (no `node:*`), so tests running in a browser can
 * rebuild the same slides and check the pixels they received.
 */
import { MAX_CODED_LEVEL } from './position.js';

/** One level of a slide's image pyramid, as OpenSlide reports it. */
export interface PyramidLevel {
  /** Level width in pixels (`floor(W / f^k)`). */
  readonly width: number;
  /** Level height in pixels (`floor(H / f^k)`). */
  readonly height: number;
  /**
   * OpenSlide's downsample of this level: the mean of `W / width` and `H / height`
   * (so it is not always a power of two, e.g. 64.0102… for a 1562-wide level of a
   * 100,000-wide slide). Level 0 is exactly 1.
   */
  readonly downsample: number;
}

/**
 * A synthetic whole-slide image. Its pixels are computed on demand from `seed` and the
 * geometry (see `pixels.ts`); nothing is stored. `name` and `id` do not influence the
 * pixels, so a caller may relabel a slide (`{ ...slide, id: 7, name: 'S1_slide_001' }`).
 */
export interface SyntheticSlide {
  /** Numeric slide id the catalog suggests (1-based, unique within the catalog). */
  readonly id: number;
  /** File stem (PHAS `slide_name`). */
  readonly name: string;
  /** File extension without the dot (PHAS `slide_ext`), e.g. `tiff`, `svs`. */
  readonly ext: string;
  /** Level-0 width in pixels. */
  readonly width: number;
  /** Level-0 height in pixels. */
  readonly height: number;
  /** The pyramid, level 0 first. */
  readonly levels: readonly PyramidLevel[];
  /**
   * Pixel size in millimetres `[sx, sy]` from the slide's metadata file (protocol §5.5),
   * or `null` when the metadata has none (E13 then answers `null`, E17 a 404).
   */
  readonly spacing: readonly [number, number] | null;
  /**
   * The raw OpenSlide property map (string values, names in byte order), including the
   * keys PHAS drops from its header (`openslide.level[…]`, `openslide.quickhash-1`, …)
   * and the unsplit `tiff.ImageDescription`. See `headerProperties()` for E14's view.
   */
  readonly properties: Readonly<Record<string, string>>;
  /** Seed of the tissue pattern (32-bit unsigned). */
  readonly seed: number;
}

/**
 * What `makeSyntheticSlide` needs. Only the geometry and `seed` shape the pixels; the rest
 * is metadata.
 */
export interface SyntheticSlideOptions {
  id: number;
  /** File stem. */
  name: string;
  /** File extension without the dot. `svs` defaults the vendor to Aperio. */
  ext: string;
  /** Level-0 size in pixels. */
  width: number;
  height: number;
  /** Number of pyramid levels (1 to 8: the position code stores the level in 3 bits). */
  levelCount: number;
  /** Size ratio between consecutive levels (default 2; Aperio files often use 4). */
  levelFactor?: number;
  /** Microns per pixel (one value or `[x, y]`), or `null` when the metadata has no spacing. */
  mpp: number | readonly [number, number] | null;
  /** Pattern seed (default: a hash of `name`). */
  seed?: number;
  /** OpenSlide vendor (default `aperio` for `svs`, else `generic-tiff`). */
  vendor?: string;
  /**
   * `tiff.ImageDescription` (also copied to `openslide.comment`). Default: an Aperio-style
   * `|`-separated description for Aperio, `AppMag = 20\nMPP = <mpp>` for generic TIFF with
   * spacing; `null` for none.
   */
  imageDescription?: string | null;
  /** Extra properties, merged over the generated ones. */
  properties?: Record<string, string>;
}

/**
 * The pyramid OpenSlide would report for a slide whose level k is `floor(W / f^k)` ×
 * `floor(H / f^k)`: downsample = mean of the two axis ratios.
 *
 * @example
 * ```ts
 * pyramidLevels(3000, 2000, 3, 2);
 * // [{ width: 3000, height: 2000, downsample: 1 }, { width: 1500, height: 1000, downsample: 2 },
 * //  { width: 750, height: 500, downsample: 4 }]
 * ```
 */
export function pyramidLevels(width: number, height: number, count: number, factor = 2): PyramidLevel[] {
  const levels: PyramidLevel[] = [];
  for (let k = 0; k < count; k++) {
    const scale = factor ** k;
    const w = Math.max(1, Math.floor(width / scale));
    const h = Math.max(1, Math.floor(height / scale));
    const downsample = k === 0 ? 1 : (width / w + height / h) / 2;
    levels.push(Object.freeze({ width: w, height: h, downsample }));
  }
  return levels;
}

/** The full OpenSlide property map of a slide, names sorted in byte order. */
function openslideProperties(
  o: SyntheticSlideOptions,
  vendor: string,
  mpp: readonly [number, number] | null,
  seed: number,
  levels: readonly PyramidLevel[],
): Record<string, string> {
  const description = o.imageDescription === undefined ? defaultDescription(o, vendor, mpp) : o.imageDescription;
  const props: Record<string, string> = {
    'openslide.level-count': String(levels.length),
    'openslide.quickhash-1': quickhash(seed),
    'openslide.vendor': vendor,
  };
  levels.forEach((level, k) => {
    props[`openslide.level[${k}].downsample`] = String(level.downsample);
    props[`openslide.level[${k}].height`] = String(level.height);
    props[`openslide.level[${k}].tile-height`] = '256';
    props[`openslide.level[${k}].tile-width`] = '256';
    props[`openslide.level[${k}].width`] = String(level.width);
  });
  if (vendor === 'generic-tiff') {
    // ResolutionUnit "none": OpenSlide reports no openslide.mpp-* (the metadata file has the spacing).
    Object.assign(props, {
      'tiff.ResolutionUnit': 'none',
      'tiff.Software': 'tifffile.py',
      'tiff.XResolution': '1',
      'tiff.YResolution': '1',
    });
  } else if (vendor === 'aperio') {
    Object.assign(props, {
      'aperio.AppMag': '20',
      'aperio.Filename': String(o.id),
      'aperio.User': '00000000-0000-4000-8000-000000000000',
      'openslide.objective-power': '20',
      'tiff.ResolutionUnit': 'inch',
    });
    if (mpp !== null) {
      props['aperio.MPP'] = String(mpp[0]);
      props['openslide.mpp-x'] = String(mpp[0]);
      props['openslide.mpp-y'] = String(mpp[1]);
    }
  }
  if (description !== null) {
    props['tiff.ImageDescription'] = description;
    props['openslide.comment'] = description;
  }
  Object.assign(props, o.properties);
  const sorted: Record<string, string> = {};
  for (const key of Object.keys(props).sort(byteOrder)) sorted[key] = props[key];
  return sorted;
}

/** The default `tiff.ImageDescription` of a vendor, or null. */
function defaultDescription(
  o: SyntheticSlideOptions,
  vendor: string,
  mpp: readonly [number, number] | null,
): string | null {
  const mppText = mpp === null ? [] : [`MPP = ${mpp[0]}`];
  if (vendor === 'aperio') {
    return [
      `Aperio Image Library v12.0.15 \r\n${o.width}x${o.height} [0,0 ${o.width}x${o.height}] (256x256) JPEG/RGB Q=70`,
      'AppMag = 20',
      `Filename = ${o.id}`,
      'User = 00000000-0000-4000-8000-000000000000',
      ...mppText,
    ].join('|');
  }
  if (vendor === 'generic-tiff') return ['AppMag = 20', ...mppText].join('\n');
  return null;
}

/** 32-bit FNV-1a hash of a string (the default pattern seed). */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Compare strings by UTF-16 code units (= byte order for the ASCII names used here). */
function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A stable 64-hex-digit stand-in for OpenSlide's quickhash (dropped by PHAS anyway). */
function quickhash(seed: number): string {
  let out = '';
  let h = seed >>> 0;
  for (let i = 0; i < 8; i++) {
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) + 0x6a09e667;
    h = (h ^ (h >>> 12)) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

/** The slides behind `createSyntheticSlides()`. */
const CATALOG: readonly SyntheticSlideOptions[] = [
  {
    // Aperio-style: factor-4 pyramid, `|`-separated ImageDescription (PHAS drops its
    // Filename/User entries and the aperio.Filename/aperio.User properties).
    id: 1,
    name: 'synthetic_40k_x_30k',
    ext: 'svs',
    width: 40_000,
    height: 30_000,
    levelCount: 3,
    levelFactor: 4,
    mpp: 0.499,
    seed: 0x5eed0001,
  },
  {
    // The slide of the protocol's examples (E14 example header, §10.3 worked example).
    id: 2,
    name: 'synthetic_3000_x_2000',
    ext: 'tiff',
    width: 3000,
    height: 2000,
    levelCount: 3,
    mpp: 0.5,
    seed: 0x5eed0002,
  },
  {
    // A large slide: 100,000 × 80,000 with 8 levels (down to 781 × 625).
    id: 3,
    name: 'synthetic_100k_x_80k',
    ext: 'tiff',
    width: 100_000,
    height: 80_000,
    levelCount: 8,
    mpp: 0.25,
    seed: 0x5eed0003,
    imageDescription: 'AppMag = 40\nMPP = 0.25',
    properties: { 'openslide.objective-power': '40' },
  },
  {
    // Odd sizes: non-integer downsamples and a portrait aspect. MIRAX-style properties
    // exercise PHAS's dropped prefixes.
    id: 4,
    name: 'synthetic_2999_x_4001',
    ext: 'mrxs',
    width: 2999,
    height: 4001,
    levelCount: 4,
    mpp: 0.2431,
    seed: 0x5eed0004,
    vendor: 'mirax',
    properties: {
      'mirax.DATAFILE.FILE_0': 'Data0000.dat',
      'mirax.DATAFILE.FILE_COUNT': '1',
      'mirax.GENERAL.OBJECTIVE_MAGNIFICATION': '20',
      'mirax.GENERAL.SLIDE_NAME': 'synthetic_2999_x_4001',
      'mirax.HIERARCHICAL.HIER_COUNT': '4',
      'mirax.LAYER_0_LEVEL_0_SECTION.MICROMETER_PER_PIXEL_X': '0.2431',
      'mirax.LAYER_0_LEVEL_0_SECTION.MICROMETER_PER_PIXEL_Y': '0.2431',
      'mirax.NONHIERLAYER_0_SECTION.SCANNER_HARDWARE_VERSION': '1.0',
      'openslide.background-color': 'FFFFFF',
      'openslide.mpp-x': '0.2431',
      'openslide.mpp-y': '0.2431',
      'openslide.objective-power': '20',
    },
  },
  {
    // No spacing in the metadata file: E13 answers `"spacing": null`, E17 a 404.
    id: 5,
    name: 'synthetic_no_spacing',
    ext: 'tif',
    width: 6000,
    height: 4000,
    levelCount: 3,
    mpp: null,
    seed: 0x5eed0005,
  },
];

/**
 * Build a synthetic slide (frozen): pyramid, spacing (mm) and OpenSlide property map
 * derived from the options.
 *
 * @throws RangeError for a non-positive size, a level count outside 1…8, or a level factor ≤ 1.
 * @example
 * ```ts
 * const slide = makeSyntheticSlide({
 *   id: 7, name: 'HC001_B01_010_2_Tau', ext: 'tiff', width: 3000, height: 2000, levelCount: 3, mpp: 0.5,
 * });
 * slide.spacing; // [0.0005, 0.0005]
 * ```
 */
export function makeSyntheticSlide(options: SyntheticSlideOptions): SyntheticSlide {
  const { width, height, levelCount } = options;
  for (const [what, v] of [['width', width], ['height', height], ['levelCount', levelCount]] as const) {
    if (!Number.isInteger(v) || v <= 0) throw new RangeError(`Synthetic slide ${what} must be a positive integer, got ${v}`);
  }
  if (levelCount > MAX_CODED_LEVEL + 1) {
    throw new RangeError(`Synthetic slides have at most ${MAX_CODED_LEVEL + 1} levels (the position code holds 3 bits), got ${levelCount}`);
  }
  const factor = options.levelFactor ?? 2;
  if (!(factor > 1)) throw new RangeError(`Synthetic slide levelFactor must be > 1, got ${factor}`);
  const levels = Object.freeze(pyramidLevels(width, height, levelCount, factor));
  const mpp: readonly [number, number] | null =
    options.mpp === null ? null : typeof options.mpp === 'number' ? [options.mpp, options.mpp] : options.mpp;
  const seed = (options.seed ?? fnv1a(options.name)) >>> 0;
  const vendor = options.vendor ?? (options.ext === 'svs' ? 'aperio' : 'generic-tiff');
  return Object.freeze({
    id: options.id,
    name: options.name,
    ext: options.ext,
    width,
    height,
    levels,
    spacing: mpp === null ? null : Object.freeze([mpp[0] / 1000, mpp[1] / 1000] as const),
    properties: Object.freeze(openslideProperties(options, vendor, mpp, seed, levels)),
    seed,
  });
}

/**
 * The dev server's own catalog of synthetic slides (frozen, shared objects; a fresh array each call):
 *
 * | id | name | size | levels | spacing (mm) |
 * |---|---|---|---|---|
 * | 1 | `synthetic_40k_x_30k` (svs, Aperio) | 40,000 × 30,000 | 3 (÷4) | 0.000499 |
 * | 2 | `synthetic_3000_x_2000` (tiff) | 3000 × 2000 | 3 | 0.0005 |
 * | 3 | `synthetic_100k_x_80k` (tiff) | 100,000 × 80,000 | 8 | 0.00025 |
 * | 4 | `synthetic_2999_x_4001` (mrxs) | 2999 × 4001 | 4 (non-integer downsamples) | 0.0002431 |
 * | 5 | `synthetic_no_spacing` (tif) | 6000 × 4000 | 3 | none |
 *
 * A server with its own slide list builds its slides with `makeSyntheticSlide` instead.
 *
 * @example
 * ```ts
 * const slides = createSyntheticSlides();
 * const small = slides.find((s) => s.width === 3000)!;
 * small.levels.map((l) => l.downsample); // [1, 2, 4]
 * ```
 */
export function createSyntheticSlides(): SyntheticSlide[] {
  return CATALOG.map((o) => catalogSlide(o));
}

/**
 * One slide of `createSyntheticSlides()` by id, or `undefined`. Returns the same frozen
 * object every time (so per-slide caches stay warm).
 *
 * @example
 * ```ts
 * syntheticSlide(2)?.width; // 3000
 * syntheticSlide(99); // undefined
 * ```
 */
export function syntheticSlide(id: number): SyntheticSlide | undefined {
  const options = CATALOG.find((o) => o.id === id);
  return options === undefined ? undefined : catalogSlide(options);
}

const built = new Map<SyntheticSlideOptions, SyntheticSlide>();

/** The memoised slide of a catalog entry. */
function catalogSlide(options: SyntheticSlideOptions): SyntheticSlide {
  let slide = built.get(options);
  if (slide === undefined) {
    slide = makeSyntheticSlide(options);
    built.set(options, slide);
  }
  return slide;
}
