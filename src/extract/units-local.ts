/**
 * The generic table of local offices (grammars/units/local.json): "市住建局" in a notice that 广州市人民政府 issues
 * is 广州市住房和城乡建设局, "省住建厅" in 广东省's is 广东省住房和城乡建设厅, "广州市住建局" is that anywhere. The
 * place of a level word (市, 县, 区, 省…) comes from the notice's own issuers, never from a bundled city.
 */
import * as z from 'zod';
import { examplesChecked, GrammarError, loadGrammar, registerGrammar } from '../grammars.js';
import { UNIT_KINDS, type UnitKind } from '../graph/schema.js';
import { unitKey } from './units-text.js';

/** The local office table, relative to grammars/. */
export const LOCAL_FILE = 'units/local.json';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const LEVELS = ['province', 'city', 'county', 'district'] as const;
type Level = (typeof LEVELS)[number];

const OfficeSchema = z
  .object({
    name: z.string().min(1),
    canonical: z.string().includes('{place}').optional(),
    kind: z.enum(UNIT_KINDS),
    aliases: z.array(z.string().min(1)),
    levels: z.array(z.enum(LEVELS)).optional(),
    validFrom: IsoDate.optional(),
    validTo: IsoDate.optional(),
    renamedTo: z.string().min(1).optional(),
  })
  .strict();

const LocalFileSchema = z
  .object({
    note: z.string().optional(),
    levels: z.record(z.enum(LEVELS), z.array(z.string().min(1))),
    placeLeadIns: z.array(z.string().min(1)),
    notPlaceStarts: z.array(z.string().min(1)),
    issuerHeads: z.array(z.string().min(1)),
    specs: z.array(
      z
        .object({
          name: z.string(),
          region: z.string(),
          date: IsoDate.optional(),
          canonical: z.string().nullable(),
          kind: z.enum(UNIT_KINDS),
        })
        .strict(),
    ),
    offices: z.array(OfficeSchema),
  })
  .strict();

type Office = z.infer<typeof OfficeSchema>;

/** A place as a notice writes it ("广州市", "北京市海淀区") and the level of its last part. */
interface Place {
  name: string;
  level: Level;
}

interface LocalTable {
  /** Office forms (name and aliases, as keys), longest first, with their office. */
  forms: [string, Office][];
  byName: Map<string, Office>;
  /** Level words, longest first, with their level. */
  levelWords: [string, Level][];
  /** Matches one place part at the start ("广州市", "海淀区"), sticky. */
  part: RegExp;
  leadIns: string[];
  /** Words a place never starts with (各区人民政府 is a collective, not the government of 各区). */
  notPlaceStarts: string[];
  /** What follows the place of an issuer (人民政府, 委…): a bare office name is that issuer's. */
  issuerHeads: string[];
}

/** The longest place part a name or an issuer may hold before its level word. */
const MAX_PLACE_PART = 9;
const MAX_RENAMINGS = 8;

let table: LocalTable | undefined;
let checked = false;

function load(): LocalTable {
  if (table !== undefined) return table;
  const file = loadGrammar(LOCAL_FILE, LocalFileSchema);
  const byName = new Map(file.offices.map((o) => [o.name, o]));
  for (const o of file.offices)
    if (o.renamedTo !== undefined && !byName.has(o.renamedTo))
      throw new GrammarError(LOCAL_FILE, `${o.name}: renamedTo ${o.renamedTo} is no office's name`);
  const forms = file.offices
    .flatMap((o) => [...new Set([o.name, ...o.aliases])].map((f): [string, Office] => [unitKey(f), o]))
    .sort((a, b) => b[0].length - a[0].length);
  const levelWords = Object.entries(file.levels)
    .flatMap(([level, words]) => words.map((w): [string, Level] => [w, level as Level]))
    .sort((a, b) => b[0].length - a[0].length);
  const alternatives = levelWords.map(([w]) => w).join('|');
  table = {
    forms,
    byName,
    levelWords,
    part: new RegExp(`[\\u4e00-\\u9fff]{1,${MAX_PLACE_PART}}?(?:${alternatives})`, 'y'),
    leadIns: [...file.placeLeadIns].sort((a, b) => b.length - a.length),
    notPlaceStarts: file.notPlaceStarts,
    issuerHeads: file.issuerHeads,
  };
  if (!checked && !examplesChecked(LOCAL_FILE)) {
    checked = true;
    for (const spec of file.specs) {
      const got =
        resolveLocal(spec.name, spec.date, spec.region) ?? resolveBare(spec.name, spec.date, spec.region);
      const want = spec.canonical === null ? null : { canonical: spec.canonical, kind: spec.kind };
      if (spec.canonical === null && got === null) continue;
      if (JSON.stringify(got) !== JSON.stringify(want))
        throw new GrammarError(
          LOCAL_FILE,
          `spec ${spec.name} in ${spec.region}: got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`,
        );
    }
  }
  return table;
}

registerGrammar(LOCAL_FILE, load);

/** The level of a place part by its last word (广州市 → city). */
function levelOf(t: LocalTable, part: string): Level | undefined {
  return t.levelWords.find(([w]) => part.endsWith(w))?.[1];
}

/** The place parts at the start of `text` ("北京市海淀区人民政府" → 北京市, 海淀区), after a lead-in such as 中共. */
function placeParts(t: LocalTable, text: string): { parts: string[]; end: number } {
  let at = t.leadIns.find((w) => text.startsWith(w))?.length ?? 0;
  const parts: string[] = [];
  for (;;) {
    t.part.lastIndex = at;
    const m = t.part.exec(text);
    if (m === null) break;
    // 广州市: the shortest match stops at 州, a level word too; one more level word belongs to the part
    const more = t.levelWords.find(([w]) => text.startsWith(w, at + m[0].length))?.[0] ?? '';
    parts.push(m[0] + more);
    at += m[0].length + more.length;
  }
  return { parts, end: at };
}

/** The notice's place at `level`: the first word of `region` (issuers, then title) that starts with places. */
function regionPlace(t: LocalTable, region: string, level: Level): Place | undefined {
  for (const word of region.split(/\s+/)) {
    const { parts } = placeParts(t, word);
    if (parts.length === 0) continue;
    const k = parts.findLastIndex((p) => levelOf(t, p) === level);
    if (k < 0) return undefined;
    const first = parts.findIndex((p) => levelOf(t, p) !== 'province');
    const from = level === 'province' || first < 0 ? k : Math.min(first, k);
    const name = parts.slice(from, k + 1).join('');
    // an anonymised place (某市) has no official name
    return t.notPlaceStarts.some((w) => name.startsWith(w)) ? undefined : { name, level };
  }
  return undefined;
}

function inForce(o: Office, date: string): boolean {
  return (o.validFrom === undefined || o.validFrom <= date) && (o.validTo === undefined || date <= o.validTo);
}

/** The office in force at `date`, renamings followed. */
function follow(t: LocalTable, office: Office, date: string | undefined): Office {
  let current = office;
  for (let hops = 0; date !== undefined && hops < MAX_RENAMINGS; hops++) {
    if (current.renamedTo === undefined || inForce(current, date)) break;
    current = t.byName.get(current.renamedTo) as Office;
  }
  return current;
}

/**
 * The canonical name and kind of a local office written with a level word or a place ("市住建局",
 * "广州市住建局"), the place of a level word taken from `region` (the notice's issuers and title); null when the
 * name is no such office or its place is unknown.
 */
export function resolveLocal(
  name: string,
  date: string | undefined,
  region: string | undefined,
): { canonical: string; kind: UnitKind } | null {
  const t = load();
  const key = unitKey(name);
  const hit = t.forms.find(([form]) => key.length > form.length && key.endsWith(form));
  if (hit === undefined) return null;
  const [form, office] = hit;
  const prefix = key.slice(0, key.length - form.length);
  if (t.notPlaceStarts.some((w) => prefix.startsWith(w))) return null;
  let place: Place | undefined;
  const level = t.levelWords.find(([w]) => w === prefix)?.[1];
  if (level !== undefined) place = region === undefined ? undefined : regionPlace(t, region, level);
  else {
    const { parts, end } = placeParts(t, prefix);
    const last = parts[parts.length - 1];
    const partLevel = last === undefined ? undefined : levelOf(t, last);
    if (end === prefix.length && partLevel !== undefined) place = { name: prefix, level: partLevel };
  }
  if (place === undefined || (office.levels && !office.levels.includes(place.level))) return null;
  const current = follow(t, office, date);
  const canonical = current.canonical?.replaceAll('{place}', place.name) ?? place.name + current.name;
  return { canonical, kind: current.kind };
}

/**
 * The canonical name of an office written bare, with no level word or place ("统计局", "商务厅" in
 * "（省发改委、统计局分别负责）"), in a notice issued by a local government: the office of the issuer's own place.
 * Null when `region` names no place (a State Council notice) or the office does not exist at that level.
 */
export function resolveBare(
  name: string,
  date: string | undefined,
  region: string | undefined,
): { canonical: string; kind: UnitKind } | null {
  if (region === undefined) return null;
  const t = load();
  const key = unitKey(name);
  const hit = t.forms.find(([form]) => form === key);
  if (hit === undefined) return null;
  // the first word only (the first issuer, else the title), and only where a government or committee follows
  const word = region.trim().split(/\s+/)[0] ?? '';
  const { parts, end } = placeParts(t, word);
  const last = parts[parts.length - 1];
  if (last === undefined || !t.issuerHeads.some((h) => word.startsWith(h, end))) return null;
  const level = levelOf(t, last);
  const place = level === undefined ? undefined : regionPlace(t, word, level);
  if (place === undefined || (hit[1].levels && !hit[1].levels.includes(place.level))) return null;
  const current = follow(t, hit[1], date);
  return {
    canonical: current.canonical?.replaceAll('{place}', place.name) ?? place.name + current.name,
    kind: current.kind,
  };
}

/** Whether `name` is a level word and an office of the table ("市住建局"): a unit whatever the place. */
export function isLocalOffice(name: string): boolean {
  const t = load();
  const key = unitKey(name);
  return t.forms.some(
    ([form]) =>
      key.endsWith(form) &&
      t.levelWords.some(([w]) => w.length + form.length === key.length && key.startsWith(w)),
  );
}
