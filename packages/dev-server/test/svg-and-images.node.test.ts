/**
 * E20/E21 annotation SVG (protocol §7.6, the §14 bodies) and the viewer images X14, X15,
 * X17, X18 (§11.7, §11.8).
 */
import UPNG from 'upng-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pyFixed6 } from '../src/data/svg.js';
import { seed } from '../src/seed.js';
import { startTestServer, type TestServer } from './helpers.js';

let t: TestServer;
let writer: string;
let reader: string;
beforeAll(async () => {
  t = await startTestServer();
  [writer, reader] = await Promise.all([t.login('writer'), t.login('reader')]);
  const doc =
    '[["Layer", {"applyMatrix": true, "children": [["Path", {"applyMatrix": true, "segments": [[[100, 200], [0, 0], [10, 5]], [[300.5, 400], [-10, -5], [0, 0]]]}], ["Path", {"segments": [[1, 2], [3, 4]]}], ["PointText", {"applyMatrix": false, "matrix": [1, 0, 0, 1, 1416.5, 2090], "content": "CA2"}]]}]]';
  await t.post(`/task/${seed.tasks.annot.id}/slide/raw/raw/${TAU}/annot/set`, doc, writer);
});
afterAll(async () => {
  await t.server.stop();
});

const TAU = seed.slides.tau.id;
const P = seed.projects.main.id;
const ROOT = 'baseProfile="full" height="%H" version="1.1" width="%W" xmlns="http://www.w3.org/2000/svg" xmlns:ev="http://www.w3.org/2001/xml-events" xmlns:xlink="http://www.w3.org/1999/xlink"';
const form = new URLSearchParams({ stroke_width: '480', strip_width: '0', font_size: '2000px', font_color: 'black' });

describe('E20/E21 SVG', () => {
  it('E21 full resolution equals the recorded body; the mangled short-form path is skipped', async () => {
    const res = await t.post(`/api/task/1/slide_${TAU}_annot.svg`, form, reader);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename=slide_${TAU}_annot.svg`);
    expect(res.text).toBe(
      `<svg ${ROOT.replace('%H', '2000').replace('%W', '3000')}><defs /><path d="M100.000000,200.000000c10.000000,5.000000 190.500000,195.000000 200.500000,200.000000" fill="none" stroke="#000" stroke-width="480" /><text fill="black" font-size="2000px" stroke="black" x="1416.5" y="2090.0">CA2</text></svg>`,
    );
  });

  it('E20 scales to a maximum dimension (recorded body for 300)', async () => {
    const res = await t.post(`/api/task/1/slide_${TAU}_annot_300.svg`, form, reader);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename=slide_${TAU}_annot_300.svg`);
    expect(res.text).toBe(
      `<svg ${ROOT.replace('%H', '200').replace('%W', '300')}><defs /><path d="M10.000000,20.000000c1.000000,0.500000 19.050000,19.500000 20.050000,20.000000" fill="none" stroke="#000" stroke-width="48" /><text fill="black" font-size="200px" stroke="black" x="141.65" y="209.0">CA2</text></svg>`,
    );
  });

  it('uses the defaults on GET, draws strips, and escapes attribute text', async () => {
    const get = await t.get(`/api/task/1/slide_${TAU}_annot.svg`, reader);
    expect(get.text).toContain('stroke-width="480"');
    const strips = await t.post(`/api/task/1/slide_${TAU}_annot.svg`, new URLSearchParams({ strip_width: '20', font_color: 'a"<b' }), reader);
    expect(strips.text.match(/fill="#ddd"/g)).toHaveLength(1);
    expect(strips.text.match(/fill="#aaa"/g)).toHaveLength(1);
    expect(strips.text).toContain('fill="a&quot;&lt;b"');
  });

  it('an empty SVG without annotation; 500 for non-integer widths; 403 outside the task', async () => {
    expect((await t.get(`/api/task/1/slide_${seed.slides.plain.id}_annot_100.svg`, reader)).text).toBe(`<svg ${ROOT.replace('%H', '100').replace('%W', '74')}><defs /></svg>`);
    expect((await t.post(`/api/task/1/slide_${TAU}_annot.svg`, new URLSearchParams({ stroke_width: '4.5' }), reader)).status).toBe(500);
    expect((await t.get(`/api/task/${seed.tasks.browse.id}/slide_${TAU}_annot.svg`, reader)).status).toBe(403);
  });

  it('pyFixed6 rounds exact ties half to even like Python %f', () => {
    expect(pyFixed6(0.0078125)).toBe('0.007812');
    expect(pyFixed6(0.0234375)).toBe('0.023438');
    expect(pyFixed6(-2.5)).toBe('-2.500000');
    expect(pyFixed6(-0)).toBe('-0.000000');
    expect(pyFixed6(1 / 3)).toBe('0.333333');
  });
});

describe('Deep Zoom and thumbnails', () => {
  const decode = (b: Uint8Array) => UPNG.decode(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);

  it('X14 descriptor XML; X15 PNG and JPEG tiles; bad format 404', async () => {
    const dzi = await t.get(`/dzi/raw/${P}/${TAU}/raw.dzi`, reader);
    expect(dzi.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(dzi.text).toBe('<Image TileSize="254" Overlap="1" Format="png" xmlns="http://schemas.microsoft.com/deepzoom/2008"><Size Width="3000" Height="2000" /></Image>');
    const tile = await t.get(`/dzi/raw/${P}/${TAU}/raw_files/0/0_0.png`, reader);
    expect(tile.headers.get('content-type')).toBe('image/png');
    expect([decode(tile.bytes).width, decode(tile.bytes).height]).toEqual([1, 1]);
    const jpeg = await t.get(`/dzi/raw/${P}/${TAU}/raw_files/12/3_2.jpeg`, reader);
    expect(jpeg.headers.get('content-type')).toBe('image/jpeg');
    expect([jpeg.bytes[0], jpeg.bytes[1]]).toEqual([0xff, 0xd8]);
    expect((await t.get(`/dzi/raw/${P}/${TAU}/raw_files/0/0_0.gif`, reader)).status).toBe(404);
    expect((await t.get(`/dzi/raw/${P}/99/raw.dzi`, reader)).status).toBe(403);
  });

  it('X10 random patch (task-slide read + API) and X11 (slide read, E16 formats)', async () => {
    const x10 = await t.get(`/api/task/1/slide/${TAU}/random_patch/64`, writer);
    expect(x10.headers.get('content-type')).toBe('image/png');
    expect([decode(x10.bytes).width, decode(x10.bytes).height, decode(x10.bytes).ctype]).toEqual([64, 64, 6]);
    expect((await t.get(`/api/task/1/slide/${TAU}/random_patch/64`, reader)).status).toBe(403); // no API permission
    const x11 = await t.post(`/dzi/random_patch/${P}/${TAU}/raw/1/32.png`, undefined, reader);
    expect([decode(x11.bytes).width, decode(x11.bytes).height]).toEqual([32, 32]);
    expect((await t.get(`/dzi/random_patch/${P}/${TAU}/raw/1/32.tif`, reader)).text).toBe('bad format');
    expect((await t.get(`/dzi/random_patch/${P}/${TAU}/raw/1/32.jpeg`, reader)).status).toBe(500);
    expect((await t.get(`/dzi/random_patch/${P}/${TAU}/raw/0/5000.png`, reader)).status).toBe(500);
  });

  it('X17 task thumbnail (task-slide read) and X18 small thumbnail (no login, fits 256×192)', async () => {
    const x17 = await t.get(`/api/task/1/slide/${TAU}_thumbnail.png`, reader);
    expect([decode(x17.bytes).width, decode(x17.bytes).height]).toEqual([1000, 667]);
    const x18 = await t.get(`/slide/${TAU}/thumb`);
    expect(x18.status).toBe(200);
    const img = decode(x18.bytes);
    expect(img.width <= 256 && img.height <= 192 && (img.width === 256 || img.height === 192)).toBe(true);
    expect((await t.get('/slide/99/thumb')).status).toBe(404);
  });
});
