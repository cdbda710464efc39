import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreSeed, type Gold } from '../../src/eval/seed.js';
import { convert } from '../../src/index.js';

/** Bars for the seed rendered and read by tesseract (corpus/pdf/seed-scan.pdf, a searchable scan). */
const TASKS_BAR = 0.99;
const ROLE_BAR = 0.95;

describe('the seed as a tesseract scan (corpus/pdf/seed-scan.pdf)', () => {
  const gold = JSON.parse(readFileSync('corpus/gold/zhengzhou-2020-notice.gold.json', 'utf8')) as Gold;

  it(`finds the tasks (F1 ≥ ${TASKS_BAR}) and each role's units (F1 ≥ ${ROLE_BAR})`, async () => {
    const graph = await convert(readFileSync('corpus/pdf/seed-scan.pdf'), {
      path: 'corpus/pdf/seed-scan.pdf',
    });
    const scores = new Map(scoreSeed(graph, gold).map((s) => [s.kind, s]));
    const tasks = scores.get('tasks')!;
    expect(tasks.f1, tasks.missed.join(' ; ')).toBeGreaterThanOrEqual(TASKS_BAR);
    for (const role of ['lead', 'cooperating', 'responsible']) {
      const s = scores.get(`units:${role}`)!;
      expect(s.f1, `${role}: ${[...s.missed, ...s.spurious].join(' ; ')}`).toBeGreaterThanOrEqual(ROLE_BAR);
    }
  }, 30_000);
});
