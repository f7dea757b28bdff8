/**
 * The slide filters of the slides view, turned into `task.slideManifest` options
 * (server-side filtering, protocol §5.4).
 */

/** The filters as entered (empty = not applied). */
export interface SlideFilters {
  stain: string;
  tags: string;
  minSroi: string;
}

/**
 * `slideManifest` options for the entered filters: an empty field is no filter; tags are
 * comma-separated (any of); the ROI minimum applies to sampling tasks only (others answer 500).
 *
 * @example
 * ```ts
 * manifestQuery({ stain: 'Nissl', tags: 'hippo, diag', minSroi: '1' }, true);
 * // { stain: 'Nissl', tagsAny: ['hippo', 'diag'], minSroi: 1 }
 * ```
 */
export function manifestQuery(filters: SlideFilters, sampling: boolean): { stain?: string; tagsAny?: string[]; minSroi?: number } {
  const query: { stain?: string; tagsAny?: string[]; minSroi?: number } = {};
  if (filters.stain !== '') query.stain = filters.stain;
  const tags = filters.tags.split(',').map((t) => t.trim()).filter((t) => t !== '');
  if (tags.length > 0) query.tagsAny = tags;
  const min = Number.parseInt(filters.minSroi, 10);
  if (sampling && Number.isFinite(min) && min > 0) query.minSroi = min;
  return query;
}

