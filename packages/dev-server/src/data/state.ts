/**
 * The dev server's database: plain JSON-serialisable rows (so `dataDir` persistence is a
 * `JSON.stringify` away), created from the seed.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { AccessLevel, Seed, SeedTaskJson } from '../seed.js';
import { syntheticSlide, type SyntheticSlide } from '../slides/catalog.js';

export interface UserRow {
  id: number;
  username: string;
  email: string | null;
  disabled: boolean;
  siteAdmin: boolean;
}

export interface ApiKeyRow {
  key: string;
  userId: number;
  /** Epoch seconds. */
  tCreate: number;
  /** Epoch seconds. */
  tExpires: number;
}

export interface ProjectRow {
  id: string;
  dispName: string;
  desc: string | null;
}

export interface ProjectAccessRow {
  userId: number;
  project: string;
  access: AccessLevel;
  anon: boolean;
  api: boolean;
}

export interface TaskRow {
  id: number;
  project: string;
  json: SeedTaskJson;
}

export interface TaskAccessRow {
  userId: number;
  taskId: number;
  access: AccessLevel;
}

export interface LabelsetRow {
  id: number;
  project: string;
  name: string;
  description: string | null;
}

export interface LabelRow {
  id: number;
  labelset: number;
  name: string;
  description: string | null;
  color: string;
}

export interface SpecimenRow {
  id: number;
  project: string;
  privateName: string;
  publicName: string | null;
}

export interface BlockRow {
  id: number;
  specimen: number;
  name: string;
}

export interface SlideRow {
  id: number;
  block: number;
  section: number;
  slide: number;
  stain: string;
  name: string;
  ext: string;
  /** Id of the synthetic image (`createSyntheticSlides()`) behind the slide. */
  image: number;
  /** All tags; `external` ones come from the manifest (E12). */
  tags: { tag: string; external: boolean }[];
}

export interface AnnotationRow {
  task: number;
  slide: number;
  /** The stored document text (`json.dumps` of the transformed document). */
  json: string;
  nPaths: number;
  nMarkers: number;
  metaId: number;
  creator: number;
  editor: number;
  /** Epoch seconds (float). */
  tCreate: number;
  tEdit: number;
}

/** Common columns of training samples and sampling ROIs. */
export interface BoxRow {
  id: number;
  task: number;
  slide: number;
  label: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  metaId: number;
  creator: number;
  editor: number;
  tCreate: number;
  tEdit: number;
}

export interface SampleRow extends BoxRow {
  havePatch: boolean;
  /** Side of the square sample image (E28): `display-patch-size` at creation, 512 after an update (Q17). */
  patchSize: number;
}

export interface RoiRow extends BoxRow {
  /** The stored geometry text (`json.dumps` of the raw-space geometry). */
  json: string;
}

/** The whole mutable state. */
export interface DevState {
  version: 1;
  /** Flask `SECRET_KEY` equivalent: signs session cookies. Never logged. */
  secretKey: string;
  users: UserRow[];
  apiKeys: ApiKeyRow[];
  projects: ProjectRow[];
  projectAccess: ProjectAccessRow[];
  tasks: TaskRow[];
  taskAccess: TaskAccessRow[];
  labelsets: LabelsetRow[];
  labels: LabelRow[];
  specimens: SpecimenRow[];
  blocks: BlockRow[];
  slides: SlideRow[];
  annotations: AnnotationRow[];
  samples: SampleRow[];
  rois: RoiRow[];
  /** Next ids for rows created at run time. */
  next: { sample: number; roi: number; meta: number };
}

const YEAR = 365 * 24 * 3600;

/** The synthetic image with catalog id `image`. */
export function imageOf(image: number): SyntheticSlide {
  const img = syntheticSlide(image);
  if (!img) throw new Error(`no synthetic slide image ${image}`);
  return img;
}

/**
 * A fresh state from the seed: users, random API keys (valid 365 days, or already expired
 * for the seed's `expired` user), permissions, projects, tasks, labelsets and slides.
 * Annotations, samples and ROIs are added by the stores, which apply the server's transforms.
 */
export function createBaseState(seed: Seed, nowSec: number): DevState {
  const userId = (name: string): number => {
    const u = Object.values(seed.users).find((x) => x.username === name);
    if (!u) throw new Error(`seed references unknown user ${name}`);
    return u.id;
  };
  return {
    version: 1,
    secretKey: randomBytes(32).toString('hex'),
    users: Object.values(seed.users).map((u) => ({ id: u.id, username: u.username, email: u.email, disabled: u.disabled, siteAdmin: u.siteAdmin })),
    apiKeys: Object.values(seed.users).map((u) => ({
      key: randomUUID(),
      userId: u.id,
      tCreate: nowSec - (u.keyExpired ? 2 * YEAR : 0),
      tExpires: nowSec + (u.keyExpired ? -YEAR : YEAR),
    })),
    projects: Object.values(seed.projects).map((p) => ({ ...p })),
    projectAccess: seed.projectAccess.map((a) => ({ userId: userId(a.user), project: a.project, access: a.access, anon: a.anon, api: a.api })),
    tasks: Object.values(seed.tasks).map((t) => ({ id: t.id, project: t.project, json: structuredClone(t.json) as SeedTaskJson })),
    taskAccess: seed.taskAccess.map((a) => ({ userId: userId(a.user), taskId: a.task, access: a.access })),
    labelsets: Object.values(seed.labelsets).map((l) => ({ id: l.id, project: l.project, name: l.name, description: l.description })),
    labels: Object.values(seed.labelsets).flatMap((l) => l.labels.map((x) => ({ ...x, labelset: l.id }))),
    specimens: Object.values(seed.specimens).map((s) => ({ ...s })),
    blocks: Object.values(seed.blocks).map((b) => ({ ...b })),
    slides: Object.values(seed.slides).map((s) => ({
      id: s.id,
      block: s.block,
      section: s.section,
      slide: s.slide,
      stain: s.stain,
      name: s.name,
      ext: imageOf(s.image).ext,
      image: s.image,
      tags: s.tags.map((tag) => ({ tag, external: true })),
    })),
    annotations: [],
    samples: [],
    rois: [],
    next: { sample: 1, roi: 1, meta: 1 },
  };
}
