import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EditionHistorySchema, history } from '../../src/diff/history.js';
import { convertSync } from '../../src/index.js';
import { renderHistoryHtml, renderHistoryMarkdown } from '../../src/render/diff-history.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const read = (p: string) => convertSync(readFileSync(join(ROOT, p)), { path: p });
const EDITIONS = [
  'corpus/zhengzhou-2020-notice.txt',
  'corpus/diff/zhengzhou-2021-notice.txt',
  'corpus/diff/zhengzhou-2022-notice.txt',
];

describe('the history of three editions', () => {
  const h = history(EDITIONS.map(read));
  const thread = (plan: string, path: string) =>
    h.threads.find((t) => t.plan === plan && t.paths.includes(path));

  it('is valid, with one step per pair of consecutive editions', () => {
    expect(EditionHistorySchema.parse(h)).toEqual(h);
    expect(h.editions.map((e) => e.year)).toEqual([2020, 2021, 2022]);
    expect(h.steps).toHaveLength(2);
  });

  it("gives a target's value edition by edition, followed across renumbering", () => {
    const t = thread('air', '四/(一)/17')!;
    expect(t.paths).toEqual(['四/(一)/16', '四/(一)/17', '四/(一)/17']);
    const target = t.targets.find((x) => x.indicator === '国家下达的特色产业集群综合整治')!;
    expect(target.values.map((v) => v?.value)).toEqual([25, 25, 30]);
    const pm10 = thread('air', '')!.targets.find((x) => x.indicator.startsWith('PM10'))!;
    expect(pm10.values.map((v) => v?.comparator)).toEqual(['<=', '<=', '<']);
  });

  it('says when a unit joined or left, and which step changed what', () => {
    const moved = thread('air', '三/(五)/13')!;
    expect(moved.paths).toEqual(['三/(五)/13', '三/(四)/13', '三/(五)/13']);
    expect(moved.units).toContainEqual({
      unit: '市城管局',
      role: 'cooperating',
      present: [false, false, true],
    });
    expect(moved.changes.map((c) => `${c.step} ${c.change.kind}`)).toEqual([
      '0 task_moved',
      '1 task_moved',
      '1 wording_changed',
      '1 unit_added',
    ]);
    const removed = thread('air', '三/(五)/12')!;
    expect(removed.units).toContainEqual({
      unit: '市园林局',
      role: 'cooperating',
      present: [true, false, false],
    });
  });

  it('renders as Markdown and HTML', () => {
    const md = renderHistoryMarkdown(h);
    expect(md).toContain('国家下达的特色产业集群综合整治: 2020 = 25 个 → 2021 = 25 个 → 2022 = 30 个');
    expect(md).toContain('市城管局(配合) 2022加入');
    expect(md).toContain('市园林局(配合) 2021退出');
    const html = renderHistoryHtml(h);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<h2>soil</h2>');
  });

  it('needs two editions at least', () => {
    expect(() => history([read(EDITIONS[0]!)])).toThrow(/two editions/);
  });
});
