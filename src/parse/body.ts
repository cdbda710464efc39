/**
 * The body of one plan: headings 一、 and (一) become sections, items 1. and (1) become tasks, role lines
 * attach to the item above them, and unnumbered paragraphs with their own units become tasks `[n]`.
 */
import { CLOSE_BRACKETS, OPEN_BRACKETS } from '../extract/units.js';
import { structureGrammar, type MarkerMatch } from './grammar.js';
import type { Line } from './lines.js';
import {
  emptyFacts,
  type BodyNode,
  type LeafNode,
  type SectionTreeNode,
  type TaskTreeNode,
  type TextSpan,
} from './tree.js';

/** What the body parser needs to know about role lines, from the extract stage's grammar. */
export interface RoleProbe {
  /** The line is a role line (牵头单位:…). */
  isRoleLine(text: string): boolean;
  /** The paragraph names units inline ("(X牵头,Y参与)"). */
  hasInlineRoles(text: string): boolean;
}

/** A diagnostic of the parser, in repaired-text offsets. */
export interface ParseDiagnostic extends TextSpan {
  code: string;
  severity: 'warning' | 'info';
  message: string;
}

type Holder = { children: BodyNode[] };

/** Builds the sections and tasks of one plan from its lines. */
export class BodyParser {
  readonly children: BodyNode[] = [];
  private l1: SectionTreeNode | null = null;
  private l2: SectionTreeNode | null = null;
  private item: TaskTreeNode | null = null;
  private sub: TaskTreeNode | null = null;
  private roleSeen = false;
  private pending: Line[] = [];
  private readonly used = new Map<string, number>();
  private readonly unnumbered = new Map<string, number>();

  constructor(
    private readonly roles: RoleProbe,
    private readonly diagnostics: ParseDiagnostic[],
  ) {}

  /** Feeds one line. */
  add(line: Line): void {
    const marker = structureGrammar().marker(line.text);
    if (this.roles.isRoleLine(line.text)) return this.roleLine(line);
    if (!marker) return this.paragraph(line);
    if (marker.kind === 'level1' || marker.kind === 'level2') return this.heading(line, marker);
    this.flush();
    const parentItem = marker.kind === 'subitem' && this.item ? this.item : null;
    const holder: Holder = parentItem ?? this.container();
    const base = parentItem ? parentItem.path : this.sectionPath();
    const task = this.task(line, base, marker.normalized, line.text.slice(marker.length));
    holder.children.push(task);
    if (marker.kind === 'item') {
      this.item = task;
      this.sub = null;
    } else if (parentItem) this.sub = task;
    else this.item = task;
    this.roleSeen = false;
  }

  /** Feeds a line that is text whatever it starts with (a table of contents' entry, an attachment list). */
  addText(line: Line): void {
    this.item = this.sub = null;
    this.paragraph(line);
  }

  /** Feeds a heading line whose marker was lost and is restored from the sequence (`marker.length` 0). */
  addHeading(line: Line, marker: MarkerMatch): void {
    this.heading(line, marker);
  }

  /** Ends the plan: pending paragraphs become leaves. */
  finish(): BodyNode[] {
    this.flush();
    return this.children;
  }

  private heading(line: Line, marker: MarkerMatch): void {
    this.flush();
    this.item = this.sub = null;
    const level = marker.kind === 'level1' ? 1 : 2;
    const parent: Holder = level === 2 && this.l1 ? this.l1 : this;
    const parentPath = level === 2 && this.l1 ? this.l1.path : '';
    const rest = line.text.slice(marker.length);
    const { title, head, glued } = splitHeading(rest);
    const headEnd = line.start + marker.length + head;
    const section: SectionTreeNode = {
      type: 'section',
      path: this.unique(join(parentPath, marker.normalized)),
      marker: marker.normalized,
      level,
      title,
      headingSpan: { start: line.start, end: headEnd },
      span: { start: line.start, end: line.end },
      children: [],
      facts: emptyFacts(),
    };
    parent.children.push(section);
    if (level === 1) {
      this.l1 = section;
      this.l2 = null;
    } else this.l2 = section;
    const body = rest.slice(head);
    const lead = body.length - body.trimStart().length;
    if (!body.trim()) return;
    if (glued)
      this.diagnostics.push({
        code: 'heading-glued',
        severity: 'info',
        message: `标题与正文相连，已在"${title}"后拆分 (heading glued to its body; split after its title)`,
        start: headEnd,
        end: line.end,
      });
    this.paragraph({ ...line, start: headEnd + lead, text: body.trim() });
  }

  private roleLine(line: Line): void {
    const leaf: LeafNode = { type: 'roleLine', span: { start: line.start, end: line.end }, text: line.text };
    if (this.pending.length > 0) {
      const last = this.pending.splice(0);
      const task = this.unnumberedTask(last);
      this.container().children.push(task);
      this.sub = null;
      this.item = task;
    }
    const task = this.sub ?? this.item;
    if (task) {
      task.children.push(leaf);
      this.roleSeen = true;
    } else {
      this.container().children.push(leaf);
    }
    this.extend(leaf.span);
  }

  private paragraph(line: Line): void {
    const task = this.sub ?? this.item;
    if (task && !this.roleSeen && task.span) {
      task.span.end = line.end;
      task.text += '\n' + line.text;
    } else this.pending.push(line);
    this.extend({ start: line.start, end: line.end });
  }

  private flush(): void {
    for (const line of this.pending.splice(0)) {
      const node: BodyNode = this.roles.hasInlineRoles(line.text)
        ? this.unnumberedTask([line])
        : { type: 'paragraph', span: { start: line.start, end: line.end }, text: line.text };
      this.container().children.push(node);
    }
  }

  private unnumberedTask(lines: Line[]): TaskTreeNode {
    const base = this.sectionPath();
    const n = (this.unnumbered.get(base) ?? 0) + 1;
    this.unnumbered.set(base, n);
    const first = lines[0]!;
    const task = this.task(first, base, `[${n}]`, lines.map((l) => l.text).join('\n'), null);
    task.span = { start: first.start, end: lines[lines.length - 1]!.end };
    return task;
  }

  private task(
    line: Line,
    base: string,
    marker: string,
    text: string,
    num: string | null = marker,
  ): TaskTreeNode {
    const end = firstSentenceEnd(text);
    return {
      type: 'task',
      path: this.unique(join(base, marker)),
      number: num,
      title: text.slice(0, end).trim(),
      text: text.trim(),
      span: { start: line.start, end: line.end },
      children: [],
      facts: emptyFacts(),
    };
  }

  private container(): Holder {
    return this.l2 ?? this.l1 ?? this;
  }

  private sectionPath(): string {
    return (this.l2 ?? this.l1)?.path ?? '';
  }

  private extend(span: TextSpan): void {
    for (const s of [this.l1, this.l2]) if (s && span.end > s.span.end) s.span.end = span.end;
  }

  private unique(path: string): string {
    const n = (this.used.get(path) ?? 0) + 1;
    this.used.set(path, n);
    return n === 1 ? path : `${path}~${n}`;
  }
}

const join = (base: string, marker: string): string => (base ? `${base}/${marker}` : marker);

/** Length of the title phrase: up to the first 。 (exclusive). */
function firstSentenceEnd(text: string): number {
  const ends = structureGrammar().raw.titleEnds;
  for (let i = 0; i < text.length; i++) if (ends.includes(text[i]!)) return i;
  return text.length;
}

/** The first of `commas` in `text` outside brackets ("（市住建局牵头，市财政局配合）" holds none); -1 when none. */
function commaOutsideBrackets(text: string, commas: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (OPEN_BRACKETS.includes(ch)) depth++;
    else if (CLOSE_BRACKETS.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && commas.includes(ch)) return i;
  }
  return -1;
}

/** How a heading line splits: its title, how much of the line after the marker is the heading. */
export interface HeadingSplit {
  title: string;
  /** Characters of the line after the marker that belong to the heading leaf (title and its end mark). */
  head: number;
  /** The body followed the title with no sentence end between them (OCR lost a line break). */
  glued: boolean;
}

/**
 * Splits the line after a heading marker into title and body. The title runs to the first sentence end. A
 * title longer than `maxHeadingTitle` has swallowed its body: cut where the title's first two characters recur
 * (OCR joined "完成重点行业企业用地调查" and "完成初步调查…"), else at a comma within the limit. When neither
 * works the line is one long sentence under a number (一、对…的地区，优先…。): the heading is the marker
 * alone, the title its first clause, and the whole sentence is body.
 */
export function splitHeading(rest: string): HeadingSplit {
  const g = structureGrammar().raw;
  const end = firstSentenceEnd(rest);
  const withMark = (n: number): number => (n < rest.length ? n + 1 : n);
  if (end <= g.maxHeadingTitle)
    return { title: rest.slice(0, end).trim(), head: withMark(end), glued: false };
  const lead = rest.slice(0, 2);
  const again = rest.indexOf(lead, 4);
  if (lead.length === 2 && again > 0 && again <= g.maxHeadingTitle)
    return { title: rest.slice(0, again).trim(), head: again, glued: true };
  const comma = commaOutsideBrackets(rest, g.titleCommas);
  if (comma > 0 && comma <= g.maxHeadingTitle)
    return { title: rest.slice(0, comma).trim(), head: withMark(comma), glued: true };
  const clause = comma > 0 ? Math.min(comma, end) : end;
  return { title: rest.slice(0, clause).trim(), head: 0, glued: false };
}
