/** Types shared by the repair rules and the engine. */
import type { Diagnostic } from '../graph/schema.js';
import type { Proposal } from './fixer.js';

/** Word lists the built-in rules read from grammars/repair/rules.yaml (`lexicon`). */
export interface Lexicon {
  /** Endings of organisation names (厅, 局, 委员会 …): a space after a complete name may be meaningful. */
  orgSuffixes: string[];
  /** Ends of document titles (实施方案, 的通知 …) that may wrap onto a line of their own. */
  titleTails: string[];
  /** Labels that start a role line (牵头单位 …): such a line is never a continuation. */
  roleLabels: string[];
  /** Labels of other kinds (主管单位 …): a token that is one of them is never read as a damaged role label. */
  otherLabels: string[];
}

/** What a rule sees besides the raw text. */
export interface RuleContext {
  lexicon: Lexicon;
  /** Known unit names (gazetteer joins and unit name repair). */
  knownUnits: ReadonlySet<string>;
}

/** What a rule returns: proposals (with its rule id) and diagnostics for what it would not decide. */
export interface RuleOutput {
  proposals: Proposal[];
  diagnostics: Diagnostic[];
}

/** A built-in rule implemented in code; its examples and switches live in the grammar. */
export type BuiltinRule = (raw: string, ruleId: string, ctx: RuleContext) => RuleOutput;
