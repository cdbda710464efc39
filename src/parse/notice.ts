/**
 * Parses a repaired notice into a NoticeTree: the cover notice, then each plan it issues (found by the
 * titles the cover names), each parsed by the BodyParser. A notice that issues no plan has one plan: its body.
 */
import { BodyParser, type ParseDiagnostic, type RoleProbe } from './body.js';
import { isSignatureLine, noiseDiagnostics, parseCover, parseDate, readRecord, squash } from './cover.js';
import { structureGrammar } from './grammar.js';
import { splitLines, type Line } from './lines.js';
import { outlineRoles } from './outline.js';
import { emptyFacts, type LeafNode, type NoticeTree, type PlanTreeNode } from './tree.js';

/** Result of parsing: the tree and the parser's diagnostics. */
export interface ParseResult {
  tree: NoticeTree;
  diagnostics: ParseDiagnostic[];
}

const SIGNATURE_NAME_MAX = 24;

/** What the input's container says of its structure: the plan titles a table input names (see src/ingest/table). */
export interface ParseHints {
  plans?: readonly string[];
}

/** Parses the repaired `text` of one notice. */
export function parseNotice(text: string, roles: RoleProbe, hints: ParseHints = {}): ParseResult {
  const lines = splitLines(text);
  const cover = parseCover(lines);
  const document = cover.document;
  const diagnostics: ParseDiagnostic[] = [...noiseDiagnostics(lines), ...cover.diagnostics];
  // The 版记 (抄送, 印发) ends the document after the signature: no body text.
  const record = readRecord(lines, cover.headEnd);
  if (record?.copyTo?.length) document.copyTo = record.copyTo;
  if (record?.printedBy) document.printedBy = record.printedBy;
  if (record?.printDate) document.printDate = record.printDate;
  if (record) diagnostics.push(...record.diagnostics);
  const tail = signatureStart(lines, cover.headEnd, record?.start ?? lines.length);
  for (let k = tail; k < lines.length && !document.date; k++)
    document.date = parseDate(lines[k]!.text) ?? undefined;
  if (!document.date) delete document.date;
  if (document.date && !document.year) document.year = Number(document.date.slice(0, 4));

  const found = hints.plans?.length
    ? planStarts(lines, cover.headEnd, tail, [...hints.plans])
    : cover.letterEnd === null
      ? []
      : planStarts(lines, cover.afterLetter, tail, cover.issued);
  const ranges: PlanRange[] = found.map((s, n) => ({ ...s, to: found[n + 1]?.at ?? tail }));
  const own = { at: cover.headEnd, titleLines: 0, title: document.title };
  if (ranges.length === 0) ranges.push({ ...own, to: tail });
  else if (cover.letterHasHeadings && !hints.plans?.length)
    ranges.unshift({ ...own, to: cover.letterEnd ?? cover.headEnd });
  const covered = new Set<number>();
  for (const r of ranges) for (let k = r.at; k < r.to; k++) covered.add(k);
  const plans: PlanTreeNode[] = [];
  for (const r of ranges) {
    const parser = new BodyParser(roles, diagnostics);
    const outline = outlineRoles(lines, r.at + r.titleLines, r.to, diagnostics);
    for (let k = r.at + r.titleLines; k < r.to; k++) {
      const role = outline.get(k);
      if (role?.kind === 'text') parser.addText(lines[k]!);
      else if (role?.kind === 'heading') parser.addHeading(lines[k]!, role.marker);
      else for (const part of splitRunIn(lines[k]!)) parser.add(part);
    }
    const head = lines.slice(r.at, r.at + r.titleLines);
    const first = lines[r.at];
    const last = lines[r.to - 1];
    const year = structureGrammar().cover.year.exec(r.title);
    plans.push({
      type: 'plan',
      id: '',
      title: r.title,
      year: year ? Number(year[1]) : (document.year ?? null),
      topic: topicOf(r.title),
      ...(head.length > 0 ? { headingSpan: { start: head[0]!.start, end: head[head.length - 1]!.end } } : {}),
      span: {
        start: first?.start ?? text.length,
        end: last && r.to > r.at ? last.end : (first?.start ?? text.length),
      },
      children: parser.finish(),
      facts: emptyFacts(),
    });
  }
  assignPlanIds(plans);
  const coverLines = lines.filter((_, k) => !covered.has(k));
  const children: LeafNode[] = coverLines.map((l) => ({
    type: 'paragraph',
    span: { start: l.start, end: l.end },
    text: l.text,
  }));
  const notice = {
    type: 'notice' as const,
    title: document.title,
    span: { start: lines[0]?.start ?? 0, end: lines[lines.length - 1]?.end ?? 0 },
    children,
    facts: emptyFacts(),
  };
  return { tree: { type: 'root', document, notice, plans }, diagnostics };
}

/** Characters a run-in heading may follow on the line it shares with the previous one: a sentence end or ). */
const RUN_IN_AFTER = /[。)）;；]/;
/** The longest numbered marker looked at (（十二）). */
const MARKER_MAX = 8;

/**
 * A line holding run-in headings of one level ("(一)…负责)(二)公共财政收入…", lost line breaks): split where the
 * next marker of the same kind and the next value follows a sentence end or a closing bracket.
 */
function splitRunIn(line: Line): Line[] {
  const g = structureGrammar();
  let m = g.marker(line.text);
  if (!m) return [line];
  const parts: Line[] = [];
  let from = 0;
  for (let p = m.length + 1; p < line.text.length; p++) {
    if (!RUN_IN_AFTER.test(line.text[p - 1]!)) continue;
    const next = g.marker(line.text.slice(p, p + MARKER_MAX));
    if (!next || next.kind !== m.kind || next.value !== m.value + 1) continue;
    parts.push({ ...line, text: line.text.slice(from, p), start: line.start + from, end: line.start + p });
    from = p;
    m = next;
  }
  if (parts.length === 0) return [line];
  parts.push({ ...line, text: line.text.slice(from), start: line.start + from, afterBlank: false });
  return parts;
}

interface PlanStart {
  at: number;
  titleLines: number;
  title: string;
}

interface PlanRange extends PlanStart {
  to: number;
}

/**
 * Where each issued plan starts: a line (or two) whose text is the title the cover names. Titles are compared
 * bare (see `bare`); a line's bare form is computed once, and two lines' bare form is the two joined.
 */
function planStarts(lines: Line[], from: number, to: number, issued: string[]): PlanStart[] {
  const found: PlanStart[] = [];
  const wanted = new Set(issued.map(bare));
  const bareLines = lines.slice(from, to).map((l) => bare(l.text));
  const lineAt = (k: number): string => bareLines[k - from]!;
  for (let k = from; k < to && wanted.size > 0; k++) {
    for (const n of [1, 2]) {
      if (k + n > to) break;
      const key = n === 1 ? lineAt(k) : lineAt(k) + lineAt(k + 1);
      if (wanted.has(key)) {
        wanted.delete(key);
        const title = squash(
          lines
            .slice(k, k + n)
            .map((l) => l.text)
            .join(''),
        );
        found.push({ at: k, titleLines: n, title });
        k += n - 1;
        break;
      }
    }
  }
  // An attached table named in the letter whose title line is missing: it starts at the bare 附件/附件N line.
  const cover = structureGrammar().raw.cover;
  const tables = issued.filter(
    (t) => wanted.has(bare(t)) && cover.attachedTableEnds.some((e) => t.endsWith(e)),
  );
  const heads = lines
    .map((l, k) => [k, bare(l.text)] as const)
    .filter(([k, t]) => k >= from && k < to && new RegExp(`^${cover.attachmentLabel}[0-9]*$`).test(t));
  if (tables.length === 1 && heads.length === 1 && found.length === 0) {
    found.push({ at: heads[0]![0], titleLines: 1, title: squash(tables[0]!) });
    wanted.delete(bare(tables[0]!));
  }
  // A title whose last words are lost (an OCR layer that dropped the title's second line): a line standing
  // alone that is most of a title still unfound, up to its end.
  for (const title of wanted) {
    for (let k = from; k < to; k++) {
      const key = lineAt(k);
      if (!isTitleHead(key, title) || found.some((f) => k >= f.at && k < f.at + f.titleLines)) continue;
      found.push({ at: k, titleLines: 1, title: squash(lines[k]!.text) });
      break;
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

/** Share of a title a line must hold (from its start) to stand for the title. */
const TITLE_HEAD = 0.75;

/** Whether `line` (bare) is the start of `title` (bare), most of it, with no sentence punctuation. */
function isTitleHead(line: string, title: string): boolean {
  return (
    line.length >= TITLE_HEAD * title.length &&
    line.length < title.length &&
    title.startsWith(line) &&
    !structureGrammar().cover.namePunct.test(line)
  );
}

/** A title compared without spaces and quotes (character by character, so two lines' form is the two joined). */
const bare = (s: string): string => squash(s).replace(/[《》〈〉“”"'‘’]/g, '');

/** First line of the signature block at the end (issuers, date, print line, closing notes). */
function signatureStart(lines: Line[], from: number, end: number): number {
  let k = end;
  let sawSignature = end < lines.length;
  while (k > from) {
    const t = lines[k - 1]!.text;
    if (isSignatureLine(t)) sawSignature = true;
    else if (!(
      sawSignature &&
      t.length <= SIGNATURE_NAME_MAX &&
      !structureGrammar().cover.namePunct.test(t) &&
      !structureGrammar().marker(t)
    ))
      break;
    k--;
  }
  return sawSignature ? k : lines.length;
}

function topicOf(title: string): string | null {
  for (const t of structureGrammar().raw.topics) if (t.words.some((w) => title.includes(w))) return t.topic;
  return null;
}

/** Ids: the topic when known and unique in the document, else p1, p2, … in order. */
function assignPlanIds(plans: PlanTreeNode[]): void {
  const count = new Map<string, number>();
  for (const p of plans) if (p.topic) count.set(p.topic, (count.get(p.topic) ?? 0) + 1);
  plans.forEach((p, n) => {
    p.id = p.topic && count.get(p.topic) === 1 ? p.topic : `p${n + 1}`;
  });
}
