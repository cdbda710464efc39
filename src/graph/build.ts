/**
 * The graph stage: a parsed and annotated NoticeTree becomes a NoticeGraph (nodes, edges, repairs,
 * diagnostics). Ids and paths follow DESIGN.md: `air`, `air/三/(一)/1`, `air/三/(一)/1#deadline-0`, `unit:<name>`.
 */
import type { BodyNode, Facts, LeafNode, NoticeTree, TextSpan } from '../parse/tree.js';
import type { Diagnostic, DocumentInfo, Edge, GraphNode, NoticeGraph, Repair, SourceInfo } from './schema.js';
import { SCHEMA_VERSION } from './schema.js';
import type { SourceLine, SourceTables } from '../ingest/types.js';
import { attributesAt, cellAt } from './cells.js';

/** How a unit name resolves in the gazetteer. */
export interface UnitResolver {
  (
    name: string,
    date?: string,
  ): {
    canonical: string | null;
    kind: 'agency' | 'district-government' | 'company' | 'collective' | 'other';
  };
}

/** Everything the graph stage needs beside the tree. */
export interface GraphInput {
  tree: NoticeTree;
  source: SourceInfo;
  repairs: Repair[];
  diagnostics: Diagnostic[];
  /** Maps a repaired-text offset to the raw input. */
  toRaw(offset: number): number;
  /** Lines of a paged input (raw offsets → page and box), sorted by start; empty for plain text. */
  layout: SourceLine[];
  /** The table cells of a table input (raw offsets → cell) and the attributes kept beside its tasks. */
  tables?: SourceTables;
  resolveUnit: UnitResolver;
}

/** Builds the NoticeGraph. The result is not yet validated (see `validateGraph`). */
export function buildGraph(input: GraphInput): NoticeGraph {
  const b = new GraphBuilder(input);
  b.build();
  return {
    schemaVersion: SCHEMA_VERSION,
    source: input.source,
    document: cleanDocument(input.tree.document),
    nodes: b.nodes,
    edges: b.edges,
    repairs: input.repairs,
    diagnostics: input.diagnostics,
  };
}

function cleanDocument(d: DocumentInfo): DocumentInfo {
  return Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)) as DocumentInfo;
}

class GraphBuilder {
  readonly nodes: GraphNode[] = [];
  readonly edges: Edge[] = [];
  private readonly units = new Set<string>();
  private refCount = 0;

  constructor(private readonly input: GraphInput) {}

  build(): void {
    const { tree } = this.input;
    this.nodes.push({
      id: 'notice',
      type: 'notice',
      title: tree.notice.title,
      ...this.spans(tree.notice.span),
    });
    tree.notice.children.forEach((leaf, n) => this.leaf(leaf, 'notice', `notice#para-${n}`));
    this.facts('notice', tree.notice.facts);
    for (const plan of tree.plans) {
      this.nodes.push({
        id: plan.id,
        type: 'plan',
        title: plan.title,
        year: plan.year,
        topic: plan.topic,
        ...this.spans(plan.span),
        ...(plan.headingSpan ? { headingSpan: plan.headingSpan } : {}),
      });
      this.contains('notice', plan.id);
      this.facts(plan.id, plan.facts);
      this.body(plan.children, plan.id, plan.id);
    }
  }

  private body(children: BodyNode[], parentId: string, planId: string): void {
    let para = 0;
    for (const child of children) {
      if (child.type === 'section') {
        const id = `${planId}/${child.path}`;
        this.nodes.push({
          id,
          type: 'section',
          path: child.path,
          marker: child.marker,
          level: child.level,
          title: child.title,
          ...this.spans(child.span),
          headingSpan: child.headingSpan,
        });
        this.contains(parentId, id);
        this.facts(id, child.facts);
        this.body(child.children, id, planId);
      } else if (child.type === 'task') {
        const id = `${planId}/${child.path}`;
        this.nodes.push({
          id,
          type: 'task',
          path: child.path,
          number: child.number,
          title: child.title,
          text: child.text,
          ...(child.facts.keywords ? { keywords: child.facts.keywords } : {}),
          ...(child.span ? this.spans(child.span) : {}),
          ...attributesAt(this.input.tables, child.span && this.input.toRaw(child.span.start)),
        });
        this.contains(parentId, id);
        this.facts(id, child.facts);
        this.body(child.children, id, planId);
      } else {
        this.leaf(child, parentId, `${parentId}#${child.type === 'roleLine' ? 'role' : 'para'}-${para++}`);
      }
    }
  }

  private leaf(leaf: LeafNode, parentId: string, id: string): void {
    this.nodes.push({ id, type: leaf.type, text: leaf.text, ...this.spans(leaf.span) });
    this.contains(parentId, id);
  }

  private facts(holder: string, facts: Facts): void {
    for (const r of facts.roles) {
      for (const u of r.units) {
        const uid = `unit:${u.name}`;
        if (!this.units.has(u.name)) {
          this.units.add(u.name);
          const res = this.input.resolveUnit(u.name, this.input.tree.document.date);
          this.nodes.push({ id: uid, type: 'unit', name: u.name, canonical: res.canonical, kind: res.kind });
        }
        this.edges.push({
          from: holder,
          to: uid,
          type: r.role,
          ...(r.inherited ? { inherited: true as const } : { span: { start: u.start, end: u.end } }),
          ...(r.note ? { note: r.note } : {}),
        });
      }
    }
    facts.deadlines.forEach((d, n) => {
      const id = `${holder}#deadline-${n}`;
      const { start, end, ...rest } = d;
      this.nodes.push({ id, type: 'deadline', ...rest, ...this.spans({ start, end }) });
      this.edges.push({ from: holder, to: id, type: 'due' });
    });
    facts.targets.forEach((t, n) => {
      const id = `${holder}#target-${n}`;
      const { start, end, ...rest } = t;
      this.nodes.push({ id, type: 'target', ...rest, ...this.spans({ start, end }) });
      this.edges.push({ from: holder, to: id, type: 'target' });
    });
    for (const r of facts.references) {
      const id = `ref-${this.refCount++}`;
      const { start, end, ...rest } = r;
      this.nodes.push({ id, type: 'reference', ...rest, ...this.spans({ start, end }) });
      this.edges.push({ from: holder, to: id, type: 'cites' });
    }
  }

  private contains(from: string, to: string): void {
    this.edges.push({ from, to, type: 'contains' });
  }

  private spans(span: TextSpan): {
    span: TextSpan;
    rawSpan: TextSpan;
    page?: number;
    box?: SourceLine['box'];
    cell?: ReturnType<typeof cellAt>;
  } {
    const { toRaw } = this.input;
    const rawSpan = { start: toRaw(span.start), end: toRaw(span.end) };
    const line = lineAt(this.input.layout, rawSpan.start);
    const cell = cellAt(this.input.tables, rawSpan);
    return {
      ...(cell ? { cell } : {}),
      span: { ...span },
      rawSpan,
      ...(line ? { page: line.page, ...(line.box ? { box: line.box } : {}) } : {}),
    };
  }
}

/** The layout line holding raw offset `at` (or the last one starting before it), by binary search. */
function lineAt(layout: SourceLine[], at: number): SourceLine | undefined {
  let lo = 0;
  let hi = layout.length - 1;
  let found: SourceLine | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const line = layout[mid]!;
    if (line.start <= at) {
      found = line;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
