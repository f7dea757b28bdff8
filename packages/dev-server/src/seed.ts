/**
 * The dev server's seed data: a pure, browser-safe description of the users, projects,
 * tasks, labelsets, specimens, blocks, slides and the annotations/samples/ROIs every fresh
 * server starts with. Tests import it (`@phas/dev-server/seed`) to find ids by purpose
 * instead of hard-coding numbers.
 *
 * Nothing here is secret: API keys are generated per server (see `startDevServer().keys`).
 *
 * @example
 * ```ts
 * import { seed } from '@phas/dev-server/seed';
 * const taskId = seed.tasks.annot.id; // the annotation task of the main project
 * const big = seed.slides.big.id; // a 100,000 × 80,000 px slide
 * ```
 */

/** Access levels, ordered `none` < `read` < `write` < `admin`. */
export type AccessLevel = 'none' | 'read' | 'write' | 'admin';

/** A user account. */
export interface SeedUser {
  id: number;
  username: string;
  /** `null` = no e-mail: every guarded endpoint redirects to `/auth/profile/edit`. */
  email: string | null;
  disabled: boolean;
  siteAdmin: boolean;
  /** Whether the user's API key is already expired (login answers `API key has expired`). */
  keyExpired: boolean;
  /** What the account is for, in words. */
  purpose: string;
}

/** A project access row (protocol §3.7). */
export interface SeedProjectAccess {
  user: string;
  project: string;
  access: AccessLevel;
  /** May see PHI (private names). */
  anon: boolean;
  /** May use API-only endpoints. */
  api: boolean;
}

/** A task-specific access row (effective only when the task has `restrict-access`). */
export interface SeedTaskAccess {
  user: string;
  task: number;
  access: AccessLevel;
}

/** A project. */
export interface SeedProject {
  id: string;
  dispName: string;
  desc: string | null;
}

/** The task JSON configuration (protocol §4.4). */
export interface SeedTaskJson {
  name: string;
  mode: 'annot' | 'dltrain' | 'sampling' | 'browse';
  'restrict-access': boolean;
  desc?: string;
  'reference-task'?: string;
  dltrain?: { labelset: string; 'min-size'?: number; 'max-size'?: number; 'display-patch-size'?: number };
  sampling?: { labelset: string };
  'download-slide-size-limit'?: number;
  anonymize?: boolean;
  stains?: string[];
  specimens?: string[];
  tags?: { any?: string[]; all?: string[]; not?: string[] };
}

/** A task. */
export interface SeedTask {
  id: number;
  project: string;
  json: SeedTaskJson;
}

/** A labelset and its labels (label ids < 256, they become NIfTI voxel values). */
export interface SeedLabelset {
  id: number;
  project: string;
  name: string;
  description: string | null;
  labels: { id: number; name: string; description: string | null; color: string }[];
}

/** A specimen; `publicName` null → `Anon <id zero-padded to 4>`. */
export interface SeedSpecimen {
  id: number;
  project: string;
  privateName: string;
  publicName: string | null;
}

/** A block of a specimen. */
export interface SeedBlock {
  id: number;
  specimen: number;
  name: string;
}

/** A slide. */
export interface SeedSlide {
  id: number;
  block: number;
  section: number;
  slide: number;
  stain: string;
  /** File stem (unique). */
  name: string;
  /** External tags (from the slide manifest; E12 lists them). */
  tags: string[];
  /**
   * Id of the synthetic image in `createSyntheticSlides()` (src/slides) that gives the slide
   * its size, pyramid, spacing, properties, file extension and pixels.
   */
  image: number;
}

/** A paper.js annotation document stored for a (task, slide). */
export interface SeedAnnotation {
  task: number;
  slide: number;
  user: string;
  /** The document as the web UI would send it (raw coordinates). */
  doc: unknown;
}

/** A training sample (a square box in level-0 pixels). */
export interface SeedSample {
  id: number;
  task: number;
  slide: number;
  label: number;
  user: string;
  /** `[x0, y0, x1, y1]`. */
  box: [number, number, number, number];
}

/** A sampling ROI. */
export interface SeedRoi {
  id: number;
  task: number;
  slide: number;
  label: number;
  user: string;
  geometry: { type: 'polygon'; data: [number, number][] } | { type: 'trapezoid'; data: [[number, number, number], [number, number, number]] };
}

const users = {
  admin: { id: 1, username: 'admin', email: 'admin@phas.test', disabled: false, siteAdmin: false, keyExpired: false, purpose: 'admin of every project, private (PHI) and API access' },
  writer: { id: 2, username: 'writer', email: 'writer@phas.test', disabled: false, siteAdmin: false, keyExpired: false, purpose: 'write + API on the main project, no private access, no access to the second project or the restricted task' },
  reader: { id: 3, username: 'reader', email: 'reader@phas.test', disabled: false, siteAdmin: false, keyExpired: false, purpose: 'read-only, no API permission' },
  disabled: { id: 4, username: 'disabled', email: 'disabled@phas.test', disabled: true, siteAdmin: false, keyExpired: false, purpose: 'disabled account (login fails)' },
  expired: { id: 5, username: 'expired', email: 'expired@phas.test', disabled: false, siteAdmin: false, keyExpired: true, purpose: 'its API key has expired (login fails)' },
  noemail: { id: 6, username: 'noemail', email: null, disabled: false, siteAdmin: false, keyExpired: false, purpose: 'no e-mail address: guarded endpoints redirect to /auth/profile/edit' },
} satisfies Record<string, SeedUser>;

const projects = {
  main: { id: 'hippocampus', dispName: 'Hippocampus Study', desc: 'Synthetic hippocampus slides for SDK tests' },
  second: { id: 'cortex', dispName: 'Cortex Study', desc: null },
} satisfies Record<string, SeedProject>;

const P = projects.main.id;
const Q = projects.second.id;

const tasks = {
  annot: { id: 1, project: P, json: { name: 'Annotate', mode: 'annot', 'restrict-access': false, desc: 'Outline anatomical structures' } },
  dltrain: { id: 2, project: P, json: { name: 'Train', mode: 'dltrain', 'restrict-access': false, desc: 'Collect training boxes', dltrain: { labelset: 'Tissue', 'min-size': 64, 'max-size': 4096, 'display-patch-size': 256 } } },
  sampling: { id: 3, project: P, json: { name: 'Sampling', mode: 'sampling', 'restrict-access': false, sampling: { labelset: 'Tissue' } } },
  browse: { id: 4, project: P, json: { name: 'Browse Nissl', mode: 'browse', 'restrict-access': false, desc: 'Nissl slides, downloads limited', stains: ['nissl'], 'download-slide-size-limit': 2000 } },
  reference: { id: 5, project: P, json: { name: 'Review', mode: 'annot', 'restrict-access': false, desc: 'Reads the annotations of Annotate', 'reference-task': 'Annotate' } },
  dltrainNoMax: { id: 6, project: P, json: { name: 'Train (min-size only)', mode: 'dltrain', 'restrict-access': false, desc: 'Sample creation fails (Q18)', dltrain: { labelset: 'Tissue', 'min-size': 64 } } },
  restricted: { id: 7, project: P, json: { name: 'Restricted', mode: 'annot', 'restrict-access': true, desc: 'Hippo-tagged slides, task-level permissions', tags: { any: ['hippo'] }, anonymize: true } },
  secondAnnot: { id: 8, project: Q, json: { name: 'Cortex layers', mode: 'annot', 'restrict-access': false, desc: 'Annotate cortical layers' } },
  secondSampling: { id: 9, project: Q, json: { name: 'Cortex sampling', mode: 'sampling', 'restrict-access': false, desc: 'Sample cortical layers', sampling: { labelset: 'Layers' } } },
} satisfies Record<string, SeedTask>;

const projectAccess: SeedProjectAccess[] = [
  { user: 'admin', project: P, access: 'admin', anon: true, api: true },
  { user: 'writer', project: P, access: 'write', anon: false, api: true },
  { user: 'reader', project: P, access: 'read', anon: false, api: false },
  { user: 'disabled', project: P, access: 'read', anon: false, api: true },
  { user: 'expired', project: P, access: 'read', anon: false, api: true },
  { user: 'noemail', project: P, access: 'read', anon: false, api: true },
  { user: 'admin', project: Q, access: 'admin', anon: true, api: true },
  { user: 'reader', project: Q, access: 'read', anon: false, api: false },
];

const taskAccess: SeedTaskAccess[] = [
  { user: 'admin', task: tasks.restricted.id, access: 'admin' },
  { user: 'reader', task: tasks.restricted.id, access: 'read' },
];

const labelsets = {
  tissue: {
    id: 1,
    project: P,
    name: 'Tissue',
    description: 'Tissue classes',
    labels: [
      { id: 1, name: 'gray', description: 'Gray matter', color: '#ff0000' },
      { id: 2, name: 'white', description: null, color: '#00ff00' },
      { id: 3, name: 'background', description: 'No tissue', color: '#0000ff' },
    ],
  },
  empty: { id: 2, project: P, name: 'Empty', description: null, labels: [] },
  layers: {
    id: 3,
    project: Q,
    name: 'Layers',
    description: 'Cortical layers',
    labels: [
      { id: 4, name: 'L1', description: 'Molecular layer', color: '#ffff00' },
      { id: 5, name: 'L2', description: null, color: '#00ffff' },
    ],
  },
} satisfies Record<string, SeedLabelset>;

const specimens = {
  first: { id: 1, project: P, privateName: 'HC001', publicName: null },
  second: { id: 2, project: P, privateName: 'HC002', publicName: 'Donor B' },
  cortex: { id: 3, project: Q, privateName: 'CX001', publicName: null },
} satisfies Record<string, SeedSpecimen>;

const blocks = {
  b01: { id: 1, specimen: 1, name: 'B01' },
  comma: { id: 2, specimen: 1, name: 'B,02' },
  second: { id: 3, specimen: 2, name: 'B01' },
  cortex: { id: 4, specimen: 3, name: 'C1' },
} satisfies Record<string, SeedBlock>;

const slides = {
  /** 100,000 × 80,000 px, 8 levels: the large-slide tests. Training samples and ROIs. */
  big: { id: 1, block: 1, section: 10, slide: 1, stain: 'Nissl', name: 'HC001_B01_010_1_Nissl', tags: ['diag', 'hippo'], image: 3 },
  /** 3000 × 2000, 3 levels (the protocol's example slide). Annotations, training samples. */
  tau: { id: 2, block: 1, section: 10, slide: 2, stain: 'Tau', name: 'HC001_B01_010_2_Tau', tags: ['hippo'], image: 2 },
  /** 40,000 × 30,000 Aperio-style (svs), in block `B,02` (CSV quoting). Annotations and a trapezoid ROI. */
  comma: { id: 3, block: 2, section: 3, slide: 1, stain: 'Nissl', name: 'HC001_B02_003_1_Nissl', tags: ['ctx'], image: 1 },
  /** 6000 × 4000 without spacing metadata (E13 spacing null, E17 404). */
  neun: { id: 4, block: 3, section: 5, slide: 1, stain: 'NeuN', name: 'HC002_B01_005_1_NeuN', tags: [], image: 5 },
  /** 2999 × 4001 portrait MIRAX-style slide (non-integer downsamples). No annotations, samples or ROIs anywhere. */
  plain: { id: 5, block: 3, section: 6, slide: 1, stain: 'Nissl', name: 'HC002_B01_006_1_Nissl', tags: [], image: 4 },
  /** The second project's slide (3000 × 2000). */
  cortex: { id: 6, block: 4, section: 1, slide: 1, stain: 'Nissl', name: 'CX001_C1_001_1_Nissl', tags: ['cortex'], image: 2 },
} satisfies Record<string, SeedSlide>;

/** A paper.js path item in the server's stored form (full segments with handles). */
function paperPath(points: [number, number][], closed: boolean, color: string): unknown {
  return [
    'Path',
    {
      applyMatrix: true,
      segments: points.map((p) => [p, [0, 0], [0, 0]]),
      closed,
      strokeColor: [color === 'red' ? 1 : 0, color === 'green' ? 1 : 0, color === 'blue' ? 1 : 0],
      strokeWidth: 2,
    },
  ];
}

/** A paper.js point text (a "marker" in PHAS). */
function paperText(label: string, at: [number, number]): unknown {
  return ['PointText', { applyMatrix: false, matrix: [1, 0, 0, 1, at[0], at[1]], content: label, fontSize: 40, fillColor: [0, 0, 0] }];
}

const annotations: SeedAnnotation[] = [
  {
    task: tasks.annot.id,
    slide: slides.tau.id,
    user: 'admin',
    doc: [
      [
        'Layer',
        {
          applyMatrix: true,
          children: [
            paperPath([[100, 200], [300.5, 400], [800, 250]], false, 'red'),
            paperPath([[1000, 1000], [1500, 1000], [1500, 1400], [1000, 1400]], true, 'green'),
            paperText('CA1', [1200, 900]),
          ],
        },
      ],
    ],
  },
  {
    task: tasks.annot.id,
    slide: slides.comma.id,
    user: 'writer',
    doc: [['Layer', { applyMatrix: true, children: [paperPath([[50, 60], [2000, 1800]], false, 'blue')] }]],
  },
  {
    task: tasks.secondAnnot.id,
    slide: slides.cortex.id,
    user: 'admin',
    doc: [['Layer', { applyMatrix: true, children: [paperText('L1', [300, 300]), paperText('L2', [300, 900])] }]],
  },
];

const samples: SeedSample[] = [
  { id: 1, task: tasks.dltrain.id, slide: slides.big.id, label: 1, user: 'admin', box: [50_000, 40_000, 50_512, 40_512] },
  { id: 2, task: tasks.dltrain.id, slide: slides.big.id, label: 2, user: 'writer', box: [20_000, 30_000, 20_256, 30_256] },
  { id: 3, task: tasks.dltrain.id, slide: slides.tau.id, label: 2, user: 'admin', box: [1000, 1000, 1500, 1500] },
];

const rois: SeedRoi[] = [
  { id: 1, task: tasks.sampling.id, slide: slides.big.id, label: 1, user: 'admin', geometry: { type: 'polygon', data: [[40_000, 30_000], [60_000, 32_000], [58_000, 50_000], [42_000, 48_000]] } },
  { id: 2, task: tasks.sampling.id, slide: slides.big.id, label: 2, user: 'writer', geometry: { type: 'trapezoid', data: [[70_000, 20_000, 4000], [75_000, 60_000, 2000]] } },
  { id: 3, task: tasks.sampling.id, slide: slides.comma.id, label: 3, user: 'admin', geometry: { type: 'trapezoid', data: [[500, 500, 100], [600, 1500, 200]] } },
  { id: 4, task: tasks.secondSampling.id, slide: slides.cortex.id, label: 4, user: 'admin', geometry: { type: 'polygon', data: [[1000, 500], [2800, 700], [2000, 1800]] } },
];

/**
 * The complete seed. Ids are stable; the objects are described by purpose
 * (`seed.tasks.dltrain`, `seed.slides.plain`, …).
 */
export const seed = {
  users,
  projects,
  projectAccess,
  taskAccess,
  tasks,
  labelsets,
  specimens,
  blocks,
  slides,
  annotations,
  samples,
  rois,
} as const;

/** Type of {@link seed}. */
export type Seed = typeof seed;

/** Names of the seeded users (`admin`, `writer`, `reader`, `disabled`, `expired`, `noemail`). */
export type SeedUserName = keyof typeof users;
