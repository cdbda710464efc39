/**
 * Role clauses of notices outside the seed's style against corpus/gold/gov-roles.json (State Council notices that
 * close each measure with "（X、Y负责）", "（X牵头，Y参与）", "（X指导）"…): precision and recall of the units each
 * clause gives, per role and per notice. A unit is a (clause, role, name as written) triple; a role edge outside
 * every gold clause is a false positive. Units an inheritance rule carries to later tasks are not scored.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../grammars.js';
import { EDGE_TYPES, type NoticeGraph } from '../graph/schema.js';
import { convertSync } from '../index.js';
import { ingest } from '../ingest/index.js';
import { score, table, type Score } from './score.js';

const CORPUS = join(PACKAGE_ROOT, 'corpus');
const GOLD = join(CORPUS, 'gold', 'gov-roles.json');

/** The roles a gold clause may list (as written in the gold file). */
const GOLD_ROLES = ['lead', 'cooperating', 'responsible', 'guidance'] as const;
type GoldRole = (typeof GOLD_ROLES)[number];

type GoldClause = { clause: string } & Partial<Record<GoldRole, string[]>>;

interface GoldFile {
  notices: Record<string, GoldClause[]>;
}

/** The repaired text of a graph: its raw input with the repairs applied. */
function repairedText(raw: string, graph: NoticeGraph): string {
  let text = '';
  let at = 0;
  for (const r of [...graph.repairs].sort((a, b) => a.start - b.start)) {
    text += raw.slice(at, r.start) + r.fixed;
    at = r.end;
  }
  return text + raw.slice(at);
}

/** The span of each gold clause in `text`, each found after the previous one (-1 when missing). */
function clauseSpans(text: string, clauses: GoldClause[]): { start: number; end: number }[] {
  let at = 0;
  return clauses.map((c) => {
    const start = text.indexOf(c.clause, at);
    if (start < 0) return { start: -1, end: -1 };
    at = start + c.clause.length;
    return { start, end: at };
  });
}

const key = (where: string, role: string, name: string): string => `${where}|${role}|${name}`;

/** Scores one notice: one row per role present in the gold or the graph, then all roles together. */
export function scoreUnitClauses(file: string, clauses: GoldClause[]): Score[] {
  const bytes = readFileSync(join(CORPUS, file));
  const graph = convertSync(bytes, { path: `corpus/${file}` });
  const text = repairedText(ingest(bytes, { path: file }).raw, graph);
  const spans = clauseSpans(text, clauses);
  const gold = clauses.flatMap((c, i) =>
    GOLD_ROLES.flatMap((role) => (c[role] ?? []).map((name) => key(`#${i}`, role, name))),
  );
  const names = new Map(graph.nodes.flatMap((n) => (n.type === 'unit' ? [[n.id, n.name]] : [])));
  const roles = new Set<string>(
    EDGE_TYPES.filter((t) => !['contains', 'due', 'target', 'cites'].includes(t)),
  );
  const found = graph.edges.flatMap((e) => {
    if (!roles.has(e.type) || e.inherited || e.span === undefined) return [];
    const span = e.span;
    const i = spans.findIndex((s) => s.start <= span.start && span.end <= s.end);
    return [key(i >= 0 ? `#${i}` : `@${span.start}`, e.type, names.get(e.to) ?? e.to)];
  });
  const byRole = [...new Set([...gold, ...found].map((k) => k.split('|')[1] as string))].sort();
  const of = (list: string[], role: string): string[] => list.filter((k) => k.split('|')[1] === role);
  return [
    ...byRole.map((role) => score(`${file} ${role}`, of(gold, role), of(found, role))),
    score(`${file} all`, gold, found),
  ];
}

/** Scores every notice of the gold file, and all of them together (last row). */
export function evalUnitClauses(): Score[] {
  const gold = JSON.parse(readFileSync(GOLD, 'utf8')) as GoldFile;
  const rows: Score[] = [];
  for (const [file, clauses] of Object.entries(gold.notices)) rows.push(...scoreUnitClauses(file, clauses));
  const total = rows.filter((r) => r.kind.endsWith(' all'));
  const sum = (f: (s: Score) => number): number => total.reduce((n, s) => n + f(s), 0);
  const [g, found, tp] = [sum((s) => s.gold), sum((s) => s.found), sum((s) => s.tp)];
  const precision = found === 0 ? 1 : tp / found;
  const recall = g === 0 ? 1 : tp / g;
  rows.push({
    kind: 'all notices',
    gold: g,
    found,
    tp,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    missed: [],
    spurious: [],
  });
  return rows;
}

/** The report printed by `npm run eval`. */
export function unitClausesReport(verbose: boolean): string {
  const rows = evalUnitClauses();
  let out = `\nRole clauses (State Council notices of corpus/gov, a province's of corpus/pages) against corpus/gold/gov-roles.json:\n${table(rows)}\n`;
  if (verbose)
    for (const s of rows)
      if (s.missed.length || s.spurious.length)
        out += `\n${s.kind}\n  missed:   ${s.missed.join(' ; ')}\n  spurious: ${s.spurious.join(' ; ')}\n`;
  return out;
}
