/**
 * Test helper: the seed notice and its gold, cut into the texts the extractors see. A task's text runs from
 * its gold line to the next role line or heading; OCR spaces are dropped by a simple normaliser (the repair
 * stage does this for real), and the two broken subscripts are mapped as the gold's repairs say.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/grammars.js';

/** A gold deadline, as the gold writes it. */
export interface GoldDeadline {
  text: string;
  date: string | null;
  kind: string;
}
/** A gold target, as the gold writes it. */
export interface GoldTarget {
  text: string;
  comparator: string;
  value: number | string | [number, number];
  unit: string | null;
}
/** One scored unit of the seed: a task, a plan's goals or a 工作要求 paragraph, with its text and gold. */
export interface SeedItem {
  id: string;
  text: string;
  deadlines: GoldDeadline[];
  targets: GoldTarget[];
}

interface GoldSection {
  path: string;
  title: string;
  level: number;
  line: number;
}
interface GoldPlan {
  id: string;
  targets: GoldTarget[];
  sections: GoldSection[];
  tasks: { path: string; line: number; deadlines: GoldDeadline[]; targets: GoldTarget[] }[];
  requirements: { path: string; deadlines: GoldDeadline[]; targets: GoldTarget[] }[];
}

const ROLE_LINE = /^\s*(?:牵头单位|配合单位|责任单位)/;
const HEADING =
  /^\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+['’]?[)）]|[0-9]+[.．、]|[(（][0-9]+[)）])/;

/** Drops whitespace except between two ASCII letters or digits, and maps the seed's broken subscripts. */
export function normalise(s: string): string {
  return s
    .replace(/(?<![A-Za-z0-9])\s+|\s+(?![A-Za-z0-9])/g, '')
    .replace(/PM】。/g, 'PM10')
    .replace(/PM25/g, 'PM2.5')
    .replace(/釆/g, '采');
}

/** The seed's raw lines. */
export const seedLines: string[] = readFileSync(
  join(PACKAGE_ROOT, 'corpus/zhengzhou-2020-notice.txt'),
  'utf8',
).split('\n');

/** The text from 1-based `line` up to the next role line or heading, normalised. */
export function textFrom(line: number): string {
  const out = [seedLines[line - 1] ?? ''];
  for (let i = line; i < seedLines.length; i++) {
    const l = seedLines[i] as string;
    if (ROLE_LINE.test(l) || HEADING.test(l)) break;
    out.push(l);
  }
  return normalise(out.join(''));
}

/** The gold of the seed notice. */
export const gold = JSON.parse(
  readFileSync(join(PACKAGE_ROOT, 'corpus/gold/zhengzhou-2020-notice.gold.json'), 'utf8'),
) as { plans: GoldPlan[]; references: { title: string; docNumber: string | null }[] };

/** Every gold task with its text. */
export const seedTasks: SeedItem[] = gold.plans.flatMap((p) =>
  p.tasks.map((t) => ({
    id: `${p.id}/${t.path}`,
    text: textFrom(t.line),
    deadlines: t.deadlines,
    targets: t.targets,
  })),
);

/** Each plan's goal paragraph (the level-1 section whose title names 目标) with the plan-level targets. */
export const seedGoals: SeedItem[] = gold.plans.map((p) => {
  const section = p.sections.find((s) => s.level === 1 && s.title.includes('目标')) as GoldSection;
  return { id: `${p.id}/goals`, text: textFrom(section.line), deadlines: [], targets: p.targets };
});

/** The 工作要求 paragraphs with their deadlines. */
export const seedRequirements: SeedItem[] = gold.plans.flatMap((p) =>
  p.requirements.map((r) => {
    const section = p.sections.find((s) => s.path === r.path) as GoldSection;
    return {
      id: `${p.id}/${r.path}`,
      text: textFrom(section.line),
      deadlines: r.deadlines,
      targets: r.targets,
    };
  }),
);

/** Precision, recall and F1 of multiset matches, with the misses and the extras for diagnosis. */
export interface Score {
  precision: number;
  recall: number;
  f1: number;
  missed: string[];
  extra: string[];
}

/** Scores found keys against gold keys item by item (multisets), micro-averaged. */
export function score(items: { id: string; gold: string[]; found: string[] }[]): Score {
  let tp = 0;
  let nGold = 0;
  let nFound = 0;
  const missed: string[] = [];
  const extra: string[] = [];
  for (const item of items) {
    const left = [...item.found];
    for (const g of item.gold) {
      const i = left.indexOf(g);
      if (i === -1) missed.push(`${item.id} ${g}`);
      else {
        left.splice(i, 1);
        tp++;
      }
    }
    extra.push(...left.map((f) => `${item.id} ${f}`));
    nGold += item.gold.length;
    nFound += item.found.length;
  }
  const precision = nFound === 0 ? 1 : tp / nFound;
  const recall = nGold === 0 ? 1 : tp / nGold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, missed, extra };
}
