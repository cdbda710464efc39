/**
 * The seed's tasks as a task table written by real producers (corpus/tables, made by
 * scripts/tables/seed-table.ts: an HTML page with rowspans, LibreOffice's .docx and .xlsx of it) give the seed's
 * tasks, units by role and deadlines against its gold.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evalTables, TABLE_FIXTURES } from '../../src/eval/tables.js';
import type { Gold } from '../../src/eval/seed.js';

const CORPUS = join(import.meta.dirname, '..', '..', 'corpus');
const gold = JSON.parse(
  readFileSync(join(CORPUS, 'gold', 'zhengzhou-2020-notice.gold.json'), 'utf8'),
) as Gold;

describe('the seed as a task table', async () => {
  const results = await evalTables(CORPUS, gold);

  it('reads every fixture', () => {
    expect(results.map((r) => r.file)).toEqual(TABLE_FIXTURES);
  });

  it.each(results.map((r) => [r.file, r.scores] as const))(
    '%s: tasks and units F1 ≥ 0.98, deadlines ≥ 0.95',
    (_, scores) => {
      for (const s of scores)
        expect(s.f1, s.kind).toBeGreaterThanOrEqual(s.kind === 'deadlines' ? 0.95 : 0.98);
      expect(scores.map((s) => s.kind)).toEqual([
        'tasks',
        'units:lead',
        'units:cooperating',
        'units:responsible',
        'deadlines',
      ]);
    },
  );
});
