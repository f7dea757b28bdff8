/**
 * A minimal cookie jar for runtimes without one (Node). Like the Python client (protocol
 * §3.3, Q31) the transport feeds it only `Set-Cookie` headers of POST responses (the login
 * included), so the cookie it sends stays small. Values are never logged.
 */
export class CookieJar {
  readonly #cookies = new Map<string, string>();

  /** Stores the cookies of a response's `Set-Cookie` headers (an expired one is removed). */
  store(headers: Headers): void {
    for (const line of setCookieLines(headers)) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || attributes.some(isExpiry)) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  /** The `Cookie` request header value, or `undefined` when the jar is empty. */
  header(): string | undefined {
    if (this.#cookies.size === 0) return undefined;
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** Forgets every cookie. */
  clear(): void {
    this.#cookies.clear();
  }

  /** Number of cookies held (for diagnostics; values stay private). */
  get size(): number {
    return this.#cookies.size;
  }
}

function setCookieLines(headers: Headers): string[] {
  const withGetter = headers as Headers & { getSetCookie?: () => string[] };
  if (typeof withGetter.getSetCookie === 'function') return withGetter.getSetCookie();
  const joined = headers.get('set-cookie');
  // Fallback for runtimes without getSetCookie: split on commas that start a new cookie.
  return joined === null ? [] : joined.split(/,(?=\s*[^;=\s]+=)/);
}

function isExpiry(attribute: string): boolean {
  const [rawName, ...rest] = attribute.split('=');
  const name = rawName.trim().toLowerCase();
  const value = rest.join('=').trim();
  if (name === 'max-age') return Number(value) <= 0;
  if (name === 'expires') {
    const when = Date.parse(value);
    return !Number.isNaN(when) && when <= Date.now();
  }
  return false;
}
