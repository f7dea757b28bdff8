/**
 * The seed covers what the protocol's §13.9 and the SDK tests need, and is consistent.
 */
import { describe, expect, it } from 'vitest';
import { seed } from '../src/seed.js';
import { syntheticSlide } from '../src/slides/catalog.js';

const tasks = Object.values(seed.tasks);
const slides = Object.values(seed.slides);
const labels = Object.values(seed.labelsets).flatMap((l) => l.labels);

describe('seed', () => {
  it('has unique ids and valid references', () => {
    const unique = (xs: (number | string)[]) => new Set(xs).size === xs.length;
    expect(unique(tasks.map((t) => t.id))).toBe(true);
    expect(unique(slides.map((s) => s.id))).toBe(true);
    expect(unique(slides.map((s) => s.name))).toBe(true);
    expect(unique(labels.map((l) => l.id))).toBe(true);
    const users = Object.values(seed.users).map((u) => u.username);
    for (const a of [...seed.projectAccess, ...seed.taskAccess, ...seed.annotations, ...seed.samples, ...seed.rois]) expect(users).toContain(a.user);
    for (const s of slides) expect(Object.values(seed.blocks).map((b) => b.id)).toContain(s.block);
    for (const x of [...seed.samples, ...seed.rois]) expect(labels.map((l) => l.id)).toContain(x.label);
  });

  it('label ids fit in a byte (E26 voxel values, Q52)', () => {
    expect(Math.max(...labels.map((l) => l.id))).toBeLessThan(256);
  });

  it('has every task mode, Q18 tasks, a reference task, a download limit and a restricted task', () => {
    expect(new Set(tasks.map((t) => t.json.mode))).toEqual(new Set(['annot', 'dltrain', 'sampling', 'browse']));
    expect(seed.tasks.dltrain.json.dltrain).toMatchObject({ 'min-size': expect.any(Number), 'max-size': expect.any(Number) });
    expect(seed.tasks.dltrainNoMax.json.dltrain).not.toHaveProperty('max-size');
    expect(tasks.some((t) => 'reference-task' in t.json)).toBe(true);
    expect(tasks.some((t) => 'download-slide-size-limit' in t.json)).toBe(true);
    expect(tasks.some((t) => t.json['restrict-access'])).toBe(true);
  });

  it('has the users §13.9 asks for', () => {
    const access = (user: string) => seed.projectAccess.filter((a) => a.user === user);
    expect(access('admin').every((a) => a.access === 'admin' && a.anon && a.api)).toBe(true);
    expect(access('writer').map((a) => [a.access, a.anon, a.api])).toEqual([['write', false, true]]);
    expect(access('reader').every((a) => a.access === 'read' && !a.api)).toBe(true);
    expect(seed.users.disabled.disabled && seed.users.expired.keyExpired && seed.users.noemail.email === null).toBe(true);
  });

  it('has a B,02 block, a big slide, and a slide without annotations, samples or ROIs', () => {
    expect(Object.values(seed.blocks).map((b) => b.name)).toContain('B,02');
    const big = syntheticSlide(seed.slides.big.image)!;
    expect(big.width).toBeGreaterThanOrEqual(100_000);
    expect(big.height).toBeGreaterThanOrEqual(80_000);
    expect(big.levels.length).toBeGreaterThanOrEqual(6);
    const plain = seed.slides.plain.id;
    expect([...seed.annotations, ...seed.samples, ...seed.rois].some((x) => x.slide === plain)).toBe(false);
    for (const s of slides) expect(syntheticSlide(s.image)).toBeDefined();
  });

  it('has polygon and trapezoid ROIs, and samples within the dltrain size limits', () => {
    expect(new Set(seed.rois.map((r) => r.geometry.type))).toEqual(new Set(['polygon', 'trapezoid']));
    const { 'min-size': min, 'max-size': max } = seed.tasks.dltrain.json.dltrain;
    for (const s of seed.samples) {
      const [x0, y0, x1, y1] = s.box;
      for (const side of [x1 - x0, y1 - y0]) expect(side >= min && side <= max).toBe(true);
    }
  });
});
