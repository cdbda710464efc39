/**
 * The unit gazetteer: canonical names, kinds, abbreviations and renamings of agencies, district governments,
 * companies and collectives, read from grammars/units/*.json plus a clerk's own files (`--units FILE`, JSON or YAML).
 * The shipped files are JSON because the YAML parser costs ~5 ms per KB, too slow for a cold start.
 */
import { resolve } from 'node:path';
import * as z from 'zod';
import { examplesChecked, GrammarError, loadGrammar, registerGrammar } from '../grammars.js';
import { UNIT_KINDS, type UnitKind } from '../graph/schema.js';
import { isLocalOffice, resolveBare, resolveLocal } from './units-local.js';
import { unitKey } from './units-text.js';

/** The gazetteer files shipped in grammars/units, in lookup order after a clerk's own files. */
export const GAZETTEER_FILES = ['units/zhengzhou.json', 'units/henan.json', 'units/national.json'] as const;

/** The grammar that guesses the kind of a name missing from the gazetteer. */
export const KIND_RULES_FILE = 'units/kinds.json';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

const UnitEntrySchema = z
  .object({
    name: z.string().min(1),
    kind: z.enum(UNIT_KINDS),
    aliases: z.array(z.string().min(1)).default([]),
    validFrom: IsoDate.optional(),
    validTo: IsoDate.optional(),
    renamedTo: z.string().min(1).optional(),
    note: z.string().optional(),
  })
  .strict();

const LookupSpecSchema = z
  .object({
    name: z.string(),
    date: IsoDate.optional(),
    canonical: z.string().nullable(),
    kind: z.enum(UNIT_KINDS),
  })
  .strict();

/** One gazetteer file: its entries and the lookups that must hold once it is loaded. */
export const GazetteerFileSchema = z
  .object({
    note: z.string().optional(),
    /**
     * Where the file's names apply: a document must name one of these words in its issuers, title or 发文字号
     * ("郑州") for an abbreviation such as 市生态环境局 to resolve to this file's entry; a name that itself holds
     * one of them (郑州供电公司) applies anywhere. No scope: everywhere (national bodies).
     */
    scope: z.array(z.string().min(1)).optional(),
    specs: z.array(LookupSpecSchema).default([]),
    units: z.array(UnitEntrySchema),
  })
  .strict();

const KindRulesSchema = z
  .object({
    note: z.string().optional(),
    specs: z.array(z.object({ name: z.string(), kind: z.enum(UNIT_KINDS) }).strict()).default([]),
    rules: z.array(
      z
        .object({
          prefix: z.string().min(1).optional(),
          suffix: z.string().min(1).optional(),
          kind: z.enum(UNIT_KINDS),
        })
        .strict()
        .refine(
          (r) => (r.prefix === undefined) !== (r.suffix === undefined),
          'exactly one of prefix, suffix',
        ),
    ),
  })
  .strict();

/** A gazetteer entry: the full name, its kind, the abbreviations written in notices and its time of validity. */
export type UnitEntry = z.infer<typeof UnitEntrySchema>;

/** What the gazetteer knows about a name: the canonical name in force (null when unknown) and the kind. */
export interface UnitLookup {
  canonical: string | null;
  kind: UnitKind;
  entry?: UnitEntry;
}

/** Lookup of unit names as written in notices. */
export interface Gazetteer {
  /**
   * The canonical name in force at `date` (YYYY-MM-DD; renamings followed) and the kind; a guess when unknown.
   * `region` is what the document says of itself (issuers, title, 发文字号): entries of a scoped file apply only
   * when it names their scope, so another city's 市生态环境局 is not taken for Zhengzhou's. Without it, all apply.
   */
  lookup(name: string, date?: string, region?: string): UnitLookup;
  /** Whether the name (spaces and bracket width ignored) is a name or alias of some entry. */
  has(name: string): boolean;
  /** Every name and alias, as written in the gazetteer files. */
  /**
   * Every name and alias, as written in the gazetteer files; with `region` (a notice's head: issuers, title),
   * only those whose file's scope the region names, or that hold a scope word themselves.
   */
  names(region?: string): string[];
}

/** The kind a name suggests by its prefix or suffix (各… collective, …公司 company, …政府 district, …局 agency). */
export function guessKind(name: string): UnitKind {
  return guessKindWith(kindRules(), name);
}

function kindRules(): z.infer<typeof KindRulesSchema>['rules'] {
  const grammar = loadGrammar(KIND_RULES_FILE, KindRulesSchema);
  if (!checkedKinds) {
    checkedKinds = true;
    if (!examplesChecked(KIND_RULES_FILE))
      for (const spec of grammar.specs) {
        const got = guessKindWith(grammar.rules, spec.name);
        if (got !== spec.kind)
          throw new GrammarError(KIND_RULES_FILE, `spec ${spec.name}: kind ${got}, expected ${spec.kind}`);
      }
  }
  return grammar.rules;
}
let checkedKinds = false;

registerGrammar(KIND_RULES_FILE, kindRules);
registerGrammar('units', () => loadGazetteer());

function guessKindWith(rules: z.infer<typeof KindRulesSchema>['rules'], name: string): UnitKind {
  const key = unitKey(name);
  const rule = rules.find((r) =>
    r.prefix !== undefined ? key.startsWith(r.prefix) : key.endsWith(r.suffix as string),
  );
  return rule?.kind ?? 'other';
}

const MAX_RENAMINGS = 16;

function inForce(entry: UnitEntry, date: string): boolean {
  return (
    (entry.validFrom === undefined || entry.validFrom <= date) &&
    (entry.validTo === undefined || date <= entry.validTo)
  );
}

function buildGazetteer(files: { file: string; units: UnitEntry[]; scope?: string[] }[]): Gazetteer {
  const index = new Map<string, UnitEntry[]>();
  const scopes = new Map<UnitEntry, string[]>();
  for (const { units, scope } of files) if (scope) for (const entry of units) scopes.set(entry, scope);
  const applies = (entry: UnitEntry, name: string, region?: string): boolean => {
    const scope = scopes.get(entry);
    return !scope || !region || scope.some((w) => region.includes(w) || name.includes(w));
  };
  const byName = new Map<string, UnitEntry>();
  const written: string[] = [];
  const writtenBy: [string, UnitEntry][] = [];
  for (const { units } of files) {
    for (const entry of units) {
      if (!byName.has(entry.name)) byName.set(entry.name, entry);
      for (const form of new Set([entry.name, ...entry.aliases])) {
        const key = unitKey(form);
        const list = index.get(key);
        if (list === undefined) index.set(key, [entry]);
        else if (!list.includes(entry)) list.push(entry);
        written.push(form);
        writtenBy.push([form, entry]);
      }
    }
  }
  for (const { file, units } of files) {
    for (const entry of units) {
      if (entry.renamedTo !== undefined && !byName.has(entry.renamedTo))
        throw new GrammarError(file, `${entry.name}: renamedTo ${entry.renamedTo} is no entry's name`);
      if (entry.validFrom !== undefined && entry.validTo !== undefined && entry.validTo < entry.validFrom)
        throw new GrammarError(file, `${entry.name}: validTo before validFrom`);
    }
  }
  const distinct = [...new Set(written)];
  const byScopes = new Map<string, string[]>();
  const namesFor = (region: string): string[] => {
    const scopeKey = [...new Set(scopes.values())]
      .map((scope) => (scope.some((w) => region.includes(w)) ? '1' : '0'))
      .join('');
    let names = byScopes.get(scopeKey);
    if (!names) {
      names = [
        ...new Set(writtenBy.filter(([form, entry]) => applies(entry, form, region)).map(([form]) => form)),
      ];
      byScopes.set(scopeKey, names);
    }
    return names;
  };

  const pick = (candidates: UnitEntry[], date?: string): UnitEntry => {
    const preferred =
      date !== undefined
        ? candidates.find((e) => inForce(e, date))
        : candidates.find((e) => e.validTo === undefined);
    return preferred ?? (candidates[0] as UnitEntry);
  };
  const follow = (entry: UnitEntry, date?: string): UnitEntry => {
    let current = entry;
    for (let hops = 0; date !== undefined && hops < MAX_RENAMINGS; hops++) {
      if (current.renamedTo === undefined || current.validTo === undefined || date <= current.validTo) break;
      current = byName.get(current.renamedTo) as UnitEntry;
    }
    return current;
  };

  return {
    lookup(name, date, region) {
      const candidates = index.get(unitKey(name))?.filter((e) => applies(e, name, region));
      // a bare office name in a local notice ("统计局" after "省发改委、") is the issuer's, not the nation's
      if (candidates === undefined || candidates.every((e) => !scopes.has(e))) {
        const bare = resolveBare(name, date, region);
        if (bare !== null) return bare;
      }
      if (candidates === undefined || candidates.length === 0)
        return resolveLocal(name, date, region) ?? { canonical: null, kind: guessKind(name) };
      const entry = follow(pick(candidates, date), date);
      return { canonical: entry.name, kind: entry.kind, entry };
    },
    has: (name) => index.has(unitKey(name)) || isLocalOffice(name),
    names: (region) => (region === undefined ? distinct : namesFor(region)),
  };
}

const cache = new Map<string, Gazetteer>();

/**
 * Loads the gazetteer: a clerk's `extraFiles` (JSON or YAML, same format as grammars/units; relative paths against
 * the working directory; looked up first, so they override the shipped entries) and then the shipped files. Every
 * file's `specs` are checked (the shipped ones against the shipped files alone); a malformed file or a failing spec
 * throws a `GrammarError` naming the file. Cached per list of files.
 */
export function loadGazetteer(extraFiles: string[] = []): Gazetteer {
  const extra = extraFiles.map((file) => resolve(file));
  const cacheKey = extra.join('\n');
  const hit = cache.get(cacheKey);
  if (hit !== undefined) return hit;
  const files = [...extra, ...GAZETTEER_FILES].map((file) => ({
    file,
    ...loadGrammar(file, GazetteerFileSchema),
  }));
  if (extra.length > 0) loadGazetteer();
  const gazetteer = buildGazetteer(files);
  // the shipped files' specs hold for the shipped gazetteer (checked above, or by the build); a clerk's may
  // override their answers
  const unchecked = files.filter(({ file }, i) =>
    extra.length > 0 ? i < extra.length : !examplesChecked(file),
  );
  for (const { file, specs } of unchecked) {
    for (const spec of specs) {
      const got = gazetteer.lookup(spec.name, spec.date);
      if (got.canonical !== spec.canonical || got.kind !== spec.kind)
        throw new GrammarError(
          file,
          `spec ${spec.name}${spec.date ? ` at ${spec.date}` : ''}: got ${got.canonical} (${got.kind}), expected ${spec.canonical} (${spec.kind})`,
        );
    }
  }
  cache.set(cacheKey, gazetteer);
  return gazetteer;
}
