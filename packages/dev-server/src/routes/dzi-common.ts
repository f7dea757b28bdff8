/**
 * Checks shared by the `/dzi/…` image routes: the project segment (its file schema; unknown
 * → 500, Q41), the resource (only `raw` exists here) and E16's format rule.
 */
import type { Ctx } from '../app/app.js';
import { guardSlide } from '../auth/guards.js';
import type { SlideRow } from '../data/state.js';
import { bytesReply, textReply, type Reply } from '../http/reply.js';
import { ServerFailure } from '../http/werkzeug.js';

/** Unknown project → 500 (the server cannot resolve its file schema). */
export function requireKnownProject(ctx: Ctx, project: string): void {
  if (!ctx.app.state.projects.some((p) => p.id === project)) throw new ServerFailure(`unknown project ${project}`);
}

/** Only the `raw` resource exists for the synthetic slides; others fail like a missing file (500). */
export function requireRawResource(resource: string): void {
  if (resource !== 'raw') throw new ServerFailure(`resource ${resource} not available`);
}

/** Slide access at `level`, then the `<project>` (and, when present, `<resource>`) segments. */
export function dziSlide(ctx: Ctx, level: 'read' | 'admin'): SlideRow {
  const { slide } = guardSlide(ctx, ctx.int('slide_id'), level);
  requireKnownProject(ctx, ctx.str('project'));
  if (ctx.params.resource !== undefined) requireRawResource(ctx.params.resource);
  return slide;
}

/** E16/X11 formats: `png` renders; `jpeg` fails (RGBA cannot be JPEG, 500); anything else → 200 `bad format`. */
export function pngOrBadFormat(format: string, render: () => Uint8Array): Reply {
  if (format === 'jpeg') throw new ServerFailure('cannot write mode RGBA as JPEG');
  if (format !== 'png') return textReply('bad format');
  return bytesReply(render(), 'image/png');
}
