/**
 * Flask's signed session cookie (itsdangerous `URLSafeTimedSerializer`, protocol §3.3):
 * `[.]<payload>.<timestamp>.<signature>`, payload = compact sorted JSON (zlib-compressed
 * and `.`-prefixed when shorter), HMAC-SHA1 signature with the key derived from the
 * secret and the salt `cookie-session`. Stateless: nothing is stored server-side.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import { pyDumps, type PyJson } from '../http/pyjson.js';

/** What the dev server keeps in a session. */
export interface SessionData {
  user_api_key?: boolean;
  user_id?: number;
  user_is_site_admin?: number;
  anonymize?: boolean;
  /** Per-task viewer preferences (X42 stores `resolution`). */
  slide_view_pref?: Record<string, { resolution?: string }>;
}

/** Flask's `PERMANENT_SESSION_LIFETIME` default: 31 days. */
export const SESSION_MAX_AGE_SEC = 31 * 24 * 3600;

function b64url(buf: Buffer): string {
  return buf.toString('base64url');
}

/** Encodes and verifies session cookies with one secret. */
export class SessionCodec {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha1', secret).update('cookie-session').digest();
  }

  private sign(text: string): string {
    return b64url(createHmac('sha1', this.key).update(text).digest());
  }

  /** The cookie value for `data`, timestamped `nowSec`. */
  encode(data: SessionData, nowSec: number): string {
    const json = Buffer.from(pyDumps(data as PyJson, { sortKeys: true, compact: true }), 'utf8');
    const compressed = deflateSync(json);
    const payload = compressed.length < json.length - 1 ? `.${b64url(compressed)}` : b64url(json);
    let ts = Buffer.alloc(8);
    ts.writeBigUInt64BE(BigInt(Math.floor(nowSec)));
    let start = 0;
    while (start < ts.length - 1 && ts[start] === 0) start++;
    ts = ts.subarray(start);
    const value = `${payload}.${b64url(ts)}`;
    return `${value}.${this.sign(value)}`;
  }

  /** The session in `cookie`, or `null` if it is malformed, wrongly signed or older than 31 days. */
  decode(cookie: string, nowSec: number): SessionData | null {
    const sigAt = cookie.lastIndexOf('.');
    if (sigAt <= 0) return null;
    const value = cookie.slice(0, sigAt);
    const given = Buffer.from(cookie.slice(sigAt + 1), 'base64url');
    const expected = Buffer.from(this.sign(value), 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const tsAt = value.lastIndexOf('.');
    if (tsAt <= 0) return null;
    const tsBytes = Buffer.from(value.slice(tsAt + 1), 'base64url');
    let ts = 0;
    for (const b of tsBytes) ts = ts * 256 + b;
    if (nowSec - ts > SESSION_MAX_AGE_SEC) return null;
    let payload = value.slice(0, tsAt);
    try {
      const compressed = payload.startsWith('.');
      if (compressed) payload = payload.slice(1);
      let raw = Buffer.from(payload, 'base64url');
      if (compressed) raw = inflateSync(raw);
      const data: unknown = JSON.parse(raw.toString('utf8'));
      return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as SessionData) : null;
    } catch {
      return null;
    }
  }
}
