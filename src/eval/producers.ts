/**
 * PDFs from other producers (corpus/producers/, made by scripts/producers/*.sh, not in git): each file's graph
 * against the same notice's text. Seed PDFs are scored on tasks and units by role against the seed's gold; the
 * State Council pages (corpus/gov) against the graph of their own .txt: headings and tasks agreement (F1 of the
 * section and task ids), units by role, deadlines, targets, and whether the 发文字号 is found. Every PDF's head (title,
 * issuers, 发文字号, 成文日期, 主送机关) against the graph of the same notice's text. Missing files are listed as skipped.
 * The text a user copies out of them (`pdftotext`, corpus/producers/text/) is scored too, on deadlines and targets
 * as well. Run alone: `node dist/eval/producers.js [--texts] [--json]`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NoticeGraph } from '../graph/schema.js';
import { PACKAGE_ROOT } from '../grammars.js';
import { convert, convertSync } from '../index.js';
import { found as headField, HEAD_FIELDS, type HeadField } from './head.js';
import { graphFacts, LAYOUT_KINDS, scoreAgainstOriginal } from './layout.js';
import { score, type Score } from './score.js';
import { scoreSeed, type Gold } from './seed.js';

const CORPUS = join(PACKAGE_ROOT, 'corpus');
export const PRODUCERS_DIR = join(CORPUS, 'producers');
const GOLD = join(CORPUS, 'gold', 'zhengzhou-2020-notice.gold.json');
const SEED_TEXT = join(CORPUS, 'zhengzhou-2020-notice.txt');
/** seed: the seed notice; gov-NNN: corpus/gov/NNN.txt. The scan-* files need --ocr and are left to the bench. */
const NOTICE = /(?:^|-)(seed|1col|2col|gov-(\d{3}))[-.]/;

/** The scores of one producer's PDF. */
export interface ProducerScore {
  file: string;
  /** What it is compared with: the seed's gold, or corpus/gov/NNN.txt. */
  against: string;
  scores: Score[];
  /** For gov pages: the 发文字号 of the text's graph, and whether the PDF's graph has the same. */
  docNumber?: { expected: string | null; found: string | null };
  /**
   * The head's fields (title as printed, issuers, 发文字号, 成文日期, 主送机关; spaces and quotation marks aside)
   * against the graph of the same notice's text: '' where a graph leaves the field empty. 主送机关 only where the
   * text has them.
   */
  head?: Partial<Record<HeadField, { expected: string; found: string }>>;
  /**
   * For a GB/T 9704 page (gbt-*): its 版记 as printed against the graph's: 抄送机关 (joined with |), 印发机关 and
   * 印发日期; and whether the 版记 stayed out of the body (no task or section text holds its lines).
   */
  record?: Record<RecordField, { expected: string; found: string }>;
  error?: string;
}

/** The head fields of `graph` against those of the notice's text (see ProducerScore.head). */
export function headAgainstText(
  graph: NoticeGraph,
  text: Pick<NoticeGraph, 'document'>,
): NonNullable<ProducerScore['head']> {
  const out: NonNullable<ProducerScore['head']> = {};
  for (const f of HEAD_FIELDS) {
    const expected = headField(text as NoticeGraph, f);
    if (f === 'recipients' && expected === '') continue;
    out[f] = { expected, found: headField(graph, f) };
  }
  return out;
}

const ROLES = ['lead', 'cooperating', 'responsible'] as const;
/** The kinds a PDF or a copied text is scored on against the notice's text (tasks: headings and tasks for gov). */
export const TEXT_KINDS = LAYOUT_KINDS;

/** Headings/tasks agreement, units by role, deadlines and targets of `graph` against the graph of the notice's text. */
export function scoreAgainstText(graph: NoticeGraph, text: NoticeGraph): Score[] {
  const ids = (g: NoticeGraph) =>
    g.nodes.filter((n) => n.type === 'section' || n.type === 'task').map((n) => n.id);
  const units = (g: NoticeGraph, role: string) => {
    const names = new Map(g.nodes.flatMap((n) => (n.type === 'unit' ? [[n.id, n.name] as const] : [])));
    return g.edges.filter((e) => e.type === role).map((e) => `${e.from}|${names.get(e.to) ?? e.to}`);
  };
  const [want, got] = [graphFacts(text), graphFacts(graph)];
  return [
    score('headings+tasks', ids(text), ids(graph)),
    ...ROLES.map((r) => score(`units:${r}`, units(text, r), units(graph, r))),
    score('deadlines', want.deadlines, got.deadlines),
    score('targets', want.targets, got.targets),
  ];
}

/** One kind on which a graph differs from the notice's text: its F1 and the first facts missed and extra. */
export interface Difference {
  kind: string;
  f1: number;
  missed: string[];
  extra: string[];
}

/**
 * Where `graph` differs from the graph of the notice's text: every kind of scoreAgainstText below F1 1, and every
 * head field (headAgainstText, with the 发文字号) not found as the text has it (kind head:FIELD, F1 0).
 */
export function differencesFromText(graph: NoticeGraph, text: NoticeGraph): Difference[] {
  const bad: Difference[] = scoreAgainstText(graph, text)
    .filter((s) => s.f1 < 1)
    .map((s) => ({ kind: s.kind, f1: s.f1, missed: s.missed.slice(0, 2), extra: s.spurious.slice(0, 2) }));
  const head = headAgainstText(graph, text);
  head.docNumber = { expected: text.document.docNumber ?? '', found: graph.document.docNumber ?? '' };
  for (const [field, v] of Object.entries(head))
    if (v.found !== v.expected)
      bad.push({ kind: `head:${field}`, f1: 0, missed: [v.expected], extra: [v.found] });
  return bad;
}

const RECORD_FIELDS = ['copyTo', 'printedBy', 'printDate', 'outOfBody'] as const;
type RecordField = (typeof RECORD_FIELDS)[number];

/** The 版记 fields of `graph` against the printed ones (see ProducerScore.record). */
function recordAgainstPrinted(
  graph: NoticeGraph,
  printed: PrintedHead,
): NonNullable<ProducerScore['record']> {
  const d = graph.document;
  const copy = printed.copyTo.replace(/[。]$/, '').split(/[，,]/);
  const label = (RECORD_COPY_LABEL.exec(
    JSON.stringify(graph.nodes.filter((n) => n.type === 'task' || n.type === 'section')),
  ) ?? [])[0];
  return {
    copyTo: { expected: copy.join('|'), found: (d.copyTo ?? []).join('|') },
    printedBy: { expected: printed.printedBy, found: d.printedBy ?? '' },
    printDate: { expected: isoOf(printed.printDate) ?? '', found: d.printDate ?? '' },
    outOfBody: { expected: '', found: label ?? '' },
  };
}

/** The 抄送 label as the body would hold it if the 版记 were read as body text. */
const RECORD_COPY_LABEL = /抄\s?送\s?[:：]/;

const isoOf = (date: string): string | null => {
  const m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(date);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : null;
};

/** The fields a GB/T 9704 page prints in its head and 版记 (gbt-NAME.head.json, written by scripts/producers/gbt9704.py). */
interface PrintedHead {
  issuers: string[];
  docNumber: string;
  title: string;
  recipients: string;
  date: string;
  copyTo: string;
  printedBy: string;
  printDate: string;
}

/**
 * The head as printed, for a PDF of scripts/producers/gbt9704.sh (gbt-NAME.pdf and its scans tess-gbt-NAME-DPI.pdf):
 * its printed 发文字号 and 版记 are not in the notice's text, so the fields are scored against what was printed.
 */
function printedHead(
  dir: string,
  file: string,
): (Pick<NoticeGraph, 'document'> & { printed: PrintedHead }) | null {
  const m = /^tess-(gbt-.+)-\d{3}\.pdf$|^(gbt-.+)\.pdf$/.exec(file);
  const path = m ? join(dir, `${m[1] ?? m[2]}.head.json`) : '';
  if (!m || !existsSync(path)) return null;
  const h = JSON.parse(readFileSync(path, 'utf8')) as PrintedHead;
  const date = isoOf(h.date);
  return {
    printed: h,
    document: {
      title: h.title,
      issuers: h.issuers,
      docNumber: h.docNumber,
      ...(date ? { date } : {}),
      recipients: [h.recipients.replace(/[:：]$/, '')],
    },
  };
}

/** Scores every PDF in corpus/producers/ (none when the folder is absent). */
export async function evalProducers(dir = PRODUCERS_DIR): Promise<ProducerScore[]> {
  if (!existsSync(dir)) return [];
  const gold = JSON.parse(readFileSync(GOLD, 'utf8')) as Gold;
  const seedText = convertSync(readFileSync(SEED_TEXT), { path: 'corpus/zhengzhou-2020-notice.txt' });
  const out: ProducerScore[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.pdf') && !f.startsWith('scan-'))
    .sort()) {
    const m = NOTICE.exec(file);
    if (!m) continue;
    const path = `corpus/producers/${file}`;
    let graph: NoticeGraph;
    try {
      graph = await convert(readFileSync(join(dir, file)), { path });
    } catch (err) {
      out.push({ file, against: '', scores: [], error: (err as Error).message });
      continue;
    }
    const printed = printedHead(dir, file);
    if (!m[2]) {
      const kinds = (s: Score) => (TEXT_KINDS as readonly string[]).includes(s.kind);
      out.push({
        file,
        against: 'seed gold',
        scores: scoreSeed(graph, gold).filter(kinds),
        docNumber: {
          expected: (printed ?? seedText).document.docNumber ?? null,
          found: graph.document.docNumber ?? null,
        },
        head: headAgainstText(graph, printed ?? seedText),
        ...(printed ? { record: recordAgainstPrinted(graph, printed.printed) } : {}),
      });
      continue;
    }
    const txt = join(CORPUS, 'gov', `${m[2]}.txt`);
    const text = convertSync(readFileSync(txt), { path: `corpus/gov/${m[2]}.txt` });
    out.push({
      file,
      against: `corpus/gov/${m[2]}.txt`,
      scores: scoreAgainstText(graph, text),
      docNumber: {
        expected: (printed ?? text).document.docNumber ?? null,
        found: graph.document.docNumber ?? null,
      },
      head: headAgainstText(graph, printed ?? text),
      ...(printed ? { record: recordAgainstPrinted(graph, printed.printed) } : {}),
    });
  }
  return out;
}

/** `pdftotext` (plain and -layout) of the born-digital PDFs: corpus/producers/text/ (scripts/producers/text.sh). */
export const PRODUCER_TEXTS_DIR = join(PRODUCERS_DIR, 'text');

/**
 * Each text a user copies out of a producer's PDF (corpus/producers/text/NAME[.layout].txt) against the graph of
 * the same notice's text (the seed, or corpus/gov/NNN.txt): tasks, units by role, deadlines and targets.
 */
export function evalProducerTexts(dir = PRODUCER_TEXTS_DIR): ProducerScore[] {
  if (!existsSync(dir)) return [];
  const originals = new Map<string, NoticeGraph>();
  const original = (rel: string): NoticeGraph => {
    let g = originals.get(rel);
    if (!g) originals.set(rel, (g = convertSync(readFileSync(join(PACKAGE_ROOT, rel)), { path: rel })));
    return g;
  };
  const out: ProducerScore[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const m = NOTICE.exec(file);
    if (!m) continue;
    const against = m[2] ? `corpus/gov/${m[2]}.txt` : 'corpus/zhengzhou-2020-notice.txt';
    try {
      const graph = convertSync(readFileSync(join(dir, file)), { path: `corpus/producers/text/${file}` });
      const scores = scoreAgainstOriginal(graph, original(against)).filter((s) =>
        (TEXT_KINDS as readonly string[]).includes(s.kind),
      );
      out.push({ file, against, scores, head: headAgainstText(graph, original(against)) });
    } catch (err) {
      out.push({ file, against, scores: [], error: (err as Error).message });
    }
  }
  return out;
}

/** The copied texts' scores as a table: one row a file. */
export function producerTextsTable(rows: ProducerScore[]): string {
  if (rows.length === 0)
    return 'Text copied from producer PDFs: corpus/producers/text/ is absent (`npm run fixtures:producers`); skipped.\n';
  const head = `${'file'.padEnd(32)} ${['tasks', 'lead', 'coop', 'resp', 'due', 'target'].map((k) => k.padStart(6)).join(' ')}  ${HEAD_COLUMNS.map(([, h]) => h).join(' ')}  号`;
  const lines = rows.map((p) =>
    p.error
      ? `${p.file.padEnd(32)} error: ${p.error.slice(0, 100)}`
      : `${p.file.padEnd(32)} ${TEXT_KINDS.map((k) => f1(p, k).padStart(6)).join(' ')}  ${headCells(p)}  ${headMark(p, 'docNumber')}`,
  );
  return [
    'Text copied from producer PDFs (pdftotext, plain and -layout), F1 against the graph of the same notice as text:',
    head,
    ...lines,
    headSummary(rows),
    '',
  ].join('\n');
}

const f1 = (p: ProducerScore, kind: string): string => {
  const s = p.scores.find((x) => x.kind === kind || (kind === 'tasks' && x.kind === 'headings+tasks'));
  return s ? s.f1.toFixed(3) : '  -  ';
};

/** The scores as a table: one row a file. */
export function producersTable(rows: ProducerScore[]): string {
  if (rows.length === 0)
    return 'PDFs from other producers: corpus/producers/ is absent (make it with `npm run fixtures:producers`); skipped.\n';
  const head = `${'file'.padEnd(30)} ${['tasks*', 'lead', 'coop', 'resp', 'due', 'target'].map((k) => k.padStart(6)).join(' ')}  ${HEAD_COLUMNS.map(([, h]) => h).join(' ')}  发文字号  版记: 抄送 印发 date body`;
  const lines = rows.map((p) => {
    if (p.error) return `${p.file.padEnd(30)} error: ${p.error.slice(0, 100)}`;
    const doc = p.docNumber
      ? p.docNumber.expected === null
        ? 'n/a'
        : p.docNumber.found === p.docNumber.expected
          ? 'found'
          : `missed (${p.docNumber.found ?? 'none'})`
      : '';
    return `${p.file.padEnd(30)} ${TEXT_KINDS.map((k) => f1(p, k).padStart(6)).join(' ')}  ${headCells(p)}  ${doc.padEnd(8)}  ${recordCells(p)}`;
  });
  return [
    'PDFs from other producers (corpus/producers), F1 against the same notice as text (the text scores 1.000):',
    '  tasks* = seed PDFs: numbered tasks against the gold; gov PDFs: headings and tasks against the .txt graph',
    "  head: title, issuers, 成文日期 and 主送机关 against the text's graph (ok; ≠ wrong; ∅ empty; - the text has none)",
    '  gbt-* (GB/T 9704 pages): head against the fields as printed; 版记: 抄送机关, 印发机关, 印发日期, and body = the 版记 kept out of the body',
    head,
    ...lines,
    headSummary(rows),
    '',
  ].join('\n');
}

/** The head columns after the F1s: title, issuers, date, recipients (the 发文字号 has its own column). */
const HEAD_COLUMNS = [
  ['title', 'title'],
  ['issuers', 'issuer'],
  ['date', 'date'],
  ['recipients', 'recip'],
] as const;

const headMark = (p: ProducerScore, f: HeadField): string => {
  const v = p.head?.[f];
  if (!v) return '-';
  return v.found === v.expected ? 'ok' : v.found === '' ? '∅' : '≠';
};

const recordCells = (p: ProducerScore): string =>
  p.record
    ? RECORD_FIELDS.map((f, i) => {
        const v = p.record![f];
        return (v.found === v.expected ? 'ok' : v.found === '' ? '∅' : '≠').padStart([4, 4, 4, 4][i]!);
      }).join(' ')
    : '';

const headCells = (p: ProducerScore): string =>
  HEAD_COLUMNS.map(([f, h]) => headMark(p, f).padStart(h.length)).join(' ');

/** Per head field, the share of PDFs right: born-digital and scans (tess-*) apart. */
function headSummary(rows: ProducerScore[]): string {
  const share = (group: ProducerScore[], f: HeadField): string => {
    const scored = group.filter((p) => p.head?.[f]);
    const right = scored.filter((p) => p.head![f]!.found === p.head![f]!.expected).length;
    return `${f} ${right}/${scored.length}`;
  };
  const groups = [
    ['born-digital', rows.filter((p) => !p.error && !p.file.startsWith('tess-'))],
    ['scans', rows.filter((p) => !p.error && p.file.startsWith('tess-'))],
  ] as const;
  return groups
    .filter(([, g]) => g.length > 0)
    .map(([name, g]) => `  head right, ${name}: ${HEAD_FIELDS.map((f) => share(g, f)).join('  ')}`)
    .join('\n');
}

/** Prints the producers table (the call in eval/main.ts). */
export async function printProducers(): Promise<void> {
  process.stdout.write('\n' + producersTable(await evalProducers()));
  process.stdout.write('\n' + producerTextsTable(evalProducerTexts()));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const texts = process.argv.includes('--texts');
  (texts ? Promise.resolve(evalProducerTexts()) : evalProducers())
    .then((rows) =>
      process.stdout.write(
        process.argv.includes('--json')
          ? JSON.stringify(rows, null, 2) + '\n'
          : (texts ? producerTextsTable : producersTable)(rows),
      ),
    )
    .catch((err: unknown) => {
      process.stderr.write(`eval producers: ${(err as Error).stack ?? String(err)}\n`);
      process.exitCode = 1;
    });
}
