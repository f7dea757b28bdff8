/**
 * Smaller endpoints: X6 training-sample manifest, X28 custom sample patch, X37 anonymize
 * toggle, X38/X39 by-slide-name variants (broken upstream, Q29), X40 slide refresh, X42
 * resolution preference, and the deprecated `/dzi/download/<project>/…` routes (protocol
 * §1.2, §3.9, §11.3, §11.11–§11.14).
 */
import type { Handler } from '../app/app.js';
import { guardProject, guardSlide, guardTask, isAnonymized } from '../auth/guards.js';
import { pyFloatRepr } from '../http/pyjson.js';
import { bytesReply, pyJsonReply, textReply } from '../http/reply.js';
import { patchPng, sampleCentre } from '../slides/patch.js';
import { dziSlide } from './dzi-common.js';
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

/** X28: no guard; centre rounded half up; the content type is the literal upstream bug (Q28). */
const samplePatch: Handler = (ctx) => {
  const row = ctx.app.state.samples.find((s) => s.id === ctx.int('id'));
  const slide = row && ctx.app.catalog.slide(row.slide);
  if (!row || !slide) throw new ServerFailure(`no sample ${ctx.int('id')}`);
  const [cx, cy] = sampleCentre(row.x0, row.y0, row.x1, row.y1);
  const png = patchPng(ctx.app.image(slide), ctx.int('level'), cx, cy, ctx.int('w'), ctx.int('h'));
  return bytesReply(png, 'image/<built-in function format>');
};

/**
 * X38/X39 (task read + API): the slide is looked up by name among this task's annotations;
 * calling the guarded view with positional arguments then fails (500, Q29). Without an
 * annotation: X38 answers `{"timestamp": null}`, X39 a 404.
 */
function bySlideName(svg: boolean): Handler {
  return (ctx) => {
    const { task } = guardTask(ctx, ctx.int('task_id'), 'read', { api: true });
    const name = ctx.str('slide_name');
    const hit = ctx.app.state.annotations.some((a) => a.task === task.id && ctx.app.catalog.slide(a.slide)?.name === name);
    if (hit) throw new ServerFailure('guarded view called with positional arguments (Q29)');
    if (svg) throw abort(404);
    return pyJsonReply({ timestamp: null }, { bogusContentType: true });
  };
}

/** X40 (project admin + API): nothing to re-import for synthetic slides; empty style-3 body. */
const refreshSlides: Handler = (ctx) => {
  guardProject(ctx, ctx.str('project'), 'admin', { allowOnTask: false, api: true });
  const reply = textReply('');
  reply.headers['ContentType'] = 'application/json';
  return reply;
};

/**
 * X12/X13 label and macro images: refused in anonymized mode, and the synthetic slides have
 * no associated images, so otherwise `Resource <kind> not available for slide <id>` (both 400).
 */
function associatedImage(kind: 'label' | 'macro'): Handler {
  return (ctx) => {
    const slide = dziSlide(ctx, 'read');
    if (ctx.session?.anonymize === true) return textReply(`Resource ${kind} not available in anonymized mode`, 400);
    return textReply(`Resource ${kind} not available for slide ${slide.id}`, 400);
  };
}

/** Registers the smaller routes. */
export function registerMiscRoutes(router: Router<Handler>): void {
  const both = ['GET', 'POST'];
  router
    .add({ rule: '/dltrain/api/task/<int:task_id>/samples/manifest.csv', methods: ['GET'], endpoint: 'dltrain.get_sample_manifest_for_task', handler: samplesManifest })
    .add({ rule: '/dltrain/api/sample/<int:id>/<int:level>/image_<int:w>_<int:h>.png', methods: ['GET'], endpoint: 'dltrain.get_sample_custom_png', handler: samplePatch })
    .add({ rule: '/api/task/<int:task_id>/slidename/<slide_name>/annot/timestamp', methods: ['GET'], endpoint: 'slide.api_get_annot_timestamp_by_slidename', handler: bySlideName(false) })
    .add({ rule: '/api/task/<int:task_id>/slidename/<slide_name>/annot/svg', methods: both, endpoint: 'slide.api_get_annot_svg_by_slidename', handler: bySlideName(true) })
    .add({ rule: '/api/project/<project>/specimen/<specimen>/refresh_slides', methods: both, endpoint: 'slide.api_project_refresh_slides_for_specimen', handler: refreshSlides })
    .add({ rule: '/dzi/download/<project>/slide_<int:slide_id>_label.png', methods: both, endpoint: 'dzi.dzi_download_label_image', handler: associatedImage('label') })
    .add({ rule: '/dzi/download/<project>/slide_<int:slide_id>_macro.png', methods: both, endpoint: 'dzi.dzi_download_macro_image', handler: associatedImage('macro') })
    .add({ rule: '/auth/api/anonymize/toggle', methods: ['GET'], endpoint: 'auth.toggle_anonymize', handler: toggleAnonymize })
    .add({ rule: '/api/task/<int:task_id>/pref/resolution/set/<resolution>', methods: ['GET'], endpoint: 'slide.task_set_resolution_preference', handler: resolutionPreference })
    .add({ rule: '/dzi/download/<project>/slide_<int:slide_id>_<resource>_<int:downsample>.tiff', methods: both, endpoint: 'dzi.dzi_download_tiff_deprecated', handler: deprecated })
    .add({ rule: '/dzi/download/<project>/slide_<int:slide_id>_<resource>_<int:downsample>.nii.gz', methods: both, endpoint: 'dzi.dzi_download_nii_gz_deprecated', handler: deprecated })
    .add({ rule: '/dzi/download/<project>/slide_<int:slide_id>_<resource>_fullres.<extension>', methods: both, endpoint: 'dzi.dzi_download_fullres_deprecated', handler: deprecated });
}
