import { readFileSync } from 'node:fs';

/** The seed notice's text (corpus/zhengzhou-2020-notice.txt). */
export const SEED = readFileSync('corpus/zhengzhou-2020-notice.txt', 'utf8');

/** The seed's body paragraphs (long ones) cut into `count` lines of `width` characters, from line `from` on. */
export function bodyLines(width: number, count: number, from = 0): string[] {
  const text = SEED.split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 60)
    .join('');
  return Array.from({ length: count }, (_, k) => text.slice((from + k) * width, (from + k + 1) * width));
}
