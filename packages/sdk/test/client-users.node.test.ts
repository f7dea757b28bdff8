/**
 * Behaviour that depends on the account and on session state (anonymized mode). Node only:
 * in a browser all clients of a page share one cookie jar, so switching users or modes would
 * leak into other spec files.
 */
import { describe, expect, inject, it } from 'vitest';
import { seed } from '@phas/dev-server/seed';
import { AnnotationTask, Client, PhasAuthError, PhasError, PhasForbiddenError } from '@phas/sdk';
import { errorCollector, serialiseError } from './helpers/errors.js';

const url = inject('phasUrl');
const keys = inject('phasKeys');
const P = seed.projects.main.id;
const { thrown, failure } = errorCollector();

const as = (user: keyof typeof keys) => Client.connect(url, { apiKey: keys[user].apiKey });

describe('accounts', () => {
  it('shows the writer only what it may see', async () => {
    const writer = await as('writer');
    expect((await writer.projectListing()).map((p) => p.id)).toEqual([P]);
    const ids = (await writer.taskListing(P)).map((t) => t.id);
    expect(ids).toContain(seed.tasks.annot.id);
    expect(ids).not.toContain(seed.tasks.restricted.id);
    expect(await failure(writer.task(seed.tasks.restricted.id))).toBeInstanceOf(PhasForbiddenError);
    expect(await failure(writer.taskListing(seed.projects.second.id))).toBeInstanceOf(PhasForbiddenError);
  });

  it('hides private names from users without private access', async () => {
    const writer = await as('writer');
    const task = await AnnotationTask.open(writer, seed.tasks.annot.id);
    const rows = await task.slideManifest();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.slide_name === null && r.specimen_private === null)).toBe(true);
    const error = await failure(task.exportTaskAnnots());
    expect(error).toBeInstanceOf(PhasError);
    expect((error as PhasError).code).toBe('slide_names_hidden');
    const records = [{ slide_name: seed.slides.tau.name, slide_id: seed.slides.tau.id, annot: [['Layer', {}]] }];
    expect(await failure(task.importTaskAnnots(records))).toHaveProperty('code', 'slide_names_hidden');
  });

  it('refuses API-only endpoints to a user without API permission', async () => {
    const reader = await as('reader');
    const task = await reader.task(seed.tasks.annot.id);
    expect(await failure(task.slideManifest())).toBeInstanceOf(PhasForbiddenError);
  });

  it("reports disabled accounts and expired keys with the server's message", async () => {
    const disabled = await failure(as('disabled'));
    expect(disabled).toBeInstanceOf(PhasAuthError);
    expect((disabled as PhasAuthError).serverMessage).toBe('User account is disabled');
    const expired = await failure(as('expired'));
    expect((expired as PhasAuthError).serverMessage).toBe('API key has expired');
  });

  it('reports an account without e-mail as profile_incomplete', async () => {
    const client = await as('noemail');
    const error = await failure(client.projectListing());
    expect(error).toBeInstanceOf(PhasAuthError);
    expect((error as PhasAuthError).code).toBe('profile_incomplete');
  });
});

describe('anonymized mode', () => {
  it('hides names while on, and export refuses with slide_names_hidden (Q25)', async () => {
    const admin = await as('admin');
    const task = await AnnotationTask.open(admin, seed.tasks.annot.id);
    expect(await admin.setAnonymize(true)).toBe(true);
    expect(await admin.getAnonymize()).toBe(true);
    const rows = await task.slideManifest();
    expect(rows.every((r) => r.slide_name === null && r.specimen_display === r.specimen_public)).toBe(true);
    expect(await failure(task.exportTaskAnnots())).toHaveProperty('code', 'slide_names_hidden');
    expect(await admin.getProjectPrivateAccess(P)).toBe(true);

    expect(await admin.setAnonymize(false)).toBe(false);
    const named = await task.slideManifest();
    expect(named.find((r) => r.id === seed.slides.tau.id)!.slide_name).toBe(seed.slides.tau.name);
    expect((await task.exportTaskAnnots()).length).toBeGreaterThan(0);
  });

  it('is a per-session setting: another client of the same user is not affected', async () => {
    const a = await as('admin');
    const b = await as('admin');
    await a.setAnonymize(true);
    expect(await b.getAnonymize()).toBe(false);
  });

  it('no error thrown in this file contains a key', () => {
    for (const error of thrown) {
      for (const { apiKey } of Object.values(keys)) expect(serialiseError(error)).not.toContain(apiKey);
    }
  });
});
