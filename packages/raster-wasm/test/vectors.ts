/// <reference types="vite/client" />
// Loading the Pillow vectors (test/vectors/, see its README.md) in Node and in Chromium alike:
// the JSON is imported as text through Vite (no node:fs), hashes use WebCrypto.

import UPNG from 'upng-js';
import polygonText from './vectors/polygon/cases.json?raw';
import trapezoidText from './vectors/trapezoid/cases.json?raw';
import extractorText from './vectors/extractor/cases.json?raw';

export interface MaskRecord {
  png: string;
  sha256: string;
  nonzero: Record<string, number>;
}

export interface Pillow94Record extends Partial<MaskRecord> {
  same_as_primary: boolean;
}

export interface PolygonCase {
  id: string;
  category: string;
  canvas: [number, number];
  sx: number;
  sy: number;
  shapes: { vertices: [number, number][]; fill: number | null; outline: number | null }[];
  expected: MaskRecord;
  pillow_9_4: Pillow94Record;
}

export interface TrapezoidCase {
  id: string;
  canvas: [number, number];
  sx: number;
  sy: number;
  geom: { type: 'trapezoid'; data: [[number, number, number], [number, number, number]] };
  fill: number | null;
  outline: number | null;
  corners: [number, number][];
  libm_sensitive: boolean;
  expected: MaskRecord;
  pillow_9_4: Pillow94Record;
}

export interface ExtractorTile {
  tile_index: [number, number];
  patch_xy: [number, number];
  patch_ctr: [number, number];
  mask_size: [number, number];
  geom_data: number[][];
  xy: [number, number][];
  tile_patch_origin: [number, number];
  libm_sensitive: boolean;
  mask: MaskRecord;
}

export interface ExtractorCase {
  id: string;
  category?: string;
  geom: { type: 'polygon'; data: [number, number][] } | { type: 'trapezoid'; data: [[number, number, number], [number, number, number]] };
  tile_size: number;
  sub_tiles_per_tile: number;
  padding: number;
  spacing: [number, number];
  expected: {
    bbox: [number, number, number, number];
    tw: number;
    th: number;
    tx: number;
    ty: number;
    canvas_size: [number, number];
    canvas_geom_data: number[][];
    canvas_xy: [number, number][];
    canvas_libm_sensitive: boolean;
    subtile_canvas: MaskRecord;
    tile_nz: [number, number][];
    tile_overlap: number[];
    tile_sums_sha256: string;
    tiles: ExtractorTile[];
  };
  pillow_9_4: {
    same_as_primary: boolean;
    subtile_canvas?: MaskRecord;
    tile_set_differs?: boolean;
    tile_nz?: [number, number][];
    tile_overlap?: number[];
    tile_masks?: (MaskRecord & { tile_index: [number, number] })[];
  };
}

export const polygonCases: PolygonCase[] = JSON.parse(polygonText).cases;
export const trapezoidCases: TrapezoidCase[] = JSON.parse(trapezoidText).cases;
export const extractorCases: ExtractorCase[] = JSON.parse(extractorText).cases;

/** Lower-case hex SHA-256 of raw bytes (WebCrypto: Node 20 and browsers). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Histogram {value: count} of the non-zero bytes, the vectors' `nonzero` field. */
export function nonzeroHistogram(bytes: Uint8Array): Record<string, number> {
  const counts = new Float64Array(256);
  for (let i = 0; i < bytes.length; i++) counts[bytes[i]]++;
  const out: Record<string, number> = {};
  for (let v = 1; v < 256; v++) if (counts[v]) out[String(v)] = counts[v];
  return out;
}

// The expected masks as PNG, loaded lazily (as data URLs) only to explain a mismatch.
const pngs = import.meta.glob('./vectors/**/*.png', { query: '?inline', import: 'default' }) as Record<string, () => Promise<string>>;

/** Decodes a vectors/ PNG (8-bit greyscale) to raw pixels. */
export async function loadMask(png: string): Promise<{ width: number; height: number; data: Uint8Array }> {
  const load = pngs[`./vectors/${png}`];
  if (!load) throw new Error(`no such mask: ${png}`);
  const url = await load();
  const bytes = Uint8Array.from(atob(url.slice(url.indexOf(',') + 1)), (c) => c.charCodeAt(0));
  const image = UPNG.decode(bytes.buffer);
  if (image.depth !== 8 || image.ctype !== 0) throw new Error(`${png}: not an 8-bit greyscale PNG`);
  // UPNG's data (an ArrayBuffer or a Uint8Array, by version) starts with the unfiltered rows
  const raw = new Uint8Array(image.data as ArrayBuffer);
  return { width: image.width, height: image.height, data: raw.slice(0, image.width * image.height) };
}

/** 'count pixels differ, first at (x,y) expected e got a, ...' against a decoded mask. */
export function describeDifferences(bytes: Uint8Array, expected: { width: number; data: Uint8Array }): string {
  if (bytes.length !== expected.data.length) return `size differs: ${bytes.length} bytes, expected ${expected.data.length}`;
  const first: string[] = [];
  let count = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === expected.data[i]) continue;
    if (count++ < 5) first.push(`(${i % expected.width},${Math.floor(i / expected.width)}) expected ${expected.data[i]} got ${bytes[i]}`);
  }
  return `${count} pixels differ: ${first.join('; ')}`;
}

/**
 * Compares raw pixels with a mask record: '' when the SHA-256 matches, else a description of
 * the difference for the assertion message (the PNG is decoded only then).
 */
export async function maskMismatch(bytes: Uint8Array, record: Pick<MaskRecord, 'sha256' | 'nonzero'> & { png?: string }): Promise<string> {
  if ((await sha256Hex(bytes)) === record.sha256) return '';
  const histogram = `expected nonzero ${JSON.stringify(record.nonzero)}, got ${JSON.stringify(nonzeroHistogram(bytes))}`;
  if (!record.png) return `pixels differ: ${histogram}`;
  return `${describeDifferences(bytes, await loadMask(record.png))}; ${histogram}`;
}

/** The vertices PHAS hands to Pillow: (x*sx, y*sy) as float64 products, flattened. */
export function scaledXY(vertices: readonly (readonly number[])[], sx: number, sy: number): Float64Array {
  const xy = new Float64Array(vertices.length * 2);
  vertices.forEach(([x, y], i) => {
    xy[2 * i] = x * sx;
    xy[2 * i + 1] = y * sy;
  });
  return xy;
}
