// Stops `npm test` early, with one line saying what to do, when Chromium is missing.
import { existsSync } from 'node:fs';

const path = process.env.PHAS_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(
    `Chromium not found at ${path}: install it with "sudo apt-get install -y chromium" (or set PHAS_CHROMIUM to its path), then run npm test again.`,
  );
  process.exit(1);
}
