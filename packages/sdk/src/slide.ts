/**
 * `Slide`: one whole-slide image seen through a task (Python's `phas.client.Slide`), with its
 * info (E11), tags (E12), headers (E13, E14), file path (E15), patches (E16) and NIfTI
 * thumbnail (E17). Protocol §5, §6.1, §6.2.
 */
import type { RasterImage } from '@phas/raster-wasm';
import { SharedValue } from './concurrency-once.js';
import { PhasNotFoundError, PhasResponseError } from './errors/index.js';
import { decodePngInto } from './image/png-decode-async.js';
import type { PastePosition } from './image/png-decode-plan.js';
import { readPatch, type PatchOptions, type PlannedRegion, type RegionReader } from './patch.js';
import { regionPath } from './patch-plan.js';
import {
  openSlideHeaderSchema,
  slideFilePathSchema,
  slideHeaderSchema,
  slideInfoSchema,
  slideTagsSchema,
  type Pair,
  type SlideInfo,
  type SlideProperties,
} from './slide-schemas.js';
import type { RequestOptions, Transport } from './transport/transport.js';
import { route } from './transport/url.js';
import { checkFilename, writeResultFile } from './util/files.js';
import { checkId, checkInteger, checkOptions, checkSignal } from './util/validate.js';

/** What a `Slide` needs from its task (a `Task` is one). */
export interface SlideTaskRef {
  readonly taskId: number;
  /** The task's project (E7 `project`), used for the `/dzi/<project>/…` routes (protocol Q41). */
  readonly project: string;
  readonly client: SlideClientRef;
}

/** What a `Slide` needs from the client: its transport and default bulk concurrency. */
export interface SlideClientRef {
  /** @internal */
  readonly transport: Transport;
  /** Parallel requests for bulk work (the client option, default 6). */
  readonly concurrency: number;
}

/** Options of {@link Slide.thumbnailNiftiImage}. */
export interface ThumbnailNiftiOptions extends RequestOptions {
  /** Longest side of the thumbnail in pixels (default 1000, like Python's `max_dim`). */
  maxDim?: number;
  /** Node only: write the `.nii.gz` bytes to this path (atomically) instead of returning them. */
  filename?: string;
}

const DEFAULT_THUMBNAIL_MAX_DIM = 1000;

/**
 * A slide of a task. Created with {@link Slide.open} (or `task.slide(id)`), which fetches the
 * slide's info; the rest is fetched on first use and cached.
 *
 * @example
 * ```ts
 * const slide = await Slide.open(task, 2);
 * console.log(slide.stain, await slide.dimensions());
 * const patch = await slide.getPatch({ center: [1500, 1000], level: 1, size: [300, 200] });
 * ```
 */
export class Slide {
  /** The task the slide is accessed through. */
  readonly task: SlideTaskRef;
  /** The slide's id. */
  readonly slideId: number;
  /** The id of the task the slide is accessed through. */
  readonly taskId: number;
  /** The project whose URL schema serves the slide's files. */
  readonly project: string;
  /** The server's slide info object (E11), keys unchanged. */
  readonly detail: SlideInfo;
  readonly #transport: Transport;
  readonly #header: SharedValue<{ dimensions: Pair | null; spacing: Pair | null }>;
  readonly #openSlide: SharedValue<{ properties: SlideProperties; level_dimensions: Pair[]; level_downsamples: number[] }>;
  readonly #filePath: SharedValue<{ local: string; remote: string }>;
  readonly #tags: SharedValue<string[]>;

  private constructor(task: SlideTaskRef, slideId: number, detail: SlideInfo) {
    this.task = task;
    this.slideId = slideId;
    this.taskId = task.taskId;
    this.project = task.project;
    this.detail = detail;
    this.#transport = task.client.transport;
    const t = this.#transport;
    const { project, taskId } = this;
    this.#header = new SharedValue(() => t.getJson(route`/dzi/${project}/${slideId}/header`, slideHeaderSchema));
    this.#openSlide = new SharedValue(() =>
      t.getJson(route`/dzi/download/${project}/slide_${slideId}_raw_header.json`, openSlideHeaderSchema),
    );
    this.#filePath = new SharedValue(() => t.getJson(route`/dzi/${project}/${slideId}/filepath`, slideFilePathSchema));
    this.#tags = new SharedValue(() => t.getJson(route`/api/task/${taskId}/slide/${slideId}/tags`, slideTagsSchema));
  }

  /**
   * Open a slide through a task: fetches its info (E11). The slide does not have to be in the
   * task's slide index; read access through any task suffices (protocol Q22).
   *
   * @example
   * ```ts
   * const slide = await Slide.open(task, 2);
   * slide.specimenPublic; // 'Anon 0002'
   * ```
   */
  static async open(task: SlideTaskRef, slideId: number, options: RequestOptions = {}): Promise<Slide> {
    const id = checkId(slideId, 'slideId');
    const o = checkOptions(options, 'options', ['signal', 'timeout']);
    checkSignal(o.signal, 'options.signal');
    const detail = await task.client.transport.getJson(
      route`/api/task/${task.taskId}/slide/${id}/info`,
      slideInfoSchema,
      o,
    );
    return new Slide(task, id, detail);
  }

  /** Public specimen name (E11 `specimen_public`). @example `slide.specimenPublic // 'Anon 0002'` */
  get specimenPublic(): string {
    return this.detail.specimen_public;
  }

  /** Private specimen name, `null` in anonymized mode. @example `slide.specimenPrivate // 'S1'` */
  get specimenPrivate(): string | null {
    return this.detail.specimen_private;
  }

  /** Block name. @example `slide.blockName // 'B01'` */
  get blockName(): string {
    return this.detail.block_name;
  }

  /** Section number. @example `slide.section // 3` */
  get section(): number {
    return this.detail.section;
  }

  /** Slide number within the section (E11 `slide`). @example `slide.slideNumber // 1` */
  get slideNumber(): number {
    return this.detail.slide;
  }

  /** Stain. @example `slide.stain // 'Nissl'` */
  get stain(): string {
    return this.detail.stain;
  }

  /**
   * Level-0 `[width, height]` in pixels from the slide's metadata (E13), or `null` when the
   * metadata has none. Fetched once.
   *
   * @example
   * ```ts
   * const [width, height] = (await slide.dimensions())!;
   * ```
   */
  async dimensions(): Promise<Pair | null> {
    return copyPair((await this.#header.get()).dimensions);
  }

  /**
   * Pixel size `[sx, sy]` in millimetres (E13), or `null` when the metadata has none. Fetched once.
   *
   * @example
   * ```ts
   * await slide.spacing(); // [0.0005, 0.0005]
   * ```
   */
  async spacing(): Promise<Pair | null> {
    return copyPair((await this.#header.get()).spacing);
  }

  /**
   * `[width, height]` of every pyramid level, level 0 first (E14). Fetched once.
   *
   * @example
   * ```ts
   * await slide.levelDimensions(); // [[3000, 2000], [1500, 1000], [750, 500]]
   * ```
   */
  async levelDimensions(): Promise<Pair[]> {
    return (await this.#openSlide.get()).level_dimensions.map((p) => [p[0], p[1]]);
  }

  /**
   * The downsample factor of every pyramid level (E14; level 0 is 1). Fetched once.
   *
   * @example
   * ```ts
   * await slide.levelDownsamples(); // [1, 2, 4]
   * ```
   */
  async levelDownsamples(): Promise<number[]> {
    return [...(await this.#openSlide.get()).level_downsamples];
  }

  /**
   * The OpenSlide properties as PHAS reports them (E14, resource `raw`; protocol §5.6). Fetched once.
   *
   * @example
   * ```ts
   * (await slide.properties())['openslide.vendor']; // 'generic-tiff'
   * ```
   */
  async properties(): Promise<SlideProperties> {
    return { ...(await this.#openSlide.get()).properties };
  }

  /**
   * The slide file's path on the server or its `gs://` URL (E15 `remote`; needs slide admin
   * rights). Fetched once.
   *
   * @example
   * ```ts
   * await slide.fullpath(); // '/data/proj1/S1_slide_001.tiff'
   * ```
   */
  async fullpath(): Promise<string> {
    return (await this.#filePath.get()).remote;
  }

  /**
   * The slide's external tags (E12; needs admin rights on the slide). Fetched once.
   *
   * @example
   * ```ts
   * await slide.tags(); // ['diag', 'hippo']
   * ```
   */
  async tags(): Promise<string[]> {
    return [...(await this.#tags.get())];
  }

  /**
   * Read a region of the slide as RGBA (Python's `get_patch`). `center` is in level-0 pixels,
   * `size` in pixels at `level`. The region is split into `tileSize` tiles (default 1024, 0 = one
   * request) exactly like the Python client and the tiles are fetched in parallel, up to the
   * client's `concurrency`. Outside the slide the pixels are transparent; unlike Python, a
   * region near the top or left edge works too (protocol Q4). Arguments are checked before any
   * request (`PhasInputError`), the level against the slide's pyramid.
   *
   * @example
   * ```ts
   * const patch = await slide.getPatch({
   *   center: [1500, 1000],
   *   level: 1,
   *   size: [300, 200],
   *   onProgress: ({ loaded, total }) => console.log(`${loaded}/${total} tiles`),
   * });
   * patch.data.length; // 300 * 200 * 4
   * ```
   */
  async getPatch(options: PatchOptions): Promise<RasterImage> {
    return readPatch(this.#regionReader(), options);
  }

  /**
   * The slide's thumbnail as a gzipped NIfTI image (E17): RGB, longest side `maxDim` (default
   * 1000, never enlarged beyond the slide), spacing in mm. Python's version never worked
   * (protocol Q1); this calls the endpoint that does. With `filename` (Node only) the bytes are
   * written to that file atomically and `undefined` is returned.
   *
   * A task's download limit surfaces as `PhasNotFoundError` with code
   * `download_limit_exceeded`, a slide without spacing as code `missing_spacing`.
   *
   * @example
   * ```ts
   * const bytes = await slide.thumbnailNiftiImage({ maxDim: 500 });
   * await slide.thumbnailNiftiImage({ filename: 'thumb.nii.gz' }); // Node
   * ```
   */
  async thumbnailNiftiImage(options: ThumbnailNiftiOptions = {}): Promise<Uint8Array | undefined> {
    const o = checkOptions(options, 'options', ['maxDim', 'filename', 'signal', 'timeout']);
    const maxDim = o.maxDim === undefined ? DEFAULT_THUMBNAIL_MAX_DIM : checkInteger(o.maxDim, 'maxDim', 1);
    const filename = checkFilename(o.filename, 'filename');
    checkSignal(o.signal, 'signal');
    const path = route`/dzi/download/task/${this.taskId}/slide_${this.slideId}_raw_${maxDim}.nii.gz`;
    let bytes: Uint8Array;
    try {
      bytes = await this.#transport.getBytes(path, { signal: o.signal, timeout: o.timeout });
    } catch (error) {
      throw refineThumbnailError(error);
    }
    if (filename === undefined) return bytes;
    await writeResultFile(filename, bytes, 'filename');
    return undefined;
  }

  #regionReader(): RegionReader {
    return {
      concurrency: this.task.client.concurrency,
      levelDownsamples: async ({ signal }) => [...(await this.#openSlide.get(signal)).level_downsamples],
      readRegion: (region, signal, into) => this.#readRegion(region, signal, into),
    };
  }

  async #readRegion(region: PlannedRegion, signal: AbortSignal, into: PastePosition): Promise<void> {
    const path = `${route`/dzi/patch/${this.project}/${this.slideId}/raw/`}${regionPath(region)}`;
    const bytes = await this.#transport.getBytes(path, { signal });
    const url = `${this.#transport.baseUrl}${path}`;
    const sizeError = (width: number, height: number) =>
      new PhasResponseError(`GET ${url}: expected a ${region.width}×${region.height} image, got ${width}×${height}`, { url });
    try {
      await decodePngInto(bytes, into, (width, height) => {
        if (width !== region.width || height !== region.height) throw sizeError(width, height);
      });
    } catch (error) {
      if (error instanceof PhasResponseError) throw error;
      throw new PhasResponseError(`GET ${url}: the server did not answer with a PNG image`, { url, cause: error });
    }
  }
}

function copyPair(pair: Pair | null): Pair | null {
  return pair === null ? null : [pair[0], pair[1]];
}

/** Give E17's meaningful 404s their own codes (protocol Q36, §6.2). */
function refineThumbnailError(error: unknown): unknown {
  if (!(error instanceof PhasNotFoundError)) return error;
  const text = error.serverMessage ?? '';
  const code = /exceed permitted download size/i.test(text)
    ? 'download_limit_exceeded'
    : /missing pixel dimension/i.test(text)
      ? 'missing_spacing'
      : undefined;
  if (code === undefined) return error;
  return new PhasNotFoundError(error.message, {
    status: error.status,
    url: error.url,
    method: error.method,
    serverMessage: error.serverMessage,
    code,
    cause: error,
  });
}
