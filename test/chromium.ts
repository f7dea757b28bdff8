/**
 * Where Chromium is and how to start it on this kind of machine. Browsers cannot be
 * downloaded here, so tests use Debian's `chromium` package instead of Playwright's build.
 */
import { existsSync } from 'node:fs';

/** Path of the Chromium binary; `PHAS_CHROMIUM` overrides the default. */
export const chromiumPath = process.env.PHAS_CHROMIUM ?? '/usr/bin/chromium';

/** Flags that keep Chromium quiet and working on a machine with only loopback networking. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function chromiumLaunchOptions() {
  return { executablePath: chromiumPath, args: chromiumArgs };
}

export function hasChromium(): boolean {
  return existsSync(chromiumPath);
}
