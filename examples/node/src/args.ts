import { parseArgs } from 'node:util';

/** Command-line options shared by the examples: `--url` and `--key` point at a real server. */
export interface ExampleArgs {
  /** PHAS base URL; when absent the example starts a bundled dev server. */
  url: string | undefined;
  /** API key string, or path of a key file (`{"api_key": …}`). */
  key: string | undefined;
  out: string;
}

export function parseExampleArgs(argv = process.argv.slice(2)): ExampleArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: 'string' },
      key: { type: 'string' },
      out: { type: 'string', default: 'out' },
    },
    allowPositionals: false,
  });
  return { url: values.url, key: values.key, out: values.out ?? 'out' };
}
