/**
 * Built-in rule: OCR confusions in place names, anywhere in the text. A name one character off a place of the
 * notice's own region (the known units the gazetteer gives for the region its head names, those ending in a level
 * word: 荥阳市, 中牟县) is that place when the differing pair is a confusion tesseract was seen to make
 * (grammars/repair/confusions.yaml: 荣 for 荥, 件 for 牟). A written name that is itself a known unit of the region is
 * never changed; a name two places could explain is reported, not changed. Each edit carries an info diagnostic
 * that names its evidence (the place and the confusion).
 */
import * as z from 'zod';
import type { Diagnostic } from '../graph/schema.js';
import { GrammarError, loadGrammar, registerGrammar } from '../grammars.js';
import type { Proposal } from './fixer.js';
import { perKnownSet } from './known.js';
import type { RuleContext, RuleOutput } from './types.js';

/** The grammar file, relative to grammars/. */
export const CONFUSIONS_GRAMMAR = 'repair/confusions.yaml';
/** Diagnostic code of the evidence of an edit. */
export const EVIDENCE_CODE = 'place-name-evidence';
/** Diagnostic code of a name two places could explain. */
export const AMBIGUOUS_CODE = 'place-name-suspect';
/** Shortest place name the rule repairs (a level word and two characters). */
export const MIN_PLACE = 3;
/** Longest place name the rule repairs. */
export const MAX_PLACE = 8;

const Char = z.string().refine((s) => [...s].length === 1, 'one character');
const ConfusionsSchema = z.object({
  placeSuffixes: z.array(Char).min(1),
  pairs: z
    .array(z.object({ read: Char, printed: Char, seen: z.string().min(1) }))
    .min(1)
    .refine((pairs) => pairs.every((p) => p.read !== p.printed), 'a pair reads a character for another one'),
  /** Confusions in the words of the notice grammar (src/repair/confusions.ts); `printed` may be a Roman numeral. */
  characters: z
    .array(
      z.object({
        read: Char,
        printed: z.string().max(3),
        seen: z.string().min(1),
      }),
    )
    .default([])
    .refine((pairs) => pairs.every((p) => p.read !== p.printed), 'a pair reads a character for another one'),
});

/** The confusion grammar. */
export type Confusions = z.infer<typeof ConfusionsSchema>;

let loaded: Confusions | undefined;

/** Loads grammars/repair/confusions.yaml once. */
export function confusions(): Confusions {
  if (loaded) return loaded;
  const data = loadGrammar(CONFUSIONS_GRAMMAR, ConfusionsSchema);
  const seen = new Set<string>();
  for (const [list, { read, printed }] of [
    ...data.pairs.map((p) => ['pairs', p] as const),
    ...data.characters.map((p) => ['characters', p] as const),
  ]) {
    const key = `${list}:${read}→${printed}`;
    if (seen.has(key)) throw new GrammarError(CONFUSIONS_GRAMMAR, `${list}: pair ${read}→${printed} twice`);
    seen.add(key);
  }
  loaded = data;
  return loaded;
}

/** A misreading of a place: the place, where the read character stands in it, and the pair's evidence. */
interface Misreading {
  place: string;
  at: number;
  seen: string;
}

/** The places of a region's known units, by each misreading the confusions allow ("荣阳市" → 荥阳市 at 0). */
interface PlaceIndex {
  misread: Map<string, Misreading[]>;
  /** Lengths of the misread forms, longest first. */
  lengths: number[];
  /** The level words places end in. */
  suffixes: ReadonlySet<string>;
}

const HAN = /^[\u3400-\u9fff]+$/;

const placeIndex = perKnownSet((known): PlaceIndex => {
  const { placeSuffixes, pairs } = confusions();
  const suffixes = new Set(placeSuffixes);
  const misread = new Map<string, Misreading[]>();
  for (const place of known) {
    if (place.length < MIN_PLACE || place.length > MAX_PLACE || !HAN.test(place)) continue;
    if (!suffixes.has(place[place.length - 1]!)) continue;
    for (let at = 0; at < place.length - 1; at++)
      for (const pair of pairs) {
        if (pair.printed !== place[at]) continue;
        const form = place.slice(0, at) + pair.read + place.slice(at + 1);
        if (known.has(form)) continue; // a real unit of the region: never a misreading
        const list = misread.get(form) ?? [];
        list.push({ place, at, seen: pair.seen });
        misread.set(form, list);
      }
  }
  const lengths = [...new Set([...misread.keys()].map((f) => f.length))].sort((a, b) => b - a);
  return { misread, lengths, suffixes };
});

/** Proposes the place for each misread place name of the region; reports names two places could explain. */
export function placeName(raw: string, ruleId: string, ctx: RuleContext): RuleOutput {
  const proposals: Proposal[] = [];
  const diagnostics: Diagnostic[] = [];
  if (ctx.knownUnits.size === 0) return { proposals, diagnostics };
  const index = placeIndex(ctx.knownUnits);
  if (index.misread.size === 0) return { proposals, diagnostics };
  for (let end = 1; end <= raw.length; end++) {
    if (!index.suffixes.has(raw[end - 1]!)) continue;
    for (const length of index.lengths) {
      const start = end - length;
      const found = start >= 0 ? index.misread.get(raw.slice(start, end)) : undefined;
      if (!found) continue;
      const written = raw.slice(start, end);
      const places = [...new Set(found.map((m) => m.place))];
      if (places.length > 1) {
        diagnostics.push({
          code: AMBIGUOUS_CODE,
          severity: 'info',
          message: `"${written}" is no place of the region; it may be ${places.join(' or ')}`,
          start,
          end,
        });
      } else {
        const { place, at, seen } = found[0]!;
        proposals.push({ start: start + at, end: start + at + 1, text: place[at]!, ruleId });
        diagnostics.push({
          code: EVIDENCE_CODE,
          severity: 'info',
          message: `"${written}" read as ${place}, a place of the region: ${written[at]} for ${place[at]} (${seen})`,
          start,
          end,
        });
      }
      break;
    }
  }
  return { proposals, diagnostics };
}

registerGrammar(CONFUSIONS_GRAMMAR, confusions);
