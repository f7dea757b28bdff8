/// <reference types="vite/client" />
// Loading the Pillow vectors (test/vectors/, see its README.md) in Node and in Chromium alike:
// the JSON is imported as text through Vite (no node:fs), hashes use WebCrypto.

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

/**
 * Compares raw pixels with a mask record: '' when the SHA-256 matches, else a short
 * description (expected vs actual histogram) for the assertion message.
 */
export async function maskMismatch(bytes: Uint8Array, record: Pick<MaskRecord, 'sha256' | 'nonzero'>): Promise<string> {
  if ((await sha256Hex(bytes)) === record.sha256) return '';
  return `pixels differ: expected nonzero ${JSON.stringify(record.nonzero)}, got ${JSON.stringify(nonzeroHistogram(bytes))}`;
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
