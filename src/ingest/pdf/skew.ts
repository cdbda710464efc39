/**
 * A scan turned by a fraction of a degree (a page fed askew): its OCR layer places each word on its own baseline,
 * so a printed line drifts down (or up) across the page, by about a font size over a line at 1.5°, and the left
 * edge drifts as much down the page. The skew is measured from the runs themselves (neighbours in drawing order
 * on one printed line: the median slope from one to the next) and the page's runs are turned back by it, so lines
 * group by baseline and indents are measured against a straight margin. Born-digital pages measure no skew.
 */
import type { PageText } from './types.js';

/** Below this slope (about 0.15°) a page is taken as straight. */
const MIN_SLOPE = 0.0025;
/** Above this slope (about 6°) the measure is no skew but something else (rotated text, a diagram). */
const MAX_SLOPE = 0.1;
/** Neighbours count when the next run starts within this many font sizes to the right… */
const NEIGHBOUR_DX = 3;
/** …and its baseline lies within this share of the font size. */
const NEIGHBOUR_DY = 0.6;
/** At least this many neighbour pairs measure a page. */
const MIN_PAIRS = 20;

/** The median slope (dy/dx) between neighbouring runs of one printed line; 0 when there are too few. */
export function skewOf(page: PageText): number {
  const slopes: number[] = [];
  const runs = page.runs;
  for (let i = 1; i < runs.length; i++) {
    const [a, b] = [runs[i - 1]!, runs[i]!];
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    if (dx > 0 && dx < NEIGHBOUR_DX * a.size && Math.abs(dy) < NEIGHBOUR_DY * a.size) slopes.push(dy / dx);
  }
  if (slopes.length < MIN_PAIRS) return 0;
  slopes.sort((p, q) => p - q);
  return slopes[Math.floor(slopes.length / 2)]!;
}

/** The page with its runs turned back by its skew (unchanged when it has none). */
export function deskew(page: PageText): PageText {
  const slope = skewOf(page);
  if (Math.abs(slope) < MIN_SLOPE || Math.abs(slope) > MAX_SLOPE) return page;
  const t = Math.atan(slope);
  const [cos, sin] = [Math.cos(t), Math.sin(t)];
  return {
    ...page,
    runs: page.runs.map((r) => ({ ...r, x: r.x * cos + r.y * sin, y: r.y * cos - r.x * sin })),
  };
}
