#!/usr/bin/env node
// The `phas-dev-server` command. A committed launcher, so that npm can link the command at
// install time, before `npm run build` (run by `npm install`) has produced dist/cli.js.
import('../dist/cli.js').catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND') {
    process.stderr.write('phas-dev-server: not built yet; run "npm run build" in the repository first\n');
    process.exit(1);
  }
  throw error;
});
