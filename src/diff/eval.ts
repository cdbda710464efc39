/**
 * Evaluation of the diff on the fixture pairs of corpus/diff (`*.expected.json`): precision and recall of the
 * reported changes against the known edits. `npm run eval` prints it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../grammars.js';
import { convertSync } from '../index.js';
import { diff } from './index.js';
import type { PlanDiff } from './schema.js';
import { DiffFixtureSchema, scoreChanges, type ChangeScore, type DiffFixture } from './score.js';

/** The folder of the diff fixtures. */
export const DIFF_FIXTURES_DIR = join(PACKAGE_ROOT, 'corpus', 'diff');

/** Every fixture pair, by name (the file name without `.expected.json`). */
export function loadDiffFixtures(): { pair: string; fixture: DiffFixture }[] {
  return readdirSync(DIFF_FIXTURES_DIR)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => ({
      pair: f.replace(/\.expected\.json$/, ''),
      fixture: DiffFixtureSchema.parse(JSON.parse(readFileSync(join(DIFF_FIXTURES_DIR, f), 'utf8'))),
    }));
}

/** Converts and diffs a fixture's two notices. */
export function diffFixture(fixture: DiffFixture): PlanDiff {
  const side = (path: string) => convertSync(readFileSync(join(PACKAGE_ROOT, path)), { path });
  return diff(side(fixture.old), side(fixture.new), {
    units: fixture.units.map((u) => join(PACKAGE_ROOT, u)),
  });
}

/** Scores one fixture pair. */
export function scoreFixture(fixture: DiffFixture): ChangeScore & { diff: PlanDiff } {
  const result = diffFixture(fixture);
  return { ...scoreChanges(result.changes, fixture.changes), diff: result };
}

/** Precision and recall of the diff on every fixture pair of corpus/diff. */
export function evalDiffFixtures(): { pair: string; precision: number; recall: number }[] {
  return loadDiffFixtures().map(({ pair, fixture }) => {
    const { precision, recall } = scoreFixture(fixture);
    return { pair, precision, recall };
  });
}
