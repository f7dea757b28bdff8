/**
 * Smaller endpoints: X6 training-sample manifest, X37 anonymize toggle, X42 resolution
 * preference, and the deprecated `/dzi/download/<project>/…` routes (protocol §1.2, §3.9,
 * §11.3, §11.12).
 */
import type { Handler } from '../app/app.js';
import { guardSlide, guardTask, isAnonymized } from '../auth/guards.js';
import { pyFloatRepr } from '../http/pyjson.js';
import { textReply } from '../http/reply.js';
import type { Router } from '../http/router.js';
import { abort, HttpRedirect, ServerFailure } from '../http/werkzeug.js';

/** Python `str()` of a manifest value: floats in repr, NULL as `None`. */
function pyStr(v: string | number | null, float = false): string {
  if (v === null) return 'None';
  if (typeof v === 'number') return float ? pyFloatRepr(v) : String(v);
  return v;
}

/** X6: joined without quoting (Q27), ordered by sample id; creator/editor are user names. */
const samplesManifest: Handler = (ctx) => {
  const { task } = guardTask(ctx, ctx.int('task_id'), 'read');
  const { state, catalog } = ctx.app;
  const anonymized = isAnonymized(ctx, task.project);
  const user = (id: number) => state.users.find((u) => u.id === id)?.username ?? null;
  const header = 'id,slide_name,label_name,x,y,w,h,t_create,creator,t_edit,editor,specimen_private,block_name,stain,mpp_x,mpp_y,dim_x,dim_y';
  const lines = state.samples
    .filter((s) => s.task === task.id)
    .sort((a, b) => a.id - b.id)
    .map((s) => {
      const slide = catalog.slide(s.slide);
      const info = slide ? catalog.slideInfo(slide, anonymized) : null;
      const image = slide ? ctx.app.image(slide) : null;
      const cells = [
        pyStr(s.id),
        pyStr(info?.slideName ?? null),
        pyStr(state.labels.find((l) => l.id === s.label)?.name ?? null),
        pyStr(s.x0, true),
        pyStr(s.y0, true),
        pyStr(s.x1 - s.x0, true),
        pyStr(s.y1 - s.y0, true),
        pyStr(s.tCreate, true),
        pyStr(user(s.creator)),
        pyStr(s.tEdit, true),
        pyStr(user(s.editor)),
        pyStr(info?.specimenPrivate ?? null),
        pyStr(info?.blockName ?? null),
        pyStr(info?.stain ?? null),
        pyStr(image?.spacing?.[0] ?? null, true),
        pyStr(image?.spacing?.[1] ?? null, true),
        pyStr(image?.width ?? null),
        pyStr(image?.height ?? null),
      ];
      return cells.join(',');
    });
  return textReply([header, ...lines].map((l) => `${l}\n`).join(''), 200, 'text/csv; charset=utf-8');
};

/** X37: flips the session flag; 302 to the Referer (or `/`). */
const toggleAnonymize: Handler = (ctx) => {
  ctx.session = { ...(ctx.session ?? {}), anonymize: ctx.session?.anonymize !== true };
  const referer = ctx.headers.referer;
  throw referer ? new HttpRedirect(referer, true) : new HttpRedirect('/');
};

/** X42: `raw`/`x16` into the session, echoed as text; anything else → 500. */
const resolutionPreference: Handler = (ctx) => {
  const { task } = guardTask(ctx, ctx.int('task_id'), 'read');
  const resolution = ctx.str('resolution');
  if (resolution !== 'raw' && resolution !== 'x16') throw new ServerFailure(`Invalid resolution ${resolution}`);
  const prefs = { ...(ctx.session?.slide_view_pref ?? {}) };
  prefs[String(task.id)] = { ...(prefs[String(task.id)] ?? {}), resolution };
  ctx.session = { ...(ctx.session ?? {}), slide_view_pref: prefs };
  return textReply(resolution);
};

/** Deprecated project-addressed downloads: slide read, then 404 `Deprecated API endpoint`. */
const deprecated: Handler = (ctx) => {
  guardSlide(ctx, ctx.int('slide_id'), 'read');
  throw abort(404, 'Deprecated API endpoint');
};

/** Registers the smaller routes. */
export function registerMiscRoutes(router: Router<Handler>): void {
  const both = ['GET', 'POST'];
  router
    .add({ rule: '/dltrain/api/task/<int:task_id>/samples/manifest.csv', methods: ['GET'], endpoint: 'dltrain.get_sample_manifest_for_task', handler: samplesManifest })
    .add({ rule: '/auth/api/anonymize/toggle', methods: ['GET'], endpoint: 'auth.toggle_anonymize', handler: toggleAnonymize })
    .add({ rule: '/api/task/<int:task_id>/pref/resolution/set/<resolution>', methods: ['GET'], endpoint: 'slide.task_set_resolution_preference', handler: resolutionPreference })
    .add({ rule: '/dzi/download/<project>/slide_<int:slide_id>_<resource>_<int:downsample>.tiff', methods: both, endpoint: 'dzi.dzi_download_tiff_deprecated', handler: deprecated })
    .add({ rule: '/dzi/download/<project>/slide_<int:slide_id>_<resource>_<int:downsample>.nii.gz', methods: both, endpoint: 'dzi.dzi_download_nii_gz_deprecated', handler: deprecated })
    .add({ rule: '/dzi/download/<project>/slide_<int:slide_id>_<resource>_fullres.<extension>', methods: both, endpoint: 'dzi.dzi_download_fullres_deprecated', handler: deprecated });
}
