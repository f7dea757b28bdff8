/**
 * Client against the shared dev server (Node and Chromium). Browsers share one cookie jar per
 * host across spec files, so this file only uses the admin account and never changes
 * session-wide state (anonymized mode is tested in `client-users.node.test.ts`).
 */
import { describe, expect, inject, it } from 'vitest';
import { seed } from '@phas/dev-server/seed';
import {
  AnnotationTask,
  Client,
  DLTrainingTask,
  Labelset,
  PhasAuthError,
  PhasError,
  PhasForbiddenError,
  PhasInputError,
  SamplingROITask,
  Slide,
  Task,
} from '@phas/sdk';
import { countedClient, countingFetch } from './helpers/counting-fetch.js';
import { errorCollector, serialiseError } from './helpers/errors.js';

const url = inject('phasUrl');
const keys = inject('phasKeys');
const P = seed.projects.main.id;
const Q = seed.projects.second.id;

const { thrown, failure } = errorCollector();

const admin = () => countedClient({ url, apiKey: keys.admin.apiKey });

describe('Client', () => {
  it('lists projects as the server sends them', async () => {
    const { client } = await admin();
    const projects = await client.projectListing();
    const main = projects.find((p) => p.id === P);
    expect(main).toMatchObject({ id: P, admin: 1, disp_name: seed.projects.main.dispName, desc: seed.projects.main.desc });
    expect(Object.keys(main!).slice(0, 7)).toEqual(['id', 'admin', 'disp_name', 'desc', 'nslides', 'nblocks', 'nspecimens']);
    expect(projects.map((p) => p.id).sort()).toEqual([Q, P].sort());
  });

  it('lists the tasks of a project', async () => {
    const { client } = await admin();
    const tasks = await client.taskListing(P);
    const ids = tasks.map((t) => t.id);
    for (const task of Object.values(seed.tasks).filter((t) => t.project === P)) expect(ids).toContain(task.id);
    const annot = tasks.find((t) => t.id === seed.tasks.annot.id)!;
    expect(annot).toMatchObject({ name: 'Annotate', mode: 'annot', desc: seed.tasks.annot.json.desc });
    expect(tasks.find((t) => t.id === seed.tasks.sampling.id)!.desc).toBeNull();
  });

  it('reads anonymized mode and private access', async () => {
    const { client } = await admin();
    expect(await client.getAnonymize()).toBe(false);
    expect(await client.getProjectPrivateAccess(P)).toBe(true);
    expect(await client.getProjectPrivateAccess('no-such-project')).toBe(false);
  });

  it('lists labelsets and labels', async () => {
    const { client } = await admin();
    const labelsets = await client.labelsets(P);
    expect(labelsets.map((l) => l.name)).toEqual(['Empty', 'Tissue']);
    expect(labelsets.find((l) => l.name === 'Tissue')).toMatchObject({ id: 1, n_labels: 3 });
    const labels = await client.labelset(P, seed.labelsets.tissue.id).labelListing();
    expect(labels.map(({ id, name, description, color }) => ({ id, name, description, color }))).toEqual(seed.labelsets.tissue.labels);
    expect(await new Labelset(client, P, 999).labelListing()).toEqual([]);
  });

  it('without a key uses the page session in a browser (no login request), and needs a key in Node', async () => {
    await admin(); // a browser now holds an admin session cookie for the server
    const counter = countingFetch();
    if (typeof document !== 'undefined') {
      const client = await Client.connect(url, { fetch: counter.fetch });
      expect(counter.requests).toEqual([]);
      expect((await client.projectListing()).some((p) => p.id === P)).toBe(true);
    } else {
      const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process!.env;
      const saved = env.PHAS_AUTH_KEY;
      delete env.PHAS_AUTH_KEY;
      try {
        expect(await failure(Client.connect(url, { fetch: counter.fetch }))).toHaveProperty('code', 'missing_api_key');
      } finally {
        if (saved !== undefined) env.PHAS_AUTH_KEY = saved;
      }
      expect(counter.requests).toEqual([]);
    }
  });

  it('refuses file and TLS options in a browser before any request', async () => {
    const counter = countingFetch();
    const options = [{ apiKeyFile: 'phas_admin_api_key.json' }, { apiKey: keys.admin.apiKey, verify: false }];
    for (const option of options) {
      const attempt = Client.connect(url, { fetch: counter.fetch, ...option });
      if (typeof document !== 'undefined') {
        const error = await failure(attempt);
        expect(error).toBeInstanceOf(PhasInputError);
        expect((error as PhasInputError).code).toBe('not_available_in_browser');
      } else if ('apiKeyFile' in option) {
        expect(await failure(attempt)).toHaveProperty('argument', 'apiKeyFile'); // no such file here
      } else {
        await attempt; // Node accepts verify: false (an undici Agent accepting self-signed certificates)
      }
    }
    expect(counter.requests.filter((r) => r.startsWith('POST /auth/api/login'))).toHaveLength(typeof document !== 'undefined' ? 0 : 1);
  });

  it('refuses a wrong key with PhasAuthError and the server message', async () => {
    const error = await failure(Client.connect(url, { apiKey: '00000000-0000-0000-0000-000000000000' }));
    expect(error).toBeInstanceOf(PhasAuthError);
    expect((error as PhasAuthError).serverMessage).toBe('Invalid API key');
    expect((error as PhasAuthError).code).toBe('auth_failed');
  });

  it('maps a missing project to PhasForbiddenError', async () => {
    const { client } = await admin();
    const error = await failure(client.taskListing('no-such-project'));
    expect(error).toBeInstanceOf(PhasForbiddenError);
    expect((error as PhasForbiddenError).status).toBe(403);
  });

  it('checks arguments before sending anything', async () => {
    const { client, requests } = await admin();
    const before = requests.length;
    const calls: (() => Promise<unknown>)[] = [
      () => client.taskListing(''),
      () => client.taskListing('a/b'),
      () => client.taskListing(42 as unknown as string),
      () => client.getProjectPrivateAccess(''),
      () => client.setAnonymize('yes' as unknown as boolean),
      () => client.labelsets(''),
      () => client.task(0),
      () => client.task(-1),
      () => client.task(1.5),
      () => client.task(Number.NaN),
      () => client.task('1' as unknown as number),
      () => Task.open(client, 2 ** 53),
      async () => client.labelset(P, 0),
    ];
    for (const call of calls) expect(await failure(call())).toBeInstanceOf(PhasInputError);
    expect(requests.length).toBe(before);
  });
});

describe('tasks', () => {
  it('opens each mode as its class', async () => {
    const { client } = await admin();
    expect(await client.task(seed.tasks.annot.id)).toBeInstanceOf(AnnotationTask);
    expect(await Task.open(client, seed.tasks.dltrain.id)).toBeInstanceOf(DLTrainingTask);
    expect(await client.task(seed.tasks.sampling.id)).toBeInstanceOf(SamplingROITask);
    const browse = await client.task(seed.tasks.browse.id);
    expect(browse).toBeInstanceOf(Task);
    expect(browse).not.toBeInstanceOf(AnnotationTask);
    expect(browse.taskId).toBe(seed.tasks.browse.id);
    expect(browse.project).toBe(P);
    expect(browse.detail).toMatchObject({ id: seed.tasks.browse.id, project: P, name: 'Browse Nissl', mode: 'browse' });
  });

  it('keeps the server info object as detail, without desc when the task has none', async () => {
    const { client } = await admin();
    const task = await SamplingROITask.open(client, seed.tasks.sampling.id);
    expect(task.detail).toEqual({ id: 3, project: P, name: 'Sampling', restrict_access: 0, anonymize: 0, mode: 'sampling' });
  });

  it('opens slides through the task', async () => {
    const { client } = await admin();
    const task = await client.task(seed.tasks.annot.id);
    const slide = await task.slide(seed.slides.tau.id);
    expect(slide).toBeInstanceOf(Slide);
    expect([slide.slideId, slide.taskId, slide.project, slide.stain]).toEqual([seed.slides.tau.id, task.taskId, P, 'Tau']);
    expect(await failure(task.slide(0))).toBeInstanceOf(PhasInputError);
  });

  it('refuses the wrong mode with wrong_task_mode', async () => {
    const { client } = await admin();
    const error = await failure(AnnotationTask.open(client, seed.tasks.dltrain.id));
    expect(error).toBeInstanceOf(PhasError);
    expect((error as PhasError).code).toBe('wrong_task_mode');
    expect(await failure(DLTrainingTask.open(client, seed.tasks.annot.id))).toHaveProperty('code', 'wrong_task_mode');
    expect(await failure(SamplingROITask.open(client, seed.tasks.browse.id))).toHaveProperty('code', 'wrong_task_mode');
  });

  it('maps an unknown task to PhasForbiddenError (PHAS answers 403)', async () => {
    const { client } = await admin();
    const error = await failure(client.task(9999));
    expect(error).toBeInstanceOf(PhasForbiddenError);
    expect((error as PhasForbiddenError).serverMessage).toBe('Insufficient privileges on task 9999');
  });

  it('gives the labelset of training and sampling tasks, null otherwise, and caches both', async () => {
    const { client, requests } = await admin();
    const sampling = await client.task(seed.tasks.sampling.id);
    const labelset = await sampling.labelset();
    expect(labelset).toBeInstanceOf(Labelset);
    expect(labelset!.labelsetId).toBe(seed.labelsets.tissue.id);
    expect(labelset!.project).toBe(P);
    const annot = await client.task(seed.tasks.annot.id);
    expect(await annot.labelset()).toBeNull();
    const count = requests.length;
    expect(await annot.labelset()).toBeNull();
    expect(await sampling.labelset()).toBe(labelset);
    expect(requests.length).toBe(count);
  });
});

describe('secrets', () => {
  it('no error thrown in this file contains the key', () => {
    expect(thrown.length).toBeGreaterThan(10);
    for (const error of thrown) expect(serialiseError(error)).not.toContain(keys.admin.apiKey);
  });
});
