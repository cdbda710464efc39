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
    verbs: z.array(RolePhraseSchema),
    manners: z.array(Phrase),
    notes: z.array(Phrase),
    listTails: z.array(Phrase),
    leadIns: z.array(Phrase),
    jointly: z.array(Phrase),
    collectiveJoins: z.array(Phrase),
    posts: z.array(Phrase),
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
  /** Persons and posts (副市长, 分管领导): a name ending in one is never a unit of a clause. */
  posts: string[];
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

let prepared: RoleGrammar | undefined;

/** Loads and prepares grammars/roles.json (cached). Its specs are checked by the role parser on first use. */
export function loadRoleGrammar(): RoleGrammar {
  if (prepared !== undefined) return prepared;
  const file = loadGrammar(ROLES_FILE, RolesFileSchema);
  const labels = [...file.labels].sort(phrasesByLength);
  const sorted = (list: string[]): string[] => [...list].sort(byLength);
  const labelAlternatives = `(?:${labels.map((l) => escapeRegExp(l.text)).join('|')})`;
  const bracketed = file.labelBrackets.map(
    (b) => `${escapeRegExp(b[0] as string)}${labelAlternatives}${escapeRegExp(b[1] as string)}[:：]?`,
  );
  const labelSource = [...bracketed, `${labelAlternatives}[:：]`].join('|');
  const clues = [...file.verbs.map((v) => v.text), ...file.firstListedLeads.phrases];
  prepared = {
    labels,
    labelPattern: new RegExp(labelSource, 'g'),
    labelPatternAt: new RegExp(labelSource, 'y'),
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
    posts: sorted(file.posts),
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
