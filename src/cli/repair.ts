/** `gongwen repair`: the repaired text, or with --diff the list of edits. Reads every format `convert` reads. */
import { ingestAsync, readInput, type IngestOptions } from '../ingest/index.js';
import { loadGazetteer } from '../extract/units.js';
import { REGION_HEAD } from '../pipeline.js';
import { repair } from '../repair/index.js';
import { formatDiagnostic, lineCol } from './report.js';

/** Runs the command; resolves to the exit status. */
export async function runRepair(
  input: string,
  diff: boolean,
  readStdin: () => Promise<Uint8Array>,
  ingestOptions: IngestOptions = {},
): Promise<number> {
  let raw: string;
  try {
    const bytes =
      input === '-'
        ? await readStdin()
        : await readInput(input, ingestOptions.maxBytes ? { maxBytes: ingestOptions.maxBytes } : {});
    // The text convert repairs: a PDF's text layer (or OCR with --ocr), a .docx's or a web page's text.
    raw = (
      await ingestAsync(bytes, {
        ...ingestOptions,
        path: input,
        onProgress: (p) => process.stderr.write(`${input}: OCR page ${p.page} (${p.index}/${p.total})\n`),
      })
    ).raw;
  } catch (err) {
    process.stderr.write(
      `${input}:1:1 error ${(err as Error).message} ${(err as { code?: string }).code ?? 'read-failed'}\n`,
    );
    return 1;
  }
  const result = repair(raw, { knownUnits: loadGazetteer().names(raw.slice(0, REGION_HEAD)) });
  for (const d of result.diagnostics) process.stderr.write(formatDiagnostic(input, raw, d) + '\n');
  if (!diff) {
    process.stdout.write(result.text);
    return 0;
  }
  for (const e of result.edits) {
    const { line, col } = lineCol(raw, e.start);
    process.stdout.write(
      `${input}:${line}:${col} ${e.ruleId} ${JSON.stringify(e.raw)} → ${JSON.stringify(e.fixed)}\n`,
    );
  }
  return 0;
}
