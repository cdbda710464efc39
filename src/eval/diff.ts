/**
 * The diff's share of the bar the known-edit pairs set beyond precision and recall: target changes named (the
 * name has letters and is not a leading verb alone) and directed (tightened or loosened), and no change for the
 * year shift (a wording change whose only edits are years). Printed by `npm run eval`.
 */
import { scoreFixture, loadDiffFixtures } from '../diff/eval.js';

/** Per fixture pair: target changes, how many are named and directed, and year-only wording changes. */
export interface DiffQuality {
  pair: string;
  targets: number;
  named: number;
  directed: number;
  yearOnly: number;
}

const YEAR = /^(?:19|20)\d{2}$/;

/** Scores every pair of corpus/diff on naming, direction and the year shift. */
export function evalDiffQuality(): DiffQuality[] {
  return loadDiffFixtures().map(({ pair, fixture }) => {
    const { diff } = scoreFixture(fixture);
    const targets = diff.changes.flatMap((c) => (c.kind === 'target_changed' ? [c] : []));
    const yearOnly = diff.changes.filter(
      (c) => c.kind === 'wording_changed' && c.diff.every((o) => o.op === 'equal' || YEAR.test(o.text)),
    ).length;
    return {
      pair,
      targets: targets.length,
      named: targets.filter((c) => /\p{L}{2}/u.test(c.indicator)).length,
      directed: targets.filter((c) => c.direction !== 'changed').length,
      yearOnly,
    };
  });
}

/** The lines `npm run eval` prints. */
export function diffQualityLines(): string {
  return evalDiffQuality()
    .map(
      (q) =>
        `  ${q.pair.padEnd(24)} target changes ${q.targets}: named ${q.named}, directed ${q.directed}; year-only changes ${q.yearOnly}\n`,
    )
    .join('');
}
