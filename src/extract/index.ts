/**
 * The extract stage: walks a NoticeTree and hangs facts on its tasks, sections, plans and the notice: units by
 * role (role lines, inline "(X牵头)", inheritance rules and section units), deadlines, targets, references.
 */
import type {
  BodyNode,
  Facts,
  LeafNode,
  NoticeTree,
  PlanTreeNode,
  RoleAssignment,
  TextSpan,
} from '../parse/tree.js';
import { extractDeadlines } from './deadlines.js';
import { tagKeywords } from './keywords.js';
import { extractReferences } from './references.js';
import { findInlineRoles, parseRoleLine, type InlineCarry, type RoleMention } from './roles.js';
import { extractTargets } from './targets.js';
import type { Gazetteer } from './units.js';
import { structureGrammar } from '../parse/grammar.js';

/** Options of the extract stage. */
export interface ExtractOptions {
  /** Tag tasks with key terms (jieba; loaded lazily on first use). */
  keywords: boolean;
}

interface Walk {
  text: string;
  gaz: Gazetteer;
  year: number | null;
  /** Units that an inheritance rule ("以下…均为责任单位,不再列出") gives every later task of the plan. */
  inherited: RoleAssignment[];
  /** The inline conventions in force in the plan ("列第一位者为牵头单位，下同"). */
  carry: InlineCarry;
  options: ExtractOptions;
}

/** Annotates `tree` in place. `text` is the repaired text the tree's offsets point into. */
export function extractFacts(tree: NoticeTree, text: string, gaz: Gazetteer, options: ExtractOptions): void {
  const base = { text, gaz, options, inherited: [], carry: {} };
  for (const leaf of tree.notice.children) addReferences(tree.notice.facts, leaf.span, base.text);
  // The notice's own 发文字号 under its title is no citation.
  const own = tree.document.docNumber;
  tree.notice.facts.references = tree.notice.facts.references.filter((r) => r.title || r.docNumber !== own);
  for (const plan of tree.plans) extractPlan(plan, { ...base, year: plan.year, inherited: [], carry: {} });
}

function extractPlan(plan: PlanTreeNode, w: Walk): void {
  body(plan.children, plan.facts, plan.facts, [], w);
}

/**
 * Visits the children of a plan or section. `holder` gets the facts of loose paragraphs and role lines;
 * `goals` gets targets of goal sections (攻坚目标/工作目标: the plan's); `governing` are the units of the
 * sections above, which govern their tasks.
 */
function body(children: BodyNode[], holder: Facts, goals: Facts, governing: RoleAssignment[], w: Walk): void {
  for (const child of children) {
    if (child.type === 'section') {
      const isGoal = structureGrammar().raw.goalSectionWords.some((word) => child.title.includes(word));
      // A heading that is a whole commitment ("一、10月底前完成散煤治理。") holds facts of its section.
      addSpanFacts(child.facts, child.headingSpan, w, isGoal ? goals : child.facts);
      // A heading that ends in a role clause ("（一）优化服务（市住建局牵头）") names its section's units.
      const heading = w.text.slice(child.headingSpan.start, child.headingSpan.end);
      for (const m of findInlineRoles(heading, w.gaz, w.carry))
        addMention(child.facts, m, child.headingSpan.start, w);
      const own = child.children.filter((c): c is LeafNode => c.type === 'roleLine');
      for (const line of own) addRoleLine(child.facts, line, w);
      const inheritedHere = child.facts.roles.map((r) => ({ ...r, inherited: true as const }));
      body(child.children, child.facts, isGoal ? goals : child.facts, [...governing, ...inheritedHere], w);
    } else if (child.type === 'task') {
      task(child, governing, w);
    } else if (child.type === 'paragraph') {
      addSpanFacts(holder, child.span, w, goals);
    }
  }
}

function task(node: Extract<BodyNode, { type: 'task' }>, governing: RoleAssignment[], w: Walk): void {
  const facts = node.facts;
  if (node.span) {
    addSpanFacts(facts, node.span, w, facts);
    const slice = w.text.slice(node.span.start, node.span.end);
    for (const m of findInlineRoles(slice, w.gaz, w.carry)) addMention(facts, m, node.span.start, w);
  }
  for (const child of node.children) if (child.type === 'roleLine') addRoleLine(facts, child, w);
  const explicit = (role: string): Set<string> =>
    new Set(facts.roles.filter((x) => x.role === role).flatMap((x) => x.units.map((u) => u.name)));
  // Section units govern a task that names none of its own for that role.
  for (const r of governing) if (explicit(r.role).size === 0) facts.roles.push(r);
  // An inheritance rule adds its units to every later task of the plan, beside the task's own.
  for (const r of w.inherited) {
    const have = explicit(r.role);
    const missing = r.units.filter((u) => !have.has(u.name));
    if (missing.length > 0) facts.roles.push({ ...r, units: missing });
  }
  if (w.options.keywords) facts.keywords = tagKeywords(node.text);
  for (const child of node.children) if (child.type === 'task') task(child, governing, w);
}

function addRoleLine(facts: Facts, line: LeafNode, w: Walk): void {
  for (const m of parseRoleLine(line.text, w.gaz)) addMention(facts, m, line.span.start, w);
}

function addMention(facts: Facts, m: RoleMention, offset: number, w: Walk): void {
  const units = m.units.map((u) => ({ name: u.name, start: u.start + offset, end: u.end + offset }));
  if (units.length > 0) facts.roles.push({ role: m.role, units, ...(m.note ? { note: m.note } : {}) });
  if (m.inheritRule) {
    const rule = m.inheritRule;
    w.inherited.push({
      role: rule.role,
      units: rule.units.map((u) => ({ name: u.name, start: u.start + offset, end: u.end + offset })),
      inherited: true,
    });
  }
}

/** Deadlines and references of a span go to `facts`; its targets go to `goals` (the plan, in a goal section). */
function addSpanFacts(facts: Facts, span: TextSpan, w: Walk, goals: Facts): void {
  const slice = w.text.slice(span.start, span.end);
  for (const d of extractDeadlines(slice, { year: w.year }))
    facts.deadlines.push({ ...d, start: d.start + span.start, end: d.end + span.start });
  for (const t of extractTargets(slice))
    goals.targets.push({ ...t, start: t.start + span.start, end: t.end + span.start });
  addReferences(facts, span, w.text);
}

function addReferences(facts: Facts, span: TextSpan, text: string): void {
  for (const r of extractReferences(text.slice(span.start, span.end)))
    facts.references.push({ ...r, start: r.start + span.start, end: r.end + span.start });
}
