/**
 * The least shortened level at which a sheet fits, found with few layouts. Levels are
 * ordered from "as written" to "most shortened" and fitting is monotone (if level i fits,
 * so does every later one), so the answer is the boundary between levels that overflow and
 * levels that fit:
 *   1. estimate every level's height (cheap) and lay out the first one estimated to fit;
 *   2. scale the estimates by what the layout measured, and lay out the level the scaled
 *      estimates now point to, inside the interval still open;
 *   3. after three layouts, bisect the open interval instead: a bad estimate costs at most
 *      log2(levels) more layouts.
 * The answer is proven by layouts: the chosen level fitted, and the level before it
 * overflowed (or there is none).
 */

export interface Measure {
  fits: boolean;
  /** Height the content took, in points (over several pages when it did not fit). */
  height: number;
}

export interface SearchResult<M extends Measure> {
  /** The first level that fits. */
  index: number;
  /** Its layout. */
  measure: M;
  /** Layouts made. */
  layouts: number;
  /** The level the first estimate pointed to. */
  guess: number;
}

export class NoFitError extends Error {}

export async function searchFit<M extends Measure>(
  count: number,
  estimate: (index: number) => number,
  available: number,
  layOut: (index: number) => Promise<M>,
): Promise<SearchResult<M>> {
  let failing = -1; // highest level known to overflow
  let fitting = count; // lowest level known to fit (count: none yet)
  let best: M | undefined;
  let scale = 1;
  let layouts = 0;
  const predicted = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (estimate(i) * scale <= available) return i;
    return to - 1;
  };
  const guess = predicted(0, count);
  let probe = guess;
  while (fitting - failing > 1) {
    const measure = await layOut(probe);
    layouts++;
    if (measure.height > 0 && estimate(probe) > 0) scale = measure.height / estimate(probe);
    if (measure.fits) {
      fitting = probe;
      best = measure;
    } else {
      failing = probe;
    }
    const next = layouts >= 3 ? Math.floor((failing + fitting) / 2) : predicted(failing + 1, fitting);
    probe = Math.min(Math.max(next, failing + 1), fitting - 1);
  }
  if (!best) throw new NoFitError(`does not fit even at the last of ${count} levels`);
  return { index: fitting, measure: best, layouts, guess };
}
