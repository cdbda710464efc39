/**
 * Maps a NoticeGraph onto the seed's gold annotation (DESIGN.md, "How the seed's gold maps onto the graph")
 * and scores each kind of fact: cover fields, sections, tasks, units by role, deadlines, targets, references.
 */
import type { NoticeGraph } from '../graph/schema.js';
import { score, type Score } from './score.js';

interface GoldTarget {
  comparator: string;
  value: number | string | number[];
  unit: string | null;
}
interface GoldTask {
  path: string;
  number: string | null;
  lead: string[];
  cooperating: string[];
  responsible: string[];
  deadlines: { date: string | null; kind: string }[];
  targets: GoldTarget[];
}
/** The parts of the gold file the eval reads. */
export interface Gold {
  document: {
    issuers: string[];
    date: string;
    publishDate?: string;
    title: string;
    recipients: string[];
    planTitles: string[];
  };
  references: { docNumber: string | null; title: string }[];
  plans: {
    id: string;
    title: string;
    targets: GoldTarget[];
    sections: { path: string }[];
    tasks: GoldTask[];
  }[];
}

const NUMBERED = /^(\d+|\(\d+\))$/;
const ROLES = ['lead', 'cooperating', 'responsible'] as const;

const goldPath = (p: string): string => p.replace(/\./g, '/');
const lastMarker = (p: string): string => p.split('/').pop() ?? '';
const norm = (s: string): string =>
  s
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');

/** A target as a comparable key: comparator, value and unit. */
export function targetKey(t: GoldTarget): string {
  const v = Array.isArray(t.value)
    ? t.value.join('~')
    : typeof t.value === 'string'
      ? norm(t.value)
      : String(t.value);
  return `${t.comparator}|${v}|${t.unit ? norm(t.unit) : ''}`;
}

/** Every score of the graph against the gold. */
export function scoreSeed(graph: NoticeGraph, gold: Gold): Score[] {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const out = (from: string, type: string) =>
    graph.edges.filter((e) => e.from === from && e.type === type).map((e) => nodes.get(e.to)!);
  const d = graph.document;
  const doc = score(
    'document',
    [
      ...gold.document.issuers.map((x) => `issuer:${x}`),
      `date:${gold.document.date}`,
      `publishDate:${gold.document.publishDate}`,
      `title:${gold.document.title}`,
      ...gold.document.recipients.map((x) => `recipient:${norm(x)}`),
      ...gold.document.planTitles.map((x) => `plan:${x}`),
    ],
    [
      ...d.issuers.map((x) => `issuer:${x}`),
      `date:${d.date}`,
      `publishDate:${d.publishDate}`,
      `title:${d.title}`,
      ...d.recipients.map((x) => `recipient:${norm(x)}`),
      ...graph.nodes.flatMap((n) => (n.type === 'plan' ? [`plan:${n.title}`] : [])),
    ],
  );
  const planIds = new Set(gold.plans.map((p) => p.id));
  const ours = graph.nodes.filter((n) => n.id.includes('/') && planIds.has(n.id.split('/')[0]!));
  const sections = score(
    'sections',
    gold.plans.flatMap((p) => p.sections.map((s) => `${p.id}/${goldPath(s.path)}`)),
    ours.filter((n) => n.type === 'section').map((n) => n.id),
  );
  const goldTasks = gold.plans.flatMap((p) =>
    p.tasks
      .filter((t) => NUMBERED.test(lastMarker(goldPath(t.path))))
      .map((t) => ({ id: `${p.id}/${goldPath(t.path)}`, t })),
  );
  const ourTasks = ours.filter((n) => n.type === 'task' && NUMBERED.test(lastMarker(n.id)));
  const tasks = score(
    'tasks',
    goldTasks.map((g) => g.id),
    ourTasks.map((n) => n.id),
  );
  const roleScores = ROLES.map((role) =>
    score(
      `units:${role}`,
      goldTasks.flatMap(({ id, t }) => t[role].map((u) => `${id}|${norm(u)}`)),
      ourTasks.flatMap((n) => out(n.id, role).map((u) => `${n.id}|${norm(u.type === 'unit' ? u.name : '')}`)),
    ),
  );
  const deadlines = score(
    'deadlines',
    goldTasks.flatMap(({ id, t }) => t.deadlines.map((x) => `${id}|${x.date}|${x.kind}`)),
    ourTasks.flatMap((n) =>
      out(n.id, 'due').map((x) => (x.type === 'deadline' ? `${n.id}|${x.date}|${x.kind}` : '')),
    ),
  );
  const targetOf = (x: { type: string }) =>
    x.type === 'target' ? targetKey(x as unknown as GoldTarget) : '';
  const targets = score(
    'targets',
    [
      ...gold.plans.flatMap((p) => p.targets.map((x) => `${p.id}|${targetKey(x)}`)),
      ...goldTasks.flatMap(({ id, t }) => t.targets.map((x) => `${id}|${targetKey(x)}`)),
    ],
    [
      ...gold.plans.flatMap((p) => out(p.id, 'target').map((x) => `${p.id}|${targetOf(x)}`)),
      ...ourTasks.flatMap((n) => out(n.id, 'target').map((x) => `${n.id}|${targetOf(x)}`)),
    ],
  );
  const refKey = (r: { docNumber?: string | null; title: string }) =>
    r.docNumber ? `no:${r.docNumber}` : `title:${norm(r.title)}`;
  const references = score(
    'references',
    gold.references.map(refKey),
    graph.nodes.flatMap((n) => (n.type === 'reference' ? [refKey(n)] : [])),
  );
  return [doc, sections, tasks, ...roleScores, deadlines, targets, references];
}
