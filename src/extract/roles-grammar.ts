/**
 * The role grammar (grammars/roles.json): role-line labels, inline verbs, manner notes and the inheritance phrase,
 * validated and prepared for matching (longest phrase first).
 */
import * as z from 'zod';
import { loadGrammar } from '../grammars.js';
import { ROLES, type Role } from '../graph/schema.js';

/** The role grammar file, relative to grammars/. */
export const ROLES_FILE = 'roles.json';

const Phrase = z.string().min(1);
const RolePhraseSchema = z.object({ text: Phrase, role: z.enum(ROLES) }).strict();

const MentionSpecSchema = z
  .object({
    role: z.enum(ROLES),
    units: z.array(z.string()),
    note: z.string().optional(),
    inherit: z
      .object({ role: z.enum(ROLES), units: z.array(z.string()) })
      .strict()
      .optional(),
  })
  .strict();

const RolesFileSchema = z
  .object({
    about: z.record(z.string(), z.string()).optional(),
    labels: z.array(RolePhraseSchema).min(1),
    fieldLabels: z.array(Phrase),
    verbs: z.array(RolePhraseSchema),
    manners: z.array(Phrase),
    notes: z.array(Phrase),
    listTails: z.array(Phrase),
    leadIns: z.array(Phrase),
    jointly: z.array(Phrase),
    collectiveJoins: z.array(Phrase),
    sharedHeads: z.array(Phrase),
    sharedHeadsEach: Phrase,
    timeClauses: z.object({ rests: z.array(z.string()), whole: z.array(Phrase) }).strict(),
    posts: z.array(Phrase),
    proseWords: z.array(Phrase),
    labelBrackets: z.array(z.string().length(2)),
    inheritance: z
      .object({
        starts: z.array(Phrase),
        connectors: z.array(Phrase),
        leadIns: z.array(Phrase),
        ends: z.array(Phrase),
      })
      .strict(),
    firstListedLeads: z.object({ phrases: z.array(Phrase), carryOver: z.array(Phrase) }).strict(),
    specs: z
      .object({
        lines: z.array(z.object({ line: z.string(), mentions: z.array(MentionSpecSchema) }).strict()),
        inline: z.array(z.object({ text: z.string(), mentions: z.array(MentionSpecSchema) }).strict()),
      })
      .strict(),
  })
  .strict();

/** An expected mention in a spec of grammars/roles.json. */
export type MentionSpec = z.infer<typeof MentionSpecSchema>;

/** A phrase that names a role (a label such as 牵头单位, or a verb such as 牵头). */
export interface RolePhrase {
  text: string;
  role: Role;
}

/** The role grammar, phrase lists sorted longest first. */
export interface RoleGrammar {
  labels: RolePhrase[];
  /** Matches a label followed by : or ： (global; run it on compacted text). */
  labelPattern: RegExp;
  /** `labelPattern`, sticky: matches only at its `lastIndex`. */
  labelPatternAt: RegExp;
  /**
   * Matches the label of a field that names no unit ("完成时限：", "责任领导：") followed by : or ： (global; on
   * compacted text): it ends the unit list of the label before it.
   */
  fieldPattern: RegExp;
  /** `fieldPattern`, sticky. */
  fieldPatternAt: RegExp;
  /** The first characters of the labels (a role line starts with one). */
  labelStarts: ReadonlySet<string>;
  verbs: RolePhrase[];
  manners: string[];
  notes: string[];
  listTails: string[];
  leadIns: string[];
  /** "会同": the units before it lead, those after it cooperate. */
  jointly: string[];
  /** "等和", "等": split a list item where a collective follows ("商务部等和各有关省级人民政府"). */
  collectiveJoins: string[];
  /**
   * Level words that share the name of the next list item ("各省、自治区、直辖市人民政府", "各市、县人民政府"):
   * `head` matches an item made only of them (各 first allowed), `tail` the item that ends the run.
   */
  sharedHeads: { head: RegExp; tail: RegExp; each: string };
  /**
   * Clauses of time that may stand in a role sentence of running text ("市发展改革委负责，2020年底前完成。"): a
   * deadline followed by one of `rests`, or one of `whole` ("长期坚持").
   */
  timeClauses: { rests: string[]; whole: string[] };
  /** Persons and posts (副市长, 分管领导): a name ending in one is never a unit of a clause. */
  posts: string[];
  /** Words of prose (要, 认真, 切实…): a name holding one is never a unit of an inline clause ("各地区要认真落实"). */
  proseWords: string[];
  /** The opening characters of bracketed labels ("【责任单位】"). */
  labelOpens: string;
  inheritance: {
    starts: string[];
    connectors: string[];
    leadIns: string[];
    ends: string[];
    /** `leadIns` and `starts`: the words that open an inheritance phrase. */
    openers: string[];
  };
  firstListedLeads: { phrases: string[]; carryOver: string[] };
  /**
   * Matches any verb or first-listed-leads phrase: text without one (and without a label) holds no inline role
   * phrase and sets no convention.
   */
  inlineClue: RegExp;
  specs: z.infer<typeof RolesFileSchema>['specs'];
}

const byLength = (a: string, b: string): number => b.length - a.length;
const phrasesByLength = (a: RolePhrase, b: RolePhrase): number => b.text.length - a.text.length;
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A label followed by : or ：, or written in brackets with the colon optional ("【责任单位】"). */
function labelRegExpSource(texts: string[], brackets: string[]): string {
  if (texts.length === 0) return '(?!)';
  const alternatives = `(?:${[...texts].sort(byLength).map(escapeRegExp).join('|')})`;
  const bracketed = brackets.map(
    (b) => `${escapeRegExp(b[0] as string)}${alternatives}${escapeRegExp(b[1] as string)}[:：]?`,
  );
  return [...bracketed, `${alternatives}[:：]`].join('|');
}

/** See `RoleGrammar.sharedHeads`. */
function sharedHeadPatterns(levels: string[], each: string): RoleGrammar['sharedHeads'] {
  const level = `(?:${levels.map(escapeRegExp).join('|')})`;
  return {
    head: new RegExp(`^(?:${escapeRegExp(each)})?${level}+$`),
    tail: new RegExp(`^${level}+[^、]`),
    each,
  };
}

let prepared: RoleGrammar | undefined;

/** Loads and prepares grammars/roles.json (cached). Its specs are checked by the role parser on first use. */
export function loadRoleGrammar(): RoleGrammar {
  if (prepared !== undefined) return prepared;
  const file = loadGrammar(ROLES_FILE, RolesFileSchema);
  const labels = [...file.labels].sort(phrasesByLength);
  const sorted = (list: string[]): string[] => [...list].sort(byLength);
  const labelSource = labelRegExpSource(
    labels.map((l) => l.text),
    file.labelBrackets,
  );
  const fieldSource = labelRegExpSource(file.fieldLabels, file.labelBrackets);
  const clues = [...file.verbs.map((v) => v.text), ...file.firstListedLeads.phrases];
  prepared = {
    labels,
    labelPattern: new RegExp(labelSource, 'g'),
    labelPatternAt: new RegExp(labelSource, 'y'),
    fieldPattern: new RegExp(fieldSource, 'g'),
    fieldPatternAt: new RegExp(fieldSource, 'y'),
    labelStarts: new Set([
      ...labels.map((l) => l.text[0] as string),
      ...file.labelBrackets.map((b) => b[0] as string),
    ]),
    verbs: [...file.verbs].sort(phrasesByLength),
    manners: sorted(file.manners),
    notes: sorted(file.notes),
    listTails: sorted(file.listTails),
    leadIns: sorted(file.leadIns),
    jointly: sorted(file.jointly),
    collectiveJoins: sorted(file.collectiveJoins),
    sharedHeads: sharedHeadPatterns(sorted(file.sharedHeads), file.sharedHeadsEach),
    timeClauses: file.timeClauses,
    posts: sorted(file.posts),
    proseWords: sorted(file.proseWords),
    labelOpens: file.labelBrackets.map((b) => b[0]).join(''),
    inheritance: {
      starts: sorted(file.inheritance.starts),
      connectors: sorted(file.inheritance.connectors),
      leadIns: sorted(file.inheritance.leadIns),
      ends: sorted(file.inheritance.ends),
      openers: [...file.inheritance.leadIns, ...file.inheritance.starts],
    },
    firstListedLeads: file.firstListedLeads,
    inlineClue: new RegExp(clues.map(escapeRegExp).join('|')),
    specs: file.specs,
  };
  return prepared;
}
