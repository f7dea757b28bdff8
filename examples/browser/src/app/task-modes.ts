/** PHAS task modes (protocol §4.2) in words. */
const names: Record<string, string> = {
  annot: 'Annotation',
  dltrain: 'Training samples',
  sampling: 'Sampling ROIs',
  browse: 'Browse',
};

/**
 * The name of a task mode for people; unknown modes are shown as they are.
 *
 * @example
 * ```ts
 * taskModeName('sampling'); // 'Sampling ROIs'
 * ```
 */
export function taskModeName(mode: string): string {
  return names[mode] ?? mode;
}
