/** `gongwen units`: per unit, the tasks it leads, supports and answers for, with their deadlines. */
import { loadGazetteer } from '../extract/units.js';
import type { Diagnostic } from '../graph/schema.js';
import { ingestAsync, readInput } from '../ingest/index.js';
import { convertSource } from '../pipeline.js';
import { isFormat, UNIT_FORMATS, type UnitFormat } from '../render/formats.js';
import { renderUnits, unitDuties, unitMatcher } from '../render/index.js';
import { formatDiagnostic } from './report.js';

/** Options of the units command, parsed from argv. */
export interface UnitsCommand {
  input: string;
  format: UnitFormat;
  /** `--unit NAME`: one unit only (its name, canonical name, an abbreviation or an alias). */
  unit?: string;
  /** Extra gazetteer files (`--units FILE`). */
  units: string[];
  quiet: boolean;
  verbose: boolean;
}

/** Exit status when the input cannot be read or no unit matches `--unit`. */
const EXIT_FAILED = 1;

/** The command from the parsed argv values, or the usage error's message. */
export function unitsCommand(
  input: string,
  values: Record<string, string | boolean | string[] | undefined>,
): UnitsCommand | string {
  const format = (values.format as string | undefined) ?? UNIT_FORMATS[0];
  if (!isFormat(UNIT_FORMATS, format))
    return `--format of units must be ${UNIT_FORMATS.join(', ')}; not '${format}'`;
  return {
    input,
    format,
    ...(typeof values.unit === 'string' ? { unit: values.unit } : {}),
    units: (values.units as string[] | undefined) ?? [],
    quiet: values.quiet === true,
    verbose: values.verbose === true,
  };
}

/** Runs the command; resolves to the exit status. */
export async function runUnits(cmd: UnitsCommand, readStdin: () => Promise<Uint8Array>): Promise<number> {
  let graph;
  let raw: string;
  try {
    const bytes = cmd.input === '-' ? await readStdin() : await readInput(cmd.input);
    const source = await ingestAsync(bytes, { path: cmd.input });
    raw = source.raw;
    graph = convertSource(source, bytes, { units: cmd.units, path: cmd.input });
  } catch (err) {
    const code = (err as { code?: string }).code ?? 'read-failed';
    process.stderr.write(`${cmd.input}:1:1 error ${(err as Error).message} ${code}\n`);
    return EXIT_FAILED;
  }
  for (const d of graph.diagnostics)
    if (shown(d, cmd)) process.stderr.write(formatDiagnostic(cmd.input, raw, d) + '\n');
  const filter =
    cmd.unit === undefined ? undefined : unitMatcher(cmd.unit, loadGazetteer(cmd.units), graph.document.date);
  const units = unitDuties(graph, filter);
  if (cmd.unit !== undefined && units.length === 0) {
    process.stderr.write(`gongwen: no unit in ${cmd.input} matches '${cmd.unit}'\n`);
    return EXIT_FAILED;
  }
  process.stdout.write(renderUnits(graph, units, cmd.format));
  return 0;
}

/** Info only with --verbose, only errors with --quiet (as `convert`). */
function shown(d: Diagnostic, cmd: UnitsCommand): boolean {
  if (d.severity === 'info' && !cmd.verbose) return false;
  return !(cmd.quiet && d.severity !== 'error');
}
