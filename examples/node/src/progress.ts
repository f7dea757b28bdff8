/**
 * A one-line progress bar on stderr. On a terminal it redraws in place; otherwise (CI, pipes)
 * it prints a line at most every 10 %.
 */
export function progressBar(label: string) {
  const tty = process.stderr.isTTY === true;
  let lastDecile = -1;
  return {
    update(loaded: number, total: number): void {
      const fraction = total > 0 ? loaded / total : 1;
      if (tty) {
        const width = 30;
        const filled = Math.round(fraction * width);
        process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${loaded}/${total}`);
      } else {
        const decile = Math.floor(fraction * 10);
        if (decile !== lastDecile) {
          lastDecile = decile;
          process.stderr.write(`${label} ${loaded}/${total}\n`);
        }
      }
    },
    done(): void {
      if (tty) process.stderr.write('\n');
    },
  };
}
