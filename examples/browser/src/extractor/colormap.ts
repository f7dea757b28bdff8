/**
 * The heatmap colour scale (a compact viridis): tile densities 0…1 → RGB.
 */

/** An RGB triple, 0…255 per channel. */
export type Rgb = [number, number, number];

/** Viridis sampled at 0, 0.25, 0.5, 0.75, 1. */
const stops: readonly Rgb[] = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];

/**
 * The colour of a density value (clamped to 0…1, NaN as 0), linear between the stops.
 *
 * @example
 * ```ts
 * densityColor(1); // [253, 231, 37] (yellow)
 * ```
 */
export function densityColor(value: number): Rgb {
  const v = Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
  const pos = v * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(pos));
  const t = pos - i;
  const a = stops[i]!;
  const b = stops[i + 1]!;
  return [0, 1, 2].map((c) => Math.round(a[c]! + (b[c]! - a[c]!) * t)) as Rgb;
}

/** CSS `rgb()` text of {@link densityColor}. */
export function densityCss(value: number): string {
  const [r, g, b] = densityColor(value);
  return `rgb(${r} ${g} ${b})`;
}
