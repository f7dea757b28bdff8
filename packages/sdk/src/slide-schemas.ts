/** Response schemas of the slide endpoints (E11–E15, protocol §5) and their types. */
import * as z from 'zod/mini';

/** E11 body. Rows keep every key the server sends; `specimen_private` is null when anonymized. */
export const slideInfoSchema = z.looseObject({
  specimen: z.number(),
  block_name: z.string(),
  specimen_private: z.nullable(z.string()),
  specimen_public: z.string(),
  specimen_display: z.string(),
  section: z.number(),
  slide: z.number(),
  stain: z.string(),
});

/** `slide.detail`: the server's slide info object (E11). */
export type SlideInfo = z.output<typeof slideInfoSchema>;

/** E12 body: the slide's external tags. */
export const slideTagsSchema = z.array(z.string());

const pair = z.tuple([z.number(), z.number()]);

/** E13 body: level-0 size and pixel spacing in mm (each `null` when the metadata lacks it). */
export const slideHeaderSchema = z.looseObject({
  dimensions: z.nullable(pair),
  spacing: z.nullable(pair),
});

/**
 * E14 `properties`: strings for OpenSlide-backed slides; PHAS's own TIFF reader (Google-Cloud
 * slides, protocol Q40) may give numbers or null.
 */
export const slidePropertiesSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

/** `slide.properties()`: the slide's OpenSlide properties as PHAS filters them (protocol §5.6). */
export type SlideProperties = z.output<typeof slidePropertiesSchema>;

/** E14 body: OpenSlide properties and pyramid. */
export const openSlideHeaderSchema = z.looseObject({
  properties: slidePropertiesSchema,
  level_dimensions: z.array(pair).check(z.minLength(1)),
  level_downsamples: z.array(z.number().check(z.positive())).check(z.minLength(1)),
});

/** E15 body. */
export const slideFilePathSchema = z.looseObject({
  local: z.string(),
  remote: z.string(),
});

/** `[x, y]` (or `[width, height]`) numbers. */
export type Pair = [number, number];
