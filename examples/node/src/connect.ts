import { existsSync } from 'node:fs';
import { Client } from '@phas/sdk';
import { startDevServer } from '@phas/dev-server';
import type { ExampleArgs } from './args.js';

/** A connected client plus a function that releases what `connectForExample` started. */
export interface ExampleConnection {
  client: Client;
  url: string;
  close(): Promise<void>;
}

/**
 * Connects to `--url` with `--key` (a key string or a key-file path), or, without `--url`,
 * starts a bundled dev server and connects as its demo admin.
 */
export async function connectForExample(args: ExampleArgs): Promise<ExampleConnection> {
  if (args.url) {
    const key = args.key;
    const client = await Client.connect(
      args.url,
      key === undefined ? {} : existsSync(key) ? { apiKeyFile: key } : { apiKey: key },
    );
    return { client, url: args.url, close: async () => {} };
  }
  const server = await startDevServer({ host: '127.0.0.1', port: 0 });
  const client = await Client.connect(server.url, { apiKey: server.keys.admin!.apiKey });
  return { client, url: server.url, close: () => server.stop() };
}
