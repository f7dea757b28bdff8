/**
 * Command-line parsing of `phas-dev-server` (kept apart from `cli.ts`, which runs on import).
 */
import { parseArgs } from 'node:util';
import type { DevServerOptions } from './server.js';

/** The usage text. */
export const USAGE = `Usage: phas-dev-server [options]

Options:
  --port N          TCP port (default 8080; 0 = any free port)
  --host ADDR       interface to bind (default 127.0.0.1)
  --keys-dir DIR    write each demo user's API key file phas_<user>_api_key.json into DIR
  --data DIR        keep the state in DIR (survives restarts); default: in memory
  --cors ORIGIN     allow cross-origin calls from ORIGIN ('loopback' = any loopback origin)
  --latency MS      add MS milliseconds to every response
  --prefix PATH     serve below a path prefix, e.g. /phas
  --verbose         log one line per request (method, path, status, time)
  --help            show this text
`;

/**
 * Parses the command line into server options; throws with a message for bad input.
 *
 * @example
 * ```ts
 * parseCli(['--port', '0', '--cors', 'loopback']); // { port: 0, cors: true, … }
 * ```
 */
export function parseCli(argv: string[]): DevServerOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'keys-dir': { type: 'string' },
      data: { type: 'string' },
      cors: { type: 'string' },
      latency: { type: 'string' },
      prefix: { type: 'string' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const int = (name: string, text: string | undefined, fallback: number, max: number): number => {
    if (text === undefined) return fallback;
    if (!/^\d+$/.test(text) || Number(text) > max) throw new Error(`--${name} must be an integer 0…${max}, got '${text}'`);
    return Number(text);
  };
  return {
    port: int('port', values.port, 8080, 65535),
    host: values.host,
    keysDir: values['keys-dir'],
    dataDir: values.data,
    cors: values.cors === undefined ? undefined : values.cors === 'loopback' ? true : values.cors,
    latencyMs: int('latency', values.latency, 0, 600_000),
    verbose: values.verbose ?? false,
    pathPrefix: values.prefix,
  };
}

