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
    usage: 'gongwen convert <file|dir|-> [-o DIR] [--format json|jsonl] [--units FILE]… [--keywords]',
    description:
      'Convert notices (text in UTF-8, UTF-16 or GBK; Markdown) into NoticeGraph JSON. One file and no -o: the graph on stdout. A folder: one JSON per file under -o DIR (default out/), mirroring the folder.',
  },
  {
    name: 'repair',
    usage: 'gongwen repair <file|-> [--diff]',
    description:
      'Print the OCR-repaired text of a notice; with --diff, list each edit (place, rule, before → after).',
  },
  {
    name: 'schema',
    usage: 'gongwen schema',
    description: 'Print the JSON Schema of the NoticeGraph.',
  },
];

/** Every option. */
export const OPTIONS: OptionSpec[] = [
  {
    name: 'output',
    short: 'o',
    type: 'string',
    arg: 'DIR',
    description: 'write JSON files into DIR',
    commands: ['convert'],
  },
  {
    name: 'format',
    type: 'string',
    arg: 'json|jsonl',
    description: 'json: one pretty document per file (default); jsonl: one graph per line',
    commands: ['convert'],
  },
  {
    name: 'units',
    type: 'string',
    multiple: true,
    arg: 'FILE',
    description: 'extra unit gazetteer (YAML, the format of grammars/units); repeatable',
    commands: ['convert'],
  },
  {
    name: 'keywords',
    type: 'boolean',
    description: 'tag each task with key terms (jieba; ~1 s to load)',
    commands: ['convert'],
  },
  {
    name: 'diff',
    type: 'boolean',
    description: 'list the edits instead of the repaired text',
    commands: ['repair'],
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
