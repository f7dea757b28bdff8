/**
 * Authentication endpoints: E1 API-key login, E2/E3 anonymized mode, E4 private access,
 * X34 key generation, X35 logout, X36 sitemap (protocol §3), and minimal HTML pages where
 * the server's redirects point (`/auth/login`, `/auth/profile/edit`, `/`).
 */
import { randomUUID } from 'node:crypto';
import type { Handler } from '../app/app.js';
import { requireLogin, sessionUser } from '../auth/guards.js';
import { jsonifyReply, pyJsonReply, textReply } from '../http/reply.js';
import type { Router } from '../http/router.js';
import { HttpRedirect } from '../http/werkzeug.js';

const YEAR_SEC = 365 * 24 * 3600;

/** E1: form `api_key` → session, or a 401 JSON failure. */
const login: Handler = (ctx) => {
  const key = ctx.formField('api_key');
  const row = ctx.app.state.apiKeys.find((k) => k.key === key);
  const user = row && ctx.app.state.users.find((u) => u.id === row.userId);
  const failed = (error: string) => jsonifyReply({ error, status: 'failed' }, 401);
  if (!row || !user) return failed('Invalid API key');
  if (user.disabled) return failed('User account is disabled');
  if (row.tExpires < ctx.now) return failed('API key has expired');
  ctx.session = { user_api_key: true, user_id: user.id, user_is_site_admin: user.siteAdmin ? 1 : 0 };
  return jsonifyReply({ status: 'ok' });
};

/** E2. */
const getAnonymize: Handler = (ctx) => jsonifyReply({ anonymize: ctx.session?.anonymize === true });

/** E3: stores the flag in the session (no login needed). */
const setAnonymize: Handler = (ctx) => {
  const anonymize = ctx.int('anon') !== 0;
  ctx.session = { ...(ctx.session ?? {}), anonymize };
  return jsonifyReply({ anonymize });
};

/** E4: PHI access on a project for the session's user; false when anonymous. */
const privateAccess: Handler = (ctx) => {
  const user = sessionUser(ctx);
  const allowed = user ? ctx.app.access(user.id).project(ctx.str('project')).anon : false;
  return jsonifyReply({ private_access: allowed });
};

/** X34: a new key valid 365 days (older keys stay valid). */
const generateKey: Handler = (ctx) => {
  const user = requireLogin(ctx);
  const key = randomUUID();
  ctx.app.state.apiKeys.push({ key, userId: user.id, tCreate: ctx.now, tExpires: ctx.now + YEAR_SEC });
  ctx.app.changed();
  return pyJsonReply({ api_key: key });
};

/** X35: clears the session, 302 to `/`. */
const logout: Handler = (ctx) => {
  ctx.session = {};
  throw new HttpRedirect('/');
};

/** A minimal HTML page (the web UI's pages are out of scope; these exist so redirects land somewhere). */
function page(title: string, body: string): string {
  return `<!doctype html>\n<html lang=en>\n<title>${title} - PHAS</title>\n<h1>${title}</h1>\n${body}\n`;
}

/** The login page `/auth/login` (GET; a POST answers the same page: password login is not offered). */
const loginPage: Handler = (ctx) =>
  textReply(
    page(
      'Log In',
      (ctx.method === 'POST' ? '<p class=flash>Password login is not available on this server; use an API key.</p>\n' : '') +
        '<form method=post><label>Username <input name=username></label> <label>Password <input type=password name=passwd></label> <input type=submit value="Log In"></form>',
    ),
  );

/** `/auth/profile/edit`: needs a session (no e-mail check, or it would redirect to itself). */
const profilePage: Handler = (ctx) => {
  const user = sessionUser(ctx);
  if (!user) throw new HttpRedirect('/auth/login');
  return textReply(page('Edit Profile', `<p>User ${user.username}: no e-mail address on file.</p>`));
};

/** `/`: the projects page of the web UI (login required). */
const indexPage: Handler = (ctx) => {
  const user = requireLogin(ctx);
  return textReply(page('Projects', `<p>Logged in as ${user.username}. This is a PHAS-compatible dev server; use the API.</p>`));
};

/** Registers the authentication routes. */
export function registerAuthRoutes(router: Router<Handler>): void {
  router
    .add({ rule: '/auth/api/login', methods: ['POST'], endpoint: 'auth.login_with_api_key', handler: login })
    .add({ rule: '/auth/api/anonymize', methods: ['GET'], endpoint: 'auth.get_anonymize_setting', handler: getAnonymize })
    .add({ rule: '/auth/api/set_anonymize/<int:anon>', methods: ['POST'], endpoint: 'auth.set_anonymize_setting', handler: setAnonymize })
    .add({ rule: '/auth/api/project/<project>/private_access', methods: ['GET'], endpoint: 'auth.get_project_private_access', handler: privateAccess })
    .add({ rule: '/auth/api/generate_key', methods: ['GET', 'POST'], endpoint: 'auth.generate_api_key', handler: generateKey })
    .add({ rule: '/auth/logout', methods: ['GET'], endpoint: 'auth.logout', handler: logout })
    .add({ rule: '/auth/login', methods: ['GET', 'POST'], endpoint: 'auth.login', handler: loginPage })
    .add({ rule: '/auth/profile/edit', methods: ['GET', 'POST'], endpoint: 'auth.edit_profile', handler: profilePage })
    .add({ rule: '/', methods: ['GET'], endpoint: 'slide.index', handler: indexPage });
  router.add({
    rule: '/auth/sitemap',
    methods: ['GET'],
    endpoint: 'auth.sitemap',
    handler: (ctx) => {
      requireLogin(ctx);
      const rules = router.list().map((r) => r.rule).filter((r) => r.includes('/api/'));
      return jsonifyReply([...new Set(rules)].sort());
    },
  });
}
