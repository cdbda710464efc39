/**
 * What a plan's lines are before the body parser reads their markers (issue 13, headings): a table of contents
 * is text, never sections; an attachment list (附件：1.…/2.…) is text, never tasks; a bare heading line just
 * before (一) whose numeral was lost is the missing 一、-level heading, restored from the sequence.
 */
import type { ParseDiagnostic } from './body.js';
import { structureGrammar, type MarkerMatch } from './grammar.js';
import type { Line } from './lines.js';
import { squash } from './cover.js';

/** How the body parser is to take one line. */
export type LineRole = { kind: 'text' } | { kind: 'heading'; marker: MarkerMatch } | null;

/** The Chinese numeral of 1–99 in the grammar's digits (1 → 一, 10 → 十, 12 → 十二, 20 → 二十). */
function numeral(v: number): string {
  const g = structureGrammar().raw.numerals;
  const digit = (d: number): string => Object.keys(g.digits).find((c) => g.digits[c] === d && d > 0) ?? '';
  if (v < 10) return digit(v);
  const tens = Math.floor(v / 10);
  return (tens > 1 ? digit(tens) : '') + g.ten + digit(v % 10);
}

/**
 * Roles of lines[from, to): text for a table of contents and an attachment list, a restored marker for a bare
 * heading line. Diagnostics tell what was done.
 */
export function outlineRoles(
  lines: Line[],
  from: number,
  to: number,
  diagnostics: ParseDiagnostic[],
): Map<number, LineRole> {
  const g = structureGrammar();
  const cover = g.raw.cover;
  const roles = new Map<number, LineRole>();
  const entry = (k: number): boolean => g.cover.contentsEntry.test(lines[k]!.text);
  // Table of contents: a 目录 line and the entries after it (a heading line with no page number among them, as
  // a chapter line may be), or lines with leader dots and a page number wherever they stand.
  for (let k = from; k < to; k++) {
    const t = squash(lines[k]!.text);
    const header = cover.contentsHeaders.includes(t);
    if (!header && !entry(k)) continue;
    let end = k + (header ? 1 : 0);
    while (end < to && (entry(end) || (g.marker(lines[end]!.text) && end + 1 < to && entry(end + 1)))) end++;
    const entries = end - k - (header ? 1 : 0);
    if (entries === 0) continue;
    for (let e = k; e < end; e++) roles.set(e, { kind: 'text' });
    diagnostics.push({
      code: 'table-of-contents',
      severity: 'info',
      message: `目录 (${entries} 条) 作为正文保留，不作标题 (a table of contents, kept as text, not sections)`,
      start: lines[k]!.start,
      end: lines[end - 1]!.end,
    });
    k = end - 1;
  }
  // Attachment list: 附件：1.… then 2.…, 3.… — the documents attached, not tasks.
  for (let k = from; k < to; k++) {
    const t = lines[k]!.text.replace(/^[\s\u3000]+/, '');
    if (!t.startsWith(cover.attachmentLabel) || roles.has(k)) continue;
    const first = g.marker(t.slice(cover.attachmentLabel.length).replace(/^[\s:：]+/, ''));
    let value = first?.kind === 'item' ? first.value : 0;
    for (let e = k + 1; e < to; e++) {
      const m = g.marker(lines[e]!.text.replace(/^[\s\u3000]+/, ''));
      if (m?.kind !== 'item' || m.value !== value + 1 || g.cover.sentenceEnd.test(lines[e]!.text)) break;
      roles.set(e, { kind: 'text' });
      value = m.value;
    }
  }
  // A lost top-level numeral: a bare heading line just before (一), between 一、-level headings N−1 and N+1.
  let last = 0;
  for (let k = from; k < to; k++) {
    if (roles.has(k)) continue;
    const m = g.marker(lines[k]!.text);
    if (m?.kind === 'level1') {
      last = m.value;
      continue;
    }
    if (m || !isBareHeading(lines[k]!.text)) continue;
    const next = k + 1 < to && !roles.has(k + 1) ? g.marker(lines[k + 1]!.text) : null;
    if (next?.kind !== 'level2' || next.value !== 1) continue;
    let following: MarkerMatch | null = null;
    for (let e = k + 2; e < to && !following; e++) {
      const f = roles.has(e) ? null : g.marker(lines[e]!.text);
      if (f?.kind === 'level1') following = f;
    }
    if (following?.value !== last + 2) continue;
    const normalized = numeral(last + 1);
    roles.set(k, { kind: 'heading', marker: { kind: 'level1', value: last + 1, normalized, length: 0 } });
    diagnostics.push({
      code: 'heading-restored',
      severity: 'warning',
      message: `标题"${lines[k]!.text.trim()}"缺少序号，按前后顺序补为"${normalized}、" (a top-level heading's numeral was lost; restored from the sequence)`,
      start: lines[k]!.start,
      end: lines[k]!.end,
    });
    last++;
  }
  return roles;
}

/** A line that can be a heading standing alone: short, no sentence or clause mark, no date. */
function isBareHeading(t: string): boolean {
  const g = structureGrammar();
  const s = squash(t);
  return (
    s.length >= 2 &&
    s.length <= g.raw.cover.bareHeadingMax &&
    !g.cover.namePunct.test(s) &&
    !g.cover.sentenceEnd.test(s) &&
    !/\d/.test(s)
  );
}
