/** `gongwen diff <old> <new>`: the PlanDiff of two notices (or NoticeGraph JSON files) as JSON, Markdown or HTML. */
import { writeFileSync } from 'node:fs';
import { readInput } from '../ingest/index.js';
import { NoticeGraphSchema, type NoticeGraph } from '../graph/schema.js';
import { convert } from '../index.js';
import { diff } from '../diff/index.js';
import { looksLikeJson } from '../ingest/sniff-json.js';

/** The output formats of `gongwen diff`. */
export const DIFF_FORMATS = ['json', 'md', 'html', 'xlsx', 'docx'] as const;
/** The formats written as binary files (-o FILE or a redirected stdout). */
export const DIFF_BINARY_FORMATS: readonly string[] = ['xlsx', 'docx'];

/** What `gongwen diff` was asked to do. */
export interface DiffCommand {
  old: string;
  new: string;
  /** Every input, oldest first: more than two give the history of the editions. */
  editions?: string[];
  format: (typeof DIFF_FORMATS)[number];
  output?: string;
  units: string[];
}

/** Reads one side: a NoticeGraph JSON file (validated) or a notice in any format `convert` reads. */
export async function readSide(path: string, units: string[]): Promise<NoticeGraph> {
  const bytes = await readInput(path);
  if (!looksLikeJson(bytes)) return convert(bytes, { path, ...(units.length ? { units } : {}) });
  const parsed = NoticeGraphSchema.safeParse(JSON.parse(new TextDecoder('utf-8').decode(bytes)));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`not a NoticeGraph: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  return parsed.data;
}

/** Runs the command; resolves to the exit status. */
export async function runDiff(cmd: DiffCommand): Promise<number> {
  const sides: NoticeGraph[] = [];
  const paths = cmd.editions && cmd.editions.length > 2 ? cmd.editions : [cmd.old, cmd.new];
  for (const path of paths) {
    try {
      sides.push(await readSide(path, cmd.units));
    } catch (err) {
      const code = (err as { code?: string }).code ?? 'read-failed';
      process.stderr.write(`${path}:1:1 error ${(err as Error).message} ${code}\n`);
      return 1;
    }
  }
  if (sides.length > 2) return writeHistory(cmd, sides);
  const [oldGraph, newGraph] = sides as [NoticeGraph, NoticeGraph];
  const result = diff(oldGraph, newGraph, { units: cmd.units });
  if (cmd.format === 'xlsx' || cmd.format === 'docx') {
    const bytes =
      cmd.format === 'xlsx'
        ? await (await import('../render/diff-xlsx.js')).renderDiffXlsx(result)
        : await (await import('../render/diff-docx.js')).renderDiffDocx(result, oldGraph, newGraph);
    if (cmd.output !== undefined) writeFileSync(cmd.output, bytes);
    else process.stdout.write(bytes);
    return 0;
  }
  let text: string;
  if (cmd.format === 'md') text = (await import('../render/diff-markdown.js')).renderDiffMarkdown(result);
  else if (cmd.format === 'html')
    text = (await import('../render/diff-html.js')).renderDiffHtml(result, oldGraph, newGraph);
  else text = JSON.stringify(result, null, 2) + '\n';
  if (cmd.output !== undefined) writeFileSync(cmd.output, text);
  else process.stdout.write(text);
  return 0;
}

/** More than two editions: the history of each task and target, as JSON, Markdown or HTML. */
async function writeHistory(cmd: DiffCommand, graphs: NoticeGraph[]): Promise<number> {
  const h = (await import('../diff/history.js')).history(graphs, { units: cmd.units });
  const render = await import('../render/diff-history.js');
  const text =
    cmd.format === 'md'
      ? render.renderHistoryMarkdown(h)
      : cmd.format === 'html'
        ? render.renderHistoryHtml(h)
        : JSON.stringify(h, null, 2) + '\n';
  if (cmd.output !== undefined) writeFileSync(cmd.output, text);
  else process.stdout.write(text);
  return 0;
}
