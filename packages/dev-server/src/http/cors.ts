/**
 * Opt-in CORS (real PHAS has none, protocol §2.7): lets a page on another loopback origin
 * call the dev server with `credentials: 'include'`.
 */

/** `true` = any loopback origin (`http(s)://127.x.x.x|localhost|[::1][:port]`); a string = exactly that origin. */
export type CorsSetting = boolean | string;

/** Response headers the SDK needs to read cross-origin. */
const EXPOSED = ['Retry-After', 'Location', 'Content-Disposition', 'ContentType', 'Content-Length'];

/** Whether `origin` is a loopback origin. */
export function isLoopbackOrigin(origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = url.hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The origin to reflect for a request, or null when CORS is off or the origin is not allowed. */
export function allowedOrigin(setting: CorsSetting | undefined, origin: string | undefined): string | null {
  if (!setting || !origin) return null;
  if (setting === true) return isLoopbackOrigin(origin) ? origin : null;
  return origin === setting.replace(/\/$/, '') ? origin : null;
}

/** Headers added to every response for an allowed origin. */
export function corsHeaders(origin: string): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Expose-Headers': EXPOSED.join(', '),
    Vary: 'Origin',
  };
}

/** Headers of the answer to a preflight (`OPTIONS` with `Access-Control-Request-Method`). */
export function preflightHeaders(origin: string, requestedHeaders: string | undefined): Record<string, string> {
  return {
    ...corsHeaders(origin),
    'Access-Control-Allow-Methods': 'GET, HEAD, POST, OPTIONS',
    'Access-Control-Allow-Headers': requestedHeaders ?? 'Content-Type',
    'Access-Control-Max-Age': '600',
  };
}
