/**
 * Optional on-disk state: one JSON file in the data directory, loaded at start and
 * rewritten after each mutation. Writes are serialised through one queue and go to a
 * temporary file that is then renamed over the old one, so a crash mid-write leaves the
 * previous complete state.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DevState } from './state.js';

/** File name of the state inside the data directory. */
export const STATE_FILE = 'phas-dev-state.json';

/** Reads the saved state, or null when the directory has none yet. */
export async function loadState(dataDir: string): Promise<DevState | null> {
  let text: string;
  try {
    text = await readFile(join(dataDir, STATE_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  const state = JSON.parse(text) as DevState;
  if (state.version !== 1) throw new Error(`${join(dataDir, STATE_FILE)}: unsupported state version ${String(state.version)}`);
  return state;
}

/** Serialised, atomic writer of the state file. */
export class StateWriter {
  private queue: Promise<void> = Promise.resolve();
  private pending = false;
  private error: unknown = null;

  constructor(
    private readonly dataDir: string,
    private readonly state: DevState,
  ) {}

  /** Schedules a save of the current state (coalesces saves requested while one is queued). */
  schedule(): void {
    if (this.pending) return;
    this.pending = true;
    this.queue = this.queue.then(async () => {
      this.pending = false;
      try {
        await this.write();
      } catch (e) {
        this.error = e;
      }
    });
  }

  /** Waits until every scheduled save is on disk; rethrows the first write error. */
  async flush(): Promise<void> {
    await this.queue;
    if (this.error) {
      const e = this.error;
      this.error = null;
      throw e;
    }
  }

  private async write(): Promise<void> {
    await mkdir(this.dataDir, { recursive: true });
    const file = join(this.dataDir, STATE_FILE);
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(this.state), { mode: 0o600 });
    await rename(tmp, file);
  }
}
