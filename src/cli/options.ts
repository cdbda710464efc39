/** The CLI's commands and options as a table; `--help` is printed from it. */

/** One option of the CLI. */
export interface OptionSpec {
  name: string;
  short?: string;
  type: 'string' | 'boolean';
  multiple?: boolean;
  /** Name of the option's argument in the help text. */
  arg?: string;
  description: string;
  /** Commands that take the option (all when absent). */
  commands?: string[];
}

/** One command of the CLI. */
export interface CommandSpec {
  name: string;
  usage: string;
  description: string;
}

/** Every command. */
export const COMMANDS: CommandSpec[] = [
  {
    name: 'convert',
    usage:
      'gongwen convert <file|dir|-> [-o DIR] [--format json|jsonl|csv|xlsx|ics|md] [--unit NAME] [--units FILE]… [--keywords] [--jobs N] [--skip-existing] [--input jsonl]',
    description:
      'Convert notices (text in UTF-8, UTF-16 or GBK; PDF, searchable or with --ocr; scanned images (PNG, JPEG, TIFF) with --ocr; HTML; Markdown; Word (.docx; .doc/.wps/.odt/.rtf through LibreOffice); task tables in those (ruled tables in PDFs), or as .csv/.tsv/.xlsx, .xls/.et/.ods through LibreOffice) into NoticeGraph JSON. One file and no -o (or -o -): the graph on stdout. A folder: one JSON per file under -o DIR (default out/), mirroring the folder, converted in parallel with a progress bar. --input jsonl -: JSON Lines in, one graph a line out.',
  },
  {
    name: 'repair',
    usage: 'gongwen repair <file|-> [--diff] [--ocr]',
    description:
      'Print the OCR-repaired text of a notice in any format convert reads (text, PDF, scan with --ocr, .docx, HTML, tables): look-alike radicals normalised, hard-wrapped lines rejoined into paragraphs; with --diff, list each edit (place, rule, before → after).',
  },
  {
    name: 'units',
    usage: 'gongwen units <file|-> [--format table|json|md|csv] [--unit NAME] [--units FILE]…',
    description:
      'Per unit (canonical name, with the spellings the notice writes), the tasks it leads (牵头), supports (配合), answers for (责任) and guides (指导), with deadlines: an aligned table by default. --unit NAME keeps one unit (its name, an abbreviation or an alias).',
  },
  {
    name: 'diff',
    usage: 'gongwen diff <old> <new> [<newer>…] [--format json|md|html|xlsx|docx] [-o FILE] [--units FILE]…',
    description:
      'Compare two versions of a plan (each a notice in any input format, or a NoticeGraph JSON): tasks matched across renumbering, moves, splits and merges; targets, deadlines, units and wording that changed. JSON (the PlanDiff), Markdown, a single-file HTML report with filters, an Excel sheet (one row per change) or a Word report (summary table, then old and new side by side). Targets are named by what they count and said tightened or loosened; the year shift of a new edition is no change. More than two editions (oldest first) give the history of each task and target (json, md or html).',
  },
  {
    name: 'archive',
    usage:
      'gongwen archive add <files|dir>… [--jobs N] | tasks [--unit NAME] [--role lead|cooperating|responsible|guidance] [--due A..B] [--q TEXT] [--year Y] [--format table|json|csv] | units [--unit NAME] | series | diff SERIES [YEAR]  [--db FILE]',
    description:
      'An archive of notices in SQLite (default gongwen.db here). add: convert notices (or load graph JSON) into it in --jobs worker threads, skipping those already there (same sha256), in one transaction (the diffs between consecutive editions of a plan series are computed when first asked for). tasks, units, series, diff: query it.',
  },
  {
    name: 'serve',
    usage: 'gongwen serve [--db FILE] [--port N]',
    description:
      'A read-only local web app over the archive on 127.0.0.1 (default port 8017): notices and series, tasks with filters, units, a deadline calendar, series diffs, every fact in its notice text.',
  },
  {
    name: 'schema',
    usage: 'gongwen schema [--diff]',
    description: 'Print the JSON Schema of the NoticeGraph; with --diff, that of the PlanDiff.',
  },
];

/** Every option. */
export const OPTIONS: OptionSpec[] = [
  {
    name: 'output',
    short: 'o',
    type: 'string',
    arg: 'DIR',
    description:
      'write JSON files into DIR (convert: - is stdout, for one notice); diff: write the report into the file DIR',
    commands: ['convert', 'diff'],
  },
  {
    name: 'format',
    type: 'string',
    arg: 'FORMAT',
    description:
      'convert: json (default), jsonl (one graph a line), csv or xlsx (task-division table; xlsx needs -o or a redirected stdout), ics (deadlines calendar), md (clean Markdown); units: table (default), json, md, csv; diff: json (default), md, html, xlsx, docx (xlsx and docx need -o or a redirected stdout); archive: table (default), json, csv',
    commands: ['convert', 'units', 'diff', 'archive'],
  },
  {
    name: 'units',
    type: 'string',
    multiple: true,
    arg: 'FILE',
    description: 'extra unit gazetteer (JSON or YAML, the format of grammars/units); repeatable',
    commands: ['convert', 'units', 'diff'],
  },
  {
    name: 'unit',
    type: 'string',
    arg: 'NAME',
    description: "one unit's tasks only (name, abbreviation or alias); convert: with csv, xlsx, ics",
    commands: ['convert', 'units', 'archive'],
  },
  {
    name: 'keywords',
    type: 'boolean',
    description: 'tag each task with key terms (jieba; ~1 s to load)',
    commands: ['convert'],
  },
  {
    name: 'ocr',
    type: 'boolean',
    description:
      'OCR PDF pages that have no text layer (tesseract with chi_sim, and pdftoppm), and scanned images (PNG, JPEG, TIFF); a folder then takes its images too',
    commands: ['convert', 'repair'],
  },
  {
    name: 'max-pages',
    type: 'string',
    arg: 'N',
    description: 'refuse PDFs with more than N pages (default 500)',
    commands: ['convert', 'repair'],
  },
  {
    name: 'max-size',
    type: 'string',
    arg: 'MB',
    description: 'refuse input files larger than MB megabytes (default 50)',
    commands: ['convert', 'repair'],
  },
  {
    name: 'jobs',
    short: 'j',
    type: 'string',
    arg: 'N',
    description:
      "worker threads for a folder or --input jsonl; one scanned PDF with --ocr: pages OCR'd at once (default: the number of cores)",
    commands: ['convert', 'repair', 'archive'],
  },
  {
    name: 'skip-existing',
    type: 'boolean',
    description: 'in a folder, skip inputs whose JSON output already records the same sha256',
    commands: ['convert'],
  },
  {
    name: 'input',
    type: 'string',
    arg: 'jsonl',
    description: 'jsonl: read {"path","text"|"base64"} lines on stdin (input -), one graph a line out',
    commands: ['convert'],
  },
  {
    name: 'diff',
    type: 'boolean',
    description:
      'repair: list the edits instead of the repaired text; schema: print the PlanDiff JSON Schema',
    commands: ['repair', 'schema'],
  },
  {
    name: 'db',
    type: 'string',
    arg: 'FILE',
    description: 'the archive database (default gongwen.db in the working directory)',
    commands: ['archive', 'serve'],
  },
  {
    name: 'role',
    type: 'string',
    arg: 'ROLE',
    description: 'lead, cooperating, responsible or guidance (指导)',
    commands: ['archive'],
  },
  {
    name: 'due',
    type: 'string',
    arg: 'A..B',
    description: 'deadlines from A to B (YYYY-MM-DD; a side may be left out)',
    commands: ['archive'],
  },
  {
    name: 'q',
    type: 'string',
    arg: 'TEXT',
    description: 'tasks whose text contains TEXT',
    commands: ['archive'],
  },
  { name: 'year', type: 'string', arg: 'YEAR', description: "the plans' year", commands: ['archive'] },
  {
    name: 'limit',
    type: 'string',
    arg: 'N',
    description: 'tasks: at most N rows (default 500)',
    commands: ['archive'],
  },
  {
    name: 'offset',
    type: 'string',
    arg: 'K',
    description: 'tasks: skip the first K rows (the next page)',
    commands: ['archive'],
  },
  {
    name: 'port',
    type: 'string',
    arg: 'N',
    description: 'port on 127.0.0.1 (default 8017; 0 picks a free one)',
    commands: ['serve'],
  },
  { name: 'quiet', short: 'q', type: 'boolean', description: 'no summary or info diagnostics on stderr' },
  { name: 'verbose', type: 'boolean', description: 'also print info diagnostics' },
  { name: 'help', short: 'h', type: 'boolean', description: 'show this help' },
  { name: 'version', short: 'v', type: 'boolean', description: 'print the version' },
];

/** The help text, built from the tables. */
export function helpText(version: string): string {
  const lines = [
    `gongwen ${version}: OCR'd Chinese government notices (公文) → structured, diffable JSON`,
    '',
    'Usage:',
  ];
  for (const c of COMMANDS) lines.push(`  ${c.usage}`, `      ${c.description}`, '');
  lines.push('Options:');
  for (const o of OPTIONS) {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${o.name}${o.arg ? ` ${o.arg}` : ''}`;
    const where = o.commands ? ` (${o.commands.join(', ')})` : '';
    lines.push(`  ${flag.padEnd(30)} ${o.description}${where}`);
  }
  lines.push(
    '',
    'Exit status: 0 all inputs converted; 1 some input failed (the others are still converted); 2 usage error.',
    'Diagnostics go to stderr as  file:line:col severity message code.',
  );
  return lines.join('\n') + '\n';
}
