/**
 * `@phas/sdk` for Node: everything of the default entry, plus key files (`apiKeyFile`,
 * `PHAS_AUTH_KEY`), `filename` options and `verify: false`.
 *
 * @example
 * ```ts
 * import { Client } from '@phas/sdk';
 * const client = await Client.connect('https://phas.example.org', { apiKeyFile: 'phas_me_api_key.json' });
 * ```
 *
 * @module
 */
import { installPlatform } from './platform/platform.js';
import { nodePlatform } from './platform/node.js';

export * from './index.js';

installPlatform(nodePlatform);
