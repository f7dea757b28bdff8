/**
 * The demo users' credentials handed to tests and printed by the CLI, and their key files
 * (`phas_<username>_api_key.json` = `{"api_key": "<uuid>"}`, mode 0600).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DevState } from '../data/state.js';
import { seed, type SeedUserName } from '../seed.js';

/** One demo user's credentials. */
export interface DevServerKey {
  username: string;
  /** The API key (a UUID). Never log it. */
  apiKey: string;
  /** Path of the written key file, when a keys directory was given. */
  keyFile?: string;
}

/** Credentials of every seeded user, by user name. */
export type DevServerKeys = Record<SeedUserName, DevServerKey>;

/** Each seeded user's first API key; with `keysDir`, also writes the key files. */
export async function demoKeys(state: DevState, keysDir?: string): Promise<DevServerKeys> {
  const keys = {} as DevServerKeys;
  for (const [name, u] of Object.entries(seed.users) as [SeedUserName, (typeof seed.users)[SeedUserName]][]) {
    const key = state.apiKeys.find((k) => k.userId === u.id);
    if (!key) continue;
    const entry: DevServerKey = { username: u.username, apiKey: key.key };
    if (keysDir) {
      await mkdir(keysDir, { recursive: true });
      entry.keyFile = join(keysDir, `phas_${u.username}_api_key.json`);
      await writeFile(entry.keyFile, JSON.stringify({ api_key: key.key }), { mode: 0o600 });
    }
    keys[name] = entry;
  }
  return keys;
}
