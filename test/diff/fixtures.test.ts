import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diff, PlanDiffSchema } from '../../src/diff/index.js';
import { loadDiffFixtures, scoreFixture } from '../../src/diff/eval.js';
import { convertSync } from '../../src/index.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const read = (path: string) => convertSync(readFileSync(join(ROOT, path)), { path });
const BAR = 0.98;

describe('known-edit pairs (corpus/diff/*.expected.json)', () => {
  const fixtures = loadDiffFixtures();
  it('has fixture pairs', () => expect(fixtures.length).toBeGreaterThanOrEqual(2));

  it.each(fixtures.map((f) => [f.pair, f.fixture] as const))(
    '%s: precision and recall ≥ 0.98, renumbered tasks matched without change, targets named and directed',
    (_pair, fixture) => {
      const score = scoreFixture(fixture);
      expect(PlanDiffSchema.parse(score.diff)).toEqual(score.diff);
      expect(score.precision, `reported in excess: ${JSON.stringify(score.extra)}`).toBeGreaterThanOrEqual(
        BAR,
      );
      expect(score.recall, `missed: ${JSON.stringify(score.missed)}`).toBeGreaterThanOrEqual(BAR);
      for (const r of fixture.renumbered) {
        expect(score.diff.matches).toContainEqual(expect.objectContaining(r));
        const touched = score.diff.changes.filter(
          (c) => c.plan === r.plan && (c.oldPath === r.oldPath || c.newPath === r.newPath),
        );
        expect(touched).toEqual([]);
      }
      for (const c of score.diff.changes)
        if (c.kind === 'target_changed') {
          expect(c.indicator, JSON.stringify(c)).toMatch(/\p{L}{2}/u);
          expect(c.direction, JSON.stringify(c)).not.toBe('changed');
        }
      const counts = Object.values(score.diff.summary).reduce((a, b) => a + b, 0);
      expect(counts).toBe(score.diff.changes.length);
    },
  );
});

describe('the generated third edition (scripts/diff-fixtures.mjs)', () => {
  it('is what the script makes from the 2021 edition', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'diff-fixtures.mjs'), '--check'], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});

describe('no change', () => {
  it.each(['corpus/zhengzhou-2020-notice.txt', 'corpus/gov/007.txt', 'corpus/gov/037.txt'])(
    '%s against itself: no change, every task matched in place',
    (path) => {
      const g = read(path);
      const d = diff(g, g);
      expect(d.changes).toEqual([]);
      expect(d.summary).toEqual({});
      const tasks = g.nodes.filter((n) => n.type === 'task').length;
      expect(d.matches).toHaveLength(tasks);
      for (const m of d.matches) expect(m.oldPath).toBe(m.newPath);
    },
  );

  it.each(['gov-006', 'gov-012', 'plan-excerpt'])(
    'two OCR runs of %s (clean text vs tesseract): no substantive change',
    (name) => {
      const clean = read(`corpus/ocr/${name}.clean.txt`);
      const ocr = read(`corpus/ocr/${name}.ocr.txt`);
      expect(diff(clean, ocr).changes).toEqual([]);
      expect(diff(ocr, clean).changes).toEqual([]);
    },
  );
});
