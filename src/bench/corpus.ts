/**
 * The bench corpus: notices of 30–60 KB made from the corpus texts (the seed and corpus/gov/*.txt) by
 * shuffling their sections, renumbering headings and items, and changing numbers and dates. Deterministic:
 * the same seed gives the same files, byte for byte.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Smallest and largest size of a generated notice, in bytes of UTF-8. */
export const MIN_BYTES = 30 * 1024;
export const MAX_BYTES = 60 * 1024;

const HEADING = /^(\s*)[一二三四五六七八九十]+、/;
const ITEM = /^(\s*)\d{1,3}(?=[.．])/;
const YEAR = /20[12]\d(?=年)/g;
const MONTH_DAY = /(\d{1,2})月(\d{1,2})日/g;
const QUANTITY = /\d+(?:\.\d+)?(?=%|微克|毫克|万|吨|个|家|辆|公里|平方|台|座|亩)/g;
const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A small seeded random generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Chinese numeral of 1–99 as headings write it (十一, 二十三). */
function chineseNumber(n: number): string {
  if (n <= 10) return NUMERALS[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : NUMERALS[tens]}十${NUMERALS[n % 10]}`;
}

/** A text cut into its cover (before the first 一、 heading) and its top-level sections. */
interface Parts {
  cover: string[];
  sections: string[][];
}

function split(text: string): Parts {
  const parts: Parts = { cover: [], sections: [] };
  for (const line of text.split('\n')) {
    if (HEADING.test(line)) parts.sections.push([line]);
    else if (parts.sections.length === 0) parts.cover.push(line);
    else parts.sections.at(-1)!.push(line);
  }
  return parts;
}

const utf8Length = (lines: string[]): number => Buffer.byteLength(lines.join('\n'), 'utf8');

/** Renumbers one section's heading and items, and varies its numbers and dates. */
function vary(section: string[], index: number, rand: () => number): string[] {
  let item = 0;
  const pick = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  return section.map((line, i) => {
    let out = i === 0 ? line.replace(HEADING, (_, pad: string) => `${pad}${chineseNumber(index)}、`) : line;
    out = out.replace(ITEM, (_, pad: string) => `${pad}${++item}`);
    out = out.replace(YEAR, () => String(pick(2018, 2024)));
    out = out.replace(MONTH_DAY, () => `${pick(1, 12)}月${pick(1, 28)}日`);
    return out.replace(QUANTITY, (n) => String(Math.max(1, Math.round(Number(n) * (0.5 + rand())))));
  });
}

/** One notice: a cover, then sections drawn from every text until the size is between the bounds. */
function notice(texts: Parts[], rand: () => number): string {
  const base = texts[Math.floor(rand() * texts.length)]!;
  const target = MIN_BYTES + Math.floor(rand() * (MAX_BYTES - MIN_BYTES) * 0.9);
  const lines = [...base.cover];
  let size = utf8Length(lines);
  for (let index = 1; size < target; index++) {
    const from = texts[Math.floor(rand() * texts.length)]!;
    const section = from.sections[Math.floor(rand() * from.sections.length)];
    if (!section) continue;
    const varied = vary(section, ((index - 1) % 99) + 1, rand);
    const added = utf8Length(varied) + 1;
    if (size + added > MAX_BYTES) break;
    lines.push(...varied);
    size += added;
  }
  return lines.join('\n');
}

/** The corpus texts the bench varies: the seed and corpus/gov/*.txt. */
export function corpusTexts(root: string): string[] {
  const gov = join(root, 'corpus/gov');
  const files = readdirSync(gov)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(gov, f));
  return [join(root, 'corpus/zhengzhou-2020-notice.txt'), ...files].map((f) => readFileSync(f, 'utf8'));
}

/** Writes `count` notices into `dir` (emptied first); returns their total size in bytes. */
export function generateCorpus(root: string, dir: string, count: number, seed: number): number {
  const texts = corpusTexts(root)
    .map(split)
    .filter((p) => p.sections.length > 0);
  const rand = random(seed);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let total = 0;
  for (let i = 0; i < count; i++) {
    const text = notice(texts, rand);
    total += Buffer.byteLength(text, 'utf8');
    writeFileSync(join(dir, `${String(i).padStart(4, '0')}.txt`), text);
  }
  return total;
}
