/**
 * The NoticeTree: what the parser builds and the extract stage annotates, before it becomes a NoticeGraph.
 * Offsets are 0-based UTF-16 indices into the repaired text, end exclusive.
 */
import type { DocumentInfo, Role } from '../graph/schema.js';

/** A range of the repaired text. */
export interface TextSpan {
  start: number;
  end: number;
}

/** One unit named in a role mention, with its place in the repaired text. */
export interface UnitMention extends TextSpan {
  name: string;
}

/** A role given to some units: by a role line, an inline "(X牵头)" or an inheritance rule. */
export interface RoleAssignment {
  role: Role;
  units: UnitMention[];
  note?: string;
  inherited?: true;
}

/** Facts the extract stage hangs on a task, section or plan. */
export interface Facts {
  roles: RoleAssignment[];
  deadlines: DeadlineFact[];
  targets: TargetFact[];
  references: ReferenceFact[];
  keywords?: string[];
}

/** A deadline found in the text. */
export interface DeadlineFact extends TextSpan {
  text: string;
  date: string | null;
  kind: 'by' | 'on' | 'year' | 'period' | 'recurring' | 'relative';
  period?: 'day' | 'week' | 'month' | 'quarter' | 'half-year' | 'year' | 'unspecified';
  anchor?: string;
  offset?: string;
}

/** A numeric target or threshold found in the text. */
export interface TargetFact extends TextSpan {
  text: string;
  indicator: string;
  comparator:
    | '<='
    | '>='
    | '<'
    | '>'
    | '='
    | 'approx'
    | 'reduce_by'
    | 'increase_by'
    | 'range'
    | 'meets_class'
    | 'not_in_last';
  value: number | string | [number, number];
  unit: string | null;
  baseline?: number;
  kind: 'target' | 'threshold';
}

/** A cited document. */
export interface ReferenceFact extends TextSpan {
  title: string;
  docNumber?: string;
}

/** Text that is a leaf: every character of the repaired text lies in exactly one leaf. */
export interface LeafNode {
  type: 'paragraph' | 'residue' | 'roleLine';
  span: TextSpan;
  text: string;
}

/** A numbered item (1. / (1)) or an unnumbered block with its own units. */
export interface TaskTreeNode {
  type: 'task';
  path: string;
  number: string | null;
  title: string;
  text: string;
  /** The item's own text (marker included), a leaf; absent for a task made only of a heading. */
  span?: TextSpan;
  /** Sub-tasks and role lines, in document order. */
  children: (TaskTreeNode | LeafNode)[];
  facts: Facts;
}

/** A heading 一、 or (一) and what follows it up to the next heading of its level or above. */
export interface SectionTreeNode {
  type: 'section';
  path: string;
  marker: string;
  level: number;
  title: string;
  headingSpan: TextSpan;
  /** From the heading to the end of its last child. */
  span: TextSpan;
  children: BodyNode[];
  facts: Facts;
}

/** What a plan or section holds. */
export type BodyNode = SectionTreeNode | TaskTreeNode | LeafNode;

/** One plan the notice issues (or the notice's own body). */
export interface PlanTreeNode {
  type: 'plan';
  id: string;
  title: string;
  year: number | null;
  topic: string | null;
  headingSpan?: TextSpan;
  span: TextSpan;
  children: BodyNode[];
  facts: Facts;
}

/** The cover notice: its own paragraphs and the facts about the document. */
export interface NoticeTreeNode {
  type: 'notice';
  title: string;
  span: TextSpan;
  children: LeafNode[];
  facts: Facts;
}

/** The root of a parsed notice. */
export interface NoticeTree {
  type: 'root';
  document: DocumentInfo;
  notice: NoticeTreeNode;
  plans: PlanTreeNode[];
}

/** Empty facts, for a node the extract stage has not visited yet. */
export function emptyFacts(): Facts {
  return { roles: [], deadlines: [], targets: [], references: [] };
}
