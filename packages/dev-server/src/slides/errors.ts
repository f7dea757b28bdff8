/**
 * The one error type the slide modules throw for requests they cannot serve.
 *
 * Each carries the HTTP status a real PHAS server answers in that situation (protocol §6),
 * so a route handler can turn it into the matching Werkzeug error page unchanged.
 */

/** Why a slide image request was refused. */
export type SlideImageErrorCode =
  /** Pyramid (or Deep Zoom) level outside the slide's range. */
  | 'bad_level'
  /** Width/height/size not a positive integer (PHAS: 500). */
  | 'bad_size'
  /** Output would exceed the memory limit of the synthetic slide renderer. */
  | 'too_large'
  /** The slide's metadata has no pixel spacing (E17: 404, E26: 500). */
  | 'no_spacing'
  /** A Deep Zoom tile address outside the level's tile grid. */
  | 'bad_tile'
  /** An image format the endpoint does not produce. */
  | 'bad_format'
  /** The slide's property map is inconsistent (PHAS fails with 500). */
  | 'bad_metadata';

/**
 * A refused slide image request.
 *
 * @example
 * ```ts
 * try {
 *   readRegionPng(slide, 9, 0, 0, 16, 16);
 * } catch (e) {
 *   if (e instanceof SlideImageError) console.log(e.status, e.code); // 500 'bad_level'
 * }
 * ```
 */
export class SlideImageError extends Error {
  override readonly name = 'SlideImageError';

  /**
   * @param code Machine-readable reason.
   * @param status HTTP status a PHAS server answers for this case.
   * @param message Human-readable text (safe to send to the client).
   */
  constructor(
    readonly code: SlideImageErrorCode,
    readonly status: 404 | 500,
    message: string,
  ) {
    super(message);
  }
}
