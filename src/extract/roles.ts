/**
 * Role extraction: role lines ("牵头单位:市工信局、市生态环境局", "责任单位:…[以下…均为责任单位,不再列出]") and inline
 * role phrases in task text ("(市发展改革委牵头,市工信局参与)"). Labels, verbs and notes are data in
 * grammars/roles.json, whose specs are checked on first use.
 */
import { examplesChecked, GrammarError, registerGrammar } from '../grammars.js';
import { labelAt, parseLabelledLists, type RoleMention } from './roles-body.js';
import { loadRoleGrammar, ROLES_FILE, type MentionSpec, type RoleGrammar } from './roles-grammar.js';
import { inlineMentions, type InlineCarry } from './roles-inline.js';
import { loadGazetteer, type Gazetteer } from './units.js';
import { compactText } from './units-text.js';

export type { InheritRule, RoleMention, UnitMention } from './roles-body.js';
export type { InlineCarry } from './roles-inline.js';

/** The first character that is no whitespace (compaction drops the whitespace before it). */
const NON_SPACE = /\S/;

let checked = false;

/** The role grammar; the first call checks its specs against the shipped gazetteer. */
function grammar(): RoleGrammar {
  const g = loadRoleGrammar();
  if (!checked) {
    checked = true;
    if (examplesChecked(ROLES_FILE)) return g;
    try {
      checkSpecs(g);
    } catch (err) {
      checked = false;
      throw err;
    }
  }
  return g;
}

registerGrammar(ROLES_FILE, grammar);

/** Whether the line starts with a role label followed by : or ： (OCR spaces allowed): "牵头单位:…". */
export function isRoleLine(line: string): boolean {
  const g = grammar();
  const first = line.search(NON_SPACE);
  if (first < 0 || !g.labelStarts.has(line[first] as string)) return false;
  return labelAt(compactText(line).text, 0, g) !== undefined;
}

/**
 * Parses a role line into mentions (offsets relative to `line`): one per label when lines run together, notes
 * kept apart from names, the inheritance bracket returned as `inheritRule`. Empty when `line` is no role line.
 */
export function parseRoleLine(line: string, gaz: Gazetteer): RoleMention[] {
  const c = compactText(line);
  return parseLabelledLists(c, 0, c.text.length, gaz, grammar());
}

/**
 * Finds inline role phrases inside the parentheses of task text (offsets relative to `text`):
 * "(X牵头,Y、Z参与)", "（X、Y等按职责分工负责）", "(牵头单位:X;责任单位:Y、Z)", "（X会同有关部门负责）", and the
 * sentences of its running text made only of role clauses ("由X负责。", "X负责，Y配合。", "【责任单位】X、Y").
 * A "列第一位者为牵头单位，下同" convention holds for the later parentheses of the same `text`, and of the later
 * texts passed the same `carry` (one per plan).
 */
export function findInlineRoles(text: string, gaz: Gazetteer, carry?: InlineCarry): RoleMention[] {
  return inlineMentions(text, gaz, grammar(), carry);
}

/** A mention as its spec writes it (key order fixed, so that specs compare as JSON). */
function asSpec(m: RoleMention): MentionSpec {
  const inherit = m.inheritRule && {
    role: m.inheritRule.role,
    units: m.inheritRule.units.map((u) => u.name),
  };
  return normalised({ role: m.role, units: m.units.map((u) => u.name), note: m.note, inherit });
}

function normalised(spec: MentionSpec): MentionSpec {
  const { role, units, note, inherit } = spec;
  return { role, units, ...(note !== undefined ? { note } : {}), ...(inherit ? { inherit } : {}) };
}

function checkSpecs(g: RoleGrammar): void {
  const gaz = loadGazetteer();
  const cases = [
    ...g.specs.lines.map((s) => ({
      input: s.line,
      expected: s.mentions,
      got: () => parseRoleLine(s.line, gaz),
    })),
    ...g.specs.inline.map((s) => ({
      input: s.text,
      expected: s.mentions,
      got: () => findInlineRoles(s.text, gaz),
    })),
  ];
  for (const { input, expected, got } of cases) {
    const actual = JSON.stringify(got().map(asSpec));
    const want = JSON.stringify(expected.map(normalised));
    if (actual !== want)
      throw new GrammarError(ROLES_FILE, `spec "${input}": got ${actual}, expected ${want}`);
  }
}
